import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const AutoscalingGroupElbHealthChecks: PolicyRule = {
  id: "BKS-AWS-ASG-ELB-HEALTH",
  mirrors: ["CKV2_AWS_15"],
  explanation: "An autoscaling group behind a load balancer must use its health checks (health_check_type = ELB).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_autoscaling_group"],
  check: (r) => compliantIf((r.config.target_group_arns ?? []).length === 0 || r.config.health_check_type === "ELB"),
};
