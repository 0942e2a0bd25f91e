import { Construct } from "constructs";
import { DnspodDomainInstance } from "../generated/tencentcloud/dnspod-domain-instance";
import { DnspodRecord } from "../generated/tencentcloud/dnspod-record";
import { Fn } from "../core/cdktf";
import { certificateValidationsByName, GlobalDomainAttributes, GlobalDomainSpec } from "../core/global-domain";
import { DnsAnswerKind } from "../core/dns-routing";
import { TencentcloudCatalog } from "./catalog";

/**
 * The domain's records in DNSPod: one CNAME per line, or per target with its `weight` on
 * the enterprise plans (the core refuses weights on the others, and failover, for which
 * DNSPod's monitoring has no resource here). A geo split puts mainland China on 默认,
 * which every domain must have, and everyone else on 境外. Another name the targets serve
 * (an asset bucket's own CDN domain) gets its records the same way, under a construct
 * `Name-<id>`; the core has checked it has one on 默认. The zone is a
 * `tencentcloud_dnspod_domain_instance` (created, protected from destroy) or an existing
 * domain of the account. DNSPod fixes the name servers of its paid plans, which the
 * catalog lists; the free plan's differ per account and only the console names them.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/dnspod/resource_tc_dnspod_record.go
 */
export function createDnspodDomain(scope: Construct, spec: GlobalDomainSpec, catalog: TencentcloudCatalog): GlobalDomainAttributes {
  let domain = spec.zone;
  if (spec.createZone) {
    const zone = new DnspodDomainInstance(scope, "Zone", {
      domain: spec.zone,
      remark: `${spec.domain} across clouds`,
      // Its name servers are what the registrar delegates to.
      lifecycle: { preventDestroy: true },
    });
    domain = zone.domain;
  }
  const names = [{ scope, relativeName: spec.relativeName, routes: spec.routes }, ...spec.assetNames.map((name) => ({ scope: new Construct(scope, `Name-${name.id}`), ...name }))];
  for (const name of names) {
    for (const route of name.routes) {
      for (const answer of route.records) {
        const weighted = route.kind === DnsAnswerKind.WEIGHTED;
        new DnspodRecord(name.scope, weighted ? `Record-${route.id}-${answer.id}` : `Record-${route.id}`, {
          domain,
          subDomain: name.relativeName,
          recordType: "CNAME",
          recordLine: route.line,
          value: answer.hostName,
          ttl: spec.ttlSeconds,
          weight: weighted ? answer.weight : undefined,
          remark: `${route.id}: ${answer.id}`,
        });
      }
    }
  }
  const validations = certificateValidationsByName(spec);
  if (validations !== undefined) {
    new DnspodRecord(scope, "CertificateValidation", {
      forEach: validations,
      domain,
      subDomain: Fn.trimsuffix(validations.key, `.${spec.zone}.`),
      recordType: "CNAME",
      recordLine: catalog.dns.locations.catchAll,
      value: Fn.trimsuffix(validations.value, "."),
      ttl: spec.ttlSeconds,
      remark: "certificate validation",
    });
  }
  const fixed = catalog.dns.editions[spec.edition].nameServers;
  return { nameServers: fixed.length > 0 ? [...fixed] : undefined };
}
