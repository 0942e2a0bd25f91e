import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const NoPublicInstanceAddress: PolicyRule = {
  id: "BKS-ALI-NO-PUBLIC-IP",
  mirrors: [],
  explanation: "Instances of scaling groups and node pools get no public address (no internet_max_bandwidth_out above 0); they go out through NAT.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_ess_scaling_configuration", "alicloud_cs_kubernetes_node_pool"],
  check: (r) => compliantIf(!(Number(r.config.internet_max_bandwidth_out ?? 0) > 0)),
};
