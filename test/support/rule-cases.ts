import { Compliance, PolicyRule } from "../../lib/policy/rule";
import { stackView } from "../../lib/policy/stack-view";

/**
 * One rule on one hand-written resource block: [rule ID, resource type, arguments, the
 * answer expected, other resources of the stack (for rules that follow references)].
 * The block is named `subject`.
 */
export type RuleCase = [string, string, Record<string, any>, Compliance, Record<string, Record<string, any>>?];

export const C = Compliance.COMPLIANT;
export const N = Compliance.NON_COMPLIANT;
export const NA = Compliance.NOT_APPLICABLE;

/** Checks one case: the rule inspects the type, and answers as expected. */
export function expectRuleCase(rules: readonly PolicyRule[], [ruleId, type, config, expected, others = {}]: RuleCase): void {
  const rule = rules.find((r) => r.id === ruleId);
  expect(rule).toBeDefined();
  expect(rule!.resourceTypes).toContain(type);
  const view = stackView({ resource: { ...others, [type]: { ...others[type], subject: config } } });
  const subject = view.resources.find((r) => r.address === `${type}.subject`)!;
  expect(rule!.check(subject, view)).toBe(expected);
}

/** Every rule of the pack appears in the cases, with a compliant and a non-compliant answer. */
export function expectEveryRuleCovered(rules: readonly PolicyRule[], cases: readonly RuleCase[]): void {
  for (const rule of rules) {
    const answers = cases.filter(([id]) => id === rule.id).map(([, , , expected]) => expected);
    expect({ rule: rule.id, answers: [...new Set(answers)].filter((a) => a !== NA).sort() }).toEqual({ rule: rule.id, answers: [C, N].sort() });
  }
}
