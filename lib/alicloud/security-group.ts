import { Construct } from "constructs";
import { SecurityGroup } from "../generated/alicloud/security-group";
import { SecurityGroupRule } from "../generated/alicloud/security-group-rule";

/**
 * A security group with no inline rules: every rule is its own
 * `alicloud_security_group_rule`, so other constructs can add rules later. Members
 * cannot reach each other unless a rule says so (`inner_access_policy = Drop`).
 * ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/security_group
 */
export function securityGroup(scope: Construct, id: string, props: { vpcId: string; name: string; description: string }): SecurityGroup {
  return new SecurityGroup(scope, id, {
    vpcId: props.vpcId,
    securityGroupName: props.name,
    description: props.description,
    securityGroupType: "normal",
    innerAccessPolicy: "Drop",
  });
}

export interface RuleProps {
  readonly description: string;
  /** "tcp", "udp" or "all". */
  readonly protocol: string;
  /** A port, or undefined for all ports. */
  readonly port?: number;
  readonly cidr?: string;
  readonly sourceSecurityGroupId?: string;
  /** Lower wins; 1 to 100. @default 1 */
  readonly priority?: number;
  /** @default "accept" */
  readonly policy?: "accept" | "drop";
}

/** One ingress or egress rule on the VPC side of the group. */
export function rule(scope: Construct, id: string, securityGroupId: string, type: "ingress" | "egress", props: RuleProps): SecurityGroupRule {
  return new SecurityGroupRule(scope, id, {
    securityGroupId,
    type,
    description: props.description,
    ipProtocol: props.protocol,
    portRange: props.port === undefined ? "-1/-1" : `${props.port}/${props.port}`,
    nicType: "intranet",
    policy: props.policy ?? "accept",
    priority: props.priority ?? 1,
    cidrIp: props.cidr,
    sourceSecurityGroupId: props.sourceSecurityGroupId,
  });
}
