import { evaluate, failingFindings, formatReport, PolicyReport, Suppression } from "../../lib/policy/evaluate";
import { compliantIf, Compliance, PolicyLevel, PolicyRule } from "../../lib/policy/rule";

// Two made-up rules over a hand-written stack: the engine, not any real rule, is under test.
const Encrypted: PolicyRule = {
  id: "TEST-ENCRYPTED",
  mirrors: ["CKV_TEST_1", "AVD-TEST-0001"],
  explanation: "Disks must be encrypted.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["test_disk", "test_volume"],
  check: (r) => (r.config.kind === "scratch" ? Compliance.NOT_APPLICABLE : compliantIf(r.config.encrypted === true)),
};
const Tagged: PolicyRule = {
  id: "TEST-TAGGED",
  mirrors: ["CKV_TEST_2"],
  explanation: "Disks should carry tags.",
  level: PolicyLevel.WARNING,
  resourceTypes: ["test_disk"],
  check: (r) => compliantIf(r.config.tags !== undefined),
};

const block = (path: string, config: Record<string, unknown>) => ({ "//": { metadata: { path } }, ...config });
const STACK = {
  resource: {
    test_disk: {
      Data: block("shop/Db/Data", { encrypted: true, tags: {} }),
      Logs: block("shop/Db/Logs", { encrypted: false }),
      Scratch: block("shop/Db2/Scratch", { kind: "scratch" }),
    },
    test_volume: { Backup: block("shop/Db2/Backup", { encrypted: false, tags: {} }) },
    test_network: { Net: block("shop/Net", { encrypted: false }) },
  },
};

const ids = (findings: PolicyReport["findings"]) => findings.map((f) => `${f.rule.id} ${f.resource.constructPath}`);

describe("evaluate", () => {
  test("checks each rule against the resources of its types only, and reports the non-compliant ones", () => {
    // WHEN both rules run without suppressions
    const report = evaluate(STACK, [Encrypted, Tagged]);
    // THEN 4 blocks of Encrypted's types and 3 of Tagged's are checked; scratch is not applicable
    expect(report.checked).toBe(7);
    expect(ids(report.findings)).toEqual(["TEST-ENCRYPTED shop/Db/Logs", "TEST-ENCRYPTED shop/Db2/Backup", "TEST-TAGGED shop/Db/Logs", "TEST-TAGGED shop/Db2/Scratch"]);
    expect(report.findings[0].rule).toBe(Encrypted);
    expect(report.findings[0].resource.address).toBe("test_disk.Logs");
    expect(report.suppressed).toEqual([]);
  });

  test("checks nothing in a stack without resources", () => {
    expect(evaluate({}, [Encrypted, Tagged])).toEqual({ findings: [], suppressed: [], checked: 0 });
  });

  // [suppression, what is left as findings of TEST-ENCRYPTED, what it suppressed]
  test.each<[string, Suppression, string[], string[]]>([
    ["the construct itself", { ruleId: "TEST-ENCRYPTED", reason: "r", constructPath: "shop/Db/Logs" }, ["shop/Db2/Backup"], ["shop/Db/Logs"]],
    ["everything below a construct", { ruleId: "TEST-ENCRYPTED", reason: "r", constructPath: "shop" }, [], ["shop/Db/Logs", "shop/Db2/Backup"]],
    ["one subtree, not a sibling whose name starts the same", { ruleId: "TEST-ENCRYPTED", reason: "r", constructPath: "shop/Db" }, ["shop/Db2/Backup"], ["shop/Db/Logs"]],
    ["another rule only", { ruleId: "TEST-TAGGED", reason: "r", constructPath: "shop" }, ["shop/Db/Logs", "shop/Db2/Backup"], []],
    ["a path below the resource only", { ruleId: "TEST-ENCRYPTED", reason: "r", constructPath: "shop/Db/Logs/Inner" }, ["shop/Db/Logs", "shop/Db2/Backup"], []],
  ])("a suppression covers %s", (_case, suppression, left, suppressed) => {
    const report = evaluate(STACK, [Encrypted], [suppression]);
    expect(report.findings.map((f) => f.resource.constructPath)).toEqual(left);
    expect(report.suppressed.map((s) => s.resource.constructPath)).toEqual(suppressed);
    for (const s of report.suppressed) expect(s).toEqual({ rule: Encrypted, resource: expect.anything(), suppression });
    expect(report.checked).toBe(4);
  });

  test("a finding is suppressed by the first suppression that covers it", () => {
    const first: Suppression = { ruleId: "TEST-ENCRYPTED", reason: "first", constructPath: "shop/Db" };
    const second: Suppression = { ruleId: "TEST-ENCRYPTED", reason: "second", constructPath: "shop" };
    const report = evaluate(STACK, [Encrypted], [first, second]);
    expect(report.suppressed.map((s) => s.suppression.reason)).toEqual(["first", "second"]);
  });
});

describe("failingFindings", () => {
  test("keeps only ERROR findings: warnings never fail synth", () => {
    const report = evaluate(STACK, [Tagged, Encrypted]);
    expect(ids(failingFindings(report))).toEqual(["TEST-ENCRYPTED shop/Db/Logs", "TEST-ENCRYPTED shop/Db2/Backup"]);
  });
});

describe("formatReport", () => {
  test("lists findings with level, rule, mirrored rules, path and explanation, then suppressions with their reasons", () => {
    const suppression: Suppression = { ruleId: "TEST-ENCRYPTED", reason: "Backups are encrypted by the vault.", constructPath: "shop/Db2" };
    const report = evaluate(STACK, [Encrypted, Tagged], [suppression]);
    expect(formatReport("shop", report)).toBe(
      [
        "policy report for shop: 3 findings, 1 suppressed, 7 checks",
        "  ERROR TEST-ENCRYPTED (CKV_TEST_1, AVD-TEST-0001) shop/Db/Logs: Disks must be encrypted.",
        "  WARNING TEST-TAGGED (CKV_TEST_2) shop/Db/Logs: Disks should carry tags.",
        "  WARNING TEST-TAGGED (CKV_TEST_2) shop/Db2/Scratch: Disks should carry tags.",
        "  SUPPRESSED TEST-ENCRYPTED (CKV_TEST_1, AVD-TEST-0001) shop/Db2/Backup: Backups are encrypted by the vault.",
      ].join("\n"),
    );
  });

  test("is one line for a clean stack", () => {
    expect(formatReport("empty", { findings: [], suppressed: [], checked: 0 })).toBe("policy report for empty: 0 findings, 0 suppressed, 0 checks");
  });
});
