import * as fc from "fast-check";

/**
 * How many cases a property test draws. Each property test states its budget for an
 * ordinary `npm test`, sized so the whole suite stays near half a minute on two cores
 * (bench/TEST-COST.md has each file's cost); `FULL=1 npm test` draws ten times as many,
 * for a deeper search before a release or when a property has just found something.
 * Tests that state no budget get fast-check's default of 100 cases (1,000 with FULL=1),
 * set in ./property-defaults.ts.
 */
export const FULL_RUN_FACTOR = 10;

export function isFullRun(): boolean {
  return process.env.FULL === "1";
}

/** The number of cases for a property whose everyday budget is `budget`. */
export function propertyRuns(budget: number): number {
  if (!Number.isInteger(budget) || budget < 1) throw new Error(`a property budget is a whole number of cases, at least 1; got ${budget}`);
  return isFullRun() ? budget * FULL_RUN_FACTOR : budget;
}

/** fast-check's default for properties without a budget of their own (see above). */
export function configurePropertyDefaults(): void {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: propertyRuns(100) });
}
