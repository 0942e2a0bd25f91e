import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

// WARNING: `highlyAvailable: false` is a documented relaxation for non-production stores.
export const CacheAutomaticFailover: PolicyRule = {
  id: "BKS-AWS-CACHE-FAILOVER",
  mirrors: ["CKV2_AWS_50"],
  explanation: "An ElastiCache replication group should fail over to a replica by itself (automatic_failover_enabled = true).",
  level: PolicyLevel.WARNING,
  resourceTypes: ["aws_elasticache_replication_group"],
  check: (r) => compliantIf(isTrue(r.config.automatic_failover_enabled)),
};
