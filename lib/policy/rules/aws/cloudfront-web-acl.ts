import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontWebAcl: PolicyRule = {
  id: "BKS-AWS-CDN-WAF",
  mirrors: ["CKV_AWS_68", "AVD-AWS-0011"],
  explanation: "A distribution must be protected by a WAF web ACL.",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) => compliantIf(typeof r.config.web_acl_id === "string" && r.config.web_acl_id !== ""),
};
