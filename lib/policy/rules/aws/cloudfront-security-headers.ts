import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { cacheBehaviours, DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontSecurityHeaders: PolicyRule = {
  id: "BKS-AWS-CDN-SECURITY-HEADERS",
  // Not CKV_AWS_259: that checks the HSTS settings of an aws_cloudfront_response_headers_policy,
  // which this rule does not read (the bookstore attaches AWS's managed policy by ID).
  mirrors: ["CKV2_AWS_32"],
  explanation: "Every cache behaviour must attach a response headers policy (HSTS and friends).",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) => compliantIf(cacheBehaviours(r.config).every((b) => typeof b.response_headers_policy_id === "string")),
};
