import * as fc from "fast-check";
import { Construct, RootConstruct } from "constructs";
import {
  finalSupportDay,
  isIsoDay,
  judgeSupport,
  SUPPORT_DATE_CONTEXT,
  SUPPORT_ENDING_SOON_DAYS,
  supportJudgementDay,
  SupportWindow,
  supportStatus,
} from "../../lib/core/support-window";
import { ValidationError } from "../../lib/core/validation";
import { propertyRuns } from "../support/property-budget";

const REF = "https://example.com/calendar";
const WITH_EXTENDED: SupportWindow = { standardSupportEnds: "2026-07-29", extendedSupportEnds: "2027-07-29", ref: REF, checkedOn: "2026-12-07" };
const STANDARD_ONLY: SupportWindow = { standardSupportEnds: "2027-03-31", ref: REF, checkedOn: "2026-12-07" };

/** A construct judged on `day` (through the context key), and the warnings it got. */
function judgedOn(day: string | undefined) {
  const root = new RootConstruct();
  if (day !== undefined) root.node.setContext(SUPPORT_DATE_CONTEXT, day);
  const scope = new Construct(new Construct(root, "Shop"), "Cluster");
  const warnings = () => scope.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
  return { scope, warnings };
}

const judgement = (version: string, window: SupportWindow) => ({
  field: "version",
  product: "EKS Kubernetes",
  version,
  window,
  windows: { "1.33": WITH_EXTENDED, "1.35": STANDARD_ONLY },
  pastStandardAdvice: "extendedSupport: true keeps it",
});

describe("supportStatus", () => {
  test.each([
    ["2030-01-01", { ref: REF, checkedOn: "2026-12-07" }, "standard"],
    ["2026-05-01", STANDARD_ONLY, "standard"],
    ["2027-01-01", STANDARD_ONLY, "ending-soon"],
    ["2027-03-31", STANDARD_ONLY, "ending-soon"],
    ["2027-04-01", STANDARD_ONLY, "ended"],
    ["2026-07-29", WITH_EXTENDED, "ending-soon"],
    ["2026-07-30", WITH_EXTENDED, "extended"],
    ["2027-07-29", WITH_EXTENDED, "extended"],
    ["2027-07-30", WITH_EXTENDED, "ended"],
  ] as const)("on %s the window %j is %s", (day, window, status) => {
    expect(supportStatus(window, day)).toBe(status);
  });

  test(`warns from ${SUPPORT_ENDING_SOON_DAYS} days before standard support ends, not a day earlier`, () => {
    // 2027-03-31 minus 90 days is 2026-12-31.
    expect(supportStatus(STANDARD_ONLY, "2026-12-31")).toBe("ending-soon");
    expect(supportStatus(STANDARD_ONLY, "2026-12-30")).toBe("standard");
  });

  test("the final day is the end of extended support where there is one, else of standard support", () => {
    expect(finalSupportDay(WITH_EXTENDED)).toBe("2027-07-29");
    expect(finalSupportDay(STANDARD_ONLY)).toBe("2027-03-31");
  });

  test("property: the status never goes back as the days pass", () => {
    const order = ["standard", "ending-soon", "extended", "ended"];
    const day = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.boolean(), (a, b, extended) => {
        const window = extended ? WITH_EXTENDED : STANDARD_ONLY;
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(supportStatus(window, later))).toBeGreaterThanOrEqual(order.indexOf(supportStatus(window, earlier)));
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe("isIsoDay", () => {
  test.each(["2026-12-07", "2028-02-29"])("takes %s", (day) => expect(isIsoDay(day)).toBe(true));
  test.each(["2026-02-30", "2026-13-01", "7 Dec 2026", "2026-12-7", "", 20261207, undefined])("refuses %p", (day) => expect(isIsoDay(day)).toBe(false));
});

describe("supportJudgementDay", () => {
  test("the context key wins over the environment", () => {
    const { scope } = judgedOn("2027-01-02");
    expect(supportJudgementDay(scope, { BOOKSTORE_SUPPORT_DATE: "2026-01-01" })).toBe("2027-01-02");
  });

  test("the environment, without the context key", () => {
    const { scope } = judgedOn(undefined);
    expect(supportJudgementDay(scope, { BOOKSTORE_SUPPORT_DATE: "2026-01-01" })).toBe("2026-01-01");
  });

  test("today (UTC) without either", () => {
    const { scope } = judgedOn(undefined);
    expect(supportJudgementDay(scope, {})).toBe(new Date().toISOString().slice(0, 10));
  });

  test("a day that is not an ISO day is refused, naming where it was set", () => {
    const { scope } = judgedOn("07/12/2026");
    expect(() => supportJudgementDay(scope, {})).toThrow(ValidationError);
    expect(() => supportJudgementDay(scope, {})).toThrow(`invalid context ${SUPPORT_DATE_CONTEXT} "07/12/2026"`);
    const bare = judgedOn(undefined).scope;
    expect(() => supportJudgementDay(bare, { BOOKSTORE_SUPPORT_DATE: "soon" })).toThrow('invalid BOOKSTORE_SUPPORT_DATE "soon"');
  });
});

describe("judgeSupport", () => {
  test("a version well inside standard support: no word", () => {
    const { scope, warnings } = judgedOn("2026-06-01");
    expect(judgeSupport(scope, judgement("1.35", STANDARD_ONLY), {})).toBe("standard");
    expect(warnings()).toEqual([]);
  });

  test("standard support ending within the window: one line saying when, in how many days, and where that comes from", () => {
    const { scope, warnings } = judgedOn("2027-01-30");
    judgeSupport(scope, judgement("1.35", STANDARD_ONLY), {});
    expect(warnings()).toEqual([`version 1.35: EKS Kubernetes 1.35's standard support ends on 2027-03-31, in 60 days: plan the upgrade (${REF}, checked 2026-12-07)`]);
  });

  test("past standard support, in extended support: one line with both dates and the advice", () => {
    const { scope, warnings } = judgedOn("2026-12-07");
    expect(judgeSupport(scope, judgement("1.33", WITH_EXTENDED), {})).toBe("extended");
    expect(warnings()).toEqual([
      `version 1.33: EKS Kubernetes 1.33 is past its standard support, which ended on 2026-07-29; extended support runs to 2027-07-29: extendedSupport: true keeps it (${REF}, checked 2026-12-07)`,
    ]);
    expect(warnings()[0]).not.toContain("\n");
  });

  test("past all support: refused, naming the versions still supported that day", () => {
    const { scope } = judgedOn("2027-08-01");
    let error: unknown;
    try {
      judgeSupport(scope, judgement("1.33", WITH_EXTENDED), {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("version");
    expect((error as ValidationError).message).toBe(
      `Shop/Cluster: invalid version "1.33"; allowed: a version EKS Kubernetes still supports on 2027-08-01: none listed; update the library; 1.33's support ended on 2027-07-29 (${REF}, checked 2026-12-07)`,
    );
  });

  test("refusing, the supported versions are listed with their standard support's end", () => {
    const { scope } = judgedOn("2027-05-01");
    expect(() => judgeSupport(scope, judgement("1.35", STANDARD_ONLY), {})).toThrow("still supports on 2027-05-01: 1.33 (standard support to 2026-07-29)");
  });
});
