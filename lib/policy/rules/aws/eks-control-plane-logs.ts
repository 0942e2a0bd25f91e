import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const ALL_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const EksControlPlaneLogs: PolicyRule = {
  id: "BKS-AWS-EKS-LOGS",
  mirrors: ["CKV_AWS_37", "AVD-AWS-0038"],
  explanation: `EKS must log every control-plane component: ${ALL_LOG_TYPES.join(", ")}.`,
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_eks_cluster"],
  check: (r) => compliantIf(ALL_LOG_TYPES.every((t) => (r.config.enabled_cluster_log_types ?? []).includes(t))),
};
