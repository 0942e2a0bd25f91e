import { blocksOf, compliantIf, Compliance, isTrue } from "../../lib/policy/rule";

describe("rule helpers", () => {
  test("compliantIf", () => {
    expect(compliantIf(true)).toBe(Compliance.COMPLIANT);
    expect(compliantIf(false)).toBe(Compliance.NON_COMPLIANT);
  });

  test.each<[unknown, unknown[]]>([
    [undefined, []],
    [null, []],
    [{ a: 1 }, [{ a: 1 }]],
    [[{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 2 }]],
    [[], []],
  ])("blocksOf(%j) is %j", (value, blocks) => {
    expect(blocksOf(value)).toEqual(blocks);
  });

  test.each<[unknown, boolean]>([
    [true, true],
    ["true", true],
    [false, false],
    ["false", false],
    [1, false],
    ["TRUE", false],
    [undefined, false],
  ])("isTrue(%j) is %s", (value, expected) => {
    expect(isTrue(value)).toBe(expected);
  });
});
