import { Construct } from "constructs";
import { AlidnsDomain } from "../generated/alicloud/alidns-domain";
import { AlidnsRecord } from "../generated/alicloud/alidns-record";
import { DataAlicloudAlidnsDomains } from "../generated/alicloud/data-alicloud-alidns-domains";
import { Fn } from "../core/cdktf";
import { certificateValidationsByName, GlobalDomainAttributes, GlobalDomainSpec } from "../core/global-domain";
import { ALICLOUD_DNS_CATALOG } from "./dns-catalog";

/**
 * The domain's records in Alibaba Cloud DNS: one CNAME per line (`alicloud_alidns_record`
 * takes `line` and no weight, and plain Alibaba Cloud DNS has no health checks, so the
 * core refuses weighted and failover answers before this runs). A geo split puts mainland
 * China on `default`, which every domain must have, and everyone else on `oversea`.
 * Another name the targets serve (an asset bucket's own CDN domain) gets its records the
 * same way, under a construct `Name-<id>`; the core has checked it has one on `default`.
 * The zone is an `alicloud_alidns_domain` (created, protected from destroy) or an existing
 * domain of the account, whose name servers `alicloud_alidns_domains` reads.
 * ref: https://www.alibabacloud.com/help/en/dns/pubz-resolve-line-enumeration
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_alidns_record.go
 */
export function createAlidnsDomain(scope: Construct, spec: GlobalDomainSpec): GlobalDomainAttributes {
  let domainName: string;
  let nameServers: string[];
  if (spec.createZone) {
    const zone = new AlidnsDomain(scope, "Zone", {
      domainName: spec.zone,
      remark: `${spec.domain} across clouds`,
      // Its name servers are what the registrar delegates to.
      lifecycle: { preventDestroy: true },
    });
    domainName = zone.domainName;
    nameServers = zone.dnsServers;
  } else {
    const zone = new DataAlicloudAlidnsDomains(scope, "Zone", { domainNameRegex: `^${spec.zone.replace(/\./g, "\\.")}$` });
    domainName = spec.zone;
    nameServers = zone.domains.get(0).dnsServers;
  }
  const names = [{ scope, relativeName: spec.relativeName, routes: spec.routes }, ...spec.assetNames.map((name) => ({ scope: new Construct(scope, `Name-${name.id}`), ...name }))];
  for (const name of names) {
    for (const route of name.routes) {
      const [answer] = route.records;
      new AlidnsRecord(name.scope, `Record-${route.id}`, {
        domainName,
        rr: name.relativeName,
        type: "CNAME",
        value: answer.hostName,
        line: route.line,
        ttl: spec.ttlSeconds,
        remark: `${route.id}: ${answer.id}`,
      });
    }
  }
  const validations = certificateValidationsByName(spec);
  if (validations !== undefined) {
    new AlidnsRecord(scope, "CertificateValidation", {
      forEach: validations,
      domainName,
      rr: Fn.trimsuffix(validations.key, `.${spec.zone}.`),
      type: "CNAME",
      // Alibaba Cloud DNS takes a CNAME's target without its final dot.
      value: Fn.trimsuffix(validations.value, "."),
      line: ALICLOUD_DNS_CATALOG.locations.catchAll,
      ttl: spec.ttlSeconds,
      remark: "certificate validation",
    });
  }
  return { nameServers };
}
