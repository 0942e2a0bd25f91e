import { Construct } from "constructs";
import { SecurityGroup } from "../generated/tencentcloud/security-group";
import { SecurityGroupRule } from "../generated/tencentcloud/security-group-rule";

/**
 * A security group with no inline rules: every rule is its own
 * `tencentcloud_security_group_rule`, so other constructs can add rules (a database
 * admitting a new peer) without fighting over one rule set. A Tencent Cloud security
 * group with no rule admits and sends nothing.
 * ref: https://www.tencentcloud.com/document/product/213/12452
 */
export function securityGroup(scope: Construct, id: string, props: { name: string; description: string }): SecurityGroup {
  return new SecurityGroup(scope, id, { name: props.name, description: props.description });
}

export interface RuleProps {
  readonly securityGroupId: string;
  readonly direction: "ingress" | "egress";
  /** `TCP`, `UDP` or `ALL`. */
  readonly protocol: string;
  /** A port, a range such as `30000-32767`, or `ALL` (only with protocol `ALL`). */
  readonly port?: string;
  /** The other side: an IPv4 range or a security group. */
  readonly cidr?: string;
  readonly sourceSecurityGroupId?: string;
  readonly description: string;
}

/** One ACCEPT rule. */
export function acceptRule(scope: Construct, id: string, props: RuleProps): SecurityGroupRule {
  return new SecurityGroupRule(scope, id, {
    securityGroupId: props.securityGroupId,
    type: props.direction,
    policy: "ACCEPT",
    ipProtocol: props.protocol,
    portRange: props.protocol === "ALL" ? undefined : props.port,
    cidrIp: props.cidr,
    sourceSgid: props.sourceSecurityGroupId,
    description: props.description,
  });
}
