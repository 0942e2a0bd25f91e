import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const KmsKeyRotation: PolicyRule = {
  id: "BKS-AWS-KMS-ROTATION",
  mirrors: ["CKV_AWS_7"],
  explanation: "Customer-managed KMS keys must rotate yearly.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_kms_key"],
  check: (r) => compliantIf(isTrue(r.config.enable_key_rotation)),
};
