import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const VpcFlowLogs: PolicyRule = {
  id: "BKS-TC-VPC-FLOW-LOGS",
  // Not checkov's CKV_TC_14: it reads the `enable` flag of tencentcloud_vpc_flow_log_config, not
  // whether a VPC has a flow log (checked against checkov 3.3.30 by test/scan/checkov-breakage.test.ts).
  mirrors: [],
  explanation: "A VPC must record its flow logs (a tencentcloud_vpc_flow_log of the VPC).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_vpc"],
  check: (r, stack) => compliantIf(stack.referencing("tencentcloud_vpc_flow_log", r).length > 0),
};
