import { TerraformStack } from "../core/cdktf";
import { formatReport } from "./evaluate";
import { checkStack, PolicyPack } from "./policy-checks";

/** What a matcher tells Jest, as Jest's `CustomMatcherResult` has it. */
export interface PolicyMatcherResult {
  /** The stack has no unsuppressed finding. */
  readonly pass: boolean;
  /** The report of the findings, for the failure message. */
  readonly message: () => string;
}

/**
 * Jest matchers for users' own stacks:
 *
 *   expect.extend(policyMatchers);
 *   expect(stack).toHaveNoPolicyFindings(AWS_POLICY_PACK);
 *
 * Suppressions made with `PolicyChecks.of(construct).suppress(...)` are honoured and
 * listed in the failure message.
 */
export const policyMatchers = {
  /** Passes when `received` has no finding of the packs' rules that no suppression covers. */
  toHaveNoPolicyFindings(received: TerraformStack, ...packs: PolicyPack[]): PolicyMatcherResult {
    const report = checkStack(received, packs);
    return {
      pass: report.findings.length === 0,
      message: () => formatReport(received.node.id, report),
    };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The stack has no finding of the packs' rules, suppressed ones aside. */
      toHaveNoPolicyFindings(...packs: PolicyPack[]): R;
    }
  }
}
