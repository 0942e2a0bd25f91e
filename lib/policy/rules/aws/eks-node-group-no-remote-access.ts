import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const EksNodeGroupNoRemoteAccess: PolicyRule = {
  id: "BKS-AWS-EKS-NODE-REMOTE-ACCESS",
  mirrors: ["CKV_AWS_100"],
  explanation: "A node group must not open SSH to the world (remote_access without source security groups).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_eks_node_group"],
  check: (r) => compliantIf(blocksOf(r.config.remote_access).every((a) => (a.source_security_group_ids ?? []).length > 0)),
};
