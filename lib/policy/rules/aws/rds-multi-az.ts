import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

// WARNING: `highlyAvailable: false` is a documented relaxation for non-production stores.
export const RdsMultiAz: PolicyRule = {
  id: "BKS-AWS-RDS-MULTI-AZ",
  mirrors: ["CKV_AWS_157"],
  explanation: "An RDS instance should have a standby in a second zone (multi_az = true).",
  level: PolicyLevel.WARNING,
  resourceTypes: ["aws_db_instance"],
  check: (r) => compliantIf(isTrue(r.config.multi_az)),
};
