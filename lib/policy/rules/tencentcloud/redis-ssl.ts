import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

// checkov and KICS have no check of tencentcloud_redis_instance: the library's own rule.
export const RedisSsl: PolicyRule = {
  id: "BKS-TC-REDIS-SSL",
  mirrors: [],
  explanation: "A Redis instance must offer TLS to clients (a tencentcloud_redis_ssl with ssl_config = enabled).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_redis_instance"],
  check: (r, stack) => compliantIf(stack.referencing("tencentcloud_redis_ssl", r).some((ssl) => ssl.config.ssl_config === "enabled")),
};
