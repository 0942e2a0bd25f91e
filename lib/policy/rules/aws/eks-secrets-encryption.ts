import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const EksSecretsEncryption: PolicyRule = {
  id: "BKS-AWS-EKS-SECRETS-ENCRYPTION",
  mirrors: ["CKV_AWS_58", "AVD-AWS-0039"],
  explanation: "EKS must encrypt Kubernetes secrets with a KMS key.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_eks_cluster"],
  check: (r) =>
    compliantIf(blocksOf(r.config.encryption_config).some((e) => (e.resources ?? []).includes("secrets") && blocksOf(e.provider).some((p) => p.key_arn))),
};
