import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const Route53QueryLogs: PolicyRule = {
  id: "BKS-AWS-ROUTE53-QUERY-LOGS",
  mirrors: ["CKV2_AWS_39"],
  explanation: "A public hosted zone must log the DNS queries it answers.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_route53_zone"],
  // A private zone (with a VPC) logs through Route 53 Resolver's query logging instead.
  check: (r, stack) => (r.config.vpc !== undefined ? Compliance.NOT_APPLICABLE : compliantIf(stack.referencing("aws_route53_query_log", r).length > 0)),
};
