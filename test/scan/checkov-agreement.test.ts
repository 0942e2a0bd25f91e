import { Compliance, evaluate } from "../../lib";
import { loadAccepted, pinnedVersion } from "../../scripts/checkov/checkov";
import { exampleAppOutdir } from "../support/bookstore";
import { checkovIds, packOfStack, readStacks, verdict } from "./packs";

// The committed list of checkov findings (scripts/checkov/accepted-findings.json) and the
// policy packs' suppressions must tell the same story: checkov is not needed here, so
// this runs in npm test; `npm run scan` checks the list against checkov itself.

const MIN_REASON_LENGTH = 20;
const VERDICTS: Record<string, Compliance> = {
  suppressed: Compliance.NON_COMPLIANT,
  compliant: Compliance.COMPLIANT,
  "not-applicable": Compliance.NOT_APPLICABLE,
};

describe("the accepted checkov findings", () => {
  const list = loadAccepted();
  let stacks: Record<string, Record<string, any>>;
  beforeAll(() => {
    stacks = readStacks(exampleAppOutdir());
  });

  test("were written for the pinned checkov", () => {
    expect(list.checkov).toBe(pinnedVersion());
  });

  test("name one check on one resource of existing stacks, once, with a reason", () => {
    const seen = new Set<string>();
    for (const entry of list.accepted) {
      expect(entry.check).toMatch(/^CKV2?_[A-Z0-9]+_\d+$/);
      expect(entry.reason.trim().length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
      expect(entry.stacks.length).toBeGreaterThan(0);
      const [type, name] = entry.resource.split(".");
      for (const stack of entry.stacks) {
        expect(Object.keys(stacks)).toContain(stack);
        expect({ stack, resource: entry.resource, exists: name in (stacks[stack].resource?.[type] ?? {}) }).toEqual({ stack, resource: entry.resource, exists: true });
      }
      const key = `${entry.check} ${entry.resource}`;
      expect(seen.has(key) ? key : "unique").toBe("unique");
      seen.add(key);
    }
  });

  test("name the pack rule that mirrors the check, and what it says of the resource", () => {
    for (const entry of list.accepted) {
      for (const stack of entry.stacks) {
        const type = entry.resource.split(".")[0];
        const mirroring = packOfStack(stack, stacks[stack]).rules.filter((r) => checkovIds(r).includes(entry.check) && r.resourceTypes.includes(type));
        expect({ entry: entry.check, resource: entry.resource, packRule: entry.packRule }).toEqual({
          entry: entry.check,
          resource: entry.resource,
          packRule: mirroring[0]?.id,
        });
        if (!entry.packRule) continue;
        expect(entry.pack && VERDICTS[entry.pack]).toBeDefined();
        expect({ rule: entry.packRule, resource: entry.resource, says: verdict(stacks[stack], mirroring[0], entry.resource) }).toEqual({
          rule: entry.packRule,
          resource: entry.resource,
          says: VERDICTS[entry.pack!],
        });
      }
    }
  });

  test("cover every suppression of a pack rule that names a checkov ID", () => {
    // With no suppressions passed, evaluate() reports what the bookstore suppresses.
    for (const [stack, json] of Object.entries(stacks)) {
      for (const { rule, resource } of evaluate(json, packOfStack(stack, json).rules).findings) {
        if (checkovIds(rule).length === 0) continue;
        const accepted = list.accepted.some((e) => e.packRule === rule.id && e.resource === resource.address && e.stacks.includes(stack) && e.pack === "suppressed");
        const notFlagged = list.notFlaggedByCheckov.some((e) => e.packRule === rule.id && e.resource === resource.address && e.stacks.includes(stack));
        expect({ stack, rule: rule.id, resource: resource.address, listed: accepted || notFlagged }).toEqual({ stack, rule: rule.id, resource: resource.address, listed: true });
      }
    }
  });

  test("list as not flagged by checkov only real suppressions of rules that name checkov IDs", () => {
    for (const entry of list.notFlaggedByCheckov) {
      expect(entry.reason.trim().length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
      for (const stack of entry.stacks) {
        const rule = packOfStack(stack, stacks[stack]).rules.find((r) => r.id === entry.packRule);
        expect(rule && checkovIds(rule).length).toBeGreaterThan(0);
        expect({ rule: entry.packRule, resource: entry.resource, says: verdict(stacks[stack], rule!, entry.resource) }).toEqual({
          rule: entry.packRule,
          resource: entry.resource,
          says: Compliance.NON_COMPLIANT,
        });
      }
    }
  });
});
