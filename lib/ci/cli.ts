import * as fs from "fs";
import * as path from "path";
import { DeliveryPlan } from "./delivery-plan";
import { DeliveryPlanError, SignInError, SynthesizedAppError } from "./errors";
import { stackProblems } from "./expect-stacks";
import { CI_COMMAND, githubActionsArguments, githubActionsWorkflow, GithubActionsWorkflowProps, shellWord } from "./github-actions";
import { CLOUD_SIGN_INS } from "./cloud-sign-ins";

const USAGE = `Usage: ${CI_COMMAND} <command> [options]

  github-actions [--out <file>] [--check] [--branch <name>] [--cdktf-output <dir>]
                 [--runs-on <lane>=<label>,<label>]... [--node-version <v>] [--terraform-version <v>]
      Writes the GitHub Actions workflow that plans and deploys the app synthesized into
      --cdktf-output (default cdktf.out), lane by lane, to --out (default
      .github/workflows/deploy.yml; - for standard output). With --check, writes nothing and
      fails when the file differs from what it would write.

  expect-stacks [--cdktf-output <dir>] <stack>...
      Fails, naming each, when a stack was not synthesized or keeps its state locally.

  sign-in <cloud> --<option> <value>...
      In a GitHub Actions job with id-token: write, for a cloud without a sign-in action:
      exchanges the job's OIDC token for a role's temporary credentials and exports them
      to the job's next steps. The generated workflow writes these steps.
`;

/** The command was called wrongly: print the usage. */
class UsageError extends Error {}

/** What the command writes to and where it runs; the process's own by default. */
export interface CliIo {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/** Options as `--name value` pairs (repeatable ones collected), and the other words in order. */
function parseOptions(args: readonly string[], flags: readonly string[], repeatable: readonly string[] = []): { options: Map<string, string[]>; words: string[] } {
  const options = new Map<string, string[]>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, ["true"]);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (options.has(name) && !repeatable.includes(name)) throw new UsageError(`--${name} given twice`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { options, words };
}

function only(options: Map<string, string[]>, known: readonly string[]): void {
  const unknown = [...options.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]}`);
}

/** The workflow's props from the `github-actions` options (what `githubActionsArguments` writes). */
export function parseGithubActionsOptions(args: readonly string[]): { props: GithubActionsWorkflowProps; check: boolean } {
  const { options, words } = parseOptions(args, ["check"], ["runs-on"]);
  only(options, ["out", "check", "branch", "cdktf-output", "runs-on", "node-version", "terraform-version"]);
  if (words.length > 0) throw new UsageError(`unexpected argument ${words[0]}`);
  const one = (name: string) => options.get(name)?.[0];
  const runsOn: Record<string, string[]> = {};
  for (const entry of options.get("runs-on") ?? []) {
    const match = /^([^=]+)=(.+)$/.exec(entry);
    if (match === null) throw new UsageError(`--runs-on takes <lane>=<label>,<label>..., got ${entry}`);
    runsOn[match[1]] = match[2].split(",").map((label) => label.trim()).filter((label) => label !== "");
  }
  const props: GithubActionsWorkflowProps = {
    workflowFile: one("out"),
    branch: one("branch"),
    cdktfOutput: one("cdktf-output"),
    runsOn: Object.keys(runsOn).length > 0 ? runsOn : undefined,
    nodeVersion: one("node-version"),
    terraformVersion: one("terraform-version"),
  };
  return { props: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)), check: options.has("check") };
}

function githubActions(args: readonly string[], io: CliIo): number {
  const parsed = parseGithubActionsOptions(args);
  const check = parsed.check;
  // `--out -` prints the workflow for the default file instead of writing it.
  const toStandardOutput = parsed.props.workflowFile === "-";
  const props: GithubActionsWorkflowProps = toStandardOutput ? { ...parsed.props, workflowFile: undefined } : parsed.props;
  const plan = DeliveryPlan.fromCdktfOutput(path.resolve(io.cwd, props.cdktfOutput ?? "cdktf.out"));
  const workflow = githubActionsWorkflow(plan, props);
  const target = props.workflowFile ?? ".github/workflows/deploy.yml";
  const regenerate = `npx ${CI_COMMAND} ${githubActionsArguments(props).map(shellWord).join(" ")}`;
  if (toStandardOutput) {
    if (check) throw new UsageError("--check compares a file: name it with --out");
    io.out(workflow);
    return 0;
  }
  const file = path.resolve(io.cwd, target);
  if (check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (current === workflow) {
      io.out(`${target} is the workflow the synthesized app implies (lanes: ${plan.lanes.map((lane) => lane.name).join(", ")})\n`);
      return 0;
    }
    const expected = workflow.split("\n");
    const line = current === undefined ? -1 : current.split("\n").findIndex((text, index) => text !== expected[index]);
    const where = current === undefined ? "does not exist" : `differs from what the synthesized app implies, from line ${line + 1} (expected: ${JSON.stringify(expected[line] ?? "")})`;
    io.err(`::error file=${target}::${target} ${where}. Regenerate it: npx cdktf synth && ${regenerate}\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, workflow);
  io.out(`Wrote ${target}: ${plan.lanes.map((lane) => `${lane.name} (${lane.stacks.join(", ")})`).join("; ")}\n`);
  return 0;
}

function expectStacks(args: readonly string[], io: CliIo): number {
  const { options, words } = parseOptions(args, []);
  only(options, ["cdktf-output"]);
  if (words.length === 0) throw new UsageError("expect-stacks needs the stacks' names");
  const outdir = path.resolve(io.cwd, options.get("cdktf-output")?.[0] ?? "cdktf.out");
  const problems = stackProblems(outdir, words);
  for (const problem of problems) io.err(`::error::${problem}\n`);
  if (problems.length === 0) io.out(`Synthesized, with remote state: ${words.join(", ")}\n`);
  return problems.length === 0 ? 0 : 1;
}

async function signIn(args: readonly string[], io: CliIo): Promise<number> {
  const { options, words } = parseOptions(args, []);
  const commands = CLOUD_SIGN_INS.filter((candidate) => candidate.command !== undefined);
  const signIn = words.length === 1 ? commands.find((candidate) => candidate.cloud === words[0]) : undefined;
  if (signIn?.command === undefined) {
    throw new UsageError(`sign-in takes one cloud of ${commands.map((c) => c.cloud).join(", ")} (the others sign in with their own actions)`);
  }
  const { command } = signIn;
  only(options, command.options);
  const values: Record<string, string> = {};
  for (const name of command.options) {
    const given = options.get(name)?.[0];
    if (given !== undefined && given !== "") values[name] = given;
    else if (!command.optional.includes(name)) throw new UsageError(`sign-in ${signIn.cloud} needs --${name} (is its repository variable set?)`);
  }
  await command.run(values, io.env, (line) => io.out(`${line}\n`));
  return 0;
}

/** Runs the command with these arguments; resolves to its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "github-actions":
        return githubActions(args, io);
      case "expect-stacks":
        return expectStacks(args, io);
      case "sign-in":
        return await signIn(args, io);
      case "--help":
      case "-h":
      case "help":
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command === undefined ? "no command given" : `unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SynthesizedAppError || error instanceof DeliveryPlanError || error instanceof SignInError) {
      io.err(`::error::${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
