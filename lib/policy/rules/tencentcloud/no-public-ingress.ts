import { ANYWHERE_CIDRS, blocksOf, compliantIf, PolicyLevel, PolicyRule, ResourceBlock } from "../../rule";

/** True when the block admits the whole internet, in each shape the provider accepts. */
function admitsInternet(r: ResourceBlock): boolean {
  const c = r.config;
  switch (r.type) {
    case "tencentcloud_security_group_rule":
      return c.type === "ingress" && String(c.policy ?? "").toUpperCase() === "ACCEPT" && ANYWHERE_CIDRS.includes(String(c.cidr_ip));
    case "tencentcloud_security_group_rule_set":
      return blocksOf(c.ingress).some((i) => String(i.action).toUpperCase() === "ACCEPT" && (ANYWHERE_CIDRS.includes(String(i.cidr_block)) || ANYWHERE_CIDRS.includes(String(i.ipv6_cidr_block))));
    default:
      // tencentcloud_security_group_lite_rule: "ACCEPT#0.0.0.0/0#80#TCP"
      return (c.ingress ?? []).some((rule: unknown) => {
        const [action, cidr] = String(rule).split("#");
        return action.toUpperCase() === "ACCEPT" && ANYWHERE_CIDRS.includes(cidr);
      });
  }
}

export const NoPublicIngress: PolicyRule = {
  id: "BKS-TC-SG-PUBLIC-INGRESS",
  mirrors: ["CKV_TC_8"],
  explanation: "No security group may ACCEPT ingress from 0.0.0.0/0 or ::/0; a public load balancer documents its suppression.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_security_group_rule", "tencentcloud_security_group_rule_set", "tencentcloud_security_group_lite_rule"],
  check: (r) => compliantIf(!admitsInternet(r)),
};
