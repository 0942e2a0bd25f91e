import { Construct } from "constructs";
import { CdnDomain, CdnDomainHttpsConfig, CdnDomainRuleCache } from "../generated/tencentcloud/cdn-domain";
import { CdnAttributes, CdnSpec } from "../core/cdn";
import { ServiceArea } from "../core/service-area";
import { ValidationError } from "../core/validation";
import { TencentcloudCatalog } from "./catalog";
import { certificateId } from "./load-balancer";

const ONE_YEAR_SECONDS = 31536000;

/**
 * Where each `area` of Tencent Cloud CDN serves viewers; `mainland` and `global` need the
 * domain's ICP filing.
 * ref: https://www.tencentcloud.com/document/product/228/34015 (AddCdnDomain: Area)
 */
const SERVICE_AREAS: Readonly<Record<string, ServiceArea>> = Object.freeze({
  mainland: ServiceArea.MAINLAND_CHINA,
  overseas: ServiceArea.OUTSIDE_MAINLAND_CHINA,
  global: ServiceArea.GLOBAL,
});

/**
 * A neutral path pattern as a Tencent CDN cache rule target:
 * `/static/*` -> directory `/static`, `*.css` -> file `css`, `/robots.txt` -> path, `/*` -> all.
 * ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_cdn_domain.rule_cache.rule_type
 */
export function cacheRuleTarget(pattern: string): { ruleType: string; rulePaths: string[] } {
  if (pattern.startsWith("*.")) return { ruleType: "file", rulePaths: [pattern.slice(2)] };
  if (pattern === "/*") return { ruleType: "all", rulePaths: ["*"] };
  if (pattern.endsWith("*")) {
    const directory = pattern.slice(0, -1).replace(/\/+$/, "");
    return { ruleType: "directory", rulePaths: [directory] };
  }
  return { ruleType: "path", rulePaths: [pattern] };
}

/**
 * Tencent Cloud CDN for the shop's domain in front of the load balancer. Nothing is
 * cached but the static paths, so pages with a session are never shared; the origin is
 * fetched over HTTPS only with the shop's domain as Host, so the CLB's certificate and
 * rule match. Viewers get HTTPS only (HTTP is redirected), HTTP/2, OCSP stapling and HSTS.
 */
export function createTencentcloudCdn(scope: Construct, spec: CdnSpec, catalog: TencentcloudCatalog, region: string): CdnAttributes {
  const certificate = certificateId(scope, "certificate", spec.certificate, catalog);
  const area = catalog.tencentcloud.cdnAreaByRegion[region];
  if (area === undefined) {
    throw new ValidationError(scope, "region", region, `a region with a CDN area in the Tencent Cloud catalog: ${Object.keys(catalog.tencentcloud.cdnAreaByRegion).join(", ")}`);
  }

  // Later rules take precedence: first "cache nothing", then each static path.
  const ruleCache: CdnDomainRuleCache[] = [
    { ruleType: "all", rulePaths: ["*"], switch: "off", noCacheSwitch: "on", cacheTime: 0, reValidate: "on" },
    ...spec.staticPaths.map((pattern) => ({
      ...cacheRuleTarget(pattern),
      switch: "on",
      noCacheSwitch: "off",
      // The origin's Cache-Control decides; when it says nothing, the TTL applies.
      followOriginSwitch: "on",
      heuristicCacheSwitch: "on",
      heuristicCacheTime: spec.staticCacheTtlSeconds,
      cacheTime: Math.min(ONE_YEAR_SECONDS, Math.max(spec.staticCacheTtlSeconds, 1)),
      ignoreSetCookie: "off",
    })),
  ];

  const domain = new CdnDomain(scope, "Resource", {
    domain: spec.domain,
    serviceType: "web",
    area,
    origin: {
      // The load balancer's address is its VIP (see the load balancer adapter).
      originType: "ip",
      originList: [spec.origin.dnsName],
      serverName: spec.domain,
      originPullProtocol: "https",
    },
    httpsConfig: viewerHttps(certificate),
    ruleCache,
    followRedirectSwitch: "off",
  });

  const assetsCdnDomainName = spec.assets && spec.assetsDomain ? assetsDomain(scope, spec, spec.assetsDomain, area, certificate) : undefined;
  return { cdnDomainName: domain.cname, assetsCdnDomainName, serviceArea: SERVICE_AREAS[area] };
}

/** HTTPS only for viewers: HTTP redirected, HTTP/2, OCSP stapling, HSTS for a year. */
function viewerHttps(certificate: string): CdnDomainHttpsConfig {
  return {
    httpsSwitch: "on",
    http2Switch: "on",
    ocspStaplingSwitch: "on",
    verifyClient: "off",
    serverCertificateConfig: { certificateId: certificate },
    forceRedirect: { switch: "on", redirectType: "https", redirectStatusCode: 301 },
    hsts: { switch: "on", maxAge: ONE_YEAR_SECONDS, includeSubDomains: "off" },
  };
}

/**
 * The asset bucket on a CDN domain of its own (provider 1.83.25 cannot route a path to a
 * second origin, see the catalog): the bucket as a COS origin fetched over HTTPS with
 * origin-pull authentication for private buckets (`cos_private_access`), the bucket's
 * host name as Host (COS finds the bucket by it), every object cached for
 * `staticCacheTtlSeconds` unless its own Cache-Control says otherwise, and the same viewer
 * HTTPS as the shop's domain.
 * ref: https://www.tencentcloud.com/document/product/436/18424 (private bucket: CDN origin-pull authentication)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cdn/resource_tc_cdn_domain.go (origin.cos_private_access)
 */
function assetsDomain(scope: Construct, spec: CdnSpec, domainName: string, area: string, certificate: string): string {
  const bucketHost = spec.assets!.originDomainName;
  const domain = new CdnDomain(scope, "AssetsDomain", {
    domain: domainName,
    serviceType: "web",
    area,
    origin: { originType: "cos", originList: [bucketHost], serverName: bucketHost, cosPrivateAccess: "on", originPullProtocol: "https" },
    httpsConfig: viewerHttps(certificate),
    ruleCache: [
      {
        ruleType: "all",
        rulePaths: ["*"],
        switch: "on",
        noCacheSwitch: "off",
        followOriginSwitch: "on",
        heuristicCacheSwitch: "on",
        heuristicCacheTime: spec.staticCacheTtlSeconds,
        cacheTime: Math.min(ONE_YEAR_SECONDS, Math.max(spec.staticCacheTtlSeconds, 1)),
        ignoreSetCookie: "off",
      },
    ],
    followRedirectSwitch: "off",
  });
  spec.assets!.allowCdnReads(domain.domain);
  return domain.cname;
}
