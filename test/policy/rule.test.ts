import { ANYWHERE_CIDRS, blocksOf, compliantIf, Compliance, isTrue, PolicyLevel, ResourceBlock, settingRule, StackView } from "../../lib/policy/rule";

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

describe("ANYWHERE_CIDRS", () => {
  test("are the IPv4 and IPv6 ways of saying the whole internet", () => {
    expect(ANYWHERE_CIDRS).toEqual(["0.0.0.0/0", "0.0.0.0", "::/0"]);
  });
});

describe("settingRule", () => {
  const stack: StackView = { resources: [], referenced: () => undefined, referencing: () => [] };
  const block = (config: Record<string, any>): ResourceBlock => ({
    type: "aws_db_instance",
    name: "Database",
    address: "aws_db_instance.Database",
    constructPath: "shop/Database",
    config,
  });

  // GIVEN a rule made for one resource type
  const rule = settingRule("aws_db_instance")("BKS-TEST-1", ["CKV_AWS_16", "AVD-AWS-0080"], "Storage must be encrypted.", (config) => isTrue(config.storage_encrypted));

  test("is an error-level rule of that one resource type, with the ID, mirrors and explanation given", () => {
    expect({ id: rule.id, mirrors: rule.mirrors, explanation: rule.explanation, level: rule.level, resourceTypes: rule.resourceTypes }).toEqual({
      id: "BKS-TEST-1",
      mirrors: ["CKV_AWS_16", "AVD-AWS-0080"],
      explanation: "Storage must be encrypted.",
      level: PolicyLevel.ERROR,
      resourceTypes: ["aws_db_instance"],
    });
  });

  test.each<[string, Record<string, any>, Compliance]>([
    ["the setting holds", { storage_encrypted: true }, Compliance.COMPLIANT],
    ["the setting holds as a string", { storage_encrypted: "true" }, Compliance.COMPLIANT],
    ["the setting does not hold", { storage_encrypted: false }, Compliance.NON_COMPLIANT],
    ["the setting is missing", {}, Compliance.NON_COMPLIANT],
  ])("checks the block's config: %s", (_case, config, expected) => {
    expect(rule.check(block(config), stack)).toBe(expected);
  });
});
