import { admitsInternet } from "../../rule";
import { redisSetting, whitelistEntries } from "./selectors";

// checkov and KICS have no check of alicloud_kvstore_instance: the library's own rule,
// the counterpart of BKS-ALI-RDS-WHITELIST (CKV_ALI_9) for the cache. Unlike RDS, the
// instance's `security_ips` is its whole whitelist in Terraform: aliyun/alicloud 1.289.0 has
// no resource that adds to it (alicloud_redis_global_security_ip_group attaches to no
// kvstore instance), so the rule has no other resource to add up.
// ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_redis_global_security_ip_group.go (global_ip_list, global_ip_group_name only)
export const RedisNoPublicWhitelist = redisSetting(
  "BKS-ALI-REDIS-WHITELIST",
  [],
  "A Tair (Redis) instance's IP whitelist (security_ips) must not admit the internet: 0.0.0.0, 0.0.0.0/0, or blocks that add up to more than a /8 of public addresses.",
  (c) => !admitsInternet(whitelistEntries(c.security_ips)),
);
