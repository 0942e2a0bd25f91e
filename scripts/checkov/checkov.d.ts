// Types for scripts/checkov/checkov.js (plain CommonJS), so TypeScript tests can import it.

/** One entry of accepted-findings.json: a checkov finding kept on purpose. */
export interface AcceptedFinding {
  readonly check: string;
  /** `<type>.<name>`. */
  readonly resource: string;
  readonly stacks: readonly string[];
  readonly reason: string;
  readonly ref?: string;
  /** The policy-pack rule that mirrors `check`, if one does. */
  readonly packRule?: string;
  /** What that rule says of the resource. */
  readonly pack?: "suppressed" | "compliant" | "not-applicable";
}

/** A pack suppression of a rule naming checkov IDs that checkov does not raise there. */
export interface NotFlaggedByCheckov {
  readonly packRule: string;
  readonly resource: string;
  readonly stacks: readonly string[];
  readonly reason: string;
}

export interface AcceptedFindings {
  readonly checkov: string;
  readonly accepted: readonly AcceptedFinding[];
  readonly notFlaggedByCheckov: readonly NotFlaggedByCheckov[];
}

export interface CheckovFinding {
  readonly check: string;
  readonly name: string;
  readonly resource: string;
}

export interface CheckovStackReport {
  readonly passed: CheckovFinding[];
  readonly failed: CheckovFinding[];
  readonly summary: { passed: number; failed: number; skipped: number; parsing_errors: number };
  readonly resourcesChecked: number;
}

export const ACCEPTED_FILE: string;
export function pinnedVersion(): string;
export function ensureCheckov(): string;
export function installedCheckov(): string | undefined;
export function runCheckov(checkov: string, target: string): Promise<any>;
export function readReport(report: any, stackJson: any, fileText: string): CheckovStackReport;
export function resourceAddress(record: any, stackJson: any, fileText: string): string;
export function loadAccepted(): AcceptedFindings;
export function covers(entry: AcceptedFinding, stack: string, finding: { check: string; resource: string }): boolean;
export function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]>;
