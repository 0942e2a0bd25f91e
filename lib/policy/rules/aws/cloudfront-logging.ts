import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontLogging: PolicyRule = {
  id: "BKS-AWS-CDN-LOGGING",
  mirrors: ["CKV_AWS_86", "AVD-AWS-0010"],
  explanation: "A distribution must write access logs (logging_config).",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) => compliantIf(blocksOf(r.config.logging_config).some((l) => typeof l.bucket === "string")),
};
