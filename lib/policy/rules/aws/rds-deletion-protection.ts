import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

// WARNING: `deletionProtection: false` is the documented way to remove a database on purpose.
export const RdsDeletionProtection: PolicyRule = {
  id: "BKS-AWS-RDS-DELETION-PROTECTION",
  mirrors: ["CKV_AWS_293", "AVD-AWS-0177"],
  explanation: "An RDS instance should have deletion protection on, so no plan can delete the data.",
  level: PolicyLevel.WARNING,
  resourceTypes: ["aws_db_instance"],
  check: (r) => compliantIf(isTrue(r.config.deletion_protection)),
};
