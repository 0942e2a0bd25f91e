import { ANYWHERE_CIDRS, blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const NoPublicEgress: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-EGRESS",
  mirrors: ["AVD-AWS-0104"],
  explanation: "No security group should send to the whole internet.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_vpc_security_group_egress_rule", "aws_security_group_rule", "aws_security_group"],
  check: (r) => {
    const c = r.config;
    if (r.type === "aws_vpc_security_group_egress_rule") return compliantIf(!ANYWHERE_CIDRS.includes(c.cidr_ipv4) && !ANYWHERE_CIDRS.includes(c.cidr_ipv6));
    if (r.type === "aws_security_group_rule") {
      return c.type === "egress" ? compliantIf(![...(c.cidr_blocks ?? []), ...(c.ipv6_cidr_blocks ?? [])].some((x: string) => ANYWHERE_CIDRS.includes(x))) : Compliance.NOT_APPLICABLE;
    }
    return compliantIf(!blocksOf(c.egress).some((e) => [...(e.cidr_blocks ?? []), ...(e.ipv6_cidr_blocks ?? [])].some((x: string) => ANYWHERE_CIDRS.includes(x))));
  },
};
