import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const ALGORITHMS = ["AES256", "KMS", "SM4"];

export const CosEncrypted: PolicyRule = {
  id: "BKS-TC-COS-ENCRYPTED",
  mirrors: [],
  explanation: "A COS bucket must encrypt new objects at rest by default (encryption_algorithm).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_cos_bucket"],
  check: (r) => compliantIf(ALGORITHMS.includes(r.config.encryption_algorithm)),
};
