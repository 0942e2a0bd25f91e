import { Construct } from "constructs";
import { CdnDomainConfig } from "../generated/alicloud/cdn-domain-config";
import { CdnDomainNew, CdnDomainNewCertificateConfig } from "../generated/alicloud/cdn-domain-new";
import { CdnAttributes, CdnSpec } from "../core/cdn";
import { ServiceArea } from "../core/service-area";
import { AlicloudCatalog } from "./catalog";
import { casCertificateId } from "./certificate";

/**
 * Where each `scope` of Alibaba Cloud CDN serves viewers; `domestic` and `global` need
 * the domain's ICP filing.
 * ref: https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-addcdndomain (Scope)
 */
const SERVICE_AREAS: Readonly<Record<string, ServiceArea>> = Object.freeze({
  domestic: ServiceArea.MAINLAND_CHINA,
  overseas: ServiceArea.OUTSIDE_MAINLAND_CHINA,
  global: ServiceArea.GLOBAL,
});

/** HSTS max-age: 180 days. */
const HSTS_MAX_AGE_SECONDS = 15552000;

/**
 * Alibaba Cloud CDN for the load balancer's domain. Viewers get HTTPS only (HTTP is
 * redirected, TLS 1.2 and 1.3 only, HSTS) with the Certificate Management Service
 * certificate; the CDN fetches from the load balancer over HTTPS on 443 with the shop's
 * domain as SNI and Host. Static paths are cached for `staticCacheTtlSeconds`; every
 * other path has a TTL of 0, so pages with a session are never shared.
 * ref: https://www.alibabacloud.com/help/en/cdn/developer-reference/parameters-for-configuring-features-for-domain-names
 */
export function createAlicloudCdn(scope: Construct, spec: CdnSpec, catalog: AlicloudCatalog, region: string): CdnAttributes {
  const specifics = catalog.alicloud;
  const certificateId = casCertificateId(scope, "certificate", spec.certificate);
  const certificateConfig = {
    certId: certificateId,
    certType: "cas",
    certRegion: specifics.certificateServiceRegions[region],
    serverCertificateStatus: "on",
  };

  const cdnScope = specifics.cdnScopes[region];
  const domain = new CdnDomainNew(scope, "Resource", {
    domainName: spec.domain,
    cdnType: "web",
    scope: cdnScope,
    sources: [{ content: spec.origin.dnsName, type: "ipaddr", port: 443, priority: 20, weight: 10 }],
    certificateConfig,
  });

  const config = configsOf(scope, domain);
  secureViewersAndOrigin(config, "");
  config("OriginSni", "https_origin_sni", { enabled: "on", https_origin_sni: spec.domain });
  config("OriginHost", "set_req_host_header", { domain_name: spec.domain });

  // Nothing is cached unless a static path says so.
  config("NoCacheByDefault", "path_based_ttl_set", { path: "/", ttl: "0", weight: "1" });
  spec.staticPaths.forEach((pattern, index) => {
    const ttl = String(spec.staticCacheTtlSeconds);
    if (pattern.startsWith("*.")) {
      config(`StaticCache${index + 1}`, "filetype_based_ttl_set", { file_type: pattern.slice(2), ttl, weight: "99" });
    } else {
      // "/static/*" -> the directory "/static".
      const path = pattern.replace(/\*$/, "").replace(/(.)\/$/, "$1");
      config(`StaticCache${index + 1}`, "path_based_ttl_set", { path, ttl, weight: "99" });
    }
  });

  const assetsCdnDomainName = spec.assets && spec.assetsDomain ? assetsDomain(scope, spec, spec.assetsDomain, specifics.cdnScopes[region], certificateConfig) : undefined;
  return { cdnDomainName: domain.cname, assetsCdnDomainName, serviceArea: SERVICE_AREAS[cdnScope] };
}

/** Adds one feature configuration (`alicloud_cdn_domain_config`) to a CDN domain. */
type DomainConfig = (id: string, functionName: string, args: Record<string, string>) => void;

function configsOf(scope: Construct, domain: CdnDomainNew): DomainConfig {
  return (id, functionName, args) => {
    new CdnDomainConfig(scope, id, {
      domainName: domain.domainName,
      functionName,
      functionArgs: Object.entries(args).map(([argName, argValue]) => ({ argName, argValue })),
    });
  };
}

/** HTTPS only to viewers (HTTP redirected, TLS 1.2 and 1.3, HSTS) and to the origin, on 443. */
function secureViewersAndOrigin(config: DomainConfig, idPrefix: string): void {
  config(`${idPrefix}ForceHttps`, "https_force", { enable: "on" });
  config(`${idPrefix}TlsVersions`, "https_tls_version", { tls10: "off", tls11: "off", tls12: "on", tls13: "on" });
  config(`${idPrefix}Hsts`, "HSTS", { enabled: "on", https_hsts_max_age: String(HSTS_MAX_AGE_SECONDS), https_hsts_include_subdomains: "off" });
  config(`${idPrefix}OriginHttps`, "forward_scheme", { enable: "on", scheme_origin: "https", scheme_origin_port: "443" });
}

/**
 * The asset bucket on a CDN domain of its own (Alibaba Cloud CDN cannot route a path to a
 * private OSS origin without the rules engine, see the catalog): the bucket as an OSS
 * origin over HTTPS, fetched with private-bucket authentication (`l2_oss_key`: CDN signs
 * each origin request with an STS token of the account's CDN service role, authorized
 * once per account), every object cached for `staticCacheTtlSeconds` unless the object's
 * own headers say otherwise, the same viewer security as the shop's domain.
 * ref: https://www.alibabacloud.com/help/en/cdn/developer-reference/parameters-for-configuring-features-for-domain-names (l2_oss_key, private_oss_auth)
 * ref: https://www.alibabacloud.com/help/en/cdn/user-guide/grant-alibaba-cloud-cdn-access-permissions-on-private-oss-buckets
 */
function assetsDomain(scope: Construct, spec: CdnSpec, domainName: string, cdnScope: string | undefined, certificateConfig: CdnDomainNewCertificateConfig): string {
  const bucketHost = spec.assets!.originDomainName;
  const domain = new CdnDomainNew(scope, "AssetsDomain", {
    domainName,
    cdnType: "web",
    scope: cdnScope,
    sources: [{ content: bucketHost, type: "oss", port: 443, priority: 20, weight: 10 }],
    certificateConfig,
  });
  const config = configsOf(scope, domain);
  secureViewersAndOrigin(config, "Assets");
  config("AssetsPrivateBucket", "l2_oss_key", { private_oss_auth: "on" });
  // OSS finds the bucket by the Host header: the bucket's own host name.
  config("AssetsOriginHost", "set_req_host_header", { domain_name: bucketHost });
  config("AssetsCache", "path_based_ttl_set", { path: "/", ttl: String(spec.staticCacheTtlSeconds), weight: "1" });
  spec.assets!.allowCdnReads(domain.domainName);
  return domain.cname;
}
