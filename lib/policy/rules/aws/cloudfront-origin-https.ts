import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { DISTRIBUTION_TYPES, VPC_ORIGIN_TYPES } from "./selectors";

/** TLS versions an origin connection may use. */
const ORIGIN_TLS = ["TLSv1.2"];

/** A distribution's custom origins, or a VPC origin's endpoint (which holds its protocol itself), as protocol and TLS versions. */
function originConnections(type: string, config: Record<string, any>): { policy: unknown; tls: unknown[] }[] {
  if (VPC_ORIGIN_TYPES.includes(type)) {
    return blocksOf(config.vpc_origin_endpoint_config).map((e) => ({
      policy: e.origin_protocol_policy,
      tls: blocksOf(e.origin_ssl_protocols).flatMap((p) => p.items ?? []),
    }));
  }
  return blocksOf(config.origin)
    .flatMap((o) => blocksOf(o.custom_origin_config))
    .map((c) => ({ policy: c.origin_protocol_policy, tls: c.origin_ssl_protocols ?? [] }));
}

export const CloudFrontOriginHttps: PolicyRule = {
  id: "BKS-AWS-CDN-ORIGIN-HTTPS",
  // Not CKV2_AWS_72: checkov 3.3.30 passes an http-only custom origin (its JSONPath filter never
  // matches the origin blocks, in HCL as in JSON), so it cannot confirm this rule.
  mirrors: ["CKV2_AWS_54"],
  explanation: "Custom origins and VPC origins must be reached over HTTPS only, without SSLv3 or TLS 1.0/1.1.",
  level: PolicyLevel.ERROR,
  resourceTypes: [...DISTRIBUTION_TYPES, ...VPC_ORIGIN_TYPES],
  check: (r) => compliantIf(originConnections(r.type, r.config).every((c) => c.policy === "https-only" && c.tls.every((p) => ORIGIN_TLS.includes(String(p))))),
};
