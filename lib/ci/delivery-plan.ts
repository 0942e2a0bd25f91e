import { CloudSignIn } from "./cloud-sign-in";
import { CLOUD_SIGN_INS, CLUSTER_PROVIDERS, CREDENTIAL_FREE_PROVIDERS } from "./cloud-sign-ins";
import { DeliveryPlanError } from "./errors";
import { readSynthesizedStacks, SynthesizedStack } from "./synthesized-stacks";

/** A cloud a lane acts on, and the region its stacks are in there. */
export interface LaneCloud {
  /** The cloud's registered name, e.g. `aws`. */
  readonly cloud: string;
  /** The region of the lane's first stack that configures the cloud's provider with a literal one. @default unknown */
  readonly region?: string;
}

/**
 * Stacks deployed together, by one command, in one job: a cloud's stacks (its
 * infrastructure stack and every stack that reads only it, e.g. add-ons and workloads),
 * or a stack that reads several of them (a global domain), alone, after theirs.
 */
export interface DeliveryLane {
  /** The lane's name: its infrastructure stack's (e.g. `bookstore-aws`), or the cross-lane stack's own. */
  readonly name: string;
  /** Its stacks, each after the stacks it reads. */
  readonly stacks: readonly string[];
  /** The lanes whose deploys must have finished first: those holding the stacks this lane's read. */
  readonly after: readonly string[];
  /** The clouds its stacks change: a deploy signs in to these with their deploy roles. */
  readonly changes: readonly LaneCloud[];
  /** The clouds whose state it only reads (other lanes' outputs): read-only roles suffice. */
  readonly reads: readonly LaneCloud[];
  /** True when a stack of the lane talks to a Kubernetes API: its runner must reach the cluster's endpoint. */
  readonly reachesCluster: boolean;
  /** Its stacks that read no other stack: before the first deploy, the only ones a plan can show. */
  readonly independentStacks: readonly string[];
}

