import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES } from "./selectors";

export const CloudFrontOriginHttps: PolicyRule = {
  id: "BKS-AWS-CDN-ORIGIN-HTTPS",
  // Not CKV2_AWS_72: checkov 3.3.30 passes an http-only custom origin (its JSONPath filter never
  // matches the origin blocks, in HCL as in JSON), so it cannot confirm this rule.
  mirrors: ["CKV2_AWS_54"],
  explanation: "Custom origins must be reached over HTTPS only, without SSLv3 or TLS 1.0/1.1.",
  level: PolicyLevel.ERROR,
  resourceTypes: DISTRIBUTION_TYPES,
  check: (r) =>
    compliantIf(
      blocksOf(r.config.origin)
        .flatMap((o) => blocksOf(o.custom_origin_config))
        .every((c) => c.origin_protocol_policy === "https-only" && (c.origin_ssl_protocols ?? []).every((p: string) => ["TLSv1.2"].includes(p))),
    ),
};
