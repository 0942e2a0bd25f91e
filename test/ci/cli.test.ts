import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { githubActionsArguments, GithubActionsWorkflowProps } from "../../lib/ci";
import { main, parseGithubActionsOptions } from "../../lib/ci/cli";
import { propertyRuns } from "../support/property-budget";

// `multicloud-bookstore-ci`, called as a process would call it, on a cdktf.out written by
// hand: two stacks of a shop named "shop" on AWS.

let work: string;

/** A cdktf output folder with these stacks: name, dependencies, backend. */
function writeCdktfOut(dir: string, stacks: { name: string; dependencies?: string[]; backend?: string }[]): void {
  const manifest = { version: "0.21.0", stacks: {} as Record<string, unknown> };
  for (const { name, dependencies = [], backend = "s3" } of stacks) {
    const folder = path.join(dir, "stacks", name);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, "cdk.tf.json"),
      JSON.stringify({ terraform: { required_providers: { aws: { source: "aws" } }, backend: { [backend]: {} } }, provider: { aws: [{ region: "us-west-2" }] } }),
    );
    manifest.stacks[name] = { name, dependencies, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
  }
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { cwd: work, out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-ci-cli-"));
  writeCdktfOut(path.join(work, "cdktf.out"), [{ name: "shop-aws" }, { name: "shop-aws-workloads", dependencies: ["shop-aws"] }]);
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe("multicloud-bookstore-ci github-actions", () => {
  test("writes the workflow, which --check then accepts", async () => {
    const written = await run("github-actions");
    expect(written).toEqual({ code: 0, out: "Wrote .github/workflows/deploy.yml: shop-aws (shop-aws, shop-aws-workloads)\n", err: "" });
    expect(fs.readFileSync(path.join(work, ".github", "workflows", "deploy.yml"), "utf8")).toContain("npx cdktf deploy shop-aws shop-aws-workloads --auto-approve --skip-synth\n");
    expect(await run("github-actions", "--check")).toMatchObject({ code: 0, err: "" });
  });

  test("--check fails, naming the first line that differs and the command that regenerates it, once the app has another stack", async () => {
    // GIVEN a workflow written for the app, WHEN the app gains a stack
    await run("github-actions", "--out", "ci/deploy.yml", "--branch", "prod");
    writeCdktfOut(path.join(work, "cdktf.out"), [{ name: "shop-aws" }, { name: "shop-aws-workloads", dependencies: ["shop-aws"] }, { name: "shop-aws-jobs", dependencies: ["shop-aws"] }]);
    // THEN
    const checked = await run("github-actions", "--check", "--out", "ci/deploy.yml", "--branch", "prod");
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/^::error file=ci\/deploy.yml::ci\/deploy.yml differs from what the synthesized app implies, from line \d+ \(expected: ".*shop-aws-jobs.*"\)\. Regenerate it: npx cdktf synth && npx multicloud-bookstore-ci github-actions --out ci\/deploy.yml --branch prod\n$/);
  });

  test("--check fails when the workflow file does not exist", async () => {
    expect(await run("github-actions", "--check")).toMatchObject({ code: 1, err: expect.stringContaining(".github/workflows/deploy.yml does not exist.") });
  });

  test("--out - prints the workflow of the default file", async () => {
    const printed = await run("github-actions", "--out", "-");
    expect(printed.out).toContain("--check --out .github/workflows/deploy.yml\n");
    expect(fs.existsSync(path.join(work, ".github"))).toBe(false);
  });

  test("fails, saying what to run, where nothing was synthesized", async () => {
    expect(await run("github-actions", "--cdktf-output", "elsewhere")).toEqual({ code: 1, out: "", err: expect.stringMatching(/^::error::.*elsewhere\/manifest.json does not exist: run `npx cdktf synth` first/) });
  });

  test.each([
    [["github-actions", "--runs-on", "no-labels"], "--runs-on takes <lane>=<label>,<label>..., got no-labels"],
    [["github-actions", "--out"], "--out needs a value"],
    [["github-actions", "--branch", "a", "--branch", "b"], "--branch given twice"],
    [["github-actions", "--check=yes"], "--check takes no value"],
    [["github-actions", "--color", "red"], "unknown option --color"],
    [["github-actions", "extra"], "unexpected argument extra"],
    [["deploy"], "unknown command deploy"],
    [[], "no command given"],
    [["expect-stacks"], "expect-stacks needs the stacks' names"],
    [["sign-in", "aws"], "sign-in takes one cloud of tencentcloud (the others sign in with their own actions)"],
    [["sign-in", "tencentcloud", "--role-arn", "", "--provider-id", "github"], "sign-in tencentcloud needs --role-arn (is its repository variable set?)"],
  ])("refuses %j with the usage", async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`error: ${message}\n`);
    expect(result.err).toContain("Usage: multicloud-bookstore-ci <command>");
  });

  test("property: the options it writes into the workflow's check step read back as the props they came from", () => {
    const word = fc.stringMatching(/^[a-z0-9][a-z0-9._/-]{0,12}$/);
    const props = fc.record(
      {
        workflowFile: word,
        branch: word,
        cdktfOutput: word,
        runsOn: fc.dictionary(word, fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 3 }), { minKeys: 1, maxKeys: 2 }),
        nodeVersion: fc.stringMatching(/^[0-9]{2}$/),
        terraformVersion: fc.stringMatching(/^1\.[0-9]{1,2}\.[0-9]$/),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(props, (given: GithubActionsWorkflowProps) => {
        const { props: parsed } = parseGithubActionsOptions(githubActionsArguments(given).slice(1));
        // Defaults are left out of the command, and read back as unset.
        const expected = Object.fromEntries(
          Object.entries({ workflowFile: ".github/workflows/deploy.yml", ...given }).filter(
            ([key, value]) => !(key === "branch" && value === "main") && !(key === "cdktfOutput" && value === "cdktf.out") && !(key === "nodeVersion" && value === "22") && !(key === "terraformVersion" && value === "1.11.4"),
          ),
        );
        expect(parsed).toEqual(expected);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe("multicloud-bookstore-ci expect-stacks", () => {
  test("passes when every stack was synthesized with remote state", async () => {
    expect(await run("expect-stacks", "shop-aws", "shop-aws-workloads")).toEqual({ code: 0, out: "Synthesized, with remote state: shop-aws, shop-aws-workloads\n", err: "" });
  });

  test("fails, naming it and what was synthesized, when a stack is missing from the manifest", async () => {
    const result = await run("expect-stacks", "shop-aws", "shop-aws-addons");
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `::error::shop-aws-addons was not synthesized: ${path.join(work, "cdktf.out", "manifest.json")} lists shop-aws, shop-aws-workloads. The app no longer builds it (regenerate the workflow if it should not), or a setting it reads is missing here\n`,
    );
  });

  test("fails when the manifest lists a stack whose folder is gone", async () => {
    fs.rmSync(path.join(work, "cdktf.out", "stacks", "shop-aws-workloads"), { recursive: true });
    expect(await run("expect-stacks", "shop-aws", "shop-aws-workloads")).toMatchObject({ code: 1, err: expect.stringMatching(/^::error::shop-aws-workloads is in the manifest but .*cdk\.tf\.json is missing: synthesize again\n$/) });
  });

  test("fails when a stack would keep its state in a file on the runner", async () => {
    writeCdktfOut(path.join(work, "cdktf.out"), [{ name: "shop-aws", backend: "local" }]);
    expect(await run("expect-stacks", "shop-aws")).toMatchObject({ code: 1, err: expect.stringContaining("::error::shop-aws keeps its state in a local file, which is lost when the job ends") });
  });
});

describe("multicloud-bookstore-ci sign-in", () => {
  test("passes the step's options to the cloud's sign-in, which fails outside a GitHub Actions job", async () => {
    const argv = ["sign-in", "tencentcloud", "--role-arn", "qcs::cam::uin/1:roleName/r", "--provider-id", "github", "--session-name", "s-1", "--region", "ap-guangzhou", "--duration-seconds", "3600"];
    expect(await run(...argv)).toEqual({ code: 1, out: "", err: "::error::GITHUB_ENV is not set: run this in a GitHub Actions job\n" });
  });

  test("takes its duration as a number and refuses one STS would refuse", async () => {
    const argv = ["sign-in", "tencentcloud", "--role-arn", "r", "--provider-id", "p", "--session-name", "s-1", "--region", "ap-guangzhou", "--duration-seconds", "60"];
    expect(await run(...argv)).toMatchObject({ code: 1, err: "::error::durationSeconds must be a whole number of seconds from 900 to 43200, got 60\n" });
  });
});
