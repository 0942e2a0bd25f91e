import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const RdsNotPublic: PolicyRule = {
  id: "BKS-AWS-RDS-PRIVATE",
  mirrors: ["CKV_AWS_17", "AVD-AWS-0180"],
  explanation: "An RDS instance must not be publicly accessible.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_db_instance"],
  check: (r) => compliantIf(!isTrue(r.config.publicly_accessible)),
};
