import { TEST_CLOUDS, synthBookstore } from "./support/bookstore";

// Attribute names whose value must never be a literal in the configuration.
const SECRET_ATTRIBUTES = /"(password|master_password|secret_key|access_key|token|private_key)"\s*:\s*"(?!\$\{)/i;

describe.each(TEST_CLOUDS)("$name: no secret in the synthesized stack", ({ make }) => {
  test("sets no password, key or token literally", () => {
    const text = JSON.stringify(synthBookstore(make()).json);
    expect(text).not.toMatch(SECRET_ATTRIBUTES);
  });

  test("fails on a stack that does hold one (the check can fail)", () => {
    expect(JSON.stringify({ resource: { x: { y: { password: "hunter2" } } } })).toMatch(SECRET_ATTRIBUTES);
  });
});
