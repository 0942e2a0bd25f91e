import { ValidationError } from "../../lib";

describe("ValidationError prints the value as the user wrote it", () => {
  test.each<[string, unknown, string]>([
    ["NaN", NaN, "invalid f NaN;"],
    ["Infinity", Infinity, "invalid f Infinity;"],
    ["-Infinity", -Infinity, "invalid f -Infinity;"],
    ["a fraction", 1.5, "invalid f 1.5;"],
    ["NaN inside an array", [1, NaN, -Infinity], "invalid f [1,NaN,-Infinity];"],
    ["NaN inside an object", { stepGiB: NaN }, 'invalid f {"stepGiB":NaN};'],
    ["a string", "NaN", 'invalid f "NaN";'],
    ["nothing", undefined, "invalid f (not set);"],
  ])("%s", (_what, value, expected) => {
    // GIVEN a refused value WHEN the error is made THEN its message shows the value itself
    expect(new ValidationError("Cloud.fake", "f", value, "something else").message).toContain(expected);
  });

  test("an entry point stands in for a construct path where no construct exists yet", () => {
    const error = new ValidationError("Cloud.fake", "catalogOverrides.computeSizes.SMALL", "", "an instance type");
    expect(error.constructPath).toBe("Cloud.fake");
    expect(error.message).toBe('Cloud.fake: invalid catalogOverrides.computeSizes.SMALL ""; allowed: an instance type');
  });
});
