import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

// checkov and KICS have no check of alicloud_kvstore_instance: the library's own rule.
// WARNING: `deletionProtection: false` is the documented way to remove the cache on purpose.
export const RedisReleaseProtection: PolicyRule = {
  id: "BKS-ALI-REDIS-RELEASE-PROTECTION",
  mirrors: [],
  explanation: "A Tair (Redis) instance should refuse release through the API (instance_release_protection = true).",
  level: PolicyLevel.WARNING,
  resourceTypes: ["alicloud_kvstore_instance"],
  check: (r) => compliantIf(isTrue(r.config.instance_release_protection)),
};
