import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseYaml } from "../ci/support";

/*
 * Runs a generated GitHub Actions workflow's jobs here, as far as this machine can: each
 * job's `run:` steps, in order, as GitHub's runner runs them (`bash --noprofile --norc -eo
 * pipefail <script>`, the job stopping at the first step that fails), in a project folder
 * laid out as a user's (node_modules/.bin/cdktf: the real CLI; multicloud-bookstore-ci:
 * this package's, bundled from lib/ci; npx: a shim that runs them), with the workflow's,
 * the job's and the step's environment, `${{ vars.X }}` and `${{ inputs.X }}` replaced by
 * the values given.
 * terraform is the recording stand-in (test/support/terraform-stand-in.js). Not run here,
 * and each named so: the actions (checkout, setup-node, setup-terraform, the clouds' sign-in
 * actions), `npm ci` and `npx cdktf synth` (the project's cdktf.out is synthesized before),
 * and the Tencent Cloud sign-in command (it calls GitHub and Tencent Cloud; its own test
 * runs it against stand-ins).
 */

// scripts/run-app.js's esbuild bundle, as `npm run synth` uses it.
const { bundle } = require("../../scripts/run-app") as { bundle(entry: string, outfile: string): string };

const REPO = path.join(__dirname, "..", "..");
let commandBundle: string | undefined;
const STAND_IN = path.join(__dirname, "terraform-stand-in.js");
/** One CLI run takes about 2.5 s of CPU; a job runs a few, and two cores may be shared. */
export const JOB_TIMEOUT_MS = 90_000;

export interface WorkflowStep {
  name?: string;
  uses?: string;
  env?: Record<string, string>;
  run?: string;
}
export interface WorkflowJob {
  needs?: string[];
  env?: Record<string, string>;
  steps: WorkflowStep[];
}
export interface Workflow {
  env: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

export interface StepRun {
  readonly name: string;
  readonly code: number | null;
  readonly output: string;
}

export interface JobRun {
  readonly job: string;
  /** The steps run, in order; the last one failed if the job failed. */
  readonly steps: StepRun[];
  readonly succeeded: boolean;
  /** Every terraform stand-in call: [stack folder, ...arguments]. */
  readonly calls: string[][];
  /** The stacks planned (`terraform plan`), in order. */
  readonly planned: string[];
  /** The stacks applied, in order. */
  readonly applied: string[];
}

/** Why a step is not run here, or undefined when it is. */
export function notRunHere(step: WorkflowStep): string | undefined {
  if (step.uses !== undefined) return `an action (${step.uses.split("@")[0]})`;
  if (step.run === "npm ci") return "installing: the project's node_modules is laid out by the test";
  if (step.run === "npx cdktf synth") return "synthesizing: the project's cdktf.out is synthesized by the test";
  if (/ sign-in /.test(step.run ?? "")) return "a sign-in: it calls GitHub and the cloud";
  // The terraform stand-in runs no provider, so nothing here runs the cluster's exec plugin.
  if (/, for the cluster's (credential|token)$/.test(step.name ?? "")) return "a tool of the cluster's exec plugin: the runner's own, and unused by the terraform stand-in";
  return undefined;
}

/** A value with its `${{ vars.X }}` and `${{ inputs.X }}` replaced; any other expression fails the test. */
function evaluate(value: string, context: { vars: Record<string, string>; inputs: Record<string, string> }): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expression: string) => {
    const match = /^(vars|inputs)\.([\w-]+)$/.exec(expression);
    if (match === null) throw new Error(`the workflow runner cannot evaluate \${{ ${expression} }}`);
    return context[match[1] as "vars" | "inputs"][match[2]] ?? "";
  });
}

