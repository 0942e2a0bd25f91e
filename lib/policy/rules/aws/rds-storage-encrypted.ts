import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const RdsStorageEncrypted: PolicyRule = {
  id: "BKS-AWS-RDS-ENCRYPTED",
  mirrors: ["CKV_AWS_16", "AVD-AWS-0080"],
  explanation: "RDS storage must be encrypted at rest (storage_encrypted = true).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_db_instance"],
  check: (r) => compliantIf(isTrue(r.config.storage_encrypted)),
};
