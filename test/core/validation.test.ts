import { Construct, RootConstruct } from "constructs";
import { Lazy, Token } from "../../lib/core/cdktf";
import { isUnresolved, requireNonEmpty, requireNumberInRange, requireOneOf, ValidationError } from "../../lib/core/validation";

// The guards need a construct only for its path: a bare tree, no app, no synth.
const root = new RootConstruct();
const scope = new Construct(new Construct(root, "Shop"), "Database");
const unresolvedString = Token.asString(Lazy.stringValue({ produce: () => "later" }));
const unresolvedNumber = Token.asNumber(Lazy.numberValue({ produce: () => 0 }));

function refusal(guard: () => unknown): ValidationError {
  try {
    guard();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("ValidationError", () => {
  test("names the construct path, field, value and what is allowed", () => {
    const error = new ValidationError(scope, "storageGiB", 5, "a whole number from 20 to 100");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ValidationError");
    expect(error.message).toBe("Shop/Database: invalid storageGiB 5; allowed: a whole number from 20 to 100");
    expect({ constructPath: error.constructPath, field: error.field, value: error.value, allowed: error.allowed }).toEqual({
      constructPath: "Shop/Database",
      field: "storageGiB",
      value: 5,
      allowed: "a whole number from 20 to 100",
    });
  });

  test("calls the root of the tree <root>", () => {
    expect(new ValidationError(root, "f", 1, "x").constructPath).toBe("<root>");
  });

  const circular: Record<string, unknown> = {};
  circular.self = circular;
  // [value, how the message shows it]
  test.each<[string, unknown, string]>([
    ["unset", undefined, "(not set)"],
    ["a string", "eu-west-9", '"eu-west-9"'],
    ["a number", 3.5, "3.5"],
    ["null", null, "null"],
    ["a list", ["a", "b"], '["a","b"]'],
    ["an object", { min: 1 }, '{"min":1}'],
    ["a value JSON cannot hold", Symbol("zone"), "Symbol(zone)"],
    ["a circular object", circular, "[object Object]"],
    ["a big integer", BigInt(7), "7"],
  ])("shows %s in the message", (_kind, value, shown) => {
    expect(new ValidationError(scope, "f", value, "x").message).toBe(`Shop/Database: invalid f ${shown}; allowed: x`);
  });
});

describe("isUnresolved", () => {
  test.each<[string, unknown, boolean]>([
    ["a token string", unresolvedString, true],
    ["a token number", unresolvedNumber, true],
    ["a plain string", "shop", false],
    ["a plain number", 3, false],
  ])("is right for %s", (_kind, value, expected) => {
    expect(isUnresolved(value)).toBe(expected);
  });
});

describe("requireNumberInRange", () => {
  const range = { min: 2, max: 6 };

  test.each([2, 3, 6])("accepts %d in [2, 6]", (value) => {
    expect(() => requireNumberInRange(scope, "zones", value, range)).not.toThrow();
  });

  test("accepts a fraction when integer is false, and a value only known at apply time", () => {
    expect(() => requireNumberInRange(scope, "ratio", 2.5, { ...range, integer: false })).not.toThrow();
    expect(() => requireNumberInRange(scope, "zones", unresolvedNumber, range)).not.toThrow();
  });

  test.each<[string, unknown, { min: number; max: number; integer?: boolean; unit?: string }, string]>([
    ["below the minimum", 1, range, "a whole number from 2 to 6"],
    ["above the maximum", 7, range, "a whole number from 2 to 6"],
    ["a fraction", 2.5, range, "a whole number from 2 to 6"],
    ["a fraction and integer is true", 2.5, { ...range, integer: true }, "a whole number from 2 to 6"],
    ["NaN", NaN, { ...range, integer: false }, "a number from 2 to 6"],
    ["a number as a string", "3", { ...range, integer: false }, "a number from 2 to 6"],
    ["outside a range of any number", 6.5, { ...range, integer: false }, "a number from 2 to 6"],
    ["outside the range, with a unit", 1, { ...range, unit: "zones (eu-west-1 has 6)" }, "a whole number from 2 to 6 zones (eu-west-1 has 6)"],
  ])("fails when given %s", (_case, value, givenRange, allowed) => {
    const error = refusal(() => requireNumberInRange(scope, "zones", value as number, givenRange));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({ field: "zones", value, allowed });
  });
});

describe("requireOneOf", () => {
  test("accepts an allowed value, and one only known at apply time", () => {
    expect(() => requireOneOf(scope, "engine", "mysql", ["mysql", "postgres"])).not.toThrow();
    expect(() => requireOneOf(scope, "engine", unresolvedString, ["mysql"])).not.toThrow();
  });

  test("fails when given a value not in the list, and lists what is allowed", () => {
    const error = refusal(() => requireOneOf(scope, "engine", "oracle", ["mysql", "postgres"]));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({ field: "engine", value: "oracle", allowed: 'one of "mysql", "postgres"' });
  });
});

describe("requireNonEmpty", () => {
  test("returns a non-empty string, and one only known at apply time", () => {
    expect(requireNonEmpty(scope, "domainName", "shop.example.com")).toBe("shop.example.com");
    expect(requireNonEmpty(scope, "domainName", unresolvedString)).toBe(unresolvedString);
  });

  test.each<[string, unknown]>([
    ["nothing", undefined],
    ["an empty string", ""],
    ["only whitespace", " \t"],
    ["a number", 3],
  ])("fails when given %s", (_case, value) => {
    const error = refusal(() => requireNonEmpty(scope, "domainName", value as string));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({ field: "domainName", value, allowed: "a non-empty string" });
  });
});
