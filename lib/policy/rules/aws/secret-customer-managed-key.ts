import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const SecretCustomerManagedKey: PolicyRule = {
  id: "BKS-AWS-SECRET-CMK",
  mirrors: ["CKV_AWS_149"],
  explanation: "A Secrets Manager secret must be encrypted with a customer managed KMS key (kms_key_id), not aws/secretsmanager.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_secretsmanager_secret"],
  check: (r) => compliantIf(typeof r.config.kms_key_id === "string" && r.config.kms_key_id !== ""),
};
