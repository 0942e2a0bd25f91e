import { Commented, YamlValue } from "./yaml";

/** What a job may do with a cloud: read (plan, and read another lane's state) or change it (deploy). */
export enum Access {
  /** Read-only: what `terraform plan` and reading another stack's state need. */
  PLAN = "plan",
  /** Create, change and delete what the lane's stacks hold. */
  DEPLOY = "deploy",
}

/** A GitHub Action pinned to one commit, with the release that commit is and where it was checked. */
export interface PinnedAction {
  /** `owner/name` on GitHub. */
  readonly repository: string;
  /** The release tag the commit carries, e.g. `v6.2.3`. */
  readonly version: string;
  /** The tag's commit, 40 hex digits: what the workflow runs, whatever the tag later points at. */
  readonly commit: string;
  /** The day of that commit. */
  readonly released: string;
  /** Where the inputs the workflow passes were checked. */
  readonly ref: string;
  /** The inputs the generated workflow passes, each declared in the action's `action.yml` at that commit. */
  readonly inputs: readonly string[];
  /** The inputs `action.yml` marks `required: true`. */
  readonly requiredInputs: readonly string[];
}

/** `uses:` for a pinned action: the commit, and the release in a comment after it. */
export function usesPinned(action: PinnedAction): Commented {
  return new Commented(`${action.repository}@${action.commit}`, action.version);
}

/** One step of a job, as GitHub Actions takes it. */
export interface WorkflowStep {
  /** The step's name in the run's log. */
  readonly name?: string;
  /** The step's ID, for later steps to read its outputs. */
  readonly id?: string;
  /** The condition the step runs under. */
  readonly if?: string;
  /** The action the step runs, pinned to a commit with its version as a comment. */
  readonly uses?: Commented;
  /** The action's inputs. */
  readonly with?: { readonly [input: string]: string | number | boolean };
  /** Environment variables of the step. */
  readonly env?: { readonly [name: string]: string };
  /** The shell script the step runs, when it runs no action. */
  readonly run?: string;
}

/** What a job asks of a cloud's sign-in. */
export interface SignInRequest {
  /** What the job needs: `Access.PLAN` (read-only) or `Access.DEPLOY`. */
  readonly access: Access;
  /** The region of the lane's stacks in this cloud, where the sign-in needs one. @default none known */
  readonly region?: string;
  /** A name for the role session that says which lane and run it is, e.g. `bookstore-aws-deploy-${{ github.run_id }}`. */
  readonly sessionName: string;
  /** How long the credentials must last: a deploy of a cluster and a database takes most of an hour. */
  readonly sessionSeconds: number;
}

/** A repository variable a sign-in reads, and what to set it to. */
export interface SignInVariable {
  /** The repository variable's name. */
  readonly name: string;
  /** What to set it to, in words. */
  readonly holds: string;
}

/**
 * How a job signs in to one cloud with GitHub's OIDC token, leaving the cloud's temporary
 * credentials in the job's environment, where the cloud's Terraform provider and state
 * backend read them. One per cloud, in `lib/ci/<cloud>-sign-in.ts`; the list is
 * `CLOUD_SIGN_INS`.
 */
export interface CloudSignIn {
  /** The cloud's registered name (`CloudRegistration.name`), e.g. `aws`. */
  readonly cloud: string;
  /** The cloud's name for people. */
  readonly title: string;
  /** The Terraform providers (local names) whose use in a stack means the stack acts on this cloud. */
  readonly providers: readonly string[];
  /** The actions its steps use. */
  readonly actions: readonly PinnedAction[];
  /** The repository variables its steps read for `access`. */
  variables(access: Access): SignInVariable[];
  /** The steps that sign in for `request.access`. */
  steps(request: SignInRequest): WorkflowStep[];
  /**
   * Steps that put on the runner what the cloud's cluster connection runs during plan and
   * apply (the Kubernetes and Helm providers' exec plugin), in the jobs of a lane that
   * reaches this cloud's cluster.
   * @default none
   */
  readonly clusterTools?: readonly WorkflowStep[];
  /**
   * Where a cloud has no action to sign in with, the step runs this package's
   * `multicloud-bookstore-ci sign-in <cloud>`, which calls this with the step's options.
   * @default none: the steps use an action
   */
  readonly command?: SignInCommand;
}

/** `multicloud-bookstore-ci sign-in <cloud> --<option> <value>...`, run inside a job. */
export interface SignInCommand {
  /** The options it takes, each `--<name> <value>`; all are required unless listed in `optional`. */
  readonly options: readonly string[];
  /** The options of `options` that may be left out. */
  readonly optional: readonly string[];
  /** Signs in, exporting the credentials to the job's next steps; rejects with a `SignInError`. */
  run(options: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void>;
}

/** The repository variable holding a cloud's role for one kind of access, e.g. `AWS_DEPLOY_ROLE_ARN`. */
export function roleVariable(cloud: string, access: Access): string {
  return `${cloud.toUpperCase()}_${access.toUpperCase()}_ROLE_ARN`;
}

/** `${{ vars.NAME }}`: a repository (or environment) variable's value. */
export function variableExpression(name: string): string {
  return `\${{ vars.${name} }}`;
}

/** The step as YAML takes it, without unset fields. */
export function stepValue(step: WorkflowStep): YamlValue {
  return Object.fromEntries(Object.entries(step).filter(([, value]) => value !== undefined)) as YamlValue;
}
