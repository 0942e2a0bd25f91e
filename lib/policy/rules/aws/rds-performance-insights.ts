import { isTrue } from "../../rule";
import { rdsSetting } from "./selectors";

export const RdsPerformanceInsights = rdsSetting(
  "BKS-AWS-RDS-PERFORMANCE-INSIGHTS",
  ["CKV_AWS_353", "AVD-AWS-0133"],
  "RDS must have Performance Insights on.",
  (c) => isTrue(c.performance_insights_enabled),
);
