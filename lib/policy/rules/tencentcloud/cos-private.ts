import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const CosPrivate: PolicyRule = {
  id: "BKS-TC-COS-PRIVATE",
  // checkov 3.3.30 has no check of COS buckets.
  mirrors: [],
  explanation: "A COS bucket must be private (acl private, the provider's default): the CDN and the web tier sign their requests.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_cos_bucket"],
  check: (r) => compliantIf((r.config.acl ?? "private") === "private" && r.config.acl_body === undefined),
};
