import { Construct } from "constructs";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Annotations, TerraformStack } from "../core/cdktf";
import { BookstoreWorkloads, REGISTRY_PULL_SECRET, WORKLOAD_SERVICE } from "../kubernetes/bookstore-workloads";
import { ClusterTarget } from "../kubernetes/cluster-target";
import { ChartSource } from "../core/chart-source";
import { ICloud } from "../core/cloud";
import type { ICdn } from "../core/cdn";
import type { IFrontDoor } from "../core/dns-routing";
import { REMOTE_STATE_PROP_SHAPE, RemoteStateProps, remoteStateFromEnvironment } from "../core/remote-state";
import { CheckedStack, PolicyChecks } from "../policy/policy-checks";
import { KUBERNETES_POLICY_PACK } from "../policy/packs/kubernetes";
import { Cloud } from "../clouds";
import { Tags } from "../core/tags";
import { requireBoolean, ValidationError } from "../core/validation";
import { Bookstore, BOOKSTORE_PROP_SHAPE, BookstoreProps, requireValidBookstoreName } from "./bookstore";
import { PropShape, propKeys, requireKnownProps } from "../core/known-props";
import { requireFreeStackId } from "./stack-id";

/** Props of `BookstoreStacks`: the bookstore's props, its cloud among them, and the stacks' own settings. */
export interface BookstoreStacksProps extends BookstoreProps {
  /**
   * Check each stack at synth with the cloud's policy pack (lib/policy): an ERROR
   * finding that no suppression covers fails synth with a report.
   * @default true
   */
  readonly policyChecks?: boolean;
  /**
   * Keep every stack's state in the cloud's own object storage (S3, OSS or COS).
   * @default from the environment (BOOKSTORE_STATE_BUCKET_<CLOUD> and friends, see
   * docs/remote-state.md), else local state files
   */
  readonly remoteState?: RemoteStateProps;
  /**
   * The cluster the add-ons and workloads stacks deploy to: the one the infrastructure
   * stack created, or your own through a kubeconfig context
   * (`ClusterTarget.kubeconfig({ path, context })`; see `ClusterTarget`).
   * @default ClusterTarget.cloud(): the cloud's cluster, through its data sources and the
   * infrastructure stack's outputs
   */
  readonly clusterTarget?: ClusterTarget;
  /**
   * Where the add-ons stack's Helm releases take their charts from: the public repositories,
   * or a local directory of packaged charts (`ChartSource.localDirectory(dir)`).
   * @default ChartSource.repositories()
   */
  readonly charts?: ChartSource;
}

/**
 * Props of the deprecated form `new BookstoreStacks(app, cloud, props)`, which takes the cloud
 * as its second argument.
 * @deprecated Pass the cloud in `BookstoreStacksProps` to `new BookstoreStacks(scope, id, props)`;
 * this form is kept for one minor version.
 */
export type BookstoreStacksPropsWithoutCloud = Omit<BookstoreStacksProps, "cloud"> & {
  /** Ignored if it is the second argument's cloud (a `BookstoreProps` object passed as it is); refused if it is another. */
  readonly cloud?: ICloud;
};

/** The bookstore's props and the stacks' own. */
const BOOKSTORE_STACKS_PROP_SHAPE: PropShape = {
  what: "the bookstore's stacks",
  keys: propKeys<BookstoreStacksProps>()([
    "cloud", "name", "domain", "certificate", "network", "web", "database", "cache", "loadBalancer", "cdn", "assets", "kubernetes", "tags", "policyChecks",
    "remoteState", "clusterTarget", "charts",
  ]),
  nested: { ...BOOKSTORE_PROP_SHAPE.nested, remoteState: REMOTE_STATE_PROP_SHAPE },
};

/**
 * The bookstore's stacks on one cloud: `<id>`, `<id>-addons` and `<id>-workloads` (e.g.
 * `bookstore-aws`), with Terraform states of their own, so one cloud's failed deploy never
 * blocks another's.
 */
export class BookstoreStacks implements IFrontDoor {
  /** The cloud the stacks deploy to. */
  public readonly cloud: ICloud;
  /** The stack holding the cloud infrastructure. */
  public readonly infrastructure: TerraformStack;
  /**
   * The stack holding the cluster add-ons that Terraform installs through the cluster's
   * API (Helm charts), deployed before the workloads, whose custom resources need the
   * add-ons' CRDs at plan time. Undefined without a cluster, or where the cloud installs
   * every add-on through its own API in the infrastructure stack, or needs none for these
   * props (`IKubernetesAccess.needsAddOns`: e.g. an operator wanted only for `web.registryCredentials`).
   */
  public readonly addOns?: TerraformStack;
  /**
   * The stack holding the bookstore's Kubernetes objects; its kubernetes provider is
   * configured from data sources and the infrastructure stack's outputs only. Undefined
   * without a cluster.
   */
  public readonly workloads?: TerraformStack;
  /** The bookstore in the infrastructure stack. */
  public readonly bookstore: Bookstore;

