import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const NodePoolAutoRepair: PolicyRule = {
  id: "BKS-ALI-ACK-AUTO-REPAIR",
  mirrors: ["CKV_ALI_31"],
  explanation: "An ACK node pool must repair failed nodes automatically (management.auto_repair = true).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_cs_kubernetes_node_pool"],
  check: (r) => compliantIf(blocksOf(r.config.management).some((m) => isTrue(m.auto_repair))),
};
