import { IConstruct } from "constructs";
import { Annotations } from "./cdktf";
import { ValidationError } from "./validation";

/**
 * How long a cloud supports one version of a product (a Kubernetes minor, a MySQL major),
 * as the cloud published it on the day `checkedOn`. Dates are ISO days (`2026-07-31`),
 * each the last day of its period.
 */
export interface SupportWindow {
  /**
   * Last day of standard support: past it the cloud upgrades, bills extended support or
   * stops creating the version.
   * @default no end announced on `checkedOn`
   */
  readonly standardSupportEnds?: string;
  /**
   * Last day of the cloud's paid extended support, where it sells one. Past this day (or
   * past `standardSupportEnds` where there is none) the cloud no longer creates the version.
   * @default no extended support
   */
  readonly extendedSupportEnds?: string;
  /** Where the dates come from: the cloud's own support calendar. */
  readonly ref: string;
  /** The day the dates were read there. */
  readonly checkedOn: string;
}

/**
 * Context key (or, else, the environment variable `BOOKSTORE_SUPPORT_DATE`) that fixes the
 * day versions are judged against, an ISO day such as `2026-12-07`; without either, today
 * (UTC). Tests pin it so that a judgement does not change with the calendar.
 */
export const SUPPORT_DATE_CONTEXT = "multicloud-bookstore:supportDate";

/** A version whose standard support ends within this many days gets a warning, in time to plan an upgrade. */
export const SUPPORT_ENDING_SOON_DAYS = 90;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for an ISO day that is a real calendar date (`2026-02-30` is not). */
export function isIsoDay(text: unknown): text is string {
  if (typeof text !== "string" || !ISO_DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The day versions are judged against, for constructs under `scope`. */
export function supportJudgementDay(scope: IConstruct, env: NodeJS.ProcessEnv = process.env): string {
  const fromContext: unknown = scope.node.tryGetContext(SUPPORT_DATE_CONTEXT);
  const given = fromContext ?? env.BOOKSTORE_SUPPORT_DATE;
  if (given === undefined || given === "") return new Date().toISOString().slice(0, 10);
  if (!isIsoDay(given)) {
    const where = fromContext !== undefined ? `context ${SUPPORT_DATE_CONTEXT}` : "BOOKSTORE_SUPPORT_DATE";
    throw new ValidationError(scope, where, given, "an ISO day such as 2026-12-07, the day versions are judged against");
  }
  return given;
}

/** Whole days from `from` to `to`, both ISO days. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last day the cloud runs or creates the version at all; undefined while no end is announced. */
export function finalSupportDay(window: SupportWindow): string | undefined {
  return window.extendedSupportEnds ?? window.standardSupportEnds;
}

/** What a support window says of a version on a given day. */
export type SupportStatus = "standard" | "ending-soon" | "extended" | "ended";

/** Where `day` (`YYYY-MM-DD`) falls in the window. */
export function supportStatus(window: SupportWindow, day: string): SupportStatus {
  const standardEnds = window.standardSupportEnds;
  if (standardEnds === undefined) return "standard";
  if (day > (finalSupportDay(window) ?? standardEnds)) return "ended";
  if (day > standardEnds) return "extended";
  return daysBetween(day, standardEnds) <= SUPPORT_ENDING_SOON_DAYS ? "ending-soon" : "standard";
}

/** What `judgeSupport` weighs: one version of a product and the windows the catalog lists. */
export interface SupportJudgement {
  /** The prop as the user wrote it, e.g. `version` (the construct's path says whose). */
  readonly field: string;
  /** The product as a user knows it, e.g. `EKS Kubernetes` or `RDS for MySQL`. */
  readonly product: string;
  /** The version the user chose. */
  readonly version: string;
  /** Its support window. */
  readonly window: SupportWindow;
  /** The versions the catalog lists, with their windows, to name the supported ones when refusing. */
  readonly windows: Readonly<Record<string, SupportWindow>>;
  /** What the cloud does past standard support, for the warning (the catalog's `pastStandardSupport`). */
  readonly pastStandardAdvice: string;
}

/**
 * Refuses a version past all of its support on the judgement day (the cloud creates it no
 * longer), and warns, on one line, of one past its standard support or within
 * `SUPPORT_ENDING_SOON_DAYS` of its end. Nothing is said of a version well inside support.
 */
export function judgeSupport(scope: IConstruct, judgement: SupportJudgement, env: NodeJS.ProcessEnv = process.env): SupportStatus {
  const day = supportJudgementDay(scope, env);
  const { field, product, version, window } = judgement;
  const status = supportStatus(window, day);
  const source = `(${window.ref}, checked ${window.checkedOn})`;
  if (status === "ended") {
    const supported = Object.entries(judgement.windows)
      .filter(([, w]) => supportStatus(w, day) !== "ended")
      .map(([v, w]) => `${v} (standard support ${w.standardSupportEnds ? `to ${w.standardSupportEnds}` : "with no end announced"})`);
    throw new ValidationError(
      scope,
      field,
      version,
      `a version ${product} still supports on ${day}: ${supported.join(", ") || "none listed; update the library"}; ${version}'s support ended on ${finalSupportDay(window)} ${source}`,
    );
  }
  const standardEnds = window.standardSupportEnds ?? "";
  if (status === "extended") {
    const extended = window.extendedSupportEnds ? `; extended support runs to ${window.extendedSupportEnds}` : "";
    Annotations.of(scope).addWarning(`${field} ${version}: ${product} ${version} is past its standard support, which ended on ${standardEnds}${extended}: ${judgement.pastStandardAdvice} ${source}`);
  } else if (status === "ending-soon") {
    Annotations.of(scope).addWarning(
      `${field} ${version}: ${product} ${version}'s standard support ends on ${standardEnds}, in ${daysBetween(day, standardEnds)} days: plan the upgrade ${source}`,
    );
  }
  return status;
}
