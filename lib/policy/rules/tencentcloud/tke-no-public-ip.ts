import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { launchSettings } from "./selectors";

export const TkeNoPublicIp: PolicyRule = {
  id: "BKS-TC-TKE-NO-PUBLIC-IP",
  mirrors: ["CKV_TC_7", "KICS df6928ed-02f4-421f-9a67-a529860dd7e7"],
  explanation: "TKE nodes (the cluster's master_config / worker_config, a node pool's auto_scaling_config) get no public IP and no internet bandwidth.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_kubernetes_cluster", "tencentcloud_kubernetes_node_pool"],
  check: (r) => compliantIf(!launchSettings(r).some((s) => isTrue(s.public_ip_assigned) || Number(s.internet_max_bandwidth_out ?? 0) > 0)),
};
