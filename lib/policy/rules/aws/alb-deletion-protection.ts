import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { LOAD_BALANCER_TYPES } from "./selectors";

// WARNING: `deletionProtection: false` is a documented relaxation.
export const AlbDeletionProtection: PolicyRule = {
  id: "BKS-AWS-ALB-DELETION-PROTECTION",
  mirrors: ["CKV_AWS_150"],
  explanation: "A load balancer should have deletion protection on.",
  level: PolicyLevel.WARNING,
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (r) => compliantIf(isTrue(r.config.enable_deletion_protection)),
};
