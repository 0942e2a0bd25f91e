import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const SecurityGroupDescriptions: PolicyRule = {
  id: "BKS-AWS-SG-DESCRIPTIONS",
  mirrors: ["CKV_AWS_23", "AVD-AWS-0099", "AVD-AWS-0124"],
  explanation: "Security groups and their rules must say what they are for (description).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_security_group_rule"],
  check: (r) => compliantIf(typeof r.config.description === "string" && r.config.description.trim() !== ""),
};
