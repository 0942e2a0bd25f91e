import { Compliance, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { isApplicationLoadBalancer, LOAD_BALANCER_TYPES } from "./selectors";

export const AlbDropInvalidHeaders: PolicyRule = {
  id: "BKS-AWS-ALB-DROP-INVALID-HEADERS",
  mirrors: ["CKV_AWS_131", "AVD-AWS-0052"],
  explanation: "An ALB must drop invalid HTTP header fields (request smuggling).",
  level: PolicyLevel.ERROR,
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (r) => (isApplicationLoadBalancer(r.config) ? compliantIf(isTrue(r.config.drop_invalid_header_fields)) : Compliance.NOT_APPLICABLE),
};
