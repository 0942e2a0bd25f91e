import { Construct } from "constructs";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Route53Record, Route53RecordConfig, Route53RecordGeolocationRoutingPolicy } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { DnsAnswerKind, FailoverRole } from "../core/dns-routing";
import { certificateValidationsByName, DnsRecordSpec, DnsRouteSpec, GlobalDomainAttributes, GlobalDomainSpec } from "../core/global-domain";
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
 * answer, not the origin behind it. Another name the targets serve (an asset bucket's
 * own CDN domain) is written the same way, under a construct `Name-<id>`, on its own
 * lines; its failover's primary shares the domain's health check, so both names fail
 * over together.
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

  const healthChecks = new Map<string, Route53HealthCheck>();
  const names = { zoneId, ttlSeconds: spec.ttlSeconds, byLocation: spec.routes.length > 1, healthChecks };
  writeName(scope, names, spec.domain, spec.routes);
  for (const name of spec.assetNames) writeName(new Construct(scope, `Name-${name.id}`), names, name.name, name.routes);
  const validations = certificateValidationsByName(spec);
  if (validations !== undefined) {
    // `allow_overwrite` takes over a record created by hand before this stack wrote it.
    new Route53Record(scope, "CertificateValidation", { forEach: validations, zoneId, name: validations.key, type: CNAME, ttl: spec.ttlSeconds, records: [validations.value], allowOverwrite: true });
  }
  return { nameServers };
}

interface ZoneRecords {
  readonly zoneId: string;
  readonly ttlSeconds: number;
  /** True when the domain has several lines: every name's records are then geolocation records. */
  readonly byLocation: boolean;
  /** A failover primary's health check, by route and record: another name of the same answer uses the same. */
  readonly healthChecks: Map<string, Route53HealthCheck>;
}

/** One name's records: at the name, or one geolocation record per line (an alias to `_<line>.<name>` for more than one CNAME). */
function writeName(scope: Construct, zone: ZoneRecords, name: string, routes: readonly DnsRouteSpec[]): void {
  const { zoneId, ttlSeconds } = zone;
  const record = (id: string, config: Omit<Route53RecordConfig, "zoneId" | "type">) => new Route53Record(scope, id, { zoneId, type: CNAME, ...config });
  const cnames = (route: DnsRouteSpec, at: string) => {
    for (const answer of route.records) {
      record(`Record-${route.id}-${answer.id}`, { name: at, ttl: ttlSeconds, records: [answer.hostName], setIdentifier: answer.id, ...policyOf(scope, zone, route, answer) });
    }
  };

  if (!zone.byLocation) {
    for (const route of routes) {
      if (route.kind === DnsAnswerKind.SINGLE) record(`Record-${route.id}`, { name, ttl: ttlSeconds, records: [route.records[0].hostName] });
      else cnames(route, name);
    }
    return;
  }
  for (const route of routes) {
    const placement = { name, setIdentifier: route.id, geolocationRoutingPolicy: geolocation(route.line) };
    if (route.kind === DnsAnswerKind.SINGLE) {
      record(`Record-${route.id}`, { ...placement, ttl: ttlSeconds, records: [route.records[0].hostName] });
    } else {
      const nested = `_${route.id}.${name}`;
      cnames(route, nested);
      record(`Record-${route.id}`, { ...placement, alias: { name: nested, zoneId, evaluateTargetHealth: true } });
    }
  }
}

/** The routing policy of one CNAME of a weighted or failover answer. */
function policyOf(scope: Construct, zone: ZoneRecords, route: DnsRouteSpec, answer: DnsRecordSpec): Partial<Route53RecordConfig> {
  if (route.kind === DnsAnswerKind.WEIGHTED) return { weightedRoutingPolicy: { weight: answer.weight ?? 0 } };
  const check = answer.healthCheck;
  const key = `${route.id}-${answer.id}`;
  let healthCheck = zone.healthChecks.get(key);
  if (check && healthCheck === undefined) {
    healthCheck = new Route53HealthCheck(scope, `HealthCheck-${key}`, {
      type: "TCP",
      fqdn: check.hostName,
      port: check.port,
      requestInterval: check.intervalSeconds,
      failureThreshold: check.failureThreshold,
      tags: { Name: key },
    });
    zone.healthChecks.set(key, healthCheck);
  }
  return { failoverRoutingPolicy: { type: answer.failoverRole ?? FailoverRole.SECONDARY }, healthCheckId: check ? healthCheck?.id : undefined };
}
