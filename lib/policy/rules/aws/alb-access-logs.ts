import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { LOAD_BALANCER_TYPES } from "./selectors";

export const AlbAccessLogs: PolicyRule = {
  id: "BKS-AWS-ALB-ACCESS-LOGS",
  mirrors: ["CKV_AWS_91"],
  explanation: "A load balancer must write access logs.",
  level: PolicyLevel.ERROR,
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (r) => compliantIf(blocksOf(r.config.access_logs).some((l) => isTrue(l.enabled) && l.bucket !== undefined)),
};
