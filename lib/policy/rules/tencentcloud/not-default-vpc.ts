import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const NotDefaultVpc: PolicyRule = {
  id: "BKS-TC-NOT-DEFAULT-VPC",
  mirrors: ["CKV_TC_5"],
  explanation: "Instances, clusters, databases and load balancers must be placed in a VPC of their own (vpc_id set, not the default VPC).",
  level: PolicyLevel.ERROR,
  resourceTypes: [
    "tencentcloud_instance",
    "tencentcloud_as_scaling_group",
    "tencentcloud_kubernetes_cluster",
    "tencentcloud_kubernetes_node_pool",
    "tencentcloud_mysql_instance",
    "tencentcloud_clb_instance",
  ],
  check: (r) => {
    const vpc = r.config.vpc_id;
    return compliantIf(Boolean(vpc) && !String(vpc).toLowerCase().includes("default"));
  },
};
