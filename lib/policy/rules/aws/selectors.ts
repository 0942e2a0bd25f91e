import { blocksOf, ResourceBlock, settingRule, StackView } from "../../rule";

// What several AWS rules look at: resource types and normalized views of their blocks.

export const LOAD_BALANCER_TYPES = ["aws_lb", "aws_alb"];
export const LISTENER_TYPES = ["aws_lb_listener", "aws_alb_listener"];
export const DISTRIBUTION_TYPES = ["aws_cloudfront_distribution"];
export const VPC_ORIGIN_TYPES = ["aws_cloudfront_vpc_origin"];
export const LAUNCH_TEMPLATE_TYPES = ["aws_launch_template"];
export const INGRESS_TYPES = ["aws_vpc_security_group_ingress_rule", "aws_security_group_rule", "aws_security_group"];

/** Application load balancers (the default type). */
export function isApplicationLoadBalancer(config: Record<string, any>): boolean {
  return (config.load_balancer_type ?? "application") === "application";
}

/** A distribution's default and ordered cache behaviours. */
export function cacheBehaviours(config: Record<string, any>): Record<string, any>[] {
  return [...blocksOf(config.default_cache_behavior), ...blocksOf(config.ordered_cache_behavior)];
}

export interface IngressRule {
  readonly from: number;
  readonly to: number;
  readonly protocol: string;
  readonly cidrs: string[];
}

/** Ingress rules of every shape the AWS provider accepts, normalized. */
export function ingressRules(r: ResourceBlock): IngressRule[] {
  const c = r.config;
  switch (r.type) {
    case "aws_vpc_security_group_ingress_rule":
      return [{ from: Number(c.from_port ?? 0), to: Number(c.to_port ?? 65535), protocol: String(c.ip_protocol), cidrs: [c.cidr_ipv4, c.cidr_ipv6].filter(Boolean) }];
    case "aws_security_group_rule":
      return c.type === "ingress"
        ? [{ from: Number(c.from_port), to: Number(c.to_port), protocol: String(c.protocol), cidrs: [...(c.cidr_blocks ?? []), ...(c.ipv6_cidr_blocks ?? [])] }]
        : [];
    default:
      return blocksOf(c.ingress).map((i) => ({
        from: Number(i.from_port),
        to: Number(i.to_port),
        protocol: String(i.protocol),
        cidrs: [...(i.cidr_blocks ?? []), ...(i.ipv6_cidr_blocks ?? [])],
      }));
  }
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
