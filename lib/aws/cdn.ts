import { Construct } from "constructs";
import { CloudfrontCachePolicy } from "@cdktf/provider-aws/lib/cloudfront-cache-policy";
import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CdnAttributes, CdnSpec } from "../core/cdn";
import { ServiceArea } from "../core/service-area";
import { AwsCatalog } from "./catalog";
import { certificateArn } from "./certificate";
import { AwsLogBucket, LOG_PREFIXES } from "./log-bucket";
import { cdnVpcOriginOf } from "./load-balancer";
import { managedRulesWebAcl } from "./web-acl";

const ORIGIN_ID = "load-balancer";
const ASSETS_ORIGIN_ID = "asset-bucket";
const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
const READ_METHODS = ["GET", "HEAD"];
/** Longest a static object may be cached even when the origin asks for longer. */
const ONE_YEAR_SECONDS = 31536000;

/**
 * CloudFront in front of the load balancer, through the load balancer's VPC origin where it
 * is internal (built for the CDN), else as a custom origin on its public name. Static paths are cached; everything else
 * passes through uncached with the viewer's headers, Host included, so the origin's
 * certificate for the shop's domain validates and sessions are never shared. HTTPS only
 * on both sides, TLS 1.2+ to viewers, AWS managed WAF rules, security headers (HSTS),
 * standard logs to the stack's log bucket.
 *
 * With an asset bucket, the static paths go to the bucket instead, through origin access
 * control (CloudFront signs every request with SigV4, and the bucket admits only this
 * distribution), cached by path only: no viewer header reaches S3, whose host name must
 * stay the bucket's own. Every other path still goes to the load balancer.
 * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 */
export function createAwsCdn(scope: Construct, spec: CdnSpec, catalog: AwsCatalog, region: string, globalProvider: AwsProvider): CdnAttributes {
  const policies = catalog.aws.cloudFront;
  const webAcl = managedRulesWebAcl(scope, "WebAcl", { name: `${spec.name}-web-acl`, scope: "CLOUDFRONT", provider: globalProvider });
  const logs = AwsLogBucket.of(scope, catalog.aws.elbLogDeliveryAccounts[region]);

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

  const assets = spec.assets;
  const assetsOrigin = assets
    ? {
        originId: ASSETS_ORIGIN_ID,
        domainName: assets.originDomainName,
        originAccessControlId: new CloudfrontOriginAccessControl(scope, "AssetsOriginAccessControl", {
          name: `${spec.name}-assets`,
          description: `CloudFront signs its requests to the asset bucket of ${spec.domain}`,
          originAccessControlOriginType: "s3",
          signingBehavior: "always",
          signingProtocol: "sigv4",
        }).id,
      }
    : undefined;
  const staticBehaviour = assetsOrigin
    ? { targetOriginId: ASSETS_ORIGIN_ID, viewerProtocolPolicy: "redirect-to-https", compress: true, responseHeadersPolicyId: policies.securityHeadersPolicyId }
    : behaviour;

  // An internal load balancer built for the CDN is reached through its VPC origin, whose own
  // settings hold the protocol (HTTPS only, TLS 1.2); an internet-facing one as a custom origin.
  const vpcOriginId = cdnVpcOriginOf(spec.origin);
  const loadBalancerOrigin = vpcOriginId
    ? { originId: ORIGIN_ID, domainName: spec.origin.dnsName, vpcOriginConfig: { vpcOriginId } }
    : {
        originId: ORIGIN_ID,
        domainName: spec.origin.dnsName,
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: "https-only",
          originSslProtocols: [...policies.originSslProtocols],
        },
      };

  const distribution = new CloudfrontDistribution(scope, "Resource", {
    enabled: true,
    isIpv6Enabled: true,
    httpVersion: "http2and3",
    comment: `${spec.name}: ${spec.domain}`,
    aliases: [spec.domain],
    webAclId: webAcl.arn,
    origin: [
      loadBalancerOrigin,
      ...(assetsOrigin ? [assetsOrigin] : []),
    ],
    defaultCacheBehavior: {
      ...behaviour,
      allowedMethods: ALL_METHODS,
      cachedMethods: READ_METHODS,
      cachePolicyId: policies.cachingDisabledPolicyId,
    },
    orderedCacheBehavior: spec.staticPaths.map((pathPattern) => ({
      ...staticBehaviour,
      pathPattern,
      allowedMethods: READ_METHODS,
      cachedMethods: READ_METHODS,
      cachePolicyId: staticCache.id,
    })),
    restrictions: { geoRestriction: { restrictionType: "none" } },
    loggingConfig: { bucket: logs.bucket.bucketDomainName, prefix: `${LOG_PREFIXES.cdn}/`, includeCookies: false },
    viewerCertificate: {
      acmCertificateArn: certificateArn(scope, "certificate", spec.certificate, spec.domain, catalog.aws.globalRegion, globalProvider),
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: catalog.aws.cloudFrontMinimumProtocolVersion,
    },
    // Before the bucket's ownership controls allow ACLs, CloudFront refuses the logging
    // bucket ("The S3 bucket that you specified for CloudFront logs does not enable ACL access").
    dependsOn: [logs.ownershipControls],
  });

  assets?.allowCdnReads(distribution.arn);
  // CloudFront's edges are all outside mainland China; China's CloudFront is a separate
  // service of the China regions' partition, which this library does not build.
  // ref: https://docs.amazonaws.cn/en_us/aws/latest/userguide/cloudfront.html
  return { cdnDomainName: distribution.domainName, serviceArea: ServiceArea.OUTSIDE_MAINLAND_CHINA };
}
