import { IConstruct } from "constructs";
import type { ICdn } from "./cdn";
import type { DnsEdition, DnsServiceCatalog } from "./dns-catalog";
import { DnsAnswer, DnsAnswerKind, DnsTarget, FailoverRole, IFrontDoor } from "./dns-routing";
import type { DnsRecordSpec } from "./global-domain-spec";
import { includesMainlandChina, includesOutsideMainlandChina, ServiceArea } from "./service-area";
import { isUnresolved, requireNumberInRange, ValidationError } from "./validation";

/**
 * An ICP filing number: a province's one-character abbreviation, then `ICP备` with eight
 * digits and `号` (optionally `-<site>`), or an ICP licence, `ICP证` with six digits and `号`.
 * ref: https://beian.miit.gov.cn (the Ministry of Industry and Information Technology's register)
 */
export const ICP_FILING_NUMBER = /^\p{Script=Han}ICP(?:备\d{8}号(?:-\d{1,3})?|证\d{6}号)$/u;

/** Health checks probe the CDN's edge over TLS on 443: the port every front door here serves. */
const HEALTH_CHECK_PORT = 443;

const SIDE_WORDS: Readonly<Record<ServiceArea, string>> = {
  [ServiceArea.MAINLAND_CHINA]: "mainland China only",
  [ServiceArea.OUTSIDE_MAINLAND_CHINA]: "outside mainland China only",
  [ServiceArea.GLOBAL]: "both mainland China and the rest of the world",
};

/** True where two areas share a side of the border. */
function overlaps(a: ServiceArea, b: ServiceArea): boolean {
  return (includesMainlandChina(a) && includesMainlandChina(b)) || (includesOutsideMainlandChina(a) && includesOutsideMainlandChina(b));
}

export interface AnswerCheck {
  /** The answer's field, e.g. `routing.mainlandChina`. */
  readonly field: string;
  readonly answer: DnsAnswer | undefined;
  /** Which viewers the answer is for. */
  readonly side: ServiceArea;
  /** The domain every target must serve. */
  readonly domain: string;
  readonly dns: DnsServiceCatalog;
  readonly edition: DnsEdition;
  /** True for the answer every viewer no other route matches gets. */
  readonly catchAll: boolean;
  /** A target CDN's host name where the records are written. */
  readonly hostNameOf: (cdn: ICdn) => string;
}

/** One record of an answer, with the CDN it points at and where the user wrote its target. */
export interface RoutedRecord {
  readonly record: DnsRecordSpec;
  readonly cdn: ICdn;
  /** The target's field, e.g. `routing.elsewhere.primary`. */
  readonly field: string;
}

/**
 * Refuses an answer the authority cannot express or a target that cannot serve the
 * answer's viewers; returns the answer's records.
 */
export function requireRoutableAnswer(scope: IConstruct, check: AnswerCheck): RoutedRecord[] {
  const { field, answer, dns, edition } = check;
  if (!(answer instanceof DnsAnswer)) {
    const missing = check.catchAll
      ? "an answer for every viewer no other answer covers: without it, their queries get no answer"
      : check.side === ServiceArea.OUTSIDE_MAINLAND_CHINA
        ? `an answer for everyone outside mainland China: without it, their queries get no answer (${dns.service} answers the line ${JSON.stringify(dns.locations.outsideMainlandChina)} from it)`
        : "an answer: DnsAnswer.target(...), DnsAnswer.weighted([...]) or DnsAnswer.failover({...})";
    throw new ValidationError(scope, field, answer, missing);
  }
  if (answer.kind === DnsAnswerKind.WEIGHTED) requireWeightsExpressible(scope, field, answer, dns, edition);
  if (answer.kind === DnsAnswerKind.FAILOVER) requireFailoverExpressible(scope, field, answer, check.side, dns);

  const frontDoors = new Set<IFrontDoor>();
  const ids = new Map<string, number>();
  return answer.entries.map((entry) => {
    const entryField = `${field}.${entry.field}`;
    const frontDoor = requireServingTarget(scope, entryField, entry.target, check);
    if (frontDoors.has(frontDoor)) {
      throw new ValidationError(scope, entryField, frontDoor.domain, "a front door not already in this answer");
    }
    frontDoors.add(frontDoor);
    const cdn = frontDoor.cdn!;
    const probesFrom = dns.healthChecks?.probesFrom;
    if (entry.role === FailoverRole.PRIMARY && probesFrom !== undefined && !overlaps(cdn.serviceArea, probesFrom)) {
      throw new ValidationError(
        scope,
        entryField,
        `${frontDoor.cloud.name} (${cdn.serviceArea})`,
        `a primary whose CDN serves where ${dns.service}'s health checkers stand (${SIDE_WORDS[probesFrom]}): probing a CDN that serves ${SIDE_WORDS[cdn.serviceArea]} across the border tells nothing about its viewers; make it the secondary`,
      );
    }
    const base = entry.role !== undefined ? entry.role.toLowerCase() : frontDoor.cloud.name;
    const seen = (ids.get(base) ?? 0) + 1;
    ids.set(base, seen);
    const hostName = check.hostNameOf(cdn);
    const healthCheck =
      entry.role === FailoverRole.PRIMARY && answer.healthCheck !== undefined
        ? { hostName, port: HEALTH_CHECK_PORT, intervalSeconds: answer.healthCheck.intervalSeconds, failureThreshold: answer.healthCheck.failureThreshold }
        : undefined;
    const record = { id: seen === 1 ? base : `${base}-${seen}`, hostName, weight: entry.weight, failoverRole: entry.role, healthCheck };
    return { record, cdn, field: entryField };
  });
}

