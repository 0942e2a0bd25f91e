import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";

/**
 * A security group with no inline rules: every rule is its own
 * `aws_vpc_security_group_*_rule` resource, so rules can be added by other constructs
 * without the group and the rules fighting over the same state.
 * ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group
 */
export function securityGroup(scope: Construct, id: string, props: { vpcId: string; namePrefix: string; description: string }): SecurityGroup {
  return new SecurityGroup(scope, id, {
    vpcId: props.vpcId,
    namePrefix: `${props.namePrefix}-`,
    description: props.description,
    revokeRulesOnDelete: true,
    lifecycle: { createBeforeDestroy: true },
  });
}
