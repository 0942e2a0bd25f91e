import { ValidationError } from "../../lib";

/**
 * Builds something that must be refused and checks the refusal: a ValidationError that
 * names the construct path, the field, the value given and what is allowed.
 */
export function expectValidationError(build: () => unknown, expected: { constructPath: string; field: string; value: unknown }): void {
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect({ constructPath: error.constructPath, field: error.field, value: error.value }).toEqual(expected);
  expect(error.allowed.length).toBeGreaterThan(10);
  expect(error.message).toContain(expected.constructPath);
  expect(error.message).toContain(expected.field);
  expect(error.message).toContain(error.allowed);
}