/** A project folder as a user's: cdktf.json, the real cdktf CLI and this package's command on node_modules/.bin. */
export function layOutProject(project: string): void {
  const bin = path.join(project, "node_modules", ".bin");
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "shop", version: "1.0.0", private: true }));
  // --skip-synth everywhere: the app is never run by the CLI here.
  fs.writeFileSync(path.join(project, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node -e 'process.exit(1)'", output: "cdktf.out" }));
  fs.symlinkSync(fs.realpathSync(path.join(REPO, "node_modules", ".bin", "cdktf")), path.join(bin, "cdktf"));
  commandBundle ??= bundle(path.join(REPO, "lib", "ci", "bin.ts"), path.join(REPO, "dist", "app", "multicloud-bookstore-ci.js"));
  const command = commandBundle;
  fs.writeFileSync(path.join(bin, "multicloud-bookstore-ci"), `#!/bin/sh\nexec "${process.execPath}" "${command}" "$@"\n`, { mode: 0o755 });
  // The stand-in through a wrapper: the CLI starts terraform through a pty, which needs an executable.
  fs.writeFileSync(path.join(project, "terraform"), `#!/bin/sh\nexec "${process.execPath}" "${STAND_IN}" "$@"\n`, { mode: 0o755 });
  // `npx [--no-install] <command>` as npm runs it for a command of the project's
  // node_modules/.bin, without npm's own start (about 0.4 s of CPU, some forty times a
  // run); test/package.test.ts runs the real npx on an installed package.
  fs.mkdirSync(path.join(project, ".shims"), { recursive: true });
  fs.writeFileSync(
    path.join(project, ".shims", "npx"),
    [
      "#!/bin/sh",
      'if [ "$1" = "--no-install" ]; then shift; fi',
      'command="$1"; shift',
      `bin="${bin}/$command"`,
      'if [ ! -x "$bin" ]; then echo "npx: $command is not in the project\'s node_modules/.bin" >&2; exit 1; fi',
      'exec "$bin" "$@"',
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
}

export function readWorkflow(project: string, file = ".github/workflows/deploy.yml"): Workflow {
  return parseYaml(fs.readFileSync(path.join(project, file), "utf8")) as Workflow;
}

/**
 * At most this many steps run at once across every job and project: a step starts the
 * cdktf CLI (about 2.5 s of CPU over 5 s), and two cores may be shared with other suites.
 */
const STEP_SLOTS = 3;
let running = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  // A finishing step hands its slot to the next waiting one, so `running` never passes the limit.
  if (running >= STEP_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next !== undefined) next();
    else running--;
  }
}

/** Runs a program in the project; resolves with its exit code and output. */
export function runInProject(project: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: project, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      reject(new Error(`${command} ${args.join(" ")} did not finish within ${JOB_TIMEOUT_MS} ms:\n${output}`));
    }, JOB_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The environment every process of a job starts from: no telemetry or colour, this machine's PATH. */
function baseEnvironment(project: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.join(project, ".shims")}${path.delimiter}${process.env.PATH}`,
    CI: "true",
    NO_COLOR: "1",
    npm_config_update_notifier: "false",
    TERRAFORM_BINARY_NAME: path.join(project, "terraform"),
  };
  for (const name of Object.keys(env)) if (name.startsWith("BOOKSTORE_") || name === "FORCE_COLOR") delete env[name];
  return env;
}

/**
 * Runs one job of the project's workflow: its steps in order until one fails.
 * `vars` are the repository variables, `inputs` the dispatch's inputs.
 */
export async function runJob(project: string, job: string, options: { vars?: Record<string, string>; inputs?: Record<string, string>; workflow?: Workflow } = {}): Promise<JobRun> {
  const workflow = options.workflow ?? readWorkflow(project);
  const definition = workflow.jobs[job];
  if (definition === undefined) throw new Error(`no job ${job}; the jobs are ${Object.keys(workflow.jobs).join(", ")}`);
  const context = { vars: options.vars ?? {}, inputs: options.inputs ?? {} };
  const log = path.join(project, `calls-${job}-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const steps: StepRun[] = [];
  let succeeded = true;
  for (const [index, step] of definition.steps.entries()) {
    if (notRunHere(step) !== undefined) continue;
    const env: NodeJS.ProcessEnv = { ...baseEnvironment(project), TERRAFORM_STAND_IN_LOG: log };
    for (const scope of [workflow.env, definition.env, step.env]) for (const [name, value] of Object.entries(scope ?? {})) env[name] = evaluate(value, context);
    const script = path.join(project, `step-${job}-${index}.sh`);
    fs.writeFileSync(script, step.run!);
    const { code, output } = await inSlot(() => runInProject(project, "bash", ["--noprofile", "--norc", "-eo", "pipefail", script], env));
    steps.push({ name: step.name ?? step.run!, code, output });
    if (code !== 0) {
      succeeded = false;
      break;
    }
  }
  const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as string[]) : [];
  return {
    job,
    steps,
    succeeded,
    calls,
    planned: calls.filter((call) => call[1] === "plan").map((call) => call[0]),
    applied: calls.filter((call) => call[1] === "apply").map((call) => call[0]),
  };
}

/**
 * Runs the jobs as GitHub would order them: each once all of its `needs` succeeded, jobs
 * whose needs are met together (as GitHub runs them in parallel). Resolves with each job's
 * run, in the order they finished.
 */
export async function runJobs(project: string, jobs: readonly string[], options: { vars?: Record<string, string>; inputs?: Record<string, string> } = {}): Promise<JobRun[]> {
  const workflow = readWorkflow(project);
  const done: JobRun[] = [];
  const left = new Set(jobs);
  while (left.size > 0) {
    const ready = [...left].filter((job) => (workflow.jobs[job].needs ?? []).every((need) => !left.has(need)));
    if (ready.length === 0) throw new Error(`jobs waiting on each other: ${[...left].join(", ")}`);
    for (const job of ready) left.delete(job);
    const runs = await Promise.all(ready.map((job) => runJob(project, job, { ...options, workflow })));
    done.push(...runs);
    const failed = runs.filter((run) => !run.succeeded);
    if (failed.length > 0) {
      const last = failed[0].steps[failed[0].steps.length - 1];
      throw new Error(`job ${failed[0].job} failed at "${last.name}" (exit ${last.code}):\n${last.output}`);
    }
  }
  return done;
}
