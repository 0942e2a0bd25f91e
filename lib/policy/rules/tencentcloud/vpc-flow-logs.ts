import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const VpcFlowLogs: PolicyRule = {
  id: "BKS-TC-VPC-FLOW-LOGS",
  mirrors: ["CKV_TC_14"],
  explanation: "A VPC must record its flow logs (a tencentcloud_vpc_flow_log of the VPC).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_vpc"],
  check: (r, stack) => compliantIf(stack.referencing("tencentcloud_vpc_flow_log", r).length > 0),
};