  /**
   * The bookstore's stacks on `props.cloud`.
   * @param scope The app.
   * @param id The infrastructure stack's construct ID, e.g. `bookstore-aws`; the add-ons and
   * workloads stacks are `<id>-addons` and `<id>-workloads`. A stack's ID names its
   * Terraform state: stacks made with the deprecated `(app, cloud, props)` form have the ID
   * `<name>-<cloud>` (`bookstore-aws` by default), which keeps them.
   * @param props The bookstore's props, its cloud among them.
   */
  constructor(scope: Construct, id: string, props: BookstoreStacksProps);
  /**
   * The deprecated form, kept for one minor version: the ID is `<name>-<cloud>`.
   * @deprecated Use `new BookstoreStacks(scope, id, { cloud, ...props })`; it warns at synth.
   */
  constructor(scope: Construct, cloud: ICloud, props: BookstoreStacksPropsWithoutCloud);
  constructor(scope: Construct, idOrCloud: string | ICloud, props: BookstoreStacksProps | BookstoreStacksPropsWithoutCloud) {
    const app = scope;
    const legacy = typeof idOrCloud !== "string";
    const cloud = legacy ? idOrCloud : props?.cloud;
    if (cloud === null || typeof cloud !== "object") {
      throw legacy
        ? new ValidationError("BookstoreStacks", "id", idOrCloud, "a construct ID for the stacks, e.g. \"bookstore-aws\", then the props with their cloud")
        : new ValidationError(`BookstoreStacks ${JSON.stringify(idOrCloud)}`, "cloud", cloud, "the cloud to build on, e.g. Cloud.aws({ region: \"eu-central-1\" })");
    }
    requireKnownProps(`BookstoreStacks (${cloud.name})`, "", props, BOOKSTORE_STACKS_PROP_SHAPE);
    // In the deprecated form a BookstoreProps object may be passed as it is; its cloud, which
    // the second argument overrides, must then be the same cloud and region, or the call is confused.
    const given = (props as { cloud?: Partial<ICloud> }).cloud;
    if (legacy && given !== undefined && (given?.name !== cloud.name || given?.region !== cloud.region)) {
      throw new ValidationError(`BookstoreStacks (${cloud.name})`, "cloud", `${given?.name} ${given?.region}`, `no cloud among the props, or ${cloud.name} ${cloud.region}, the second argument`);
    }
    // Before the stacks exist, an error names the call: which stacks, on which cloud.
    const called = legacy ? `BookstoreStacks on ${cloud.name}` : `BookstoreStacks ${JSON.stringify(idOrCloud)} on ${cloud.name}`;
    const name = requireValidBookstoreName(called, props.name ?? "bookstore", cloud);
    const stackName = legacy ? `${name}-${cloud.name}` : idOrCloud;
    requireFreeStackId(app, called, stackName, { legacy, name, nameUse: `for ${cloud.name}`, exampleId: "bookstore-aws" });
    this.cloud = cloud;
    const {
      policyChecks = true,
      remoteState = remoteStateFromEnvironment(cloud.name),
      clusterTarget = ClusterTarget.cloud(),
      charts = ChartSource.repositories(),
      ...bookstoreProps
    } = props;
    requireBoolean(called, "policyChecks", policyChecks);
    clusterTarget.validate(called, "clusterTarget");
    charts.validate(called, "charts");
    this.infrastructure = new CheckedStack(app, stackName);
    if (legacy) {
      Annotations.of(this.infrastructure).addWarning(
        `new BookstoreStacks(app, cloud, props) is deprecated and kept for one minor version: write new BookstoreStacks(app, "${stackName}", { cloud, ...props }), which keeps these stacks`,
      );
    }
    const useRemoteState = (stack: TerraformStack) => {
      if (remoteState !== undefined) cloud.useRemoteState(stack, remoteState);
    };
    // First, so bad state settings are refused before any resource is built.
    useRemoteState(this.infrastructure);
    this.bookstore = new Bookstore(this.infrastructure, "Bookstore", { ...bookstoreProps, cloud });
    // The stack is the bookstore's alone: its tags also reach what the adapters create at
    // stack level (AWS's log bucket and log key), outside the Bookstore construct.
    for (const [key, value] of Object.entries(this.bookstore.tags)) Tags.of(this.infrastructure).add(key, value);
    if (policyChecks) PolicyChecks.of(this.infrastructure).apply(...Cloud.registrationOf(cloud).policyPacks);

    const { kubernetes: cluster, workloadSettings, workloadEnvironment, database, cache, network, loadBalancer } = this.bookstore;
    const access = cloud.kubernetesAccess;
    if (cluster && workloadSettings && workloadEnvironment) {
      const clusterReference = { name: cluster.name, clusterId: cluster.clusterId };
      // Providers are configured before any resource of their stack exists, so each
      // connection comes from data sources and the infrastructure stack's outputs.
      const connectedStack = (id: string, after: TerraformStack) => {
        const stack = new CheckedStack(app, id);
        stack.addDependency(after);
        useRemoteState(stack);
        const connection = clusterTarget.connect(new Construct(stack, "ClusterAccess"), access, clusterReference);
        const { exec, ...settings } = connection;
        // The kubernetes provider takes its exec plugin as a block (a list of one), helm as an object.
        new KubernetesProvider(stack, "kubernetes", { ...settings, exec: exec && [{ ...exec, args: [...exec.args] }] });
        return { stack, connection };
      };
      const registryCredentials = this.bookstore.registryCredentials;
      const addOnOptions = { registryCredentials, charts };
      let previous = this.infrastructure;
      if (access.installAddOns && (access.needsAddOns?.(addOnOptions) ?? true)) {
        const { stack, connection } = connectedStack(`${stackName}-addons`, previous);
        const { exec, ...settings } = connection;
        new HelmProvider(stack, "helm", { kubernetes: { ...settings, exec: exec && { ...exec, args: [...exec.args] } } });
        const addOns = new Construct(stack, "AddOns");
        const clusterFacts = clusterTarget.clusterFacts(addOns, network);
        access.installAddOns(addOns, clusterReference, cluster.addOnVersions, { ...addOnOptions, clusterFacts });
        if (policyChecks) PolicyChecks.of(stack).apply(KUBERNETES_POLICY_PACK);
        this.addOns = stack;
        previous = stack;
      }
      const { stack: workloads } = connectedStack(`${stackName}-workloads`, previous);
      const backend = loadBalancer.podBackend;
      const dataStores = [database.connection, ...(cache ? [cache.connection] : [])].map(({ port }) => ({ cidrs: network.privateSubnetCidrs, port }));
      const shop = new BookstoreWorkloads(workloads, "Workloads", {
        settings: workloadSettings,
        environment: workloadEnvironment,
        entry: backend ? access.podEntry({ backend, serviceName: WORKLOAD_SERVICE.name, servicePort: WORKLOAD_SERVICE.port }) : undefined,
        identity: cluster.workloadRoleId !== undefined ? access.podIdentity({ roleId: cluster.workloadRoleId }) : undefined,
        dataStores,
        // The cluster validated that its cloud can make a pull secret of registry credentials.
        registryPullSecret:
          registryCredentials && access.registryPullSecret
            ? {
                name: REGISTRY_PULL_SECRET,
                create: (scope, namespace) => access.registryPullSecret?.(scope, { namespace, name: REGISTRY_PULL_SECRET, credentials: registryCredentials, cluster: clusterReference }) ?? [],
              }
            : undefined,
      });
      // Cluster-wide, where the cloud can: on a cluster it built, which is the shop's.
      if (clusterTarget.kubeconfig === undefined) access.fenceDataStores?.(shop, { namespace: shop.namespace, dataStores });
      if (policyChecks) PolicyChecks.of(workloads).apply(KUBERNETES_POLICY_PACK);
      this.workloads = workloads;
    }
  }

  /** The domain the bookstore serves, for DNS (`DnsTarget.of(stacks)`). */
  public get domain(): string {
    return this.bookstore.domain;
  }

  /** The bookstore's CDN, its front door for DNS; undefined with `cdn.enabled: false`. */
  public get cdn(): ICdn | undefined {
    return this.bookstore.cdn;
  }

  /** Every stack of this cloud, in deployment order. */
  public get stacks(): TerraformStack[] {
    return [this.infrastructure, this.addOns, this.workloads].filter((stack): stack is TerraformStack => stack !== undefined);
  }
}
