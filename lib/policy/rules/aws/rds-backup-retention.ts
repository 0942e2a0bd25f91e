import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

/** The project's floor, stricter than the scanners' (1 and 2 days). */
const MIN_DAYS = 7;

export const RdsBackupRetention: PolicyRule = {
  id: "BKS-AWS-RDS-BACKUPS",
  mirrors: ["CKV_AWS_133", "AVD-AWS-0077"],
  explanation: `RDS automated backups must be kept ${MIN_DAYS} to 35 days.`,
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_db_instance"],
  check: (r) => compliantIf(Number(r.config.backup_retention_period) >= MIN_DAYS && Number(r.config.backup_retention_period) <= 35),
};
