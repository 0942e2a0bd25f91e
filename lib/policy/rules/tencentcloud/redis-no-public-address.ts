import { redisSetting } from "./selectors";

// checkov and KICS have no check of tencentcloud_redis_instance: the library's own rule,
// the counterpart of BKS-TC-MYSQL-NO-INTERNET (CKV_TC_9) for the cache.
export const RedisNoPublicAddress = redisSetting(
  "BKS-TC-REDIS-NO-PUBLIC-ADDRESS",
  [],
  "A Redis instance must not be reachable from the internet (wan_address_switch not open).",
  (c) => String(c.wan_address_switch ?? "close").toLowerCase() !== "open",
);
