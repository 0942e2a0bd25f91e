import type { ICdn } from "./cdn";
import type { ICloud } from "./cloud";

/**
 * A deployment's public front door as DNS sees it: the domain it serves (its certificate,
 * its CDN's accelerated domain) and the CDN viewers reach it through. `Bookstore` and
 * `BookstoreStacks` are front doors.
 */
export interface IFrontDoor {
  /** The cloud the front door runs on. */
  readonly cloud: ICloud;
  /** The domain the front door serves. */
  readonly domain: string;
  /** Its CDN; DNS can only point at a front door that has one. */
  readonly cdn?: ICdn;
}

/** Options of `DnsTarget.of`. */
export interface DnsTargetOptions {
  /**
   * The ICP filing (备案) number under which this front door serves the domain in mainland
   * China, e.g. `浙ICP备12345678号` or `京ICP证123456号`. Mainland China's CDNs serve only
   * filed domains, so it is required for every target of the mainland answer and for any
   * target whose CDN serves mainland China. The library cannot check the filing itself,
   * only that one is declared.
   * @default none: the front door does not serve mainland China
   */
  readonly icpFiling?: string;
}

/** Where an answer sends viewers: one front door, reached by a CNAME to its CDN. */
export class DnsTarget {
  /** The front door of a deployment, e.g. `DnsTarget.of(alicloudStacks, { icpFiling: "浙ICP备12345678号" })`. */
  public static of(frontDoor: IFrontDoor, options: DnsTargetOptions = {}): DnsTarget {
    return new DnsTarget(frontDoor, options.icpFiling);
  }

  private constructor(
    /** The front door viewers are sent to. */
    public readonly frontDoor: IFrontDoor,
    /** Its ICP filing number; undefined when it does not serve mainland China. */
    public readonly icpFiling: string | undefined,
  ) {}
}

/** A target and its share of the answers. */
export interface WeightedTarget {
  /** The target. */
  readonly target: DnsTarget;
  /**
   * Its weight against the others' (not a percentage): a whole number in the authority's
   * range (Route 53 0 to 255, DNSPod 1 to 100).
   */
  readonly weight: number;
}

/** Options of `DnsAnswer.failover`. */
export interface FailoverOptions {
  /** Answered while its health check passes. */
  readonly primary: DnsTarget;
  /** Answered while the primary's check fails; not checked itself. */
  readonly secondary: DnsTarget;
  /**
   * Seconds between two checks of the primary, one the authority offers (Route 53: 10 or 30).
   * @default 30
   */
  readonly healthCheckIntervalSeconds?: number;
  /**
   * Failed checks in a row before the primary counts as down (Route 53: 1 to 10).
   * @default 3
   */
  readonly healthCheckFailureThreshold?: number;
}

/** How an answer chooses among its targets. */
export enum DnsAnswerKind {
  /** One target. */
  SINGLE = "single",
  /** Several, each answered in proportion to its weight. */
  WEIGHTED = "weighted",
  /** A health-checked primary, and a secondary while the primary is down. */
  FAILOVER = "failover",
}

/** The part a target plays in a failover answer. */
export enum FailoverRole {
  /** Answered while its health check passes. */
  PRIMARY = "PRIMARY",
  /** Answered while the primary's health check fails. */
  SECONDARY = "SECONDARY",
}

/** One target of an answer, and where the user wrote it. */
export interface DnsAnswerEntry {
  /** Its place in the answer's props, e.g. `target`, `weighted[1].target`, `primary`. */
  readonly field: string;
  /** Where the entry sends viewers. */
  readonly target: DnsTarget;
  /** Its weight, in a weighted answer. */
  readonly weight?: number;
  /** Its role, in a failover answer. */
  readonly role?: FailoverRole;
}

/** What DNS answers one group of viewers. */
export class DnsAnswer {
  /** Always the same front door. */
  public static target(target: DnsTarget): DnsAnswer {
    return new DnsAnswer(DnsAnswerKind.SINGLE, [{ field: "target", target }]);
  }

  /** Several front doors, each answered in proportion to its weight (Route 53; DNSPod's enterprise plans). */
  public static weighted(targets: readonly WeightedTarget[]): DnsAnswer {
    const entries = Array.isArray(targets) ? targets.map((entry, index) => ({ field: `weighted[${index}].target`, target: entry?.target, weight: entry?.weight })) : [];
    return new DnsAnswer(DnsAnswerKind.WEIGHTED, entries);
  }

