import { Construct, RootConstruct } from "constructs";
import { Lazy, Token } from "../../lib/core/cdktf";
import { isUnresolved, requireBoolean, requireEnvironmentVariableName, requireNonEmpty, requireNonSecretEnvironmentVariableName, requireNumberInRange, requireOneOf, requireOrderedRange, requireUrlPath, ValidationError, withArticle } from "../../lib/core/validation";

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

  test("names an entry point given as text where no construct exists yet, and <root> for empty text", () => {
    // GIVEN a catalog override refused before any construct exists
    const error = new ValidationError("Cloud.aws", "regions.eu-west-9", "x", "a known region");
    // THEN the entry point stands in for the construct path
    expect(error.constructPath).toBe("Cloud.aws");
    expect(error.message).toBe('Cloud.aws: invalid regions.eu-west-9 "x"; allowed: a known region');
    expect(new ValidationError("", "f", 1, "x").constructPath).toBe("<root>");
  });

  test("withField gives the same refusal under the name the user wrote", () => {
    // GIVEN a child's refusal of its own prop
    const original = new ValidationError(scope, "containerPort", 0, "a whole number from 1 to 65535");
    // WHEN a composition renames it to the prop its user passed
    const renamed = original.withField("web.port");
    // THEN only the field changes, in the properties and the message
    expect(renamed).toBeInstanceOf(ValidationError);
    expect(renamed).not.toBe(original);
    expect({ constructPath: renamed.constructPath, field: renamed.field, value: renamed.value, allowed: renamed.allowed }).toEqual({
      constructPath: "Shop/Database",
      field: "web.port",
      value: 0,
      allowed: "a whole number from 1 to 65535",
    });
    expect(renamed.message).toBe("Shop/Database: invalid web.port 0; allowed: a whole number from 1 to 65535");
    expect(original.field).toBe("containerPort");
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
    ["NaN", NaN, "NaN"],
    ["minus infinity", -Infinity, "-Infinity"],
    ["non-finite numbers inside an object", { min: NaN, max: Infinity, low: -Infinity, ok: 2 }, '{"min":NaN,"max":Infinity,"low":-Infinity,"ok":2}'],
    ["non-finite numbers inside a list", [1, NaN], "[1,NaN]"],
    // The marker that carries a non-finite number through JSON is not unquoted in a string the user gave.
    ["a string that looks like the marker", "\u0000non-finite:NaN", '"\\u0000non-finite:NaN"'],
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
    ["outside a range of one value, named as that value", 6, { min: 7, max: 7, unit: "days" }, "exactly 7 days"],
    ["outside a range of one value, without a unit", 8, { min: 7, max: 7 }, "exactly 7"],
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

describe("requireBoolean", () => {
  test.each([true, false])("returns %s", (value) => {
    expect(requireBoolean(scope, "multiZone", value)).toBe(value);
  });

  test("returns a value only known at apply time", () => {
    const later = unresolvedString as unknown as boolean;
    expect(requireBoolean(scope, "multiZone", later)).toBe(later);
  });

  test.each<[string, unknown]>([
    ["the string false", "false"],
    ["the string true", "true"],
    ["a number", 0],
    ["nothing", undefined],
    ["null", null],
  ])("fails when given %s", (_case, value) => {
    const error = refusal(() => requireBoolean(scope, "multiZone", value as boolean));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({ field: "multiZone", value, allowed: "true or false" });
  });
});

describe("requireOrderedRange", () => {
  const fields = { lower: "scaling.minInstances", upper: "scaling.maxInstances" };
  const range = { min: 1, max: 10 };

  test.each<[number, number]>([
    [1, 10],
    [3, 3],
    [2, 5],
  ])("accepts lower %d and upper %d", (lower, upper) => {
    expect(() => requireOrderedRange(scope, fields, { lower, upper }, range)).not.toThrow();
    expect(() => requireOrderedRange(scope, fields, { lower, upper, lowerGiven: false }, range)).not.toThrow();
  });

  test.each<[string, { lower: number; upper: number; lowerGiven?: boolean }, string, number, string]>([
    ["the lower bound is above the upper one", { lower: 4, upper: 3 }, "scaling.minInstances", 4, "at most maxInstances (3)"],
    ["the given lower bound is above the upper one", { lower: 4, upper: 3, lowerGiven: true }, "scaling.minInstances", 4, "at most maxInstances (3)"],
    ["only the upper bound was given, below the default lower one", { lower: 4, upper: 3, lowerGiven: false }, "scaling.maxInstances", 3, "at least minInstances (4, the default)"],
    ["the lower bound is outside the range", { lower: 0, upper: 3 }, "scaling.minInstances", 0, "a whole number from 1 to 10"],
    ["the upper bound is outside the range", { lower: 1, upper: 11 }, "scaling.maxInstances", 11, "a whole number from 1 to 10"],
    ["the lower bound is a fraction", { lower: 1.5, upper: 3 }, "scaling.minInstances", 1.5, "a whole number from 1 to 10"],
  ])("fails when %s", (_case, values, field, value, allowed) => {
    const error = refusal(() => requireOrderedRange(scope, fields, values, range));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({ field, value, allowed });
  });

  test("names a bound without a dotted path by its whole name", () => {
    const error = refusal(() => requireOrderedRange(scope, { lower: "min", upper: "max" }, { lower: 4, upper: 3 }, range));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({ field: "min", value: 4, allowed: "at most max (3)" });
  });
});

describe("requireUrlPath", () => {
  test.each<[string, string]>([
    ["the root", "/"],
    ["/healthz", "/healthz"],
    ["a path of letters, digits, hyphens, underscores and dots", "/api/v1/health-check_2.json"],
    ["a path with a tilde and a percent-encoding", "/~user/%20ok"],
    ["a path of exactly 1024 characters", `/${"a".repeat(1023)}`],
  ])("returns %s", (_case, path) => {
    expect(requireUrlPath(scope, "healthCheckPath", path)).toBe(path);
  });

  test("returns a path only known at apply time", () => {
    expect(requireUrlPath(scope, "healthCheckPath", unresolvedString)).toBe(unresolvedString);
  });

  test.each<[string, unknown]>([
    ["an empty string", ""],
    ["a relative path", "healthz"],
    ["a relative path with a slash inside", "health/z"],
    ["a full URL", "http://shop.example.com/healthz"],
    ["a space", "/health z"],
    ["a query string", "/healthz?full=1"],
    ["a path longer than 1024 characters", `/${"a".repeat(1024)}`],
    ["a list holding a path", ["/healthz"]],
    ["a number", 200],
  ])("fails when given %s", (_case, path) => {
    const error = refusal(() => requireUrlPath(scope, "healthCheckPath", path as string));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({
      field: "healthCheckPath",
      value: path,
      allowed: "an absolute URL path such as /healthz, at most 1024 characters",
    });
  });
});

describe("requireEnvironmentVariableName", () => {
  test.each<[string, string]>([
    ["one letter", "A"],
    ["one underscore", "_"],
    ["LOG_LEVEL", "LOG_LEVEL"],
    ["lower case", "log_level"],
    ["a leading underscore", "_PRIVATE"],
    ["a digit after the first character", "A1"],
    ["a name of exactly 253 characters", "X".repeat(253)],
  ])("accepts %s", (_case, name) => {
    expect(() => requireEnvironmentVariableName(scope, "environment", name)).not.toThrow();
  });

  test.each<[string, string]>([
    ["an empty name", ""],
    ["a leading digit", "1A"],
    ["a hyphen", "LOG-LEVEL"],
    ["a dot at the end", "LOG_LEVEL."],
    ["a space inside", "LOG LEVEL"],
    ["a name longer than 253 characters", "X".repeat(254)],
  ])("fails when given %s", (_case, name) => {
    const error = refusal(() => requireEnvironmentVariableName(scope, "environment", name));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({
      field: "environment",
      value: name,
      allowed: "a variable name of letters, digits and underscores, not starting with a digit, at most 253 characters",
    });
  });
});

describe("requireNonSecretEnvironmentVariableName", () => {
  test.each(["LOG_LEVEL", "PASSWORD_FILE", "DB_PASSWORD_PATH", "TOKENIZER", "MYTOKEN", "PUBLIC_KEY_URL", "KEYCLOAK_URL", "SECRETARY"])("accepts %s", (name) => {
    expect(() => requireNonSecretEnvironmentVariableName(scope, "environment", name)).not.toThrow();
  });

  test.each([
    "PASSWORD",
    "DB_PASSWORD",
    "db_password",
    "SMTP_PASSWD",
    "GPG_PASSPHRASE",
    "STRIPE_SECRET",
    "APP_SECRET_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "GITHUB_TOKEN",
    "TOKEN",
    "STRIPE_API_KEY",
    "STRIPE_APIKEY",
    "TLS_PRIVATE_KEY",
    "AWS_ACCESS_KEY",
    "GOOGLE_CREDENTIAL",
    "GOOGLE_CREDENTIALS",
  ])("fails when the name %s announces a secret", (name) => {
    const error = refusal(() => requireNonSecretEnvironmentVariableName(scope, "environment", name));
    expect({ field: error.field, value: error.value, allowed: error.allowed }).toEqual({
      field: "environment",
      value: name,
      allowed:
        "a name that does not announce a secret (*_PASSWORD, *_SECRET, *_TOKEN, *_API_KEY, ...): environment values are readable in user data and ConfigMaps; keep secrets in the cloud's secret store",
    });
  });
});

describe("withArticle", () => {
  test.each([
    ["aws", "an aws"],
    ["Ecloud", "an Ecloud"],
    ["tencentcloud", "a tencentcloud"],
    ["unicloud", "an unicloud"],
  ])("%s takes %j", (noun, expected) => {
    expect(withArticle(noun)).toBe(expected);
  });
});
