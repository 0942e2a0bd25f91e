import { Construct } from "constructs";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack } from "../core/cdktf";
import { BookstoreWorkloads } from "../kubernetes/bookstore-workloads";
import { ICloud } from "../core/cloud";
import { RemoteStateProps, remoteStateFromEnvironment } from "../core/remote-state";
import { CheckedStack, PolicyChecks } from "../policy/policy-checks";
import { KUBERNETES_POLICY_PACK } from "../policy/packs/kubernetes";
import { Cloud } from "../clouds";
import { Tags } from "../core/tags";
import { requireBoolean, ValidationError } from "../core/validation";
import { Bookstore, BookstoreProps, requireValidBookstoreName } from "./bookstore";

export interface BookstoreStacksProps extends Omit<BookstoreProps, "cloud"> {
  /**
   * Check each stack at synth with the cloud's policy pack (lib/policy): an ERROR
   * finding that no suppression covers fails synth with a report.
   * @default true
   */
  readonly policyChecks?: boolean;
  /**
   * Keep every stack's state in the cloud's own object storage (S3, OSS or COS).
   * @default from the environment (BOOKSTORE_STATE_BUCKET_<CLOUD> and friends, see the
   * README), else local state files
   */
  readonly remoteState?: RemoteStateProps;
}

/**
 * The bookstore's stacks on one cloud: `<name>-<cloud>` (e.g. `bookstore-aws`), one
 * Terraform state per cloud, so one cloud's failed deploy never blocks another's.
 */
export class BookstoreStacks {
  public readonly cloud: ICloud;
  /** The stack holding the cloud infrastructure. */
  public readonly infrastructure: TerraformStack;
  /**
   * The stack holding the bookstore's Kubernetes objects; its kubernetes provider is
   * configured from data sources and the infrastructure stack's outputs only. Undefined
   * without a cluster.
   */
  public readonly workloads?: TerraformStack;
  public readonly bookstore: Bookstore;

  constructor(app: Construct, cloud: ICloud, props: BookstoreStacksProps) {
    const name = requireValidBookstoreName(app, props.name ?? "bookstore", cloud);
    const stackName = `${name}-${cloud.name}`;
    if (app.node.tryFindChild(stackName) !== undefined) {
      throw new ValidationError(app, "name", name, `a name not yet used for ${cloud.name} in this app: the stack ${stackName} exists already`);
    }
    this.cloud = cloud;
    const { policyChecks = true, remoteState = remoteStateFromEnvironment(cloud.name), ...bookstoreProps } = props;
    requireBoolean(app, "policyChecks", policyChecks);
    this.infrastructure = new CheckedStack(app, stackName);
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

    const { kubernetes: cluster, workloadSettings, database, network } = this.bookstore;
    const access = cloud.kubernetesAccess;
    if (cluster && workloadSettings) {
      const workloads = new CheckedStack(app, `${stackName}-workloads`);
      workloads.addDependency(this.infrastructure);
      useRemoteState(workloads);
      // Providers are configured before any resource of their stack exists, so the
      // connection comes from data sources and the infrastructure stack's outputs.
      const clusterAccess = new Construct(workloads, "ClusterAccess");
      new KubernetesProvider(workloads, "kubernetes", access.connect(clusterAccess, { name: cluster.name, clusterId: cluster.clusterId }));
      new BookstoreWorkloads(workloads, "Workloads", {
        settings: workloadSettings,
        domain: this.bookstore.domain,
        database: database.connection,
        credentials: access.databaseCredentials(clusterAccess, database.connection),
        ingress: access.ingress({
          domain: this.bookstore.domain,
          healthCheckPath: workloadSettings.healthCheckPath,
          publicSubnetCidrs: network.publicSubnetCidrs,
          // The load balancer's certificate: an ID given by the user, not a resource output.
          certificateId: bookstoreProps.certificate?.existingCertificateId,
        }),
        databaseCidrs: network.privateSubnetCidrs,
      });
      if (policyChecks) PolicyChecks.of(workloads).apply(KUBERNETES_POLICY_PACK);
      this.workloads = workloads;
    }
  }

  /** Every stack of this cloud, in deployment order. */
  public get stacks(): TerraformStack[] {
    return this.workloads ? [this.infrastructure, this.workloads] : [this.infrastructure];
  }
}
