import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const AutoscalingGroupLaunchTemplate: PolicyRule = {
  id: "BKS-AWS-ASG-LAUNCH-TEMPLATE",
  mirrors: ["CKV_AWS_315"],
  explanation: "An autoscaling group must launch from a launch template, not a launch configuration.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_autoscaling_group"],
  check: (r) => compliantIf(r.config.launch_template !== undefined || r.config.mixed_instances_policy !== undefined),
};
