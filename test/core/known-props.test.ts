import * as fc from "fast-check";
import { App } from "cdktf";
import { BookstoreStacks, ValidationError } from "../../lib";
import { closestKey, editDistance, propKeys, requireKnownProps } from "../../lib/core/known-props";
import { exampleCloud, exampleProps } from "../../examples/bookstore-app";
import { propertyRuns } from "../support/property-budget";

interface Sample {
  readonly alpha?: number;
  readonly beta: string;
}

// The lists mirror their interfaces exactly, or the type check (npm run typecheck) fails.
propKeys<Sample>()(["alpha", "beta"]);
// @ts-expect-error a list that misses a key of the interface
propKeys<Sample>()(["alpha"]);
// @ts-expect-error a key the interface does not declare
propKeys<Sample>()(["alpha", "beta", "gamma"]);

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("editDistance and closestKey", () => {
  test.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["adminstrators", "administrators", 1],
    ["stroageGiB", "storageGiB", 1],
    ["kitten", "sitting", 3],
  ])("%p to %p: %p edits", (a, b, distance) => expect(editDistance(a, b)).toBe(distance));

  test("property: symmetric, zero only for equal strings, at most the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test("the same letters in another case first, then the nearest within a third of the length", () => {
    const known = ["storageGiB", "size", "version", "administrators"];
    expect(closestKey("StorageGiB", known)).toBe("storageGiB");
    expect(closestKey("adminstrators", known)).toBe("administrators");
    expect(closestKey("versoin", known)).toBe("version");
    expect(closestKey("colour", known)).toBeUndefined();
  });

  test("property: one dropped letter of a key of six letters or more is traced back to it", () => {
    const known = ["storageGiB", "highlyAvailable", "backupRetentionDays", "deletionProtection", "databaseName", "username"];
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.nat(), (key, at) => {
        const i = at % key.length;
        expect(closestKey(key.slice(0, i) + key.slice(i + 1), known)).toBe(key);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe("requireKnownProps", () => {
  const shape = { what: "the thing", keys: ["size", "inner"], nested: { inner: { what: "the inner thing", keys: ["depth"] } } };

  test("passes known props, and leaves what is not a plain object alone", () => {
    expect(() => requireKnownProps("Thing", "", { size: 1, inner: { depth: 2 } }, shape)).not.toThrow();
    expect(() => requireKnownProps("Thing", "", { inner: new (class { other = 1; })() }, shape)).not.toThrow();
    expect(() => requireKnownProps("Thing", "", { inner: ["x"] }, shape)).not.toThrow();
    expect(() => requireKnownProps("Thing", "", undefined, shape)).not.toThrow();
  });

  test("names an unknown prop by its path, its value, the likeliest meant prop and every prop", () => {
    const error = refusal(() => requireKnownProps("Thing", "", { inner: { dpeth: 3 } }, shape));
    expect(error.field).toBe("inner.dpeth");
    expect(error.value).toBe(3);
    expect(error.message).toBe('Thing: invalid inner.dpeth 3; allowed: no such prop of the inner thing: did you mean inner.depth? (its props: depth)');
  });

  test("an unknown prop is refused even when its value is undefined", () => {
    expect(refusal(() => requireKnownProps("Thing", "", { colour: undefined }, shape)).message).toBe("Thing: invalid colour (not set); allowed: no such prop of the thing: (its props: size, inner)");
  });
});

describe("a bookstore's props, as JavaScript or `as any` may write them", () => {
  const build = (change: (props: any) => void) => {
    const cloud = exampleCloud("aws");
    // A copy of the plain objects only: the runtime, certificate and cloud stay what the factories made.
    const copy = (value: any): any =>
      value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) : value;
    const props: any = copy(exampleProps(cloud));
    change(props);
    return () => new BookstoreStacks(new App(), `bookstore-${cloud.name}`, props);
  };

  test.each([
    ["a misspelled top-level prop", (p: any) => (p.polcyChecks = false), "polcyChecks", "did you mean policyChecks?"],
    ["a misspelled cluster prop", (p: any) => (p.kubernetes.adminstrators = ["arn:aws:iam::123456789012:role/ops"]), "kubernetes.adminstrators", "did you mean kubernetes.administrators?"],
    ["a misspelled workloads setting", (p: any) => (p.kubernetes.workloads = { minReplica: 3 }), "kubernetes.workloads.minReplica", "did you mean kubernetes.workloads.minReplicas?"],
    ["a misspelled database prop", (p: any) => (p.database.stroageGiB = 50), "database.stroageGiB", "did you mean database.storageGiB?"],
    ["a prop the composition sets itself", (p: any) => (p.network.name = "mine"), "network.name", "no such prop of the network"],
    ["a misspelled remote state prop", (p: any) => (p.remoteState = { bucket: "acme-tfstate", lockTabel: "locks" }), "remoteState.lockTabel", "did you mean remoteState.lockTable?"],
  ])("%s is refused with its path", (_what, change, field, allowed) => {
    const error = refusal(build(change));
    expect(error.field).toBe(field);
    expect(error.allowed).toContain(allowed);
  });

  test("the example's props pass", () => {
    expect(build(() => undefined)).not.toThrow();
  });
});
