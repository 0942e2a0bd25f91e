import { IConstruct } from "constructs";
import type { DnsServiceCatalog } from "./dns-catalog";
import { DnsAnswerKind } from "./dns-routing";
import type { DnsNameSpec, DnsRecordSpec, DnsRouteSpec } from "./global-domain-spec";
import type { RoutedRecord } from "./global-domain-checks";
import { isUnresolved, ValidationError } from "./validation";

/** One route of the shop's domain as resolved, with each record's CDN and the route's field. */
export interface ResolvedRoute {
  readonly spec: DnsRouteSpec;
  /** The answer's field, e.g. `routing.mainlandChina`. */
  readonly field: string;
  readonly records: readonly RoutedRecord[];
}

export interface AssetNamesCheck {
  readonly domain: string;
  readonly zone: string;
  readonly dns: DnsServiceCatalog;
  /** A target CDN's assets host name where the records are written (`ICdn.assetsHostNameIn`). */
  readonly assetsHostNameOf: (routed: RoutedRecord) => string | undefined;
}

/** A target that serves its assets on a name of its own, and that name's host name. */
interface AssetsTarget {
  readonly routed: RoutedRecord;
  readonly name: string;
  readonly hostName: string;
}

/**
 * The names the targets' CDNs serve besides the shop's domain (an asset bucket's own CDN
 * domain, `static.<domain>`), each answered on every line whose answer has a target that
 * serves it, as that answer chooses among those targets: a page and its assets come from
 * the same front door on one line (the same weights, the same health check); one target
 * left, it is the line's only answer. A line whose targets serve their assets on the
 * shop's own domain (CloudFront routes `/static/*` to the bucket) gets no record: its pages
 * never name the other. Refuses a name outside the zone, and a name the authority would
 * answer on some lines without the answer on its catch-all line that it requires.
 */
export function assetNames(scope: IConstruct, routes: readonly ResolvedRoute[], check: AssetNamesCheck): DnsNameSpec[] {
  const byRoute = routes.map((route) =>
    route.records.flatMap((routed): AssetsTarget[] => {
      const name = routed.cdn.assetsDomain;
      const hostName = name === undefined || name === check.domain ? undefined : check.assetsHostNameOf(routed);
      return name === undefined || hostName === undefined ? [] : [{ routed, name, hostName }];
    }),
  );
  const names = [...new Set(byRoute.flat().map((target) => target.name))];
  const ids = new Set<string>();
  return names.map((name) => {
    const first = byRoute.flat().find((target) => target.name === name)!;
    if (!isUnresolved(name) && !name.endsWith(`.${check.zone}`)) {
      throw new ValidationError(
        scope,
        first.routed.field,
        `${name} (${first.routed.cdn.cloud.name}'s cdn.assetsDomain)`,
        `a front door whose CDN serves its assets on a name in the zone ${check.zone}, e.g. static.${check.domain}: its pages name that domain, and only the zone's records can answer it`,
      );
    }
    const relativeName = name.slice(0, -(check.zone.length + 1));
    const routesOfName = routes.flatMap((route, index) => {
      const targets = byRoute[index].filter((target) => target.name === name);
      return targets.length === 0 ? [] : [{ ...route.spec, ...answerOf(route.spec, targets) }];
    });
    requireCatchAllAnswer(scope, name, routes, routesOfName, check);
    let id = relativeName.replace(/[^A-Za-z0-9-]/g, "-");
    for (let n = 2; ids.has(id); n++) id = `${relativeName.replace(/[^A-Za-z0-9-]/g, "-")}-${n}`;
    ids.add(id);
    return { id, name, relativeName, routes: routesOfName };
  });
}

/** The answer of a route restricted to the targets that serve the name: its kind, or one record. */
function answerOf(route: DnsRouteSpec, targets: readonly AssetsTarget[]): { kind: DnsAnswerKind; records: DnsRecordSpec[] } {
  if (targets.length === 1) {
    return { kind: DnsAnswerKind.SINGLE, records: [{ id: targets[0].routed.record.id, hostName: targets[0].hostName }] };
  }
  // The pages' own weights and roles; a failover's primary keeps the pages' health check,
  // so the assets fail over with the pages.
  return { kind: route.kind, records: targets.map((target) => ({ ...target.routed.record, hostName: target.hostName })) };
}

/** Refuses a name that the authority would need answered on its catch-all line, where no target serves it. */
function requireCatchAllAnswer(scope: IConstruct, name: string, routes: readonly ResolvedRoute[], routesOfName: readonly DnsRouteSpec[], check: AssetNamesCheck): void {
  const { dns } = check;
  if (!dns.catchAllRequired || routesOfName.some((route) => route.line === dns.locations.catchAll)) return;
  const catchAll = routes.find((route) => route.spec.line === dns.locations.catchAll);
  // Every routing answers the catch-all line (the core refuses one without).
  if (catchAll === undefined) return;
  const answered = routesOfName.map((route) => JSON.stringify(route.line)).join(", ");
  const clouds = catchAll.records.map((routed) => routed.cdn.cloud.name).join(", ");
  throw new ValidationError(
    scope,
    catchAll.field,
    `${clouds} (assets on ${catchAll.records.map((routed) => routed.cdn.assetsDomain ?? "no bucket").join(", ")})`,
    `an answer with a front door whose CDN serves its assets on ${name}, as the answer on ${answered} does: ${dns.service} answers a name on other lines only beside a record on its catch-all line ${JSON.stringify(dns.locations.catchAll)}, where no front door of this answer serves ${name}`,
  );
}
