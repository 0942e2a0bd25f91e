import { blocksOf } from "../../rule";
import { containerRule } from "./selectors";

export const RuntimeDefaultSeccomp = containerRule(
  "BKS-K8S-SECCOMP",
  // Not CKV_K8S_31: checkov has it for manifests only, no Terraform kubernetes_* check (3.3.30).
  ["KSV030"],
  "Containers must use the RuntimeDefault seccomp profile (set on the pod or the container).",
  (c, spec) =>
    [c.security_context, spec.security_context].some((context) =>
      blocksOf(blocksOf(context)[0]?.seccomp_profile).some((p) => p.type === "RuntimeDefault"),
    ),
);
