import { blocksOf, ResourceBlock, settingRule } from "../../rule";

// What several Tencent Cloud rules look at: the places where an instance's launch
// settings live, which differ between a CVM, a launch configuration, a TKE node pool and
// the node configs of a TKE cluster.


/** The resource types that launch CVM instances. */
export const INSTANCE_TYPES = ["tencentcloud_instance", "tencentcloud_as_scaling_config", "tencentcloud_kubernetes_node_pool", "tencentcloud_kubernetes_cluster"];

/**
 * The blocks holding one kind of instance's launch settings: the resource itself for a
 * CVM or a launch configuration, `auto_scaling_config` (+ `node_config`) for a node pool,
 * every `master_config` and `worker_config` for a cluster.
 */
export function launchSettings(r: ResourceBlock): Record<string, any>[] {
  switch (r.type) {
    case "tencentcloud_kubernetes_node_pool":
      return blocksOf(r.config.auto_scaling_config);
    case "tencentcloud_kubernetes_cluster":
      return [...blocksOf(r.config.master_config), ...blocksOf(r.config.worker_config)];
    default:
      return [r.config];
  }
}

/** True when `value` is explicitly false (`false` or `"false"`). */
export function isFalse(value: unknown): boolean {
  return value === false || value === "false";
}

/** A rule that one argument of `tencentcloud_mysql_instance` must satisfy. */
export const mysqlSetting = settingRule("tencentcloud_mysql_instance");

/** A rule that one argument of `tencentcloud_redis_instance` must satisfy. */
export const redisSetting = settingRule("tencentcloud_redis_instance");
