import type { ServiceArea } from "./service-area";

/**
 * A cloud's authoritative DNS service, as data: the lines it answers by, what each
 * edition allows, and where its health checkers stand. `GlobalDomain` checks a routing
 * against it before the cloud's adapter writes a single record.
 */
export interface DnsServiceCatalog {
  /** The service's own name, for messages and outputs: `Route 53`, `Alibaba Cloud DNS`, `DNSPod`. */
  readonly service: string;
  /** The editions (plans) a zone can be on, by the name `DnsAuthority.of(..., { edition })` takes. */
  readonly editions: Readonly<Record<string, DnsEdition>>;
  /** The edition assumed when none is named: the one every account has. */
  readonly defaultEdition: string;
  /** Longest TTL a record takes, in seconds. */
  readonly maximumTtlSeconds: number;
  /** Weights a weighted record takes, where some edition can weight records. */
  readonly weights?: {
    /** The smallest weight. */
    readonly min: number;
    /** The largest weight. */
    readonly max: number;
  };
  /**
   * Every line (the resolver location or network an answer is for) the service takes,
   * by the name its Terraform provider takes: the pinned enumeration a routing's line
   * names must come from.
   */
  readonly lines: Readonly<Record<string, DnsLine>>;
  /** The lines the neutral locations of a geo split use; `catchAll` answers every query no other line matches. */
  readonly locations: {
    /** The line every query no other line matches. */
    readonly catchAll: string;
    /** The line of resolvers in mainland China. */
    readonly mainlandChina: string;
    /** The line of resolvers outside mainland China. */
    readonly outsideMainlandChina: string;
  };
  /**
   * True where a name answered on any line must also be answered on `catchAll` (Alibaba
   * Cloud DNS's `default`, DNSPod's 默认): a name the global domain writes on some lines only
   * (an asset bucket's domain) then needs an answer there. False where a name may leave
   * locations unanswered (Route 53 gives them no answer).
   */
  readonly catchAllRequired: boolean;
  /**
   * Where the service's health checkers probe from, with the settings a check takes; absent
   * where the service has no health checks that Terraform can configure (then no failover).
   */
  readonly healthChecks?: DnsHealthCheckRules;
}

/** One edition (plan) of a DNS service. */
export interface DnsEdition {
  /** The edition as the cloud sells it, for messages. */
  readonly title: string;
  /** Shortest TTL the edition accepts, in seconds. */
  readonly minimumTtlSeconds: number;
  /** Records of one name and line can share the answers by weight. */
  readonly weightedRecords: boolean;
  /**
   * The name servers of every zone on this edition, where the service fixes them; empty
   * where it assigns them per zone or account (then the stack's outputs or the console
   * name them).
   */
  readonly nameServers: readonly string[];
}

/** One line of a DNS service. */
export interface DnsLine {
  /** ASCII name for construct IDs and record identifiers, unique in the service. */
  readonly id: string;
  /** Which resolvers it matches, in words. */
  readonly description: string;
  /** Which side of the mainland China border its resolvers are on. */
  readonly side: ServiceArea;
}

/** What the service's health checks can do. */
export interface DnsHealthCheckRules {
  /** Where the checkers stand: they can judge a target only as viewers on that side see it. */
  readonly probesFrom: ServiceArea;
  /** Seconds between two checks that the service takes. */
  readonly intervalsSeconds: readonly number[];
  /** Failed checks in a row before a target counts as down. */
  readonly failureThreshold: {
    /** Fewest failed checks the service takes. */
    readonly min: number;
    /** Most failed checks the service takes. */
    readonly max: number;
  };
}
