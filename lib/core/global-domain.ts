import { Construct } from "constructs";
import { TerraformStack } from "./cdktf";
import type { ICdn } from "./cdn";
import type { ICloud } from "./cloud";
import type { DnsEdition, DnsServiceCatalog } from "./dns-catalog";
import { DnsRouteLocation, DnsRouting } from "./dns-routing";
import { requireDomainName } from "./load-balancer";
import { ServiceArea } from "./service-area";
import { requireNumberInRange, ValidationError } from "./validation";
import { requireRoutableAnswer } from "./global-domain-checks";
import { assetNames, ResolvedRoute } from "./global-domain-assets";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

export * from "./global-domain-spec";

/** Options of `DnsAuthority.of`. */
export interface DnsAuthorityOptions {
  /**
   * The edition (plan) the zone is on, a key of the cloud's `catalog.dns.editions`: it sets
   * the shortest TTL and whether records can be weighted (Alibaba Cloud DNS: `free`,
   * `personal`, `enterprise-standard`, `enterprise-ultimate`, `exclusive`; DNSPod: `free`,
   * `professional`, `enterprise`, `ultimate`; Route 53: `standard`). The library cannot
   * see which edition an account pays for: name the one the zone is on.
   * @default the catalog's `defaultEdition` (the free edition, or Route 53's only one)
   */
  readonly edition?: string;
}

/** The DNS service authoritative for the zone: the registrar's NS records name its servers. */
export class DnsAuthority {
  /**
   * The DNS service of the cloud a deployment runs on: Route 53 for AWS, Alibaba Cloud DNS
   * for Alibaba Cloud, DNSPod for Tencent Cloud. E.g. `DnsAuthority.of(awsStacks)`.
   */
  public static of(owner: { readonly cloud: ICloud }, options: DnsAuthorityOptions = {}): DnsAuthority {
    return new DnsAuthority(owner?.cloud, options?.edition);
  }

  private constructor(
    /** The cloud whose DNS service is authoritative. */
    public readonly cloud: ICloud,
    /** The edition the zone is on; undefined for the catalog's default. */
    public readonly edition: string | undefined,
  ) {}
}

/** The zone the domain's records go in. */
export class DnsZone {
  /**
   * A zone this stack creates, protected from `terraform destroy` (`prevent_destroy`): its
   * name servers are what the registrar delegates to, and a new zone gets new ones. The
   * outputs name them; set them at the registrar once.
   */
  public static create(name: string): DnsZone {
    return new DnsZone(name, true);
  }

  /**
   * A zone that exists already in the authority (with its other records, e.g. mail), which
   * this stack only adds the domain's records to.
   */
  public static existing(name: string): DnsZone {
    return new DnsZone(name, false);
  }

  private constructor(
    /** The zone's name, e.g. `example.com`. */
    public readonly name: string,
    /** True when the stack creates and owns the zone. */
    public readonly created: boolean,
  ) {}
}

/** Props of `GlobalDomain`. */
export interface GlobalDomainProps {
  /** The DNS service that holds the zone. */
  readonly authority: DnsAuthority;
  /**
   * The domain viewers type, e.g. `shop.example.com`: the domain every target's front door
   * serves. A name below the zone: a CNAME cannot stand at the zone's apex.
   */
  readonly domain: string;
  /** The zone, e.g. `DnsZone.create("example.com")`. */
  readonly zone: DnsZone;
  /** Which viewers get which front door, e.g. `DnsRouting.geoSplit({ mainlandChina, elsewhere })`. */
  readonly routing: DnsRouting;
  /**
   * How long resolvers may keep an answer, in seconds: at least the edition's minimum.
   * A failover takes at least this long to reach viewers.
   * @default 60, or the edition's minimum where that is longer (Alibaba Cloud DNS and DNSPod free: 600)
   */
  readonly ttlSeconds?: number;
}

/** Every prop of `GlobalDomainProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const GLOBAL_DOMAIN_PROP_SHAPE: PropShape = {
  what: "the global domain",
  keys: propKeys<GlobalDomainProps>()(["authority", "domain", "zone", "routing", "ttlSeconds"]),
};

const ZONE_LIMIT_NOTE = "a CNAME cannot stand at the zone apex, where the zone's SOA and NS records are";

/**
 * One domain served by several clouds' front doors: the records, in the authoritative
 * cloud's DNS service, that send each group of viewers to its front door (a geo split
 * between mainland China and everyone else, weights, health-checked failover), after
 * checking that the service can express the routing and that every target can serve its
 * viewers (a CDN that serves mainland China, an ICP filing, health checks from the same
 * side of the border). It answers every name a target's CDN serves (an asset bucket's own
 * CDN domain, on the lines of the targets that serve it) and writes the records that
 * validate the targets' certificates where their clouds issue them through DNS (ACM).
 * Cloud differences are in `catalog.dns` and each cloud's adapter.
 */