  /**
   * A primary while its health check passes, else a secondary. Only where the authority's
   * health checkers stand on the same side of the mainland China border as the viewers
   * (Route 53's are all outside it).
   */
  public static failover(options: FailoverOptions): DnsAnswer {
    return new DnsAnswer(
      DnsAnswerKind.FAILOVER,
      [
        { field: "primary", target: options?.primary, role: FailoverRole.PRIMARY },
        { field: "secondary", target: options?.secondary, role: FailoverRole.SECONDARY },
      ],
      { intervalSeconds: options?.healthCheckIntervalSeconds ?? 30, failureThreshold: options?.healthCheckFailureThreshold ?? 3 },
    );
  }

  private constructor(
    /** How the answer picks among its entries. */
    public readonly kind: DnsAnswerKind,
    /** The targets the answer picks among. */
    public readonly entries: readonly DnsAnswerEntry[],
    /** The primary's health check, for a failover answer. */
    public readonly healthCheck?: {
      /** Seconds between two checks. */
      readonly intervalSeconds: number;
      /** Failed checks in a row before the primary counts as down. */
      readonly failureThreshold: number;
    },
  ) {}
}

/** Whom a route answers. */
export enum DnsRouteLocation {
  /** Resolvers in mainland China. */
  MAINLAND_CHINA = "mainland-china",
  /** Resolvers outside mainland China. */
  OUTSIDE_MAINLAND_CHINA = "outside-mainland-china",
  /** Every resolver no other route matches. */
  CATCH_ALL = "catch-all",
  /** The resolvers of one line the authority names. */
  LINE = "line",
}

/** One group of viewers and its answer, as the user wrote it. */
export interface DnsRoute {
  /** The answer's place in the routing's props, e.g. `mainlandChina`, `lines[0].answer`. */
  readonly field: string;
  /** Which resolvers the route answers. */
  readonly location: DnsRouteLocation;
  /** The authority's line, for `DnsRouteLocation.LINE`. */
  readonly line?: string;
  /** What they get; undefined where the user gave none (refused when checked). */
  readonly answer: DnsAnswer | undefined;
}

/** Options of `DnsRouting.geoSplit`. */
export interface GeoSplitOptions {
  /** What resolvers in mainland China get: front doors whose CDN serves the mainland, with their ICP filing. */
  readonly mainlandChina: DnsAnswer;
  /**
   * What everyone else gets. Required: without it, queries from outside mainland China (on
   * Route 53, from any location no record matches) get no answer.
   */
  readonly elsewhere: DnsAnswer;
}

/** One line of the authority and its answer. */
export interface LineRoute {
  /** The authority's own name for the line, from its catalog (`dns.lines`): `telecom`, `电信`, `country:JP`. */
  readonly line: string;
  /** What the line's resolvers get. */
  readonly answer: DnsAnswer;
}

/** Options of `DnsRouting.byLine`. */
export interface ByLineOptions {
  /** The lines and their answers. */
  readonly lines: readonly LineRoute[];
  /** What every resolver no line matches gets (the authority's default line). Required. */
  readonly otherwise: DnsAnswer;
}

/** Which viewers get which answer. */
export class DnsRouting {
  /**
   * Mainland China one way, everyone else another: each authority with the lines it has
   * for that (Route 53: country CN and the default location; Alibaba Cloud DNS: `default`
   * and `oversea`; DNSPod: 默认 and 境外).
   */
  public static geoSplit(options: GeoSplitOptions): DnsRouting {
    return new DnsRouting([
      { field: "mainlandChina", location: DnsRouteLocation.MAINLAND_CHINA, answer: options?.mainlandChina },
      { field: "elsewhere", location: DnsRouteLocation.OUTSIDE_MAINLAND_CHINA, answer: options?.elsewhere },
    ]);
  }

  /** One answer for every viewer. */
  public static everywhere(answer: DnsAnswer): DnsRouting {
    return new DnsRouting([{ field: "answer", location: DnsRouteLocation.CATCH_ALL, answer }]);
  }

  /** Answers by the authority's own lines (ISPs, regions, countries), and one for everyone else. */
  public static byLine(options: ByLineOptions): DnsRouting {
    const lines = Array.isArray(options?.lines) ? options.lines : [];
    return new DnsRouting(
      [
        ...lines.map((route, index) => ({ field: `lines[${index}].answer`, location: DnsRouteLocation.LINE, line: route?.line, answer: route?.answer })),
        { field: "otherwise", location: DnsRouteLocation.CATCH_ALL, answer: options?.otherwise },
      ],
      Array.isArray(options?.lines),
    );
  }

  private constructor(
    /** Every group of viewers and its answer. */
    public readonly routes: readonly DnsRoute[],
    /** False when `byLine` was given something other than a list of lines. */
    public readonly linesAreAList = true,
  ) {}
}
