import { podRule } from "./selectors";

export const NoServiceAccountToken = podRule(
  "BKS-K8S-SERVICE-ACCOUNT-TOKEN",
  // Not CKV_K8S_38: checkov has it for manifests only, no Terraform kubernetes_* check (3.3.30).
  ["KSV036"],
  "Pods must not mount a service-account token unless they call the Kubernetes API.",
  (spec) => spec.automount_service_account_token === false || spec.automount_service_account_token === "false",
);
