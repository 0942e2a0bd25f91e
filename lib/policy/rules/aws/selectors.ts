import { ANY_PROTOCOL, groupKey, Opening, portsBetween, stackOpeningsBy } from "../../openings";
import { blocksOf, ResourceBlock, settingRule, StackView } from "../../rule";

// What several AWS rules look at: resource types and normalized views of their blocks.

export const LOAD_BALANCER_TYPES = ["aws_lb", "aws_alb"];
export const LISTENER_TYPES = ["aws_lb_listener", "aws_alb_listener"];
export const DISTRIBUTION_TYPES = ["aws_cloudfront_distribution"];
export const VPC_ORIGIN_TYPES = ["aws_cloudfront_vpc_origin"];
export const LAUNCH_TEMPLATE_TYPES = ["aws_launch_template"];

/** Application load balancers (the default type). */
export function isApplicationLoadBalancer(config: Record<string, any>): boolean {
  return (config.load_balancer_type ?? "application") === "application";
}

/** A distribution's default and ordered cache behaviours. */
export function cacheBehaviours(config: Record<string, any>): Record<string, any>[] {
  return [...blocksOf(config.default_cache_behavior), ...blocksOf(config.ordered_cache_behavior)];
}

/** The resource types that hold security group ingress rules: standalone rules and the group's inline ones. */
export const INGRESS_TYPES = ["aws_vpc_security_group_ingress_rule", "aws_security_group_rule", "aws_security_group"];

/** The resource types that hold security group egress rules. */
export const EGRESS_TYPES = ["aws_vpc_security_group_egress_rule", "aws_security_group_rule", "aws_security_group"];

/**
 * AWS's names for protocols, lower-cased: `-1` (or `all`) is every protocol, and a protocol
 * number names the same protocol as its name. A protocol other than TCP and UDP opens all
 * its traffic whatever ports the rule gives (ICMP's type and code are not ports).
 * ref: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html (IpProtocol; checked 2026-12-08)
 */
const PROTOCOLS: Readonly<Record<string, string>> = { "-1": ANY_PROTOCOL, all: ANY_PROTOCOL, "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };
const protocolOf = (value: unknown): string => {
  const name = String(value).toLowerCase();
  return PROTOCOLS[name] ?? name;
};

/** A customer-managed prefix list, and an entry added to one as a resource of its own. */
const PREFIX_LIST = "aws_ec2_managed_prefix_list";
const PREFIX_LIST_ENTRY = "aws_ec2_managed_prefix_list_entry";

/**
 * The CIDRs of the prefix lists a rule names (`prefix_list_id`, `prefix_list_ids`) that the
 * stack holds: a list's inline `entry` blocks and every `aws_ec2_managed_prefix_list_entry`
 * whose `prefix_list_id` names it. A rule admits what its lists hold as surely as the CIDRs
 * it writes itself.
 *
 * A list the stack does not hold adds nothing: an AWS-managed list named by its ID
 * (`pl-...`, such as CloudFront's origin-facing list) or one read from a data source. Its
 * entries are unknown at synth and AWS's to keep, and they name a service's own addresses
 * (CloudFront's servers, S3's endpoints), not the internet at large: no grant the pack can judge.
 * ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/ec2_managed_prefix_list (entry: cidr)
 * ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/ec2_managed_prefix_list_entry (prefix_list_id, cidr)
 */
function prefixListCidrs(stack: StackView, ids: unknown): unknown[] {
  return (Array.isArray(ids) ? ids : [ids]).flatMap((id) => {
    const list = stack.referenced(id);
    if (list?.type !== PREFIX_LIST) return [];
    const entries = stack.referencing(PREFIX_LIST_ENTRY, list).filter((e) => stack.referenced(e.config.prefix_list_id)?.address === list.address);
    return [...blocksOf(list.config.entry).map((e) => e.cidr), ...entries.map((e) => e.config.cidr)];
  });
}

/**
 * What a security group rule opens, in each shape the AWS provider accepts: a standalone
 * `aws_vpc_security_group_{ingress,egress}_rule` or `aws_security_group_rule` applies to
 * the group its `security_group_id` names; an `aws_security_group`'s inline `ingress` and
 * `egress` blocks apply to the group itself. Its addresses are the CIDRs it writes and
 * those of the prefix lists of the stack it names.
 */
export function openingsOf(r: ResourceBlock, stack: StackView): Opening[] {
  const c = r.config;
  switch (r.type) {
    case "aws_vpc_security_group_ingress_rule":
    case "aws_vpc_security_group_egress_rule":
      return [
        {
          resource: r,
          group: groupKey(stack, c.security_group_id, r),
          direction: r.type === "aws_vpc_security_group_ingress_rule" ? "ingress" : "egress",
          protocol: protocolOf(c.ip_protocol),
          ports: portsBetween(c.from_port ?? 0, c.to_port ?? 65535),
          addresses: [c.cidr_ipv4, c.cidr_ipv6, ...prefixListCidrs(stack, c.prefix_list_id)].filter(Boolean),
        },
      ];
    case "aws_security_group_rule":
      return c.type === "ingress" || c.type === "egress"
        ? [
            {
              resource: r,
              group: groupKey(stack, c.security_group_id, r),
              direction: c.type,
              protocol: protocolOf(c.protocol),
              ports: portsBetween(c.from_port, c.to_port),
              addresses: [...(c.cidr_blocks ?? []), ...(c.ipv6_cidr_blocks ?? []), ...prefixListCidrs(stack, c.prefix_list_ids)],
            },
          ]
        : [];
    case "aws_security_group":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        blocksOf(c[direction]).map((b) => ({
          resource: r,
          group: r.address,
          direction,
          protocol: protocolOf(b.protocol),
          ports: portsBetween(b.from_port, b.to_port),
          addresses: [...(b.cidr_blocks ?? []), ...(b.ipv6_cidr_blocks ?? []), ...prefixListCidrs(stack, b.prefix_list_ids)],
        })),
      );
    default:
      return [];
  }
}

/** Every opening of the stack's security groups in one direction. */
export function stackOpenings(stack: StackView, direction: "ingress" | "egress"): Opening[] {
  return stackOpeningsBy(openingsOf, stack, direction);
}

/** A rule that one argument of `aws_db_instance` must satisfy: the many scanner checks of RDS settings. */
export const rdsSetting = settingRule("aws_db_instance");

/** A rule that one argument of `aws_elasticache_replication_group` must satisfy: the scanner checks of a cache's settings. */
export const cacheSetting = settingRule("aws_elasticache_replication_group");

/** The S3 bucket types: the bucket itself, whose settings live in resources that name it. */
export const BUCKET_TYPES = ["aws_s3_bucket"];

/**
 * The blocks of a bucket-setting resource type (`aws_s3_bucket_versioning`, ...) whose
 * `bucket` argument names this bucket: a reference elsewhere (a logging target) does not count.
 */
export function settingsOf(stack: StackView, type: string, bucket: ResourceBlock): ResourceBlock[] {
  return stack.referencing(type, bucket).filter((setting) => stack.referenced(setting.config.bucket)?.address === bucket.address);
}
