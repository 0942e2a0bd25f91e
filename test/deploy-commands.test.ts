import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The runbooks' deploy commands (docs/), run through the real cdktf CLI (node_modules/.bin/cdktf)
// against the example app synthesized once, with terraform replaced by a recording
// stand-in (test/support/terraform-stand-in.js, through TERRAFORM_BINARY_NAME): nothing
// reaches a cloud or a registry. What is checked is what the CLI decides itself: which
// stacks a command selects (stack-name patterns, matched with minimatch) and in which
// order it applies them, and that it refuses a stack whose dependencies are not named
// in the same command ("The following dependencies are not included in the stacks to
// run"), which is why each runbook gives one command per cloud (issue #23). The generated CI
// workflow's jobs are run the same way in test/workflow-commands.test.ts.

const REPO = path.join(__dirname, "..");
const CDKTF = path.join(REPO, "node_modules", ".bin", "cdktf");
const STAND_IN = path.join(__dirname, "support", "terraform-stand-in.js");
const RUN_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = RUN_TIMEOUT_MS + 5_000;

/** A deploy command as the runbooks write it: `npm run cdktf -- deploy <stacks>`. */
function readmeForm(stackPatterns: readonly string[]): string {
  // npm passes the arguments after `--` on shell-quoted, so the pattern reaches cdktf unexpanded.
  return ["npm run cdktf -- deploy", ...stackPatterns.map((p) => (/[*?[\]{}]/.test(p) ? `'${p}'` : p))].join(" ");
}

const PER_CLOUD = {
  aws: ["bookstore-aws*"],
  alicloud: ["bookstore-alicloud*"],
  tencentcloud: ["bookstore-tencentcloud*"],
} as const;
const GLOBAL_DNS = ["bookstore-aws", "bookstore-alicloud", "bookstore-tencentcloud", "bookstore-global-dns"];
const EVERYTHING = ["bookstore-*"];

interface Manifest {
  stacks: Record<string, { name: string; dependencies: string[] }>;
}
interface CliRun {
  code: number | null;
  output: string;
  /** The stacks in the order the stand-in was asked to apply them. */
  applied: string[];
  /** Every stand-in invocation: [folder, ...arguments]. */
  calls: string[][];
}

let work: string;
let outdir: string;
let terraform: string;
let manifest: Manifest;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-deploy-commands-"));
  outdir = path.join(work, "cdktf.out");
  // cdktf.json's app, as `cdktf synth` runs it (the CLI names the folder in CDKTF_OUTDIR).
  const { app } = JSON.parse(fs.readFileSync(path.join(REPO, "cdktf.json"), "utf8")) as { app: string };
  const synth = spawnSync("sh", ["-c", app], {
    cwd: REPO,
    env: { ...cliEnvironment(), CDKTF_OUTDIR: outdir, BOOKSTORE_DIAGRAMS: "0" },
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
  });
  if (synth.status !== 0) throw new Error(`synth failed (${synth.status ?? synth.signal}): ${synth.stderr}`);
  manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  // The stand-in through a wrapper, so neither its file mode nor `node` on PATH matters
  // (the CLI starts terraform through a pty, which needs an executable).
  terraform = path.join(work, "terraform");
  fs.writeFileSync(terraform, `#!/bin/sh\nexec "${process.execPath}" "${STAND_IN}" "$@"\n`, { mode: 0o755 });
}, RUN_TIMEOUT_MS);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The environment of every CLI run: no telemetry, plain output (CI), all clouds of the example. */
function cliEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true", NO_COLOR: "1" };
  delete env.BOOKSTORE_CLOUDS;
  delete env.FORCE_COLOR;
  return env;
}

/** Runs of the CLI, by their patterns: each command runs once (a run costs the CLI's ~2 s of CPU). */
const runs = new Map<string, Promise<CliRun>>();

/** `cdktf deploy <stackPatterns>` on the synthesized app, run once per set of patterns; resolves when the CLI exits. */
function deploy(stackPatterns: readonly string[]): Promise<CliRun> {
  const key = JSON.stringify(stackPatterns);
  if (!runs.has(key)) runs.set(key, runCli(stackPatterns));
  return runs.get(key)!;
}

