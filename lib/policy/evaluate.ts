import { Compliance, PolicyLevel, PolicyRule, ResourceBlock } from "./rule";
import { stackView } from "./stack-view";

/** A rule turned off for part of the construct tree, with the reason a reviewer reads. */
export interface Suppression {
  /** The rule turned off, e.g. `BKS-AWS-RDS-1`. */
  readonly ruleId: string;
  /** Why, for a reviewer. */
  readonly reason: string;
  /** Construct path the suppression covers, with everything below it. */
  readonly constructPath: string;
}

/** A resource that does not comply with a rule. */
export interface Finding {
  /** The rule. */
  readonly rule: PolicyRule;
  /** The resource. */
  readonly resource: ResourceBlock;
}

/** A finding that a suppression covers. */
export interface SuppressedFinding extends Finding {
  /** The suppression that covers it. */
  readonly suppression: Suppression;
}

/** What checking a stack against packs found. */
export interface PolicyReport {
  /** Non-compliant resources nothing suppresses. */
  readonly findings: readonly Finding[];
  /** Non-compliant resources a suppression covers: shown, but not failing. */
  readonly suppressed: readonly SuppressedFinding[];
  /** How many (rule, resource) pairs were checked. */
  readonly checked: number;
}

function covers(suppression: Suppression, ruleId: string, constructPath: string): boolean {
  return (
    suppression.ruleId === ruleId && (constructPath === suppression.constructPath || constructPath.startsWith(`${suppression.constructPath}/`))
  );
}

/** Runs every rule over every resource of its types. Pure. */
export function evaluate(stackJson: Record<string, any>, rules: readonly PolicyRule[], suppressions: readonly Suppression[] = []): PolicyReport {
  const view = stackView(stackJson);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  let checked = 0;
  for (const rule of rules) {
    for (const resource of view.resources) {
      if (!rule.resourceTypes.includes(resource.type)) continue;
      checked += 1;
      if (rule.check(resource, view) !== Compliance.NON_COMPLIANT) continue;
      const suppression = suppressions.find((s) => covers(s, rule.id, resource.constructPath));
      if (suppression) suppressed.push({ rule, resource, suppression });
      else findings.push({ rule, resource });
    }
  }
  return { findings, suppressed, checked };
}

/** Findings at ERROR level: what fails synth. */
export function failingFindings(report: PolicyReport): Finding[] {
  return report.findings.filter((f) => f.rule.level === PolicyLevel.ERROR);
}

/** A report a person reads in a CI log. */
export function formatReport(stackName: string, report: PolicyReport): string {
  const lines = [`policy report for ${stackName}: ${report.findings.length} findings, ${report.suppressed.length} suppressed, ${report.checked} checks`];
  for (const { rule, resource } of report.findings) {
    lines.push(`  ${rule.level.toUpperCase()} ${rule.id} (${rule.mirrors.join(", ")}) ${resource.constructPath}: ${rule.explanation}`);
  }
  for (const { rule, resource, suppression } of report.suppressed) {
    lines.push(`  SUPPRESSED ${rule.id} (${rule.mirrors.join(", ")}) ${resource.constructPath}: ${suppression.reason}`);
  }
  return lines.join("\n");
}
