import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const TkeSecretsEncryption: PolicyRule = {
  id: "BKS-TC-TKE-SECRETS-ENCRYPTION",
  mirrors: ["KICS 3ed47402-e322-465f-a0f0-8681135a17b0"],
  explanation: "A TKE cluster must encrypt Kubernetes secrets with a KMS key (tencentcloud_kubernetes_encryption_protection).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_kubernetes_cluster"],
  check: (r, stack) =>
    compliantIf(stack.referencing("tencentcloud_kubernetes_encryption_protection", r).some((p) => blocksOf(p.config.kms_configuration).some((k) => Boolean(k.key_id)))),
};
