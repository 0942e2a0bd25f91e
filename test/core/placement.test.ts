import { Construct, RootConstruct } from "constructs";
import { CloudCatalog } from "../../lib/core/catalog";
import { MIN_ZONES, requireKnownRegion, resolveZones } from "../../lib/core/placement";
import { ValidationError } from "../../lib/core/validation";

// Only the fields placement reads; the rest of a catalog does not matter here.
const catalog = {
  cloud: "testcloud",
  regions: {
    "north-1": { zones: ["north-1a", "north-1b", "north-1c"] },
    "south-1": { zones: ["south-1a", "south-1b"] },
  },
} as unknown as CloudCatalog;

const scope = new Construct(new RootConstruct(), "Network");

function refusal(build: () => unknown): Pick<ValidationError, "field" | "value" | "allowed"> {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { field, value, allowed } = error as ValidationError;
    return { field, value, allowed };
  }
  throw new Error("expected a ValidationError");
}

describe("requireKnownRegion", () => {
  test("accepts a region the catalog lists", () => {
    expect(() => requireKnownRegion(scope, "region", "south-1", catalog)).not.toThrow();
  });

  test.each(["west-1", "toString", ""])("fails when given the region %j, listing the catalog's regions", (region) => {
    expect(refusal(() => requireKnownRegion(scope, "cloud.region", region, catalog))).toEqual({
      field: "cloud.region",
      value: region,
      allowed: "a testcloud region in the catalog: north-1, south-1 (another region of the cloud can be added with catalogOverrides.regions)",
    });
  });
});

describe("requireKnownRegion's wording", () => {
  test.each([
    ["aws", "an aws region"],
    ["alicloud", "an alicloud region"],
    ["Ecloud", "an Ecloud region"],
    ["tencentcloud", "a tencentcloud region"],
  ])("names the cloud %s with its article: %s", (cloud, start) => {
    const { allowed } = refusal(() => requireKnownRegion(scope, "region", "west-1", { ...catalog, cloud } as unknown as CloudCatalog));
    expect(allowed.startsWith(`${start} in the catalog: north-1, south-1`)).toBe(true);
  });
});

describe("resolveZones", () => {
  test("keeps at least two zones, so one zone's outage leaves the bookstore running", () => {
    expect(MIN_ZONES).toBe(2);
  });

  // [zones, zoneNames, resolved]
  test.each<[number | undefined, string[] | undefined, string[]]>([
    [undefined, undefined, ["north-1a", "north-1b"]],
    [2, undefined, ["north-1a", "north-1b"]],
    [3, undefined, ["north-1a", "north-1b", "north-1c"]],
    [undefined, ["north-1c", "north-1a"], ["north-1c", "north-1a"]],
    [3, ["north-1b", "north-1c", "north-1a"], ["north-1b", "north-1c", "north-1a"]],
  ])("zones %j and zoneNames %j give %j", (zoneCount, zoneNames, expected) => {
    expect(resolveZones(scope, catalog, "north-1", zoneCount, zoneNames)).toEqual(expected);
  });

  test("returns a copy of the zone names it was given", () => {
    const zoneNames = ["north-1a", "north-1b"];
    const resolved = resolveZones(scope, catalog, "north-1", undefined, zoneNames);
    expect(resolved).not.toBe(zoneNames);
  });

  // [case, region, zones, zoneNames, refusal]
  test.each<[string, string, number | undefined, string[] | undefined, Pick<ValidationError, "field" | "value" | "allowed">]>([
    [
      "the region is unknown",
      "west-1",
      undefined,
      undefined,
      { field: "region", value: "west-1", allowed: "a testcloud region in the catalog: north-1, south-1 (another region of the cloud can be added with catalogOverrides.regions)" },
    ],
    ["one zone is asked for", "north-1", 1, undefined, { field: "zones", value: 1, allowed: "a whole number from 2 to 3 zones (north-1 has 3)" }],
    ["more zones than the region has", "south-1", 3, undefined, { field: "zones", value: 3, allowed: "exactly 2 zones (south-1 has 2)" }],
    ["a fraction of zones", "north-1", 2.5, undefined, { field: "zones", value: 2.5, allowed: "a whole number from 2 to 3 zones (north-1 has 3)" }],
    [
      "one zone is named",
      "north-1",
      undefined,
      ["north-1a"],
      { field: "zoneNames", value: ["north-1a"], allowed: "at least 2 zones of north-1: north-1a, north-1b, north-1c" },
    ],
    [
      "a named zone is of another region",
      "north-1",
      undefined,
      ["north-1a", "south-1a"],
      { field: "zoneNames", value: "south-1a", allowed: "a zone of north-1: north-1a, north-1b, north-1c" },
    ],
    ["a zone is named twice", "north-1", undefined, ["north-1a", "north-1a"], { field: "zoneNames", value: ["north-1a", "north-1a"], allowed: "distinct zone names" }],
    [
      "zones and zoneNames disagree",
      "north-1",
      3,
      ["north-1a", "north-1b"],
      { field: "zones", value: 3, allowed: "the number of zoneNames given (2), or leave zones unset" },
    ],
  ])("fails when %s", (_case, region, zoneCount, zoneNames, expected) => {
    expect(refusal(() => resolveZones(scope, catalog, region, zoneCount, zoneNames))).toEqual(expected);
  });
});
