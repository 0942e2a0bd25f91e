import { ANYWHERE_CIDRS } from "../../rule";
import { redisSetting } from "./selectors";

// checkov and KICS have no check of alicloud_kvstore_instance: the library's own rule,
// the counterpart of BKS-ALI-RDS-WHITELIST (CKV_ALI_9) for the cache.
export const RedisNoPublicWhitelist = redisSetting(
  "BKS-ALI-REDIS-WHITELIST",
  [],
  "A Tair (Redis) instance's IP whitelist (security_ips) must not hold 0.0.0.0 or 0.0.0.0/0.",
  (c) => !(c.security_ips ?? []).some((ip: unknown) => ANYWHERE_CIDRS.includes(String(ip))),
);
