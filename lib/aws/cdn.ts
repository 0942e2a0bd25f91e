import { Construct } from "constructs";
import { CloudfrontCachePolicy } from "@cdktf/provider-aws/lib/cloudfront-cache-policy";
import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { CdnAttributes, CdnSpec } from "../core/cdn";
import { AwsCatalog } from "./catalog";
import { certificateArn } from "./certificate";

const ORIGIN_ID = "load-balancer";
const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
const READ_METHODS = ["GET", "HEAD"];
/** Longest a static object may be cached even when the origin asks for longer. */
const ONE_YEAR_SECONDS = 31536000;

// AWS managed rule groups: common exploits, and known-bad inputs such as Log4Shell.
// ref: https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
const MANAGED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];

/**
 * CloudFront in front of the load balancer. Static paths are cached; everything else
 * passes through uncached with the viewer's headers, Host included, so the origin's
 * certificate for the shop's domain validates and sessions are never shared. HTTPS only
 * on both sides, TLS 1.2+ to viewers, AWS managed WAF rules, security headers (HSTS).
 */
export function createAwsCdn(scope: Construct, spec: CdnSpec, catalog: AwsCatalog, globalProvider: AwsProvider): CdnAttributes {
  const policies = catalog.aws.cloudFront;
  const webAcl = new Wafv2WebAcl(scope, "WebAcl", {
    provider: globalProvider,
    name: `${spec.name}-web-acl`,
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: `${spec.name}-web-acl`, sampledRequestsEnabled: true },
    rule: MANAGED_RULE_GROUPS.map((group, priority) => ({
      name: group,
      priority,
      overrideAction: { none: {} },
      // `statement` is untyped in the binding (too deeply nested to generate); its keys
      // are the provider's own. ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl
      statement: { managed_rule_group_statement: { name: group, vendor_name: "AWS" } },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: group, sampledRequestsEnabled: true },
    })),
  });

  const staticCache = new CloudfrontCachePolicy(scope, "StaticCachePolicy", {
    name: `${spec.name}-static`,
    comment: "Static assets: cached by path only",
    minTtl: 0,
    defaultTtl: spec.staticCacheTtlSeconds,
    maxTtl: Math.max(ONE_YEAR_SECONDS, spec.staticCacheTtlSeconds),
    parametersInCacheKeyAndForwardedToOrigin: {
      cookiesConfig: { cookieBehavior: "none" },
      headersConfig: { headerBehavior: "none" },
      queryStringsConfig: { queryStringBehavior: "none" },
      enableAcceptEncodingBrotli: true,
      enableAcceptEncodingGzip: true,
    },
  });

  const behaviour = {
    targetOriginId: ORIGIN_ID,
    viewerProtocolPolicy: "redirect-to-https",
    compress: true,
    originRequestPolicyId: policies.allViewerOriginRequestPolicyId,
    responseHeadersPolicyId: policies.securityHeadersPolicyId,
  };

  const distribution = new CloudfrontDistribution(scope, "Resource", {
    enabled: true,
    isIpv6Enabled: true,
    httpVersion: "http2and3",
    comment: `${spec.name}: ${spec.domain}`,
    aliases: [spec.domain],
    webAclId: webAcl.arn,
    origin: [
      {
        originId: ORIGIN_ID,
        domainName: spec.origin.dnsName,
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: "https-only",
          originSslProtocols: ["TLSv1.2"],
        },
      },
    ],
    defaultCacheBehavior: {
      ...behaviour,
      allowedMethods: ALL_METHODS,
      cachedMethods: READ_METHODS,
      cachePolicyId: policies.cachingDisabledPolicyId,
    },
    orderedCacheBehavior: spec.staticPaths.map((pathPattern) => ({
      ...behaviour,
      pathPattern,
      allowedMethods: READ_METHODS,
      cachedMethods: READ_METHODS,
      cachePolicyId: staticCache.id,
    })),
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: {
      acmCertificateArn: certificateArn(scope, "certificate", spec.certificate, spec.domain, catalog.aws.globalRegion, globalProvider),
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: catalog.aws.cloudFrontMinimumProtocolVersion,
    },
  });

  return { cdnDomainName: distribution.domainName };
}
