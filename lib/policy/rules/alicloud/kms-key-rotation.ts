import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const KmsKeyRotation: PolicyRule = {
  id: "BKS-ALI-KMS-ROTATION",
  mirrors: ["CKV_ALI_27"],
  explanation: "KMS keys must rotate automatically (automatic_rotation = Enabled).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_kms_key"],
  check: (r) => compliantIf(r.config.automatic_rotation === "Enabled"),
};
