import { isTrue } from "../../rule";
import { redisSetting } from "./selectors";

// checkov and KICS have no check of tencentcloud_redis_instance: the library's own rule.
export const RedisPasswordRequired = redisSetting(
  "BKS-TC-REDIS-AUTH",
  [],
  "A Redis instance must require a password (no_auth not true, a password set).",
  (c) => !isTrue(c.no_auth) && Boolean(c.password),
);