export class GlobalDomain extends Construct {
  /** The cloud whose DNS service holds the zone. */
  public readonly cloud: ICloud;
  /** The domain viewers type. */
  public readonly domain: string;
  /** The zone the records are in. */
  public readonly zone: string;
  /** The zone's edition, as the catalog names it. */
  public readonly edition: string;
  /** How long resolvers may keep an answer, in seconds. */
  public readonly ttlSeconds: number;
  /** The name servers to set at the zone's registrar, where the service names them in Terraform. */
  public readonly nameServers?: string[];
  /** What to do at the registrar, in words. */
  public readonly registrarStep: string;

  constructor(scope: Construct, id: string, props: GlobalDomainProps) {
    super(scope, id);
    requireKnownProps(this, "", props, GLOBAL_DOMAIN_PROP_SHAPE);
    const authority = props.authority;
    if (!(authority instanceof DnsAuthority) || authority.cloud === undefined) {
      throw new ValidationError(this, "authority", authority, "DnsAuthority.of(<the deployment whose cloud's DNS holds the zone>)");
    }
    const cloud = authority.cloud;
    this.cloud = cloud;
    const dns = cloud.catalog.dns;
    const edition = authority.edition ?? dns.defaultEdition;
    const editionEntry: DnsEdition | undefined = Object.hasOwn(dns.editions, edition) ? dns.editions[edition] : undefined;
    if (editionEntry === undefined) {
      throw new ValidationError(this, "authority.edition", edition, `an edition of ${dns.service}: ${Object.keys(dns.editions).join(", ")}`);
    }
    this.edition = edition;

    if (!(props.zone instanceof DnsZone)) {
      throw new ValidationError(this, "zone", props.zone, "DnsZone.create(<zone>) or DnsZone.existing(<zone>)");
    }
    const zone = requireDomainName(this, "zone", props.zone.name);
    const domain = requireDomainName(this, "domain", props.domain);
    if (domain === zone) {
      throw new ValidationError(this, "domain", domain, `a name below the zone ${zone}, e.g. shop.${zone}: ${ZONE_LIMIT_NOTE}`);
    }
    if (!domain.endsWith(`.${zone}`)) {
      throw new ValidationError(this, "domain", domain, `a name in the zone ${zone}, e.g. shop.${zone}`);
    }
    this.domain = domain;
    this.zone = zone;

    const ttlSeconds = props.ttlSeconds ?? Math.min(dns.maximumTtlSeconds, Math.max(60, editionEntry.minimumTtlSeconds));
    requireNumberInRange(this, "ttlSeconds", ttlSeconds, {
      min: editionEntry.minimumTtlSeconds,
      max: dns.maximumTtlSeconds,
      unit: `seconds (${dns.service} ${editionEntry.title}; a shorter TTL needs a higher edition)`,
    });
    this.ttlSeconds = ttlSeconds;

    // The authority's provider first: reading a target of the same cloud in another region
    // then takes a provider of its own instead of claiming the stack's default one.
    cloud.useProvidersIn(this);
    const routes = this.resolveRoutes(props.routing, dns, editionEntry);
    const assets = assetNames(this, routes, { domain, zone, dns, assetsHostNameOf: (routed) => this.assetsHostNameOf(routed.cdn) });
    const cdns = [...new Set(routes.flatMap((route) => route.records.map((routed) => routed.cdn)))];
    const certificateValidations = cdns.flatMap((cdn) => cdn.certificateValidationIn(this) ?? []);

    const created = cloud.createGlobalDomain(this, {
      domain,
      zone,
      createZone: props.zone.created,
      relativeName: domain.slice(0, -(zone.length + 1)),
      edition,
      ttlSeconds,
      routes: routes.map((route) => route.spec),
      assetNames: assets,
      certificateValidations,
    });
    this.nameServers = created.nameServers;
    const servers = created.nameServers !== undefined ? "the name servers in the NameServers output" : `the name servers ${dns.service}'s console lists for ${zone} (it assigns them per account on this edition)`;
    this.registrarStep = props.zone.created
      ? `Delegate ${zone} to ${dns.service}: at its registrar, set the NS records to ${servers}. Until then, no resolver asks ${dns.service} for ${domain}.`
      : `${zone} must already be delegated to ${dns.service}: its registrar's NS records must be ${servers}.`;
  }

