import { remoteStateVariables } from "../core/remote-state";
import { Access, CloudSignIn, stepValue, usesPinned, variableExpression, WorkflowStep } from "./cloud-sign-in";
import { CLOUD_SIGN_INS } from "./cloud-sign-ins";
import { DeliveryLane, DeliveryPlan } from "./delivery-plan";
import { DeliveryPlanError } from "./errors";
import { CHECKOUT, SETUP_NODE, SETUP_TERRAFORM } from "./pinned-actions";
import { toYaml, YamlValue } from "./yaml";

/** The command this package installs (package.json `bin`). */
export const CI_COMMAND = "multicloud-bookstore-ci";

/** What `githubActionsWorkflow` writes a workflow for. */
export interface GithubActionsWorkflowProps {
  /**
   * Where the workflow file lives in the repository. The plan jobs regenerate it from the
   * synthesized app and fail when it differs (the app gained, lost or renamed a stack).
   * @default ".github/workflows/deploy.yml"
   */
  readonly workflowFile?: string;
  /** The branch whose pushes deploy; pull requests to it are planned. @default "main" */
  readonly branch?: string;
  /** The folder `cdktf synth` writes (cdktf.json's `output`). @default "cdktf.out" */
  readonly cdktfOutput?: string;
  /**
   * Runner labels per lane (by lane name, e.g. `bookstore-aws`). A lane whose stacks talk to
   * a Kubernetes API must run where the cluster's private endpoint answers.
   * @default such a lane: `self-hosted` and the lane's name (a runner in that cloud's
   * network, registered with that label); any other lane: `ubuntu-latest`
   */
  readonly runsOn?: Readonly<Record<string, readonly string[]>>;
  /** The Node.js the jobs run the app with (actions/setup-node's `node-version`). @default "22" */
  readonly nodeVersion?: string;
  /** The Terraform the jobs install (hashicorp/setup-terraform's `terraform_version`). @default "1.11.4", the version this package is tested with */
  readonly terraformVersion?: string;
}

const DEFAULTS = {
  workflowFile: ".github/workflows/deploy.yml",
  branch: "main",
  cdktfOutput: "cdktf.out",
  nodeVersion: "22",
  terraformVersion: "1.11.4",
} as const;

/** How long each role's credentials last: a deploy that creates a cluster and a database takes most of an hour. */
export const SESSION_SECONDS: Readonly<Record<Access, number>> = Object.freeze({ [Access.PLAN]: 3600, [Access.DEPLOY]: 7200 });

/** The `multicloud-bookstore-ci github-actions` arguments that write the workflow for these props (defaults left out). */
export function githubActionsArguments(props: GithubActionsWorkflowProps): string[] {
  const args = ["github-actions", "--out", props.workflowFile ?? DEFAULTS.workflowFile];
  if (props.branch !== undefined && props.branch !== DEFAULTS.branch) args.push("--branch", props.branch);
  if (props.cdktfOutput !== undefined && props.cdktfOutput !== DEFAULTS.cdktfOutput) args.push("--cdktf-output", props.cdktfOutput);
  for (const [lane, labels] of Object.entries(props.runsOn ?? {})) args.push("--runs-on", `${lane}=${labels.join(",")}`);
  if (props.nodeVersion !== undefined && props.nodeVersion !== DEFAULTS.nodeVersion) args.push("--node-version", props.nodeVersion);
  if (props.terraformVersion !== undefined && props.terraformVersion !== DEFAULTS.terraformVersion) args.push("--terraform-version", props.terraformVersion);
  return args;
}

