import { TerraformStack } from "../core/cdktf";
import { formatReport } from "./evaluate";
import { checkStack, PolicyPack } from "./policy-checks";

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
  toHaveNoPolicyFindings(received: TerraformStack, ...packs: PolicyPack[]) {
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
