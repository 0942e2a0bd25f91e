import { Construct, IConstruct } from "constructs";
import { Aspects, IAspect, TerraformStack } from "../core/cdktf";
import { ValidationError } from "../core/validation";
import { evaluate, failingFindings, formatReport, PolicyReport, Suppression } from "./evaluate";
import { PolicyRule } from "./rule";

/** A named set of rules, e.g. the AWS pack. */
export interface PolicyPack {
  /** The pack's name. */
  readonly name: string;
  /** The pack's rules. */
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
  /** The policy checks of every stack below `scope`. */
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

/**
 * A stack whose policy checks and written file share one synthesis: cdktf validates a
 * stack, then synthesizes it again to write it; this stack hands the writer the JSON the
 * checks read (nothing changes the tree between the two), so each `app.synth()` builds
 * the JSON once. Any other stack is checked too, at the cost of a second synthesis.
 */
export class CheckedStack extends TerraformStack {
  private checkedJson?: Record<string, any>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The kept JSON lives for one synthesis only: a failed one (a refused check, an error
    // annotation) must not hand it to a later one, after the tree has changed.
    const synthesizer = this.synthesizer;
    this.synthesizer = {
      synthesize: (session) => {
        try {
          synthesizer.synthesize(session);
        } finally {
          this.checkedJson = undefined;
        }
      },
    };
  }

  public runAllValidations(): void {
    try {
      super.runAllValidations();
    } catch (error) {
      this.checkedJson = undefined;
      throw error;
    }
  }

  /** The stack's JSON for the checks, kept for the write that follows. */
  public toTerraformForChecks(): Record<string, any> {
    this.checkedJson = super.toTerraform() as Record<string, any>;
    return this.checkedJson;
  }

  /** The stack's JSON: the one the checks read, when they ran, so what is written is what was checked. */
  public toTerraform(): any {
    const checked = this.checkedJson;
    if (checked === undefined) return super.toTerraform();
    this.checkedJson = undefined;
    return checked;
  }
}

/** Checks a stack's synthesized JSON against packs, honouring its suppressions. */
export function checkStack(stack: TerraformStack, packs: readonly PolicyPack[]): PolicyReport {
  const json = stack instanceof CheckedStack ? stack.toTerraformForChecks() : (stack.toTerraform() as Record<string, any>);
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
