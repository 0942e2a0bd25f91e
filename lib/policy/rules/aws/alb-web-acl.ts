import { Compliance, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { LOAD_BALANCER_TYPES } from "./selectors";

export const AlbWebAcl: PolicyRule = {
  id: "BKS-AWS-ALB-WAF",
  mirrors: ["CKV2_AWS_28"],
  explanation: "A public ALB must be protected by a WAF web ACL.",
  level: PolicyLevel.ERROR,
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (r, stack) =>
    isTrue(r.config.internal) ? Compliance.NOT_APPLICABLE : compliantIf(stack.referencing("aws_wafv2_web_acl_association", r).length > 0),
};
