import { IConstruct } from "constructs";
import { Aspects, IAspect, TerraformStack } from "../core/cdktf";
import { ValidationError } from "../core/validation";
import { evaluate, failingFindings, formatReport, PolicyReport, Suppression } from "./evaluate";
import { PolicyRule } from "./rule";

/** A named set of rules, e.g. the AWS pack. */
export interface PolicyPack {
  readonly name: string;
  readonly rules: readonly PolicyRule[];
}

const MIN_REASON_LENGTH = 20;
const suppressionsByStack = new WeakMap<TerraformStack, Suppression[]>();
const reportsByStack = new WeakMap<TerraformStack, PolicyReport>();
const checkedStacks = new WeakMap<TerraformStack, PolicyPack[]>();

/**
 * Applies policy packs to every stack below a scope, like cdk-nag's `Aspects.of(app).add(...)`:
 * at synth, each stack's final JSON is checked, and an ERROR finding that no
 * suppression covers fails synth with a readable report.
 */
export class PolicyChecks {
  public static of(scope: IConstruct): PolicyChecks {
    return new PolicyChecks(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Checks every stack below the scope with these packs. */
  public apply(...packs: PolicyPack[]): void {
    Aspects.of(this.scope).add(new PolicyAspect(packs));
  }

  /**
   * Turns one rule off for this construct and everything below it. The reason is shown
   * in every report, so a reviewer can judge it.
   */
  public suppress(ruleId: string, reason: string): void {
    if (reason.trim().length < MIN_REASON_LENGTH) {
      throw new ValidationError(this.scope, `suppression of ${ruleId}`, reason, `a reason of at least ${MIN_REASON_LENGTH} characters that says why the rule does not fit`);
    }
    const stack = TerraformStack.of(this.scope);
    const list = suppressionsByStack.get(stack) ?? [];
    list.push({ ruleId, reason, constructPath: this.scope.node.path });
    suppressionsByStack.set(stack, list);
  }

  /** The report of the last synth of `stack`, if packs were applied to it. */
  public static reportOf(stack: TerraformStack): PolicyReport | undefined {
    return reportsByStack.get(stack);
  }
}

/** Checks a stack's synthesized JSON against packs, honouring its suppressions. */
export function checkStack(stack: TerraformStack, packs: readonly PolicyPack[]): PolicyReport {
  const json = stack.toTerraform() as Record<string, any>;
  return evaluate(
    json,
    packs.flatMap((p) => p.rules),
    suppressionsByStack.get(stack) ?? [],
  );
}

class PolicyAspect implements IAspect {
  constructor(private readonly packs: PolicyPack[]) {}

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const applied = checkedStacks.get(node);
    if (applied) {
      // Aspects run more than once per synth; register the validation only once.
      for (const pack of this.packs) if (!applied.includes(pack)) applied.push(pack);
      return;
    }
    const packs = [...this.packs];
    checkedStacks.set(node, packs);
    node.node.addValidation({
      validate: () => {
        const report = checkStack(node, packs);
        reportsByStack.set(node, report);
        return failingFindings(report).length > 0 ? [formatReport(node.node.id, report)] : [];
      },
    });
  }
}
