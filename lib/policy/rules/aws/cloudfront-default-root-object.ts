import { blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontDefaultRootObject: PolicyRule = {
  id: "BKS-AWS-CDN-ROOT-OBJECT",
  mirrors: ["CKV_AWS_305"],
  explanation: "A distribution should name a default root object, so / never lists an S3 origin.",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) =>
    blocksOf(r.config.origin).every((o) => o.custom_origin_config !== undefined)
      ? Compliance.NOT_APPLICABLE
      : compliantIf(typeof r.config.default_root_object === "string" && r.config.default_root_object !== ""),
};
