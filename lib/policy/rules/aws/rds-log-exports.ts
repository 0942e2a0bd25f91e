import { rdsSetting } from "./selectors";

export const RdsLogExports = rdsSetting(
  "BKS-AWS-RDS-LOG-EXPORTS",
  ["CKV_AWS_129"],
  "RDS must export its logs to CloudWatch (enabled_cloudwatch_logs_exports non-empty).",
  (c) => Array.isArray(c.enabled_cloudwatch_logs_exports) && c.enabled_cloudwatch_logs_exports.length > 0,
);
