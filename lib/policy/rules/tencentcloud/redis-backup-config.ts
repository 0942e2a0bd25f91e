import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

// checkov and KICS have no check of tencentcloud_redis_instance: the library's own rule,
// the counterpart of BKS-TC-MYSQL-BACKUP-POLICY for the cache.
export const RedisBackupConfig: PolicyRule = {
  id: "BKS-TC-REDIS-BACKUPS",
  mirrors: [],
  explanation: "A Redis instance must have its daily backup set (a tencentcloud_redis_backup_config with a backup_time).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_redis_instance"],
  check: (r, stack) => compliantIf(stack.referencing("tencentcloud_redis_backup_config", r).some((backup) => Boolean(backup.config.backup_time))),
};
