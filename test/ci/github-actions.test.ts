import * as fs from "fs";
import * as path from "path";
import { CLOUD_REGISTRATIONS, remoteStateVariables } from "../../lib";
import { Access, CHECKOUT, CLOUD_SIGN_INS, DeliveryPlan, githubActionsWorkflow, GithubActionsWorkflowProps, roleVariable, SETUP_NODE, SETUP_TERRAFORM, SynthesizedStack } from "../../lib/ci";
import { exampleAppOutdir } from "../support/bookstore";
import { parseYaml } from "./support";

// The generated workflow read back as GitHub reads it, judged by structure: which jobs,
// in which order, with which roles, where. test/deploy-commands.test.ts runs its steps'
// scripts through the real cdktf CLI.

interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  run?: string;
}
interface Job {
  name: string;
  needs?: string[];
  if?: string;
  "runs-on": string | string[];
  environment?: string;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const REPO = path.join(__dirname, "..", "..");
const ACTIONS = [CHECKOUT, SETUP_NODE, SETUP_TERRAFORM, ...CLOUD_SIGN_INS.flatMap((signIn) => signIn.actions)];

let examplePlan: DeliveryPlan;
let exampleText: string;
let example: Workflow;

beforeAll(() => {
  examplePlan = DeliveryPlan.fromCdktfOutput(exampleAppOutdir());
  exampleText = githubActionsWorkflow(examplePlan);
  example = parseYaml(exampleText) as Workflow;
});

/** The repository variables a step reads. */
function variablesOf(step: Step): string[] {
  return [...JSON.stringify(step).matchAll(/\$\{\{ vars\.(\w+) \}\}/g)].map((m) => m[1]);
}

describe("the generated GitHub Actions workflow", () => {
  test("the example shipped in examples/ci is what the generator writes for the example app (npm run workflow:example)", () => {
    expect(fs.readFileSync(path.join(REPO, "examples", "ci", "github-actions.yml"), "utf8")).toBe(exampleText);
  });

  test("has a plan job and a deploy job per lane, each deploy after its plan and after the deploys of the lanes it reads", () => {
    expect(Object.keys(example.jobs)).toEqual(examplePlan.lanes.flatMap((lane) => [`plan-${lane.name}`, `deploy-${lane.name}`]));
    for (const lane of examplePlan.lanes) {
      expect(example.jobs[`deploy-${lane.name}`].needs).toEqual([`plan-${lane.name}`, ...lane.after.map((after) => `deploy-${after}`)]);
    }
    expect(example.jobs["deploy-bookstore-global-dns"].needs).toEqual(["plan-bookstore-global-dns", "deploy-bookstore-alicloud", "deploy-bookstore-aws", "deploy-bookstore-tencentcloud"]);
  });

  test("plans pull requests to main and deploys only pushes (or a dispatch) on main, in the lane's environment, one deploy of a lane at a time", () => {
    expect(example.on).toEqual({
      pull_request: { branches: ["main"] },
      push: { branches: ["main"] },
      workflow_dispatch: { inputs: { "first-deploy": expect.objectContaining({ type: "boolean", default: false }) } },
    });
    for (const lane of examplePlan.lanes) {
      expect(example.jobs[`plan-${lane.name}`].if).toBeUndefined();
      expect(example.jobs[`deploy-${lane.name}`]).toMatchObject({
        if: "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'",
        environment: lane.name,
        concurrency: { group: `deploy-${lane.name}`, "cancel-in-progress": false },
      });
    }
  });

  test("passes every remote-state setting of every cloud to every job, from repository variables", () => {
    const expected = ["aws", "tencentcloud", "alicloud"].flatMap((cloud) => Object.values(remoteStateVariables(cloud)));
    expect(Object.keys(example.env).filter((name) => name.startsWith("BOOKSTORE_STATE_")).sort()).toEqual(expected.sort());
    for (const name of expected) expect(example.env[name]).toBe(`\${{ vars.${name} }}`);
    // No job sets them again (a job's env would shadow the workflow's).
    for (const job of Object.values(example.jobs)) expect(Object.keys(job.env ?? {}).filter((name) => name.startsWith("BOOKSTORE_STATE_"))).toEqual([]);
  });

  test("gives every job an OIDC token and read access to the repository only", () => {
    expect(example.permissions).toEqual({});
    for (const job of Object.values(example.jobs)) expect(job.permissions).toEqual({ contents: "read", "id-token": "write" });
  });

  test("plan jobs sign in with read-only roles only; deploy jobs with the deploy roles of the clouds they change and read-only roles for the state they only read", () => {
    const deployRoles = CLOUD_SIGN_INS.map((signIn) => roleVariable(signIn.cloud, Access.DEPLOY));
    for (const lane of examplePlan.lanes) {
      const planVariables = example.jobs[`plan-${lane.name}`].steps.flatMap(variablesOf);
      expect(planVariables.filter((name) => deployRoles.includes(name))).toEqual([]);
      const deployVariables = example.jobs[`deploy-${lane.name}`].steps.flatMap(variablesOf);
      expect(deployVariables.filter((name) => /_ROLE_ARN$/.test(name))).toEqual([
        ...lane.changes.map(({ cloud }) => `${cloud.toUpperCase()}_DEPLOY_ROLE_ARN`),
        ...lane.reads.map(({ cloud }) => `${cloud.toUpperCase()}_PLAN_ROLE_ARN`),
      ]);
    }
    expect(example.jobs["deploy-bookstore-global-dns"].steps.flatMap(variablesOf).filter((name) => name.endsWith("_ROLE_ARN"))).toEqual([
      "AWS_DEPLOY_ROLE_ARN",
      "ALICLOUD_PLAN_ROLE_ARN",
      "TENCENTCLOUD_PLAN_ROLE_ARN",
    ]);
  });

  test("checks the lane's stacks before it asks for any credentials, and plans without the state lock", () => {
    for (const lane of examplePlan.lanes) {
      for (const kind of ["plan", "deploy"]) {
        const steps = example.jobs[`${kind}-${lane.name}`].steps;
        const check = steps.findIndex((step) => step.run === `npx --no-install multicloud-bookstore-ci expect-stacks ${lane.stacks.join(" ")}`);
        const firstSignIn = steps.findIndex((step) => variablesOf(step).some((name) => name.endsWith("_ROLE_ARN")));
        expect({ kind, lane: lane.name, checked: check >= 0, beforeCredentials: check < firstSignIn }).toEqual({ kind, lane: lane.name, checked: true, beforeCredentials: true });
      }
      expect(example.jobs[`plan-${lane.name}`].env).toEqual({ TF_CLI_ARGS_plan: "-lock=false" });
    }
  });

  test("runs lanes that talk to a cluster on self-hosted runners labelled with the lane, the others on GitHub's", () => {
    for (const lane of examplePlan.lanes) {
      const expected = lane.reachesCluster ? ["self-hosted", lane.name] : "ubuntu-latest";
      expect(example.jobs[`plan-${lane.name}`]["runs-on"]).toEqual(expected);
      expect(example.jobs[`deploy-${lane.name}`]["runs-on"]).toEqual(expected);
    }
    expect(example.jobs["deploy-bookstore-global-dns"]["runs-on"]).toBe("ubuntu-latest");
  });

  test("pins every action to a release's commit, named in a comment, and passes only inputs its action.yml declares", () => {
    const uses = [...exampleText.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, reference, comment] of uses) {
      const [repository, commit] = reference.split("@");
      const action = ACTIONS.find((candidate) => candidate.repository === repository);
      expect({ reference, known: action !== undefined }).toEqual({ reference, known: true });
      expect(commit).toMatch(/^[0-9a-f]{40}$/);
      expect(commit).toBe(action!.commit);
      expect(comment).toBe(` # ${action!.version}`);
    }
    for (const job of Object.values(example.jobs)) {
      for (const step of job.steps.filter((s) => s.uses !== undefined)) {
        const action = ACTIONS.find((candidate) => step.uses!.startsWith(`${candidate.repository}@`))!;
        expect(Object.keys(step.with ?? {}).filter((input) => !action.inputs.includes(input))).toEqual([]);
        expect(action.requiredInputs.filter((input) => !(input in (step.with ?? {})))).toEqual([]);
      }
    }
  });

  test("puts no ${{ }} expression inside a script: values reach scripts through the environment", () => {
    for (const job of Object.values(example.jobs)) for (const step of job.steps) expect(step.run ?? "").not.toContain("${{");
  });

  test("signs in to every cloud the registry implements", () => {
    expect(CLOUD_SIGN_INS.map((signIn) => signIn.cloud).sort()).toEqual(CLOUD_REGISTRATIONS.map((registration) => registration.name).sort());
  });

  test("takes its runners, branch, Node.js and Terraform from its props, and writes the command that regenerates it", () => {
    const props: GithubActionsWorkflowProps = {
      workflowFile: ".github/workflows/shop.yml",
      branch: "release",
      runsOn: { "bookstore-aws": ["self-hosted", "eks-vpc"] },
      nodeVersion: "24",
      terraformVersion: "1.15.9",
    };
    const text = githubActionsWorkflow(examplePlan, props);
    const workflow = parseYaml(text) as Workflow;
    expect(workflow.jobs["deploy-bookstore-aws"]["runs-on"]).toEqual(["self-hosted", "eks-vpc"]);
    expect(workflow.jobs["deploy-bookstore-aws"].if).toBe("github.event_name != 'pull_request' && github.ref == 'refs/heads/release'");
    expect(workflow.on.push).toEqual({ branches: ["release"] });
    const setup = workflow.jobs["plan-bookstore-aws"].steps;
    expect(setup.find((step) => step.uses?.startsWith("actions/setup-node@"))!.with).toEqual({ "node-version": "24", "package-manager-cache": false });
    expect(setup.find((step) => step.uses?.startsWith("hashicorp/setup-terraform@"))!.with).toEqual({ terraform_version: "1.15.9", terraform_wrapper: false });
    const check = "github-actions --check --out .github/workflows/shop.yml --branch release --runs-on bookstore-aws=self-hosted,eks-vpc --node-version 24 --terraform-version 1.15.9";
    expect(setup.map((step) => step.run)).toContain(`npx --no-install multicloud-bookstore-ci ${check}`);
    expect(text).toContain(`# Regenerate after changing the app's stacks: npx cdktf synth && npx multicloud-bookstore-ci ${check.replace("--check ", "")}\n`);
  });

  test("fails when runners are given for a lane the app does not have", () => {
    expect(() => githubActionsWorkflow(examplePlan, { runsOn: { "bookstore-gcp": ["self-hosted"] } })).toThrow(/no lane bookstore-gcp; the lanes are bookstore-alicloud, bookstore-aws/);
  });

  test("fails when the app has no stack", () => {
    expect(() => githubActionsWorkflow(DeliveryPlan.fromStacks([]))).toThrow(/the app has no stack to deploy/);
  });

  test("fails when a lane changes AWS in a region synth did not write down", () => {
    const stack: SynthesizedStack = { name: "shop-aws", dependencies: [], providers: ["aws"], managedProviders: ["aws"], regions: {}, backend: "s3" };
    expect(() => githubActionsWorkflow(DeliveryPlan.fromStacks([stack]))).toThrow(/AWS sign-in needs the region of the lane's aws provider/);
  });
});
