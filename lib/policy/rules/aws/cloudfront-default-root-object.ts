import { blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

/** Path patterns under which CloudFront would send a request for `/` to an ordered cache behavior. */
const ROOT_PATTERNS = ["*", "/*", "/"];

/**
 * The origins a request for `/` may reach: the one of the first ordered behavior that
 * matches it, else the default behavior's; every origin where the block names neither.
 */
function rootOrigins(config: Record<string, any>): Record<string, any>[] {
  const origins = blocksOf(config.origin);
  const behaviour = blocksOf(config.ordered_cache_behavior).find((b) => ROOT_PATTERNS.includes(b.path_pattern)) ?? blocksOf(config.default_cache_behavior)[0];
  const target = origins.find((o) => behaviour !== undefined && o.origin_id === behaviour.target_origin_id);
  return target ? [target] : origins;
}

export const CloudFrontDefaultRootObject: PolicyRule = {
  id: "BKS-AWS-CDN-ROOT-OBJECT",
  mirrors: ["CKV_AWS_305"],
  explanation: "A distribution whose / reaches an S3 origin should name a default root object, so / never lists the bucket.",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  // Only the origin that serves / matters: an application behind a custom origin or a VPC origin serves / itself.
  check: (r) =>
    rootOrigins(r.config).every((o) => o.custom_origin_config !== undefined || o.vpc_origin_config !== undefined)
      ? Compliance.NOT_APPLICABLE
      : compliantIf(typeof r.config.default_root_object === "string" && r.config.default_root_object !== ""),
};
