import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const VpcDefaultSecurityGroupClosed: PolicyRule = {
  id: "BKS-AWS-VPC-DEFAULT-SG",
  mirrors: ["CKV2_AWS_12"],
  explanation: "A VPC's default security group must allow nothing.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_vpc"],
  check: (r, stack) =>
    compliantIf(stack.referencing("aws_default_security_group", r).some((g) => g.config.ingress === undefined && g.config.egress === undefined)),
};
