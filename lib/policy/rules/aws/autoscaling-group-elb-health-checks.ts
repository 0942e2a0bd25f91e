import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const AutoscalingGroupElbHealthChecks: PolicyRule = {
  id: "BKS-AWS-ASG-ELB-HEALTH",
  mirrors: ["CKV2_AWS_15"],
  explanation: "An autoscaling group behind a load balancer must use its health checks (health_check_type = ELB).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_autoscaling_group"],
  // Attached by its own target_group_arns, or by an aws_autoscaling_attachment (the only shape
  // checkov's CKV2_AWS_15 reads).
  check: (r, stack) => {
    const attached = (r.config.target_group_arns ?? []).length > 0 || stack.referencing("aws_autoscaling_attachment", r).length > 0;
    return compliantIf(!attached || r.config.health_check_type === "ELB");
  },
};
