import { admitsInternet, blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const NoPublicEgress: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-EGRESS",
  mirrors: ["AVD-AWS-0104"],
  explanation: "No security group should send to the internet (0.0.0.0/0, or blocks that add up to more than a /8 of public addresses).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_vpc_security_group_egress_rule", "aws_security_group_rule", "aws_security_group"],
  check: (r) => {
    const c = r.config;
    if (r.type === "aws_vpc_security_group_egress_rule") return compliantIf(!admitsInternet([c.cidr_ipv4, c.cidr_ipv6]));
    if (r.type === "aws_security_group_rule") {
      return c.type === "egress" ? compliantIf(!admitsInternet([...(c.cidr_blocks ?? []), ...(c.ipv6_cidr_blocks ?? [])])) : Compliance.NOT_APPLICABLE;
    }
    return compliantIf(!blocksOf(c.egress).some((e) => admitsInternet([...(e.cidr_blocks ?? []), ...(e.ipv6_cidr_blocks ?? [])])));
  },
};
