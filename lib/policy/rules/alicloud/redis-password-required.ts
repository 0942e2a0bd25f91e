import { redisSetting } from "./selectors";

// checkov and KICS have no check of alicloud_kvstore_instance: the library's own rule.
// `vpc_auth_mode` defaults to Open (a password required); Close lets anyone in the VPC in.
export const RedisPasswordRequired = redisSetting(
  "BKS-ALI-REDIS-AUTH",
  [],
  "A Tair (Redis) instance must require a password inside the VPC (vpc_auth_mode not Close).",
  (c) => c.vpc_auth_mode !== "Close",
);