function runCli(stackPatterns: readonly string[]): Promise<CliRun> {
  const log = path.join(work, `calls-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const args = ["deploy", ...stackPatterns, "--skip-synth", "--output", outdir, "--auto-approve"];
  return new Promise((resolve, reject) => {
    const child = spawn(CDKTF, args, {
      cwd: REPO,
      env: { ...cliEnvironment(), TERRAFORM_BINARY_NAME: terraform, TERRAFORM_STAND_IN_LOG: log },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a timeout ends the CLI and the stand-ins it started.
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      reject(new Error(`cdktf ${args.join(" ")} did not finish within ${RUN_TIMEOUT_MS} ms:\n${output}`));
    }, RUN_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as string[]) : [];
      resolve({ code, output, calls, applied: calls.filter((call) => call[1] === "apply").map((call) => call[0]) });
    });
  });
}

function dependenciesOf(stack: string): string[] {
  const entry = manifest.stacks[stack];
  if (!entry) throw new Error(`no stack ${stack} in the manifest`);
  return entry.dependencies;
}

/** Every stack was applied once, after all of its dependencies. */
function expectDependencyOrder(applied: readonly string[]): void {
  expect(new Set(applied).size).toBe(applied.length);
  for (const [index, stack] of applied.entries()) {
    for (const dependency of dependenciesOf(stack)) {
      expect({ stack, dependency, appliedBefore: applied.slice(0, index).includes(dependency) }).toEqual({ stack, dependency, appliedBefore: true });
    }
  }
}

function expectAccepted(run: CliRun): void {
  if (run.code !== 0) throw new Error(`cdktf exited with ${run.code}:\n${run.output}`);
  // Each stack applied was initialized before (`init`, then `providers lock` while it has
  // no lock file), and its outputs were read after (`output -json`).
  for (const stack of run.applied) {
    const calls = run.calls.filter((call) => call[0] === stack).map((call) => call[1]);
    expect({ stack, first: calls[0], last: calls[calls.length - 1], applies: calls.filter((c) => c === "apply").length }).toEqual({
      stack,
      first: "init",
      last: "output",
      applies: 1,
    });
  }
}

function expectRefused(run: CliRun, missing: readonly string[]): void {
  expect(run.code).not.toBe(0);
  expect(run.applied).toEqual([]);
  const message = run.output.match(/The following dependencies are not included in the stacks to run: ([^.]*)\./);
  expect(message).not.toBeNull();
  expect(message![1].split(", ").sort()).toEqual([...missing].sort());
}

describe("the deploy commands of the README and docs/", () => {
  // The README and every page of docs/ (the runbooks, the global domain, remote state), as one text.
  const readme = ["README.md", ...fs.readdirSync(path.join(REPO, "docs")).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))]
    .map((file) => fs.readFileSync(path.join(REPO, file), "utf8"))
    .join("\n");

  test("the docs give the commands tested here", () => {
    for (const patterns of [...Object.values(PER_CLOUD), GLOBAL_DNS, EVERYTHING]) expect(readme).toContain(readmeForm(patterns));
  });

  test("every deploy command in the docs names the dependencies of the stacks it names", () => {
    // The CLI's own matching: minimatch (the version @cdktf/cli-core depends on) per pattern.
    const minimatch: (name: string, pattern: string) => boolean = require("minimatch");
    const stacks = Object.keys(manifest.stacks);
    const commands = [...readme.matchAll(/(?:npm run cdktf --|npx cdktf) deploy((?: +(?:'[^'\n]*'|[\w*?.-]+))+)/g)];
    expect(commands.length).toBeGreaterThanOrEqual(5);
    // `<cloud>` in the runbooks' general form stands for each cloud of the example.
    const variants = commands.flatMap(([command, argumentText]) =>
      argumentText.includes("<cloud>") ? Object.keys(PER_CLOUD).map((cloud) => ({ command, argumentText: argumentText.split("<cloud>").join(cloud) })) : [{ command, argumentText }],
    );
    for (const { command, argumentText } of variants) {
      const patterns = argumentText.trim().split(/ +/).map((word) => word.replace(/^'(.*)'$/, "$1")).filter((word) => !word.startsWith("-"));
      const selected = stacks.filter((stack) => patterns.some((pattern) => minimatch(stack, pattern)));
      const missing = selected.flatMap(dependenciesOf).filter((dependency) => !selected.includes(dependency));
      expect({ command, patterns, selects: selected.length > 0, missing }).toEqual({ command, patterns, selects: true, missing: [] });
    }
  });

  test(`${readmeForm(PER_CLOUD.aws)} applies the infrastructure, the add-ons and the workloads, in that order, and nothing else`, async () => {
    const run = await deploy(PER_CLOUD.aws);
    expectAccepted(run);
    expect(run.applied).toEqual(["bookstore-aws", "bookstore-aws-addons", "bookstore-aws-workloads"]);
  }, TEST_TIMEOUT_MS);

  test("the AWS runbook's first command applies the infrastructure stack alone, before any network reaches the cluster's API", async () => {
    // GIVEN the first of the two commands of a first AWS deploy, as the runbook writes it on a line of its own
    expect(readme).toMatch(/^npm run cdktf -- deploy bookstore-aws$/m);
    // WHEN it runs THEN the CLI accepts it (the stack depends on none) and applies that stack only
    const run = await deploy(["bookstore-aws"]);
    expectAccepted(run);
    expect(run.applied).toEqual(["bookstore-aws"]);
  }, TEST_TIMEOUT_MS);

  test("a stack named alone is refused while its dependencies are not named with it", async () => {
    // The commands the runbooks gave before: one stack per command.
    expect(dependenciesOf("bookstore-aws-addons")).toEqual(["bookstore-aws"]);
    expectRefused(await deploy(["bookstore-aws-addons"]), ["bookstore-aws"]);
  }, TEST_TIMEOUT_MS);

  test(`${readmeForm(PER_CLOUD.alicloud)} applies the infrastructure, then the workloads (no add-ons stack without web.registryCredentials)`, async () => {
    expect(manifest.stacks["bookstore-alicloud-addons"]).toBeUndefined();
    const run = await deploy(PER_CLOUD.alicloud);
    expectAccepted(run);
    expect(run.applied).toEqual(["bookstore-alicloud", "bookstore-alicloud-workloads"]);
  }, TEST_TIMEOUT_MS);

  test(`${readmeForm(PER_CLOUD.tencentcloud)} applies the infrastructure, then the workloads`, async () => {
    const run = await deploy(PER_CLOUD.tencentcloud);
    expectAccepted(run);
    expect(run.applied).toEqual(["bookstore-tencentcloud", "bookstore-tencentcloud-workloads"]);
  }, TEST_TIMEOUT_MS);

  test("the global DNS stack depends on every bookstore's infrastructure stack, so it cannot be deployed alone", () => {
    // The CLI's refusal of a stack named without its dependencies is shown above for the add-ons stack.
    expect([...dependenciesOf("bookstore-global-dns")].sort()).toEqual(["bookstore-alicloud", "bookstore-aws", "bookstore-tencentcloud"]);
  });

  test(`${readmeForm(GLOBAL_DNS)} applies the global DNS stack last, after the infrastructure stacks it reads`, async () => {
    const run = await deploy(GLOBAL_DNS);
    expectAccepted(run);
    expect([...run.applied].sort()).toEqual([...GLOBAL_DNS].sort());
    expect(run.applied[run.applied.length - 1]).toBe("bookstore-global-dns");
    expectDependencyOrder(run.applied);
  }, TEST_TIMEOUT_MS);

  test("the shipped CI workflow deploys every stack of the example app once, each lane's by name", () => {
    // examples/ci/github-actions.yml is generated from the app (lib/ci); test/workflow-commands.test.ts
    // runs its jobs' steps through the CLI. Here: its deploy commands name each stack exactly once.
    const workflow = fs.readFileSync(path.join(REPO, "examples", "ci", "github-actions.yml"), "utf8");
    const commands = [...workflow.matchAll(/^\s*npx cdktf deploy (.+)$/gm)].map((m) => m[1].split(" ").filter((word) => !word.startsWith("-")));
    expect(commands.flat().sort()).toEqual(Object.keys(manifest.stacks).sort());
  });

  test(`${readmeForm(EVERYTHING)} applies every stack of the example app, each after its dependencies`, async () => {
    const run = await deploy(EVERYTHING);
    expectAccepted(run);
    expect([...run.applied].sort()).toEqual(Object.keys(manifest.stacks).sort());
    expectDependencyOrder(run.applied);
  }, TEST_TIMEOUT_MS);
});