/** Stacks in an order where each comes after its dependencies; ties keep the given order. */
function dependencyOrder(stacks: readonly SynthesizedStack[]): SynthesizedStack[] {
  const placed = new Set<string>();
  const ordered: SynthesizedStack[] = [];
  while (ordered.length < stacks.length) {
    const next = stacks.find((stack) => !placed.has(stack.name) && stack.dependencies.every((dependency) => placed.has(dependency)));
    if (next === undefined) {
      const left = stacks.filter((stack) => !placed.has(stack.name)).map((stack) => stack.name);
      throw new DeliveryPlanError(`the stacks ${left.join(", ")} depend on each other in a cycle`);
    }
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/**
 * How a synthesized CDKTF app is delivered: lanes of stacks, each deployed by one
 * `cdktf deploy` in one job, in an order where every lane comes after those it reads.
 * Read from what `cdktf synth` wrote, so an app with another name, other clouds or other
 * stacks gets its own lanes: nothing here knows the bookstore's stack names.
 */
export class DeliveryPlan {
  /** The plan of the app synthesized into `outdir` (cdktf.json's `output`, by default `cdktf.out`). */
  public static fromCdktfOutput(outdir: string, signIns: readonly CloudSignIn[] = CLOUD_SIGN_INS): DeliveryPlan {
    return DeliveryPlan.fromStacks(readSynthesizedStacks(outdir), signIns);
  }

  /** The plan of these stacks, signing in to clouds with `signIns`. */
  public static fromStacks(stacks: readonly SynthesizedStack[], signIns: readonly CloudSignIn[] = CLOUD_SIGN_INS): DeliveryPlan {
    const byName = new Map(stacks.map((stack) => [stack.name, stack]));
    if (byName.size !== stacks.length) throw new DeliveryPlanError("a stack name appears twice in the manifest");
    for (const stack of stacks) {
      const unknown = stack.dependencies.filter((dependency) => !byName.has(dependency));
      if (unknown.length > 0) throw new DeliveryPlanError(`${stack.name} depends on ${unknown.join(", ")}, which the manifest does not list`);
      const cloudProviders = signIns.flatMap((signIn) => signIn.providers);
      const strangers = stack.providers.filter((provider) => !cloudProviders.includes(provider) && !CREDENTIAL_FREE_PROVIDERS.includes(provider));
      if (strangers.length > 0) {
        throw new DeliveryPlanError(
          `${stack.name} uses the provider ${strangers.join(", ")}, which a generated workflow cannot sign in to; it signs in to ${signIns.map((s) => `${s.cloud} (${s.providers.join(", ")})`).join(", ")} and needs no credentials for ${CREDENTIAL_FREE_PROVIDERS.join(", ")}`,
        );
      }
    }
    const ordered = dependencyOrder(stacks);

    // A stack's roots are the stacks it reads, directly or not, that read nothing themselves.
    const roots = new Map<string, ReadonlySet<string>>();
    for (const stack of ordered) {
      roots.set(stack.name, stack.dependencies.length === 0 ? new Set([stack.name]) : new Set(stack.dependencies.flatMap((dependency) => [...roots.get(dependency)!])));
    }
    // One root: the root's lane. Several: a lane of its own, after the lanes it reads.
    const laneOf = new Map<string, string>(ordered.map((stack) => [stack.name, roots.get(stack.name)!.size === 1 ? [...roots.get(stack.name)!][0] : stack.name]));
    const laneNames = [...new Set(ordered.map((stack) => laneOf.get(stack.name)!))];

    // A cloud a lane's stacks create resources in is changed; one they only read through
    // data sources (the global domain reading each CDN's host name) is read.
    const cloudsOf = (laneStacks: readonly SynthesizedStack[], which: "managedProviders" | "providers"): LaneCloud[] =>
      signIns.flatMap((signIn) => {
        const using = laneStacks.filter((stack) => stack[which].some((provider) => signIn.providers.includes(provider)));
        if (using.length === 0) return [];
        const region = using.flatMap((stack) => signIn.providers.map((provider) => stack.regions[provider])).find((r) => r !== undefined);
        return [{ cloud: signIn.cloud, ...(region === undefined ? {} : { region }) }];
      });

    const lanes = new Map<string, DeliveryLane>();
    for (const name of laneNames) {
      const laneStacks = ordered.filter((stack) => laneOf.get(stack.name) === name);
      const read = new Set(laneStacks.flatMap((stack) => stack.dependencies.map((dependency) => laneOf.get(dependency)!)));
      const after = [...lanes.keys()].filter((lane) => read.has(lane));
      const changes = cloudsOf(laneStacks, "managedProviders");
      const reads = [...after.flatMap((lane) => lanes.get(lane)!.changes), ...cloudsOf(laneStacks, "providers")]
        .filter((read, index, all) => !changes.some((change) => change.cloud === read.cloud) && all.findIndex((other) => other.cloud === read.cloud) === index);
      lanes.set(name, {
        name,
        stacks: laneStacks.map((stack) => stack.name),
        after,
        changes,
        reads,
        reachesCluster: laneStacks.some((stack) => stack.providers.some((provider) => CLUSTER_PROVIDERS.includes(provider))),
        independentStacks: laneStacks.filter((stack) => stack.dependencies.length === 0).map((stack) => stack.name),
      });
    }
    return new DeliveryPlan([...lanes.values()]);
  }

  private constructor(
    /** Every lane, each after the lanes it reads. */
    public readonly lanes: readonly DeliveryLane[],
  ) {}

  /** The lane of that name; throws for a name the plan lacks. */
  public lane(name: string): DeliveryLane {
    const lane = this.lanes.find((candidate) => candidate.name === name);
    if (lane === undefined) throw new DeliveryPlanError(`no lane ${name}; the lanes are ${this.lanes.map((l) => l.name).join(", ")}`);
    return lane;
  }

  /**
   * The `cdktf` arguments that deploy a lane: its stacks by name (a missing one fails the
   * command), applied by cdktf in the order of their dependencies. A lane that reads other
   * lanes names only its own stacks and tells cdktf not to ask for the others, which the
   * workflow has deployed before it (`needs:`).
   */
  public deployArguments(lane: DeliveryLane): string[] {
    return ["deploy", ...lane.stacks, ...(lane.after.length > 0 ? ["--ignore-missing-stack-dependencies"] : []), "--auto-approve", "--skip-synth"];
  }

  /** The `cdktf` arguments of each diff (terraform plan) of a lane, one stack each, in deploy order; before the first deploy only its independent stacks. */
  public planArguments(lane: DeliveryLane, firstDeploy: boolean): string[][] {
    return (firstDeploy ? lane.independentStacks : lane.stacks).map((stack) => ["diff", stack, "--skip-synth"]);
  }
}
