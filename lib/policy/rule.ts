/**
 * A policy rule: one pure check of one kind of resource in a synthesized stack, with an
 * ID that cites the scanner rules it mirrors (checkov, trivy, KICS), so a finding, a
 * test and a suppression all speak the same language.
 */

export enum PolicyLevel {
  /** Fails synth unless suppressed with a reason. */
  ERROR = "error",
  /** Reported, never fails synth. */
  WARNING = "warning",
}

/** What a rule says of one resource. */
export enum Compliance {
  /** The resource complies. */
  COMPLIANT = "compliant",
  /** The resource does not comply. */
  NON_COMPLIANT = "non-compliant",
  /** The rule does not apply to this resource as configured. */
  NOT_APPLICABLE = "not-applicable",
}

/** One resource block of the synthesized JSON, as Terraform will read it. */
export interface ResourceBlock {
  /** Terraform resource type, e.g. `aws_db_instance`. */
  readonly type: string;
  /** Name in the configuration, e.g. `Bookstore_Database_FFEC90C7`. */
  readonly name: string;
  /** `<type>.<name>`. */
  readonly address: string;
  /** The construct path that made it, e.g. `bookstore-aws/Bookstore/Database/Resource`. */
  readonly constructPath: string;
  /** The block's arguments, without cdktf's metadata. */
  readonly config: Readonly<Record<string, any>>;
}

/** Read-only access to the whole stack, for rules that follow references. */
export interface StackView {
  /** Every resource block of the stack. */
  readonly resources: readonly ResourceBlock[];
  /** The resource a `${type.name.attr}` reference points at, if it is in the stack. */
  referenced(reference: unknown): ResourceBlock | undefined;
  /** Every resource of the type that references `target` in any argument. */
  referencing(type: string, target: ResourceBlock): ResourceBlock[];
}

/** One pure rule: a resource block in, a compliance out. */
export interface PolicyRule {
  /** This library's ID, e.g. `BKS-AWS-RDS-1`. */
  readonly id: string;
  /** The scanner rules this one mirrors, e.g. `["CKV_AWS_16", "AVD-AWS-0080"]`. */
  readonly mirrors: readonly string[];
  /** One line: what must hold and why. */
  readonly explanation: string;
  /** Whether a finding fails synth. */
  readonly level: PolicyLevel;
  /** The resource types the rule inspects. */
  readonly resourceTypes: readonly string[];
  /** Pure: the same block and stack always give the same answer. */
  check(resource: ResourceBlock, stack: StackView): Compliance;
}

/** COMPLIANT when `holds` is true, else NON_COMPLIANT. */
export function compliantIf(holds: boolean): Compliance {
  return holds ? Compliance.COMPLIANT : Compliance.NON_COMPLIANT;
}

/** Terraform's JSON may hold a block as an object or a one-element array. */
export function blocksOf(value: unknown): Record<string, any>[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, any>[];
}

/** True for `true` and `"true"`: bindings render some booleans as strings. */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/**
 * The literal ways of writing "the whole internet". Rules no longer compare against these:
 * `0.0.0.0/1` plus `128.0.0.0/1` means the same, so they judge the addresses covered
 * through `admitsInternet`.
 * @deprecated use `admitsInternet(cidrs)`, which judges what a list covers, not how it is written
 */
export const ANYWHERE_CIDRS: readonly string[] = ["0.0.0.0/0", "0.0.0.0", "::/0"];

export { admitsInternet } from "../core/address-coverage";

/**
 * Rules that one argument of one resource type must satisfy: the many scanner checks of
 * a database's settings, say. `settingRule("aws_db_instance")(id, mirrors, explanation, holds)`.
 */
export function settingRule(resourceType: string) {
  return (id: string, mirrors: string[], explanation: string, holds: (config: Record<string, any>) => boolean): PolicyRule => ({
    id,
    mirrors,
    explanation,
    level: PolicyLevel.ERROR,
    resourceTypes: [resourceType],
    check: (r) => compliantIf(holds(r.config)),
  });
}
