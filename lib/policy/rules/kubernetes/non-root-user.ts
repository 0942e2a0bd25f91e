import { isTrue } from "../../rule";
import { containerRule, securityValue } from "./selectors";

/** UIDs below this may collide with users of the host. */
const MIN_UID = 10000;

export const NonRootUser = containerRule(
  "BKS-K8S-NON-ROOT",
  // Not CKV_K8S_23 / CKV_K8S_40: checkov has them for manifests only, no Terraform
  // kubernetes_* check (3.3.30).
  ["KSV012", "KSV020"],
  `Containers must run as non-root with a UID of at least ${MIN_UID}.`,
  (c, spec) => isTrue(securityValue(c, spec, "run_as_non_root")) && Number(securityValue(c, spec, "run_as_user")) >= MIN_UID,
);
