import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const NonDefaultNamespace: PolicyRule = {
  id: "BKS-K8S-NAMESPACE",
  mirrors: ["CKV_K8S_21", "KSV110"],
  explanation: "Objects must live in a namespace of their own, never default.",
  level: PolicyLevel.ERROR,
  resourceTypes: [
    "kubernetes_deployment_v1",
    "kubernetes_service_v1",
    "kubernetes_config_map_v1",
    "kubernetes_secret_v1",
    "kubernetes_ingress_v1",
    "kubernetes_service_account_v1",
    "kubernetes_horizontal_pod_autoscaler_v2",
    "kubernetes_pod_disruption_budget_v1",
    "kubernetes_network_policy_v1",
  ],
  check: (r) => compliantIf(blocksOf(r.config.metadata).every((m) => m.namespace !== undefined && m.namespace !== "default")),
};
