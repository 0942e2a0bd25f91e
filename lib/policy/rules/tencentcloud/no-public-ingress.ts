import { admitsInternet, blocksOf, compliantIf, PolicyLevel, PolicyRule, ResourceBlock } from "../../rule";

/** True when the block admits the whole internet, in each shape the provider accepts. */
function acceptsInternet(r: ResourceBlock): boolean {
  const c = r.config;
  switch (r.type) {
    case "tencentcloud_security_group_rule":
      return c.type === "ingress" && String(c.policy ?? "").toUpperCase() === "ACCEPT" && admitsInternet([c.cidr_ip]);
    case "tencentcloud_security_group_rule_set":
      return blocksOf(c.ingress).some((i) => String(i.action).toUpperCase() === "ACCEPT" && admitsInternet([i.cidr_block, i.ipv6_cidr_block]));
    default:
      // tencentcloud_security_group_lite_rule: "ACCEPT#0.0.0.0/0#80#TCP"
      return (c.ingress ?? []).some((rule: unknown) => {
        const [action, cidr] = String(rule).split("#");
        return action.toUpperCase() === "ACCEPT" && admitsInternet([cidr]);
      });
  }
}

export const NoPublicIngress: PolicyRule = {
  id: "BKS-TC-SG-PUBLIC-INGRESS",
  mirrors: ["CKV_TC_8"],
  explanation: "No security group may ACCEPT ingress from the internet (0.0.0.0/0, ::/0, or a block of more than a /8 of public addresses); a public load balancer documents its suppression.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_security_group_rule", "tencentcloud_security_group_rule_set", "tencentcloud_security_group_lite_rule"],
  check: (r) => compliantIf(!acceptsInternet(r)),
};
