import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const VpcFlowLogs: PolicyRule = {
  id: "BKS-TC-VPC-FLOW-LOGS",
  // checkov's CKV_TC_14 reads only a tencentcloud_vpc_flow_log_config, whose `enable` must be
  // true; whether a VPC has a flow log at all is the library's own half of the rule.
  mirrors: ["CKV_TC_14"],
  explanation: "A VPC must record its flow logs (a tencentcloud_vpc_flow_log of the VPC), and a flow log config must not turn them off.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_vpc", "tencentcloud_vpc_flow_log_config"],
  check: (r, stack) =>
    r.type === "tencentcloud_vpc_flow_log_config"
      ? compliantIf(r.config.enable === undefined || isTrue(r.config.enable))
      : compliantIf(stack.referencing("tencentcloud_vpc_flow_log", r).length > 0),
};
