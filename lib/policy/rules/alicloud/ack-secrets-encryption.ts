import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const AckSecretsEncryption: PolicyRule = {
  id: "BKS-ALI-ACK-SECRETS-ENCRYPTION",
  mirrors: [],
  explanation: "An ACK cluster must encrypt Kubernetes secrets with a KMS key (encryption_provider_key).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_cs_managed_kubernetes"],
  check: (r) => compliantIf(Boolean(r.config.encryption_provider_key)),
};
