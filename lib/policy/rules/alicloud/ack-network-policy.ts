import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

/** True when an add-on's JSON configuration turns NetworkPolicy on ("true"). */
function networkPolicyOn(config: unknown): boolean {
  if (typeof config !== "string") return false;
  try {
    return String((JSON.parse(config) as Record<string, unknown>)?.NetworkPolicy) === "true";
  } catch {
    return false;
  }
}

export const AckNetworkPolicy: PolicyRule = {
  id: "BKS-ALI-ACK-NETWORK-POLICY",
  // No scanner reads an ACK cluster's add-ons; the workloads' NetworkPolicy is enforced only by Terway with NetworkPolicy on.
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-network-policies
  mirrors: [],
  explanation: 'An ACK cluster must enforce NetworkPolicy: the terway-eniip add-on with NetworkPolicy "true" (Flannel enforces none), chosen when the cluster is created.',
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_cs_managed_kubernetes"],
  check: (r) => compliantIf(blocksOf(r.config.addons).some((addon) => addon.name === "terway-eniip" && !isTrue(addon.disabled) && networkPolicyOn(addon.config))),
};
