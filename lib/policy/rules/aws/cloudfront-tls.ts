import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontTls: PolicyRule = {
  id: "BKS-AWS-CDN-TLS",
  mirrors: ["CKV_AWS_174", "AVD-AWS-0013", "CKV2_AWS_42"],
  explanation: "Viewers must get TLSv1.2_2021 or newer on a certificate of the shop's own (not CloudFront's default).",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) =>
    compliantIf(
      blocksOf(r.config.viewer_certificate).every(
        (c) => !isTrue(c.cloudfront_default_certificate) && ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"].includes(c.minimum_protocol_version),
      ) && blocksOf(r.config.viewer_certificate).length === 1,
    ),
};
