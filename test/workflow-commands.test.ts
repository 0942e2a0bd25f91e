import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { BookstoreStacks, DnsAnswer, DnsAuthority, DnsRouting, DnsTarget, DnsZone, GlobalDnsStack, WebRuntime } from "../lib";
import { EXAMPLE_ICP_FILING, exampleCloud, exampleProps } from "../examples/bookstore-app";
import { JOB_TIMEOUT_MS, JobRun, layOutProject, readWorkflow, runInProject, runJob, runJobs } from "./support/workflow-runner";

// The generated deploy workflow (multicloud-bookstore-ci github-actions, lib/ci), generated
// in a project laid out as a user's and its jobs' steps run as GitHub's runner runs them
// (test/support/workflow-runner.ts), through the real cdktf CLI with the recording
// terraform stand-in: which stacks each job plans and applies, in which order, and that a
// job stops when a stack it expects is missing. Three apps: the example (three clouds and
// the global domain), a shop with another name (two clouds and its own global domain) and
// a one-cloud app. What only GitHub and the clouds can show (the actions, OIDC trust, the
// runners' reach) is in docs/deploy-from-ci.md, as checked against documentation.

const REPO = path.join(__dirname, "..");
const { bundle } = require("../scripts/run-app") as { bundle(entry: string, outfile: string): string };
const TEST_TIMEOUT_MS = 4 * JOB_TIMEOUT_MS;

interface Manifest {
  stacks: Record<string, { dependencies: string[] }>;
}

let work: string;
const projects: Record<"example" | "shop" | "books", string> = { example: "", shop: "", books: "" };

/**
 * The job runs each test judges, all started once the projects are ready, so that jobs of
 * different projects run side by side (as many steps at once as the runner allows).
 */
const scenarios = new Map<string, Promise<JobRun[][]>>();

function start(name: string, run: () => Promise<JobRun[][]>): void {
  const started = run();
  // Judged by its test; until then a failure must not count as unhandled.
  started.catch(() => undefined);
  scenarios.set(name, started);
}

function scenario(name: string): Promise<JobRun[][]> {
  return scenarios.get(name)!;
}

function manifestOf(project: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(project, "cdktf.out", "manifest.json"), "utf8"));
}

/** The shop "shop": AWS with its cluster (infrastructure, add-ons, workloads), Alibaba Cloud without one, and one domain across both. */
function synthShop(outdir: string): void {
  const app = new App({ outdir });
  const aws = exampleCloud("aws");
  const ali = exampleCloud("alicloud");
  const onAws = new BookstoreStacks(app, "shop-aws", { ...exampleProps(aws), name: "shop", remoteState: { bucket: "shop-terraform-state" } });
  const aliProps = exampleProps(ali);
  const onAli = new BookstoreStacks(app, "shop-alicloud", { ...aliProps, cloud: ali, name: "shop", web: { ...aliProps.web!, runtime: WebRuntime.vms() }, kubernetes: { enabled: false }, remoteState: { bucket: "shop-terraform-state" } });
  new GlobalDnsStack(app, "shop-global-dns", {
    name: "shop",
    authority: DnsAuthority.of(onAws),
    domain: "shop.example.com",
    zone: DnsZone.create("example.com"),
    routing: DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.target(DnsTarget.of(onAli, { icpFiling: EXAMPLE_ICP_FILING })),
      elsewhere: DnsAnswer.target(DnsTarget.of(onAws)),
    }),
    remoteState: { bucket: "shop-terraform-state" },
  });
  app.synth();
}

/** "books" on Tencent Cloud alone, without a cluster: one stack. */
function synthBooks(outdir: string): void {
  const app = new App({ outdir });
  const cloud = exampleCloud("tencentcloud");
  const props = exampleProps(cloud);
  new BookstoreStacks(app, `books-${cloud.name}`, { ...props, cloud, name: "books", web: { ...props.web!, runtime: WebRuntime.vms() }, kubernetes: { enabled: false }, remoteState: { bucket: "books-state-1250000000" } });
  app.synth();
}

