import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BookstoreStacks, CheckedStack, Compliance, PolicyChecks, PolicyLevel } from "../../lib";
import { exampleCloud, exampleProps } from "../../examples/bookstore-app";

describe("policy checks and the written file share one synthesis", () => {
  test("each stack of a bookstore is turned into JSON once per app.synth()", () => {
    // GIVEN the example bookstore on one cloud, with its policy checks
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "one-synthesis-"));
    const app = new App({ outdir });
    const cloud = exampleCloud("aws");
    const stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...exampleProps(cloud), cloud });
    const toTerraform = jest.spyOn(TerraformStack.prototype, "toTerraform");
    try {
      // WHEN the app is synthesized
      app.synth();
      // THEN the JSON was built once per stack, and that is what was written
      expect(toTerraform).toHaveBeenCalledTimes(stacks.stacks.length);
      const written = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "bookstore-aws", "cdk.tf.json"), "utf8"));
      expect(Object.keys(written.resource).length).toBeGreaterThan(10);
    } finally {
      toTerraform.mockRestore();
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("a refused check keeps no JSON for a later synthesis", () => {
    // GIVEN a checked stack that another validation refuses
    const app = Testing.app();
    const stack = new CheckedStack(app, "checked");
    new TerraformOutput(stack, "First", { value: "first" });
    PolicyChecks.of(stack).apply({
      name: "test",
      rules: [{ id: "TEST-1", mirrors: [], explanation: "always holds", level: PolicyLevel.ERROR, resourceTypes: [], check: () => Compliance.COMPLIANT }],
    });
    const refuse = { validate: () => ["refused on purpose"] };
    stack.node.addValidation(refuse);
    // WHEN its synthesis fails, the tree changes and it is synthesized again
    expect(() => Testing.synth(stack, true)).toThrow(/refused on purpose/);
    new TerraformOutput(stack, "Second", { value: "second" });
    // THEN the new synthesis sees the change
    expect(Object.keys(JSON.parse(Testing.synth(stack)).output)).toEqual(["First", "Second"]);
  });
});
