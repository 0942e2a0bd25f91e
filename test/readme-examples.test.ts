import * as fs from "fs";
import * as path from "path";

// The README's own-project examples, run against the library's source: the two-cloud main.ts
// writes the stacks the README names, and the tests of "Testing your app" pass as written
// (their `test(...)` calls register here). Only the import of "multicloud-bookstore" is
// pointed at lib/, the app's output at a temporary folder, and the snapshot assertion is left
// out (it would write a snapshot of the AWS stack into this repository). test/package.test.ts
// compiles and runs the same main.ts against the packed tarball's types.

const REPO = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const LIB = path.join(REPO, "lib");
// Inside the repository (.gen/ is ignored by git), so that "cdktf" and the provider bindings
// resolve from its node_modules as they would from a user's project.
fs.mkdirSync(path.join(REPO, ".gen"), { recursive: true });
const work = fs.mkdtempSync(path.join(REPO, ".gen", "readme-"));

/** The README's TypeScript blocks that contain `marker`: exactly one is expected. */
function block(marker: string): string {
  const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => code.includes(marker));
  expect(blocks).toHaveLength(1);
  // The package's subpaths as package.json's "exports" map them: /<cloud>[/<resource>] to the generated bindings.
  return blocks[0]
    .replace(/from "multicloud-bookstore\/(alicloud|tencentcloud)((?:\/[a-z0-9-]+)?)"/g, (_all, cloud: string, resource: string) => `from ${JSON.stringify(path.join(LIB, "generated", cloud) + resource)}`)
    .replace(/from "multicloud-bookstore\/policy"/g, `from ${JSON.stringify(path.join(LIB, "policy"))}`)
    .replace(/from "multicloud-bookstore"/g, `from ${JSON.stringify(LIB)}`);
}

/** Writes `code` as a module of its own and loads it through Jest (so it is transpiled as the tests are). */
function load(name: string, code: string): void {
  const file = path.join(work, name);
  fs.writeFileSync(file, code);
  require(file);
}

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the README's two-cloud main.ts", () => {
  test("synthesizes the five stacks the README names", () => {
    const outdir = path.join(work, "cdktf.out");
    const program = block("app.synth()").replace("new App()", `new App({ outdir: ${JSON.stringify(outdir)} })`);
    expect(program).toContain(`new App({ outdir: ${JSON.stringify(outdir)} })`);
    load("main.ts", program);
    const stacks = fs.readdirSync(path.join(outdir, "stacks")).sort();
    expect(stacks).toEqual(["bookstore-aws", "bookstore-aws-addons", "bookstore-aws-workloads", "bookstore-tencentcloud", "bookstore-tencentcloud-workloads"]);
    expect(README.replace(/\s+/g, " ")).toContain(`writes five stacks: ${stacks.slice(0, -1).map((s) => `\`${s}\``).join(", ")} and \`${stacks[stacks.length - 1]}\``);
  });
});

describe("the README's main.test.ts", () => {
  const tests = block("Testing.setupJest()");
  const withoutSnapshot = tests.replace("  expect(synthesized).toMatchSnapshot();\n", "");
  // The one line left out is the snapshot; everything else runs as the README writes it.
  expect(withoutSnapshot.split("\n")).toHaveLength(tests.split("\n").length - 1);
  load("main-test.ts", withoutSnapshot);
});