/** `npx multicloud-bookstore-ci github-actions <args>` in the project, as the README and docs/deploy-from-ci.md say to run it. */
async function generate(project: string, ...args: string[]): Promise<void> {
  const { code, output } = await runInProject(project, "npx", ["--no-install", "multicloud-bookstore-ci", "github-actions", ...args], { ...process.env, npm_config_update_notifier: "false" });
  if (code !== 0) throw new Error(`generating the workflow failed (${code}):\n${output}`);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-workflow-commands-"));
  for (const name of Object.keys(projects) as (keyof typeof projects)[]) {
    projects[name] = path.join(work, name);
    layOutProject(projects[name]);
  }
  // The example app as `npx cdktf synth` runs it (examples/main.ts), with the state settings CI passes.
  const main = bundle(path.join(REPO, "examples", "main.ts"), path.join(REPO, "dist", "app", "workflow-commands-main.js"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    BOOKSTORE_DIAGRAMS: "0",
    CDKTF_OUTDIR: path.join(projects.example, "cdktf.out"),
    BOOKSTORE_STATE_BUCKET_AWS: "acme-terraform-state",
    BOOKSTORE_STATE_BUCKET_ALICLOUD: "acme-terraform-state",
    BOOKSTORE_STATE_BUCKET_TENCENTCLOUD: "acme-terraform-state-1250000000",
  };
  delete env.BOOKSTORE_CLOUDS;
  const synth = spawnSync(process.execPath, [main], { cwd: REPO, env, encoding: "utf8", timeout: JOB_TIMEOUT_MS });
  if (synth.status !== 0) throw new Error(`synth failed (${synth.status ?? synth.signal}): ${synth.stderr}`);
  synthShop(path.join(projects.shop, "cdktf.out"));
  synthBooks(path.join(projects.books, "cdktf.out"));
  await Promise.all([generate(projects.example), generate(projects.shop, "--runs-on", "shop-aws=self-hosted,eks-vpc"), generate(projects.books)]);
  // Copies to break, before any job writes in the shop's project.
  for (const copy of ["shop-missing-stack", "shop-stale-workflow"]) fs.cpSync(projects.shop, path.join(work, copy), { recursive: true, verbatimSymlinks: true });

  start("example", async () => {
    // The first deploy, dispatched: plans (their needs met at once), then deploys.
    const plans = await runJobs(projects.example, jobsOf(projects.example, "plan"), { inputs: { "first-deploy": "true" } });
    return [plans, await runJobs(projects.example, jobsOf(projects.example, "deploy"))];
  });
  start("shop", async () => {
    // A push to main.
    const plans = await runJobs(projects.shop, jobsOf(projects.shop, "plan"));
    return [plans, await runJobs(projects.shop, jobsOf(projects.shop, "deploy"))];
  });
  start("books", async () => [await runJobs(projects.books, ["plan-books-tencentcloud", "deploy-books-tencentcloud"])]);
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  // Every job run ends (a filtered or failed run leaves some unjudged) before its folder goes.
  await Promise.allSettled(scenarios.values());
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, TEST_TIMEOUT_MS);

/** Every stack of the manifest applied once, each after the stacks it depends on. */
function expectEveryStackOnceInDependencyOrder(project: string, applied: readonly string[]): void {
  const { stacks } = manifestOf(project);
  expect([...applied].sort()).toEqual(Object.keys(stacks).sort());
  for (const [index, stack] of applied.entries()) {
    for (const dependency of stacks[stack].dependencies) {
      expect({ stack, dependency, appliedBefore: applied.slice(0, index).includes(dependency) }).toEqual({ stack, dependency, appliedBefore: true });
    }
  }
}

/** Each stack a job applied was initialized first and its outputs read last, as cdktf deploys it. */
function expectDeployedByCdktf(run: JobRun): void {
  for (const stack of run.applied) {
    const calls = run.calls.filter((call) => call[0] === stack).map((call) => call[1]);
    expect({ stack, first: calls[0], last: calls[calls.length - 1], applies: calls.filter((c) => c === "apply").length }).toEqual({ stack, first: "init", last: "output", applies: 1 });
  }
}

function jobsOf(project: string, kind: "plan" | "deploy"): string[] {
  return Object.keys(readWorkflow(project).jobs).filter((job) => job.startsWith(`${kind}-`));
}

describe("the generated workflow, its steps run through the real cdktf CLI", () => {
  test("for the example app, it is the workflow shipped in examples/ci", () => {
    expect(fs.readFileSync(path.join(projects.example, ".github", "workflows", "deploy.yml"), "utf8")).toBe(fs.readFileSync(path.join(REPO, "examples", "ci", "github-actions.yml"), "utf8"));
  });

  test(
    "the example app's first deploy: each plan job plans its lane's infrastructure stack only; the deploy jobs, in the order of their needs, apply every stack once, each after those it reads",
    async () => {
      // WHEN the workflow is dispatched for the first deploy
      const [plans, deploys] = await scenario("example");
      // THEN each plan job passed its checks and planned the stacks that read no other
      expect(Object.fromEntries(plans.map((run) => [run.job, run.planned]))).toEqual({
        "plan-bookstore-alicloud": ["bookstore-alicloud"],
        "plan-bookstore-aws": ["bookstore-aws"],
        "plan-bookstore-tencentcloud": ["bookstore-tencentcloud"],
        "plan-bookstore-global-dns": [],
      });
      expect(plans.find((run) => run.job === "plan-bookstore-global-dns")!.steps.at(-1)!.output).toContain(
        "::notice::bookstore-global-dns reads the state of bookstore-alicloud, bookstore-aws, bookstore-tencentcloud: nothing to plan before the first deploy",
      );
      // AND the deploy jobs apply each lane's stacks in order, the global domain's last
      expect(deploys.map((run) => [run.job, run.applied])).toEqual([
        ["deploy-bookstore-alicloud", ["bookstore-alicloud", "bookstore-alicloud-workloads"]],
        ["deploy-bookstore-aws", ["bookstore-aws", "bookstore-aws-addons", "bookstore-aws-workloads"]],
        ["deploy-bookstore-tencentcloud", ["bookstore-tencentcloud", "bookstore-tencentcloud-workloads"]],
        ["deploy-bookstore-global-dns", ["bookstore-global-dns"]],
      ]);
      deploys.forEach(expectDeployedByCdktf);
      expectEveryStackOnceInDependencyOrder(projects.example, deploys.flatMap((run) => run.applied));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "a shop with another name: its own lanes, each plan job planning all of its lane's stacks in deploy order, then its deploys",
    async () => {
      // GIVEN the shop's workflow names only its own stacks
      const text = fs.readFileSync(path.join(projects.shop, ".github", "workflows", "deploy.yml"), "utf8");
      expect(text).not.toMatch(/\bbookstore-(aws|alicloud|tencentcloud|global-dns)/);
      expect(readWorkflow(projects.shop).jobs["deploy-shop-aws"]).toMatchObject({ "runs-on": ["self-hosted", "eks-vpc"] });
      // WHEN a push to main runs it
      const [plans, deploys] = await scenario("shop");
      expect(Object.fromEntries(plans.map((run) => [run.job, run.planned]))).toEqual({
        "plan-shop-alicloud": ["shop-alicloud"],
        "plan-shop-aws": ["shop-aws", "shop-aws-addons", "shop-aws-workloads"],
        "plan-shop-global-dns": ["shop-global-dns"],
      });
      expect(deploys.map((run) => [run.job, run.applied])).toEqual([
        ["deploy-shop-alicloud", ["shop-alicloud"]],
        ["deploy-shop-aws", ["shop-aws", "shop-aws-addons", "shop-aws-workloads"]],
        ["deploy-shop-global-dns", ["shop-global-dns"]],
      ]);
      deploys.forEach(expectDeployedByCdktf);
      expectEveryStackOnceInDependencyOrder(projects.shop, deploys.flatMap((run) => run.applied));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "a one-cloud app without a cluster: one lane of one stack, on GitHub's runners, with only its cloud's state settings",
    async () => {
      const workflow = readWorkflow(projects.books);
      expect(Object.keys(workflow.jobs)).toEqual(["plan-books-tencentcloud", "deploy-books-tencentcloud"]);
      expect(workflow.jobs["deploy-books-tencentcloud"]).toMatchObject({ "runs-on": "ubuntu-latest" });
      expect(Object.keys(workflow.env).filter((name) => name.startsWith("BOOKSTORE_STATE_")).every((name) => name.endsWith("_TENCENTCLOUD"))).toBe(true);
      const [[plan, deploy]] = await scenario("books");
      expect([plan.planned, deploy.applied]).toEqual([["books-tencentcloud"], ["books-tencentcloud"]]);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "a job fails at its check, before any credentials or terraform, when a stack it expects was not synthesized; and its deploy command alone fails too",
    async () => {
      // GIVEN the shop's project with its AWS add-ons stack missing from the synth
      const project = path.join(work, "shop-missing-stack");
      fs.rmSync(path.join(project, "cdktf.out", "stacks", "shop-aws-addons"), { recursive: true });
      // WHEN the AWS lane's deploy job runs
      const run = await runJob(project, "deploy-shop-aws");
      // THEN its check step exits non-zero naming the stack, and nothing else runs
      expect(run.succeeded).toBe(false);
      expect(run.steps.map((step) => [step.name, step.code])).toEqual([["Expect the stacks of shop-aws, with remote state", 1]]);
      expect(run.steps[0].output).toMatch(/::error::shop-aws-addons is in the manifest but .*cdk\.tf\.json is missing: synthesize again/);
      expect(run.calls).toEqual([]);
      // AND WHEN the app no longer lists it at all, the deploy step's own command refuses to run
      const manifestFile = path.join(project, "cdktf.out", "manifest.json");
      const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
      delete manifest.stacks["shop-aws-addons"];
      manifest.stacks["shop-aws-workloads"].dependencies = ["shop-aws"];
      fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      const workflow = readWorkflow(project);
      const deployOnly = { ...workflow, jobs: { only: { steps: workflow.jobs["deploy-shop-aws"].steps.filter((step) => step.name?.startsWith("Deploy ")) } } };
      const alone = await runJob(project, "only", { workflow: deployOnly });
      expect(alone.steps.map((step) => step.code)).not.toContain(0);
      expect(alone.steps[0].output).toContain("Could not find stack for pattern 'shop-aws-addons'");
      expect(alone.applied).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  test("a plan job fails at its check when the committed workflow is not the one the app implies", async () => {
    const project = path.join(work, "shop-stale-workflow");
    const file = path.join(project, ".github", "workflows", "deploy.yml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("--runs-on shop-aws=self-hosted,eks-vpc", "--runs-on shop-aws=self-hosted,other"));
    const run = await runJob(project, "plan-shop-alicloud");
    expect(run.steps.map((step) => [step.name, step.code])).toEqual([
      ["Expect the stacks of shop-alicloud, with remote state", 0],
      ["This workflow is the one the synthesized app implies", 1],
    ]);
    expect(run.steps[1].output).toContain("::error file=.github/workflows/deploy.yml::.github/workflows/deploy.yml differs from what the synthesized app implies, from line 2");
    expect(run.calls).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