  /** Checks the routing against the authority and resolves each route to its line and records. */
  private resolveRoutes(routing: DnsRouting, dns: DnsServiceCatalog, edition: DnsEdition): ResolvedRoute[] {
    if (!(routing instanceof DnsRouting)) {
      throw new ValidationError(this, "routing", routing, "DnsRouting.geoSplit(...), DnsRouting.everywhere(...) or DnsRouting.byLine(...)");
    }
    if (!routing.linesAreAList) {
      throw new ValidationError(this, "routing.lines", undefined, "a list of { line, answer }");
    }
    const usedLines = new Map<string, string>();
    return routing.routes.map((route) => {
      const field = `routing.${route.field}`;
      const { line, side, id } = this.resolveLocation(route.location, route.line, field, dns);
      const earlier = usedLines.get(line);
      if (earlier !== undefined) {
        throw new ValidationError(this, route.location === DnsRouteLocation.LINE ? field.replace(/\.answer$/, ".line") : field, route.line ?? line, `a line no other answer uses: ${earlier} answers ${JSON.stringify(line)} already`);
      }
      usedLines.set(line, field);
      const records = requireRoutableAnswer(this, {
        field,
        answer: route.answer,
        side,
        domain: this.domain,
        dns,
        edition,
        catchAll: route.location === DnsRouteLocation.CATCH_ALL,
        hostNameOf: (cdn) => this.hostNameOf(cdn),
      });
      return { spec: { id, line, kind: route.answer!.kind, records: records.map((routed) => routed.record) }, field, records };
    });
  }

  /**
   * A target CDN's host name, read in this stack from what its cloud publishes or from the
   * cloud's API (`ICdn.hostNameIn`), never from the CDN stack's state, which holds that
   * stack's secrets. The stack still depends on the CDN's, so cdktf deploys it after.
   */
  private hostNameOf(cdn: ICdn): string {
    this.dependOn(cdn);
    return cdn.hostNameIn(this);
  }

  /** A target CDN's assets host name, read as its host name is; undefined where it serves its assets on the domain. */
  private assetsHostNameOf(cdn: ICdn): string | undefined {
    this.dependOn(cdn);
    return cdn.assetsHostNameIn(this);
  }

  private dependOn(cdn: ICdn): void {
    const own = TerraformStack.of(this);
    const origin = TerraformStack.of(cdn);
    if (origin !== own && !own.dependencies.includes(origin)) own.addDependency(origin);
  }

  private resolveLocation(location: DnsRouteLocation, line: string | undefined, field: string, dns: DnsServiceCatalog): { line: string; side: ServiceArea; id: string } {
    switch (location) {
      case DnsRouteLocation.MAINLAND_CHINA:
        return { line: dns.locations.mainlandChina, side: ServiceArea.MAINLAND_CHINA, id: "mainland-china" };
      case DnsRouteLocation.OUTSIDE_MAINLAND_CHINA:
        return { line: dns.locations.outsideMainlandChina, side: ServiceArea.OUTSIDE_MAINLAND_CHINA, id: "elsewhere" };
      case DnsRouteLocation.CATCH_ALL:
        return { line: dns.locations.catchAll, side: ServiceArea.GLOBAL, id: field === "routing.otherwise" ? "otherwise" : "everyone" };
      default: {
        const lineField = field.replace(/\.answer$/, ".line");
        const entry = typeof line === "string" && Object.hasOwn(dns.lines, line) ? dns.lines[line] : undefined;
        if (entry === undefined) {
          const names = Object.keys(dns.lines);
          const shown = names.length > 24 ? `${names.slice(0, 24).join(", ")}, ... (${names.length} in all, catalog.dns.lines)` : names.join(", ");
          throw new ValidationError(this, lineField, line, `a line of ${dns.service}: ${shown}`);
        }
        if (line === dns.locations.catchAll) {
          throw new ValidationError(this, lineField, line, `a line other than ${JSON.stringify(line)}, which answers everyone else: give that answer as routing.otherwise`);
        }
        return { line: line as string, side: entry.side, id: `line-${entry.id}` };
      }
    }
  }
}
