import { Construct } from "constructs";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Route53Record, Route53RecordConfig, Route53RecordGeolocationRoutingPolicy } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { DnsAnswerKind, FailoverRole } from "../core/dns-routing";
import { DnsRecordSpec, DnsRouteSpec, GlobalDomainAttributes, GlobalDomainSpec } from "../core/global-domain";
import { AwsCatalog } from "./catalog";
import { route53QueryLogging } from "./dns-query-log";

const CNAME = "CNAME";

/** A line of the catalog (`*`, `continent:EU`, `country:CN`) as Route 53's geolocation. */
function geolocation(line: string): Route53RecordGeolocationRoutingPolicy {
  const [kind, code] = line.split(":");
  if (kind === "continent") return { continent: code };
  if (kind === "country") return { country: code };
  return { country: "*" };
}

/**
 * The domain's records in Route 53. One answer for everyone: its records at the domain
 * (one CNAME, weighted CNAMEs, or a failover pair). Several lines: one geolocation record
 * per line at the domain (`*` the default location that catches every other query); a
 * line whose answer is more than one CNAME points, by an alias, at that answer's records
 * under `_<line>.<domain>`, since a record set takes one routing policy. Every CNAME names
 * a CDN's host name (Route 53's own aliases reach only AWS targets). A failover's primary
 * is checked by a TCP health check on 443 of its CDN's host name: Route 53 cannot send the
 * shop's Host header to a CDN, whose addresses change, so the check sees the CDN's edge
 * answer, not the origin behind it.
 * ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy.html
 * ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-alias.html (alias to another record in the zone)
 * ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-types.html
 */
export function createRoute53Domain(scope: Construct, spec: GlobalDomainSpec, catalog: AwsCatalog, globalProvider: () => AwsProvider): GlobalDomainAttributes {
  let zoneId: string;
  let nameServers: string[];
  if (spec.createZone) {
    const zone = new Route53Zone(scope, "Zone", {
      name: spec.zone,
      comment: `${spec.zone}: ${spec.domain} across clouds`,
      forceDestroy: false,
      // Its name servers are what the registrar delegates to: a new zone gets new ones.
      lifecycle: { preventDestroy: true },
    });
    route53QueryLogging(scope, zone, spec.zone, catalog.aws.globalRegion, globalProvider());
    zoneId = zone.zoneId;
    nameServers = zone.nameServers;
  } else {
    const zone = new DataAwsRoute53Zone(scope, "Zone", { name: spec.zone, privateZone: false });
    zoneId = zone.zoneId;
    nameServers = zone.nameServers;
  }

  const record = (id: string, config: Omit<Route53RecordConfig, "zoneId" | "type">) => new Route53Record(scope, id, { zoneId, type: CNAME, ...config });
  const cnames = (route: DnsRouteSpec, name: string) => {
    for (const answer of route.records) {
      record(`Record-${route.id}-${answer.id}`, { name, ttl: spec.ttlSeconds, records: [answer.hostName], setIdentifier: answer.id, ...policyOf(scope, route, answer) });
    }
  };

  if (spec.routes.length === 1) {
    const [route] = spec.routes;
    if (route.kind === DnsAnswerKind.SINGLE) record(`Record-${route.id}`, { name: spec.domain, ttl: spec.ttlSeconds, records: [route.records[0].hostName] });
    else cnames(route, spec.domain);
    return { nameServers };
  }
  for (const route of spec.routes) {
    const placement = { name: spec.domain, setIdentifier: route.id, geolocationRoutingPolicy: geolocation(route.line) };
    if (route.kind === DnsAnswerKind.SINGLE) {
      record(`Record-${route.id}`, { ...placement, ttl: spec.ttlSeconds, records: [route.records[0].hostName] });
    } else {
      const nested = `_${route.id}.${spec.domain}`;
      cnames(route, nested);
      record(`Record-${route.id}`, { ...placement, alias: { name: nested, zoneId, evaluateTargetHealth: true } });
    }
  }
  return { nameServers };
}

/** The routing policy of one CNAME of a weighted or failover answer. */
function policyOf(scope: Construct, route: DnsRouteSpec, answer: DnsRecordSpec): Partial<Route53RecordConfig> {
  if (route.kind === DnsAnswerKind.WEIGHTED) return { weightedRoutingPolicy: { weight: answer.weight ?? 0 } };
  const check = answer.healthCheck;
  const healthCheck = check
    ? new Route53HealthCheck(scope, `HealthCheck-${route.id}-${answer.id}`, {
        type: "TCP",
        fqdn: check.hostName,
        port: check.port,
        requestInterval: check.intervalSeconds,
        failureThreshold: check.failureThreshold,
        tags: { Name: `${route.id}-${answer.id}` },
      })
    : undefined;
  return { failoverRoutingPolicy: { type: answer.failoverRole ?? FailoverRole.SECONDARY }, healthCheckId: healthCheck?.id };
}