/** A word as a POSIX shell reads it back: quoted unless it is plainly safe. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./=,:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** A job ID GitHub accepts: letters, digits, `-` and `_`, starting with a letter or `_`. */
function jobId(prefix: string, lane: DeliveryLane): string {
  return `${prefix}-${lane.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** A role session name every cloud accepts: the lane and the access, then the run's number. */
function sessionName(lane: DeliveryLane, access: Access): string {
  return `${lane.name.replace(/[^A-Za-z0-9_.@-]/g, "-").slice(0, 40)}-${access}-\${{ github.run_id }}`;
}

function signInOf(cloud: string, signIns: readonly CloudSignIn[]): CloudSignIn {
  const signIn = signIns.find((candidate) => candidate.cloud === cloud);
  if (signIn === undefined) throw new DeliveryPlanError(`no sign-in for ${cloud}; known: ${signIns.map((s) => s.cloud).join(", ")}`);
  return signIn;
}

/** The clouds the whole workflow touches, in the sign-ins' order. */
function cloudsOf(plan: DeliveryPlan, signIns: readonly CloudSignIn[]): CloudSignIn[] {
  const used = new Set(plan.lanes.flatMap((lane) => [...lane.changes, ...lane.reads].map((c) => c.cloud)));
  return signIns.filter((signIn) => used.has(signIn.cloud));
}

/**
 * The GitHub Actions workflow that plans and deploys a synthesized app lane by lane
 * (`DeliveryPlan`): per lane, a plan job with read-only roles, and a deploy job after it
 * (and after the deploys of the lanes it reads) with the deploy roles, on pushes to the
 * branch. Every action is pinned to a commit. See docs/deploy-from-ci.md.
 */
export function githubActionsWorkflow(plan: DeliveryPlan, props: GithubActionsWorkflowProps = {}, signIns: readonly CloudSignIn[] = CLOUD_SIGN_INS): string {
  const p = { ...DEFAULTS, ...Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & GithubActionsWorkflowProps;
  const tool = `npx --no-install ${CI_COMMAND}`;
  const regenerate = githubActionsArguments(props).map(shellWord).join(" ");
  if (plan.lanes.length === 0) throw new DeliveryPlanError("the app has no stack to deploy");
  const clouds = cloudsOf(plan, signIns);
  for (const lane of Object.keys(props.runsOn ?? {})) plan.lane(lane);

  const runsOn = (lane: DeliveryLane): YamlValue => props.runsOn?.[lane.name] ?? (lane.reachesCluster ? ["self-hosted", lane.name] : "ubuntu-latest");
  const setup = (lane: DeliveryLane): WorkflowStep[] => [
    { uses: usesPinned(CHECKOUT), with: { "persist-credentials": false } },
    // No dependency cache in jobs that hold cloud credentials (setup-node's advice for privileged workflows).
    { uses: usesPinned(SETUP_NODE), with: { "node-version": p.nodeVersion, "package-manager-cache": false } },
    { uses: usesPinned(SETUP_TERRAFORM), with: { terraform_version: p.terraformVersion, terraform_wrapper: false } },
    { name: "Install", run: "npm ci" },
    { name: "Synthesize", run: "npx cdktf synth" },
    {
      name: `Expect the stacks of ${lane.name}, with remote state`,
      run: `${tool} ${["expect-stacks", ...(p.cdktfOutput === DEFAULTS.cdktfOutput ? [] : ["--cdktf-output", p.cdktfOutput]), ...lane.stacks].map(shellWord).join(" ")}`,
    },
  ];
  // What the cluster connection's exec plugin runs, for each cloud the lane changes (its cluster).
  const clusterTools = (lane: DeliveryLane): WorkflowStep[] =>
    lane.reachesCluster ? lane.changes.flatMap(({ cloud }) => [...(signInOf(cloud, signIns).clusterTools ?? [])]) : [];
  const signInSteps = (lane: DeliveryLane, access: Access): WorkflowStep[] => [
    ...lane.changes.flatMap(({ cloud, region }) => signInOf(cloud, signIns).steps({ access, region, sessionName: sessionName(lane, access), sessionSeconds: SESSION_SECONDS[access] })),
    // Other lanes' state is only read: their read-only roles, in the deploy job too.
    ...lane.reads.flatMap(({ cloud, region }) =>
      signInOf(cloud, signIns).steps({ access: Access.PLAN, region, sessionName: sessionName(lane, Access.PLAN), sessionSeconds: SESSION_SECONDS[Access.PLAN] }),
    ),
  ];
  const cdktf = (args: readonly string[]) => ["npx cdktf", ...args.map(shellWord)].join(" ");

  const planScript = (lane: DeliveryLane): string => {
    const all = plan.planArguments(lane, false).map(cdktf);
    const first = plan.planArguments(lane, true).map(cdktf);
    if (first.length === all.length) return `${all.join("\n")}\n`;
    const before = first.length > 0 ? first : [`echo "::notice::${lane.name} reads the state of ${lane.after.join(", ")}: nothing to plan before the first deploy"`];
    return [
      'if [ "$FIRST_DEPLOY" = "true" ]; then',
      "  # Before the first deploy, a stack that reads another's state cannot be planned.",
      ...before.map((line) => `  ${line}`),
      "else",
      ...all.map((line) => `  ${line}`),
      "fi",
      "",
    ].join("\n");
  };

  const jobs: Record<string, YamlValue> = {};
  for (const lane of plan.lanes) {
    jobs[jobId("plan", lane)] = {
      name: `plan ${lane.name}`,
      "runs-on": runsOn(lane),
      "timeout-minutes": SESSION_SECONDS[Access.PLAN] / 60,
      permissions: { contents: "read", "id-token": "write" },
      // Read-only roles cannot take the state lock; a plan changes no state.
      env: { TF_CLI_ARGS_plan: "-lock=false" },
      steps: [
        ...setup(lane),
        ...clusterTools(lane),
        { name: "This workflow is the one the synthesized app implies", run: `${tool} ${["github-actions", "--check", ...githubActionsArguments(props).slice(1)].map(shellWord).join(" ")}` },
        ...signInSteps(lane, Access.PLAN),
        { name: `Plan ${lane.stacks.join(", ")}`, env: { FIRST_DEPLOY: "${{ inputs.first-deploy }}" }, run: planScript(lane) },
      ].map(stepValue),
    };
    jobs[jobId("deploy", lane)] = {
      name: `deploy ${lane.name}`,
      needs: [jobId("plan", lane), ...lane.after.map((after) => jobId("deploy", plan.lane(after)))],
      // A quote inside an expression's string is written twice.
      if: `github.event_name != 'pull_request' && github.ref == 'refs/heads/${p.branch.replace(/'/g, "''")}'`,
      "runs-on": runsOn(lane),
      // Required reviewers on this environment turn the plan above into an approval gate.
      environment: lane.name,
      concurrency: { group: jobId("deploy", lane), "cancel-in-progress": false },
      // No longer than the deploy roles' credentials last.
      "timeout-minutes": SESSION_SECONDS[Access.DEPLOY] / 60,
      permissions: { contents: "read", "id-token": "write" },
      steps: [...setup(lane), ...clusterTools(lane), ...signInSteps(lane, Access.DEPLOY), { name: `Deploy ${lane.stacks.join(", ")}`, run: `${cdktf(plan.deployArguments(lane))}\n` }].map(stepValue),
    };
  }

  const stateVariables = clouds.flatMap((signIn) => Object.values(remoteStateVariables(signIn.cloud)));
  const document = {
    name: "deploy",
    on: {
      pull_request: { branches: [p.branch] },
      push: { branches: [p.branch] },
      workflow_dispatch: {
        inputs: {
          "first-deploy": {
            description: "First deploy: plan only the stacks that read no other stack's state (the others cannot be planned before it exists)",
            type: "boolean",
            default: false,
          },
        },
      },
    },
    permissions: {},
    defaults: { run: { shell: "bash" } },
    env: {
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      // Read at synth (docs/remote-state.md): every job synthesizes the whole app.
      ...Object.fromEntries(stateVariables.map((name) => [name, variableExpression(name)])),
    },
    jobs,
  };
  return toYaml(document, header(plan, clouds, regenerate, p.branch, p.cdktfOutput));
}

