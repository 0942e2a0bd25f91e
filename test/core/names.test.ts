import fc from "fast-check";
import { Construct, RootConstruct } from "constructs";
import { AWS_CATALOG } from "../../lib/aws/catalog";
import { BucketNameRule, NameRule } from "../../lib/core/catalog";
import { describeBucketNameRule, nameFromId, requireValidName, satisfiesBucketNameRule, satisfiesNameRule } from "../../lib/core/names";
import { ValidationError } from "../../lib/core/validation";
import { Lazy, Token } from "../../lib/core/cdktf";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";

describe("name rules", () => {
  test.each(IMPLEMENTED_CATALOGS)("%s: every kebab-case name within the length passes", (_cloud, catalog) => {
    const kebab = fc
      .array(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join("-"))
      .filter((name) => name.length <= catalog.names.maxLength);
    fc.assert(fc.property(kebab, (name) => expect(satisfiesNameRule(name, catalog.names)).toBe(true)));
  });

  test.each(IMPLEMENTED_CATALOGS)("%s: names over the length, with capitals or a trailing hyphen fail", (_cloud, catalog) => {
    expect(satisfiesNameRule("a".repeat(catalog.names.maxLength + 1), catalog.names)).toBe(false);
    expect(satisfiesNameRule("Shop", catalog.names)).toBe(false);
    expect(satisfiesNameRule("shop-", catalog.names)).toBe(false);
    expect(satisfiesNameRule("", catalog.names)).toBe(false);
  });

  test("nameFromId turns construct IDs into names every cloud accepts", () => {
    expect(nameFromId("OrdersDb")).toBe("orders-db");
    const ids = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,15}$/);
    fc.assert(fc.property(ids, (id) => expect(satisfiesNameRule(nameFromId(id), AWS_CATALOG.names)).toBe(true)));
  });
});

describe("satisfiesNameRule at its edges", () => {
  const rule: NameRule = { pattern: "[a-z]+(?:-[a-z]+)*", maxLength: 8, description: "lower-case words joined by hyphens" };

  test.each([
    ["a", true],
    ["abcdefgh", true],
    ["abc-defg", true],
    ["abcdefghi", false],
    ["", false],
    ["-abc", false],
    ["ab1", false],
    ["xab-", false],
  ])("%j is %s for a rule of at most 8 characters", (name, expected) => {
    expect(satisfiesNameRule(name, rule)).toBe(expected);
  });

  test("matches the whole name, not a part of it, for a pattern with alternatives", () => {
    const either: NameRule = { pattern: "shop|store", maxLength: 20, description: "shop or store" };
    expect(satisfiesNameRule("shop", either)).toBe(true);
    expect(satisfiesNameRule("store", either)).toBe(true);
    expect(satisfiesNameRule("shopfront", either)).toBe(false);
    expect(satisfiesNameRule("mystore", either)).toBe(false);
  });

  test("fails on an empty name even when the pattern would allow it", () => {
    expect(satisfiesNameRule("", { pattern: "[a-z]*", maxLength: 8, description: "letters" })).toBe(false);
  });
});

describe("requireValidName", () => {
  const scope = new Construct(new RootConstruct(), "Network");
  const rule: NameRule = { pattern: "[a-z]+", maxLength: 5, description: "lower-case letters" };

  test("returns a valid name, and a name only known at apply time", () => {
    expect(requireValidName(scope, "name", "shop", rule)).toBe("shop");
    const later = Token.asString(Lazy.stringValue({ produce: () => "NOT-CHECKED" }));
    expect(requireValidName(scope, "name", later, rule)).toBe(later);
  });

  test.each(["Shop", "shopping"])("fails when given %j, stating the rule and its length", (name) => {
    let caught: unknown;
    try {
      requireValidName(scope, "name", name, rule);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect({ constructPath: error.constructPath, field: error.field, value: error.value, allowed: error.allowed }).toEqual({
      constructPath: "Network",
      field: "name",
      value: name,
      allowed: "lower-case letters, at most 5 characters",
    });
  });
});

describe("nameFromId", () => {
  test.each([
    ["OrdersDb", "orders-db"],
    ["OrdersDbReplica", "orders-db-replica"],
    ["db2Replica", "db2-replica"],
    ["HTTPServer", "httpserver"],
    ["Orders__Db", "orders-db"],
    ["Orders.Db.Main", "orders-db-main"],
    ["--Orders--", "orders"],
    ["_Orders_Db_", "orders-db"],
    ["orders", "orders"],
    ["", ""],
  ])("turns %j into %j", (id, name) => {
    expect(nameFromId(id)).toBe(name);
  });
});

describe("satisfiesBucketNameRule", () => {
  // A rule shaped like S3's: dots allowed inside, two reserved prefixes, one reserved suffix.
  const rule: BucketNameRule = {
    pattern: "[a-z0-9][a-z0-9.-]*[a-z0-9]",
    maxLength: 63,
    description: "lower-case letters, digits, dots and hyphens",
    reservedPrefixes: ["xn--", "sthree-"],
    reservedSuffixes: ["s3alias"],
  };

  test.each([
    ["shop-assets", true, "a plain name"],
    ["192.168.10.40", false, "an IP address's form, every group of several digits"],
    ["1.2.3.4", false, "an IP address's form, every group of one digit"],
    ["x1.2.3.4", true, "an IP address's form after a letter"],
    ["1.2.3.4-a", true, "an IP address's form before more characters"],
    ["1.2.3", true, "three groups of digits"],
    ["shop..assets", false, "two dots in a row"],
    ["shop.assets", true, "one dot"],
    ["xn--shop", false, "the first reserved prefix"],
    ["sthree-shop", false, "the second reserved prefix"],
    ["shopxn--a", true, "a reserved prefix inside the name"],
    ["shop-s3alias", false, "the reserved suffix"],
    ["s3aliasshop", true, "the reserved suffix at the start"],
    ["Shop", false, "a name the pattern refuses"],
    ["a".repeat(64), false, "a name over the length"],
  ])("%j is %s: %s", (name, expected) => {
    expect(satisfiesBucketNameRule(name, rule)).toBe(expected);
  });

  test("takes a name where the cloud reserves no prefix or suffix", () => {
    expect(satisfiesBucketNameRule("shop", { ...rule, reservedPrefixes: [], reservedSuffixes: [] })).toBe(true);
  });

  test("refuses what is not a string", () => {
    expect(satisfiesBucketNameRule(42 as unknown as string, rule)).toBe(false);
    expect(satisfiesBucketNameRule(undefined as unknown as string, rule)).toBe(false);
  });

  test("every name it takes satisfies the plain name rule too (property)", () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9.-]{0,70}$/), (name) => !satisfiesBucketNameRule(name, rule) || satisfiesNameRule(name, rule)));
  });
});

describe("describeBucketNameRule", () => {
  test("names the rule, its length and what the cloud reserves", () => {
    const rule: BucketNameRule = { pattern: "[a-z]+", maxLength: 63, description: "lower-case letters", reservedPrefixes: ["xn--", "sthree-"], reservedSuffixes: ["-s3alias"] };
    expect(describeBucketNameRule(rule, "AWS")).toBe("lower-case letters, at most 63 characters; not xn--..., sthree-..., ...-s3alias, which AWS reserves");
  });

  test("says nothing of reserved names where the cloud reserves none", () => {
    const rule: BucketNameRule = { pattern: "[a-z]+", maxLength: 50, description: "lower-case letters", reservedPrefixes: [], reservedSuffixes: [] };
    expect(describeBucketNameRule(rule, "Tencent Cloud")).toBe("lower-case letters, at most 50 characters");
  });
});
