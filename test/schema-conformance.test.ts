import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { validateAgainstSchemas } from "../lib/policy/schema-validator";
import { buildExampleApp, selectedClouds } from "../examples/bookstore-app";
import { EXAMPLE_OUTDIR_VARIABLE } from "./support/global-setup";
import { alicloudRemovedAttributes, committedSchema } from "./support/schemas";

// Every stack of the example app, workloads stacks included, against the committed
// provider schemas: what terraform would refuse at plan time, found without terraform.
function exampleOutdir(): string {
  const cached = process.env[EXAMPLE_OUTDIR_VARIABLE];
  if (cached) return cached;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-schema-"));
  const app = new App({ outdir });
  buildExampleApp(app, selectedClouds(undefined));
  app.synth();
  return outdir;
}

describe("every synthesized stack conforms to the provider schemas", () => {
  const outdir = exampleOutdir();
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
