import { redisSetting } from "./selectors";

// checkov and KICS have no check of alicloud_kvstore_instance: the library's own rule.
export const RedisSsl = redisSetting(
  "BKS-ALI-REDIS-SSL",
  [],
  "A Tair (Redis) instance must offer TLS to clients (ssl_enable = Enable or Update).",
  (c) => ["Enable", "Update"].includes(c.ssl_enable),
);
