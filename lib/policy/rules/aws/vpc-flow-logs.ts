import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const VpcFlowLogs: PolicyRule = {
  id: "BKS-AWS-VPC-FLOW-LOGS",
  mirrors: ["CKV2_AWS_11"],
  explanation: "A VPC must record its flow logs.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_vpc"],
  check: (r, stack) => compliantIf(stack.referencing("aws_flow_log", r).length > 0),
};
