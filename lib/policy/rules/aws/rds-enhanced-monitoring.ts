import { rdsSetting } from "./selectors";

export const RdsEnhancedMonitoring = rdsSetting(
  "BKS-AWS-RDS-MONITORING",
  ["CKV_AWS_118"],
  "RDS must have Enhanced Monitoring on (monitoring_interval > 0).",
  (c) => Number(c.monitoring_interval) > 0,
);
