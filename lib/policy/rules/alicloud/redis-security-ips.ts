import { admitsInternet } from "../../rule";
import { redisSetting } from "./selectors";

// checkov and KICS have no check of alicloud_kvstore_instance: the library's own rule,
// the counterpart of BKS-ALI-RDS-WHITELIST (CKV_ALI_9) for the cache.
export const RedisNoPublicWhitelist = redisSetting(
  "BKS-ALI-REDIS-WHITELIST",
  [],
  "A Tair (Redis) instance's IP whitelist (security_ips) must not admit the internet: 0.0.0.0, 0.0.0.0/0, or blocks that add up to more than a /8 of public addresses.",
  (c) => !admitsInternet(c.security_ips ?? []),
);