function header(plan: DeliveryPlan, clouds: readonly CloudSignIn[], regenerate: string, branch: string, cdktfOutput: string): string[] {
  const variables = clouds.flatMap((signIn) => [...signIn.variables(Access.PLAN), ...signIn.variables(Access.DEPLOY)].map((v) => v.name)).filter((v, i, all) => all.indexOf(v) === i);
  const runners = plan.lanes.filter((lane) => lane.reachesCluster).map((lane) => lane.name);
  return [
    `Generated by \`${CI_COMMAND}\` from the synthesized app (${cdktfOutput}/manifest.json): do not edit.`,
    `Regenerate after changing the app's stacks: npx cdktf synth && npx ${CI_COMMAND} ${regenerate}`,
    "The plan jobs fail when this file is not what that command writes. See docs/deploy-from-ci.md in multicloud-bookstore.",
    "",
    `Pull requests to ${branch} plan each lane with read-only roles; pushes to ${branch} plan, then deploy`,
    "each lane after its plan and after the lanes it reads (in the environment named after the lane):",
    ...plan.lanes.map((lane) => `  ${lane.name}: ${lane.stacks.join(", ")}${lane.after.length > 0 ? ` (after ${lane.after.join(", ")})` : ""}`),
    "",
    ...wrap(`Repository variables: ${variables.join(", ")}, and the remote state settings BOOKSTORE_STATE_*_<CLOUD> (docs/remote-state.md).`),
    ...(runners.length > 0 ? wrap(`Self-hosted runners, each in its cloud's network (the clusters' API endpoints are private), labelled: ${runners.join(", ")}.`) : []),
  ];
}

/** A sentence as comment lines of at most `width` characters, broken between words. */
function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}
