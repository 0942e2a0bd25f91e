import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { cacheBehaviours, DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontViewerHttps: PolicyRule = {
  id: "BKS-AWS-CDN-VIEWER-HTTPS",
  mirrors: ["CKV_AWS_34", "AVD-AWS-0012"],
  explanation: "Every cache behaviour must redirect viewers to HTTPS or accept HTTPS only.",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) => compliantIf(cacheBehaviours(r.config).every((b) => ["redirect-to-https", "https-only"].includes(b.viewer_protocol_policy))),
};
