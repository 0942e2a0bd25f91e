import { Fn, TerraformIterator } from "./cdktf";
import type { CertificateValidationRecord } from "./cdn";
import type { DnsAnswerKind, FailoverRole } from "./dns-routing";

// What `GlobalDomain` hands the authority's adapter (`ICloud.createGlobalDomain`), after
// every check: the names, lines and records to write.

/** A health check of a failover's primary, as the authority's adapter creates it. */
export interface DnsHealthCheckSpec {
  /** The host name probed: the target CDN's own. */
  readonly hostName: string;
  /** The port probed. */
  readonly port: number;
  /** Seconds between two checks. */
  readonly intervalSeconds: number;
  /** Failed checks in a row before the target counts as down. */
  readonly failureThreshold: number;
}

/** One CNAME record of a route. */
export interface DnsRecordSpec {
  /** ASCII, unique in its route, stable: the target's cloud, or `primary`/`secondary`. */
  readonly id: string;
  /** The CNAME's value: the target CDN's host name. */
  readonly hostName: string;
  /** Its weight, in a weighted route. */
  readonly weight?: number;
  /** Its role, in a failover route. */
  readonly failoverRole?: FailoverRole;
  /** The check of a failover's primary. */
  readonly healthCheck?: DnsHealthCheckSpec;
}

/** The records of one line. */
export interface DnsRouteSpec {
  /** ASCII, unique in the domain, stable: `mainland-china`, `elsewhere`, `everyone`, `line-<id>`, `otherwise`. */
  readonly id: string;
  /** The authority's line, from its catalog: `country:CN`, `*`, `default`, `oversea`, `境外`, ... */
  readonly line: string;
  /** How the route picks among its records. */
  readonly kind: DnsAnswerKind;
  /** The route's CNAME records. */
  readonly records: readonly DnsRecordSpec[];
}

/** Another name the targets serve (an asset bucket's own CDN domain), and its records per line. */
export interface DnsNameSpec {
  /** ASCII, unique among the names, stable: the relative name with hyphens for dots, e.g. `static-shop`. */
  readonly id: string;
  /** E.g. `static.shop.example.com`. */
  readonly name: string;
  /** The name relative to the zone, e.g. `static.shop`. */
  readonly relativeName: string;
  /**
   * Its routes: those of the domain whose answer has a target serving the name, each
   * restricted to those targets (one left: a single record). Lines of no such answer are absent.
   */
  readonly routes: readonly DnsRouteSpec[];
}

/** What a cloud's adapter needs to write the domain's records. */
export interface GlobalDomainSpec {
  /** E.g. `shop.example.com`. */
  readonly domain: string;
  /** E.g. `example.com`. */
  readonly zone: string;
  /** True when the adapter creates the zone. */
  readonly createZone: boolean;
  /** The domain relative to the zone, e.g. `shop`. */
  readonly relativeName: string;
  /** The edition's key in the catalog. */
  readonly edition: string;
  /** How long resolvers may keep an answer, in seconds. */
  readonly ttlSeconds: number;
  /** One per line, the catch-all line among them. */
  readonly routes: readonly DnsRouteSpec[];
  /**
   * The other names the targets' CDNs serve, on the lines and with the TTL of the domain's
   * answers: an asset bucket's own CDN domain (`static.<domain>` on Alibaba Cloud and Tencent
   * Cloud). Empty where every target serves its assets on the domain itself.
   */
  readonly assetNames: readonly DnsNameSpec[];
  /**
   * The CNAMEs that validate the targets' certificates where their clouds issued them with
   * DNS validation (ACM), read from what their stacks publish; known at plan time, not at
   * synth. Two targets of one account share a record (ACM's record is per domain and
   * account): the adapter writes each name once, on the catch-all line. Empty where no
   * target's certificate is validated so.
   */
  readonly certificateValidations: readonly CertificateValidationRecord[];
}

/** What a cloud's global domain factory returns. */
export interface GlobalDomainAttributes {
  /**
   * The name servers the registrar must delegate the zone to; undefined where only the
   * service's console names them (DNSPod's free plan).
   */
  readonly nameServers?: string[];
}

/**
 * The certificate validation records of a spec as a Terraform `for_each` over a map from
 * each record's name to its value (`each.key`, `each.value`), so that a record two targets
 * share is written once (`zipmap` keeps one value per key); undefined without records.
 * The names and values are read at plan time, so the map's keys are known then.
 * ref: https://developer.hashicorp.com/terraform/language/functions/zipmap
 */
export function certificateValidationsByName(spec: GlobalDomainSpec): ReturnType<typeof TerraformIterator.fromMap> | undefined {
  const records = spec.certificateValidations;
  if (records.length === 0) return undefined;
  return TerraformIterator.fromMap(Fn.zipmap(records.map((record) => record.name), records.map((record) => record.value)) as unknown as { [key: string]: string });
}
