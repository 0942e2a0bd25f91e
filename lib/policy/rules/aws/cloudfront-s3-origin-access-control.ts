import { blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontS3OriginAccessControl: PolicyRule = {
  id: "BKS-AWS-CDN-S3-OAC",
  mirrors: ["CKV2_AWS_46"],
  explanation: "A distribution must read every S3 bucket origin through origin access control, so the bucket admits CloudFront's signed requests only.",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r, stack) => {
    const bucketOrigins = blocksOf(r.config.origin).filter((o) => stack.referenced(o.domain_name)?.type === "aws_s3_bucket");
    return bucketOrigins.length === 0 ? Compliance.NOT_APPLICABLE : compliantIf(bucketOrigins.every((o) => typeof o.origin_access_control_id === "string" && o.origin_access_control_id !== ""));
  },
};
