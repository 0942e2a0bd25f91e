import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const MysqlBackupPolicy: PolicyRule = {
  id: "BKS-TC-MYSQL-BACKUP-POLICY",
  mirrors: ["KICS ca94be07-7de3-4ae7-85ef-67e0462ec694"],
  explanation: "A MySQL instance must have a backup policy (tencentcloud_mysql_backup_policy) that sets how long backups are kept.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_mysql_instance"],
  check: (r, stack) => compliantIf(stack.referencing("tencentcloud_mysql_backup_policy", r).some((p) => Number(p.config.retention_period ?? 7) > 0)),
};