function requireWeightsExpressible(scope: IConstruct, field: string, answer: DnsAnswer, dns: DnsServiceCatalog, edition: DnsEdition): void {
  const weights = dns.weights;
  if (weights === undefined || !edition.weightedRecords) {
    const weighting = Object.values(dns.editions).filter((e) => e.weightedRecords).map((e) => e.title);
    const why = weights === undefined || weighting.length === 0 ? `${dns.service} records take no weight here, in any edition` : `${edition.title} cannot weight records; ${weighting.join(" and ")} can (DnsAuthority.of(..., { edition }))`;
    throw new ValidationError(scope, field, "DnsAnswer.weighted", `an answer ${dns.service} can express: ${why}; give one target (DnsAnswer.target)`);
  }
  if (answer.entries.length < 2) {
    throw new ValidationError(scope, `${field}.weighted`, answer.entries.length, "at least two weighted targets");
  }
  answer.entries.forEach((entry, index) => {
    requireNumberInRange(scope, `${field}.weighted[${index}].weight`, entry.weight as number, { min: weights.min, max: weights.max, unit: `(${dns.service}'s weights)` });
  });
}

function requireFailoverExpressible(scope: IConstruct, field: string, answer: DnsAnswer, side: ServiceArea, dns: DnsServiceCatalog): void {
  const rules = dns.healthChecks;
  if (rules === undefined) {
    throw new ValidationError(scope, field, "DnsAnswer.failover", `an answer ${dns.service} can express: it has no health checks that Terraform configures here, so nothing would ever fail over; give one target (DnsAnswer.target)`);
  }
  if (!overlaps(side, rules.probesFrom)) {
    throw new ValidationError(
      scope,
      field,
      "DnsAnswer.failover",
      `an answer without failover: ${dns.service}'s health checkers stand ${SIDE_WORDS[rules.probesFrom]}, and cannot judge what viewers ${SIDE_WORDS[side]} reach across the border`,
    );
  }
  const check = answer.healthCheck!;
  if (!rules.intervalsSeconds.includes(check.intervalSeconds)) {
    throw new ValidationError(scope, `${field}.healthCheckIntervalSeconds`, check.intervalSeconds, `one of ${rules.intervalsSeconds.join(", ")} seconds (${dns.service})`);
  }
  requireNumberInRange(scope, `${field}.healthCheckFailureThreshold`, check.failureThreshold, { ...rules.failureThreshold, unit: `failed checks (${dns.service})` });
}

/** Refuses a target without a CDN, of another domain, or unable to serve the answer's viewers. */
function requireServingTarget(scope: IConstruct, field: string, target: DnsTarget | undefined, check: AnswerCheck): IFrontDoor {
  if (!(target instanceof DnsTarget) || target.frontDoor === undefined) {
    throw new ValidationError(scope, field, target, "DnsTarget.of(<a deployment's front door, e.g. its BookstoreStacks>)");
  }
  const frontDoor = target.frontDoor;
  const cloudName = frontDoor.cloud?.name;
  if (frontDoor.cdn === undefined) {
    throw new ValidationError(scope, field, `${frontDoor.domain} (${cloudName})`, "a front door with a CDN: DNS answers with the CDN's host name (turn its cdn on)");
  }
  if (!isUnresolved(frontDoor.domain) && frontDoor.domain !== check.domain) {
    throw new ValidationError(scope, field, `${frontDoor.domain} (${cloudName})`, `a front door that serves ${check.domain}: its CDN and certificate are for ${frontDoor.domain}, and would refuse viewers of ${check.domain}`);
  }
  const area = frontDoor.cdn.serviceArea;
  if (target.icpFiling !== undefined && !(typeof target.icpFiling === "string" && ICP_FILING_NUMBER.test(target.icpFiling))) {
    throw new ValidationError(scope, `${field}.icpFiling`, target.icpFiling, "an ICP filing number such as 浙ICP备12345678号 (or 浙ICP备12345678号-1), or an ICP licence such as 京ICP证123456号");
  }
  if (check.side === ServiceArea.MAINLAND_CHINA && !includesMainlandChina(area)) {
    throw new ValidationError(scope, field, `${cloudName} (${area})`, `a front door whose CDN serves mainland China: ${cloudName}'s serves ${SIDE_WORDS[area]} (its region sets its CDN's service area)`);
  }
  if (includesMainlandChina(area) && target.icpFiling === undefined) {
    throw new ValidationError(
      scope,
      `${field}.icpFiling`,
      undefined,
      `the ICP filing number under which ${cloudName}'s CDN serves ${check.domain} in mainland China (e.g. 浙ICP备12345678号): a CDN that serves ${SIDE_WORDS[area]} takes only a filed domain`,
    );
  }
  return frontDoor;
}
