import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { isApplicationLoadBalancer, LOAD_BALANCER_TYPES } from "./selectors";

export const AlbDesyncMitigation: PolicyRule = {
  id: "BKS-AWS-ALB-DESYNC",
  mirrors: ["CKV_AWS_328"],
  explanation: "An ALB's desync mitigation must be defensive or strictest.",
  level: PolicyLevel.ERROR,
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (r) =>
    isApplicationLoadBalancer(r.config) ? compliantIf(["defensive", "strictest", undefined].includes(r.config.desync_mitigation_mode)) : Compliance.NOT_APPLICABLE,
};
