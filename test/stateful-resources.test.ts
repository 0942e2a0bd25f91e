import * as fs from "fs";
import * as path from "path";
import { STATEFUL_RESOURCE_TYPES, statefulAddresses } from "../lib";
import { exampleAppOutdir } from "./support/bookstore";

// The committed addresses of every stateful resource per stack. A construct ID change
// that moves one fails here before it can replace a production database. To move one
// on purpose, see "Moving a stateful resource" in docs/constructs.md; to record new ones, run
//   UPDATE_STATEFUL_MANIFEST=1 npx jest test/stateful-resources.test.ts
const MANIFEST = path.join(__dirname, "stateful-resources.json");

function currentAddresses(): Record<string, string[]> {
  // Every infrastructure stack of the example app.
  const outdir = exampleAppOutdir();
  const stacks = fs.readdirSync(path.join(outdir, "stacks")).filter((stack) => !/-(addons|workloads)$/.test(stack));
  return Object.fromEntries(stacks.map((stack) => [stack, statefulAddresses(JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")), STATEFUL_RESOURCE_TYPES)]));
}

describe("stateful resources keep their Terraform addresses", () => {
  const current = currentAddresses();
  if (process.env.UPDATE_STATEFUL_MANIFEST === "1") {
    const previous = fs.existsSync(MANIFEST) ? (JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string[]>) : {};
    fs.writeFileSync(MANIFEST, `${JSON.stringify({ ...previous, ...current }, null, 2)}\n`);
  }
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string[]>;

  test.each(Object.keys(current))("%s: no recorded stateful resource disappeared or moved", (stack) => {
    const missing = (manifest[stack] ?? []).filter((address) => !current[stack].includes(address));
    expect({ stack, missing }).toEqual({ stack, missing: [] });
  });

  test.each(Object.keys(current))("%s: every stateful resource is recorded", (stack) => {
    const unrecorded = current[stack].filter((address) => !(manifest[stack] ?? []).includes(address));
    expect({ stack, unrecorded }).toEqual({ stack, unrecorded: [] });
  });

  test("the guard fails when a database's construct ID changes", () => {
    const renamed = current["bookstore-aws"].map((a) => a.replace("Bookstore_Database_", "Bookstore_Db_"));
    expect((manifest["bookstore-aws"] ?? []).filter((a) => !renamed.includes(a))).not.toEqual([]);
  });
});
