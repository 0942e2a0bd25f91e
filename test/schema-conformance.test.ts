import * as fs from "fs";
import * as path from "path";
import { validateAgainstSchemas } from "../lib/policy/schema-validator";
import { exampleAppOutdir } from "./support/bookstore";
import { alicloudRemovedAttributes, committedSchema } from "./support/schemas";

// Every stack of the example app, workloads stacks included, against the committed
// provider schemas: what terraform would refuse at plan time, found without terraform.
describe("every synthesized stack conforms to the provider schemas", () => {
  const outdir = exampleAppOutdir();
  const stacks = fs.readdirSync(path.join(outdir, "stacks")).sort();
  const schemas = [committedSchema("alicloud"), committedSchema("tencentcloud")];
  const removed = alicloudRemovedAttributes();

  test("all six stacks are checked", () => {
    expect(stacks).toEqual(expect.arrayContaining(["bookstore-aws-workloads", "bookstore-alicloud-workloads", "bookstore-tencentcloud-workloads"]));
  });

  test.each(stacks)("%s", (stack) => {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    expect(validateAgainstSchemas(json, schemas, removed)).toEqual([]);
  });
});
