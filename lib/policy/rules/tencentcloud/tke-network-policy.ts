import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const TkeNetworkPolicy: PolicyRule = {
  id: "BKS-TC-TKE-NETWORK-POLICY",
  // No scanner reads a TKE cluster's add-ons; a GlobalRouter cluster enforces NetworkPolicy only with TKE's add-on.
  // ref: https://www.tencentcloud.com/document/product/457/31424 ("TKE provides network isolation through the Network Policy add-on")
  mirrors: [],
  explanation: "A TKE cluster must enforce NetworkPolicy: TKE's networkpolicy add-on installed on it (tencentcloud_kubernetes_addon).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_kubernetes_cluster"],
  check: (r, stack) => compliantIf(stack.referencing("tencentcloud_kubernetes_addon", r).some((addOn) => addOn.config.addon_name === "networkpolicy")),
};
