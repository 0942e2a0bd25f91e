import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const TargetGroupHealthCheck: PolicyRule = {
  id: "BKS-AWS-TARGET-GROUP-HEALTH-CHECK",
  mirrors: ["CKV_AWS_261"],
  explanation: "A target group must define an enabled health check.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_lb_target_group", "aws_alb_target_group"],
  check: (r) => compliantIf(blocksOf(r.config.health_check).some((h) => h.enabled !== false && h.enabled !== "false")),
};
