import { Construct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { ICloud, INetworkPeer, requireSameCloud } from "./cloud";
import { contains, overlaps, parseCidr, PRIVATE_RANGES } from "./cidr";
import type { IAssetBucket } from "./asset-bucket";
import type { ICache } from "./cache";
import type { IDatabase } from "./database";
import type { ILoadBalancer } from "./load-balancer";
import type { INetwork } from "./network";
import { requirePinnedImage } from "./container-image";
import { REGISTRY_CREDENTIALS_UNSUPPORTED, RegistryCredentials, requireRegistryCredentials } from "./registry-credentials";
import { ComputeSize, enumValues } from "./sizes";
import { judgeSupport } from "./support-window";
import { isUnresolved, requireBoolean, requireDistinctPublicCidrs, requireKubernetesNamespace, requireKubernetesServiceAccountName, requireNotTheInternet, requireOneOf, requireOrderedRange, ValidationError } from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

/** The node size when none is given. */
export const DEFAULT_NODE_SIZE = ComputeSize.MEDIUM;

/** Where a private network that reaches the API server may be: RFC 1918 and carrier-grade NAT (100.64.0.0/10). */
const PRIVATE_API_RANGES = [...PRIVATE_RANGES, parseCidr("100.64.0.0/10")!];

/** Most nodes one pool may hold; a guard against a typo that would cost a fortune. */
export const MAX_NODES = 100;

/** Props of `KubernetesCluster`. */
export interface KubernetesClusterProps {
  /** The cloud to create the cluster in. */
  readonly cloud: ICloud;
  /** The network whose private subnets hold the nodes. */
  readonly network: INetwork;
  /**
   * Name of the cluster.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /**
   * Kubernetes minor version, e.g. "1.33", one the cloud's managed service offers.
   * @default the catalog's default version for the cloud
   */
  readonly version?: string;
  /**
   * Size of each node.
   * @default ComputeSize.MEDIUM
   */
  readonly nodeSize?: ComputeSize;
  /**
   * Fewest nodes; also the number started.
   * @default 2
   */
  readonly minNodes?: number;
  /**
   * Most nodes.
   * @default 5
   */
  readonly maxNodes?: number;
  /**
   * Public addresses (CIDR) that may reach the API server from the internet. Empty keeps
   * the API server private: reachable only from inside the network. Only public ranges:
   * `0.0.0.0/0`, private, loopback, carrier-grade NAT and other special ranges are refused,
   * and so is any set that covers more than one /8 of public addresses in all (the policy
   * packs' measure of "the internet", `admitsInternet`).
   * @default [] (private API server)
   */
  readonly publicApiAllowedCidrs?: string[];
  /**
   * Private networks that may reach the API server's private endpoint on 443: a VPN, a CI
   * runner's subnet, a peered network. Only private ranges (RFC 1918 and carrier-grade NAT);
   * the cluster's own network reaches it without this.
   * @default [] (only the cluster's own nodes and control plane)
   */
  readonly privateApiAllowedCidrs?: string[];
  /**
   * Cloud principals that administer the cluster, in the cloud's own form (see the cloud
   * catalog's `limits.clusterAdministrator`): IAM role or user ARNs on AWS, RAM role or user
   * ARNs on Alibaba Cloud, CAM roles or sub-users on Tencent Cloud. A CI principal that runs
   * `cdktf deploy` for the workloads belongs here. Whether the cluster's creator administers
   * it unlisted is the cloud's: on AWS it does not (EKS is told to give it nothing), so there
   * the list must name at least the deployer.
   * @default [] (the creator alone, where the cloud grants it; refused on AWS)
   */
  readonly administrators?: string[];
  /**
   * Versions of the add-ons the library installs, by add-on name, each one the cloud's
   * catalog lists (`kubernetesAddOns`).
   * @default the catalog's default version of each add-on
   */
  readonly addOnVersions?: Readonly<Record<string, string>>;
  /**
   * Keep running a Kubernetes version past its standard support, on paid extended support,
   * where the cloud offers it. Off, the cluster must be upgraded before its version's
   * standard support ends.
   * @default false
   */
  readonly extendedSupport?: boolean;
  /**
   * The pods that get a cloud identity of their own (the cloud's workload identity) and
   * what it may read. Without it the pods get no cloud credentials.
   * @default none
   */
  readonly workloadIdentity?: WorkloadIdentityProps;
  /**
   * The load balancer whose pod backend (`ILoadBalancer.podBackend`) the cluster's pods are
   * registered into: the cluster lets that load balancer reach its pods, and lets its
   * controller register them there and nowhere else, where the cloud scopes such rights.
   * @default none: the cluster grants no load balancer anything
   */
  readonly loadBalancer?: ILoadBalancer;
}

/** Every prop of `KubernetesClusterProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const KUBERNETES_CLUSTER_PROP_SHAPE: PropShape = {
  what: "the Kubernetes cluster",
  keys: propKeys<KubernetesClusterProps>()(["cloud", "network", "name", "version", "nodeSize", "minNodes", "maxNodes", "publicApiAllowedCidrs", "privateApiAllowedCidrs", "administrators", "addOnVersions", "extendedSupport", "workloadIdentity", "loadBalancer"]),
  nested: {
    workloadIdentity: {
      what: "the workload identity",
      keys: propKeys<WorkloadIdentityProps>()(["namespace", "serviceAccountName", "database", "cache", "assetBucket", "image", "registryCredentials"]),
    },
  },
};

/** The service account whose pods get a cloud identity, and what that identity may read. */
export interface WorkloadIdentityProps {
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Name of the service account. */
  readonly serviceAccountName: string;
  /** A database whose credentials the pods read at run time from the cloud's secret store. */
  readonly database?: IDatabase;
  /** A cache whose password the pods read at run time from the cloud's secret store. */
  readonly cache?: ICache;
  /** An asset bucket whose objects the pods read, write and delete (no listing, no settings). */
  readonly assetBucket?: IAssetBucket;
  /**
   * The container image the pods run, pinned by tag or digest. Where it is held by the
   * cloud's own registry and the cluster must be told so before its nodes can pull it, the
   * cluster lets this service account's pods pull it (on Alibaba Cloud: an ACR Enterprise
   * Edition image, through ACK's credential helper); elsewhere it changes nothing.
   * @default none: the nodes pull with their own permissions, or the image is public
   */
  readonly image?: string;
  /**
   * The login to the image's registry, for an image in a private registry other than the
   * cloud's own: the cluster's secret-sync operator (`IKubernetesAccess.registryPullSecret`)
   * may read that one secret, to keep an image pull secret of it in the namespace.
   * @default none: the image is public or in the cloud's own registry
   */
  readonly registryCredentials?: RegistryCredentials;
}

/** A managed Kubernetes cluster with one autoscaled node pool in private subnets. */
export interface IKubernetesCluster extends INetworkPeer {
  /** The cluster's name. */
  readonly name: string;
  /** The cloud's identifier of the cluster. */
  readonly clusterId: string;
  /** The API server's URL. */
  readonly endpoint: string;
  /** The cluster's Kubernetes minor version, e.g. `1.33`. */
  readonly version: string;
  /**
   * The cloud's identifier of the role the workload identity's pods assume (a role ARN or
   * name); undefined without `workloadIdentity`.
   */
  readonly workloadRoleId?: string;
  /** Every add-on the cloud's catalog lists, with the version installed. */
  readonly addOnVersions: Readonly<Record<string, string>>;
}

/** What a cloud's cluster factory receives: validated, with the catalog's values. */
export interface KubernetesClusterSpec {
  /** The cluster's name, valid on the cloud. */
  readonly name: string;
  /** The network whose private subnets hold the nodes. */
  readonly network: INetwork;
  /** The Kubernetes minor version. */
  readonly version: string;
  /** The nodes' instance type. */
  readonly nodeInstanceType: string;
  /** Fewest nodes the pool keeps. */
  readonly minNodes: number;
  /** Most nodes the pool scales to. */
  readonly maxNodes: number;
  /** Ranges allowed to the API server's public endpoint; empty keeps it private. */
  readonly publicApiAllowedCidrs: readonly string[];
  /** Ranges inside the network allowed to the API server's private endpoint. */
  readonly privateApiAllowedCidrs: readonly string[];
  /** Validated against the catalog's `clusterAdministrator` pattern. */
  readonly administrators: readonly string[];
  /** Every add-on of the catalog with its chosen version. */
  readonly addOnVersions: Readonly<Record<string, string>>;
  /** Paid extended support for the version past its standard support. */
  readonly extendedSupport: boolean;
  /** The service account whose pods get a cloud identity. */
  readonly workloadIdentity?: WorkloadIdentityProps;
  /** Validated: same cloud, and its runtime sends requests to pods. */
  readonly loadBalancer?: ILoadBalancer;
}

/** What a cloud's cluster factory returns. */
export interface KubernetesClusterAttributes {
  /** The cloud's identifier of the cluster. */
  readonly clusterId: string;
  /** The API server's URL. */
  readonly endpoint: string;
  /** Security group of the nodes: what the database admits for pods. */
  readonly securityGroupId: string;
  /**
   * The pod range, where pods reach the rest of the network from their own addresses
   * rather than their node's (e.g. TKE GlobalRouter, ACK Flannel).
   * @default none: pods' connections come from their nodes' security group
   */
  readonly sourceCidrs?: readonly string[];
  /** Present exactly when the spec has a `workloadIdentity`. */
  readonly workloadRoleId?: string;
}

export class KubernetesCluster extends CloudResource implements IKubernetesCluster {
  /** The cloud's identifier of the cluster. */
  public readonly clusterId: string;
  public readonly endpoint: string;
  /** The cluster's Kubernetes minor version. */
  public readonly version: string;
  public readonly securityGroupId: string;
  public readonly sourceCidrs?: readonly string[];
  public readonly workloadRoleId?: string;
  public readonly addOnVersions: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: KubernetesClusterProps) {
    super(scope, id, props);
    requireKnownProps(this, "", props, KUBERNETES_CLUSTER_PROP_SHAPE);
    const { cloud } = props;
    const catalog = cloud.catalog;
    this.version = props.version ?? catalog.defaultKubernetesVersion;
    requireOneOf(this, "version", this.version, catalog.kubernetesVersions);
    const window = catalog.kubernetesSupport[this.version];
    if (window !== undefined) {
      judgeSupport(this, {
        field: "version",
        product: catalog.serviceNames.kubernetes,
        version: this.version,
        window,
        windows: catalog.kubernetesSupport,
        pastStandardAdvice: catalog.pastStandardSupport.kubernetes,
      });
    }
    const nodeSize = props.nodeSize ?? DEFAULT_NODE_SIZE;
    requireOneOf(this, "nodeSize", nodeSize, enumValues(ComputeSize));
    const minNodes = props.minNodes ?? 2;
    const maxNodes = props.maxNodes ?? Math.max(5, minNodes);
    requireOrderedRange(this, { lower: "minNodes", upper: "maxNodes" }, { lower: minNodes, upper: maxNodes, lowerGiven: props.minNodes !== undefined }, { min: 1, max: MAX_NODES });
    const publicApiAllowedCidrs = props.publicApiAllowedCidrs ?? [];
    const maxCidrs = catalog.limits.maxPublicApiCidrs;
    if (!Array.isArray(publicApiAllowedCidrs) || publicApiAllowedCidrs.length > maxCidrs) {
      const allowed = maxCidrs === 0 ? `[]: ${cloud.name}'s API server stays private here` : `a list of at most ${maxCidrs} public CIDRs on ${cloud.name}`;
      throw new ValidationError(this, "publicApiAllowedCidrs", publicApiAllowedCidrs, allowed);
    }
    requireDistinctPublicCidrs(this, "publicApiAllowedCidrs", publicApiAllowedCidrs);
    // The policy packs judge EKS's public_access_cidrs by the same coverage, so what passes
    // here passes there.
    requireNotTheInternet(this, "publicApiAllowedCidrs", publicApiAllowedCidrs);

    const privateApiAllowedCidrs = this.requirePrivateCidrs(props.privateApiAllowedCidrs ?? [], catalog.limits.maxPrivateApiCidrs);
    const administrators = this.requireAdministrators(props.administrators ?? []);
    const addOnVersions = this.resolveAddOnVersions(props.addOnVersions ?? {});
    this.addOnVersions = addOnVersions;
    const extendedSupport = requireBoolean(this, "extendedSupport", props.extendedSupport ?? false);
    if (extendedSupport === true && !catalog.capabilities.kubernetesExtendedSupport) {
      throw new ValidationError(this, "extendedSupport", true, `false: ${cloud.name}'s managed Kubernetes offers no extended support to choose`);
    }
    const workloadIdentity = props.workloadIdentity;
    if (workloadIdentity !== undefined) {
      // Both name the service account in the cloud's trust policy (`system:serviceaccount:<namespace>:<name>`), so a name Kubernetes refuses would grant nothing.
      requireKubernetesNamespace(this, "workloadIdentity.namespace", workloadIdentity.namespace);
      requireKubernetesServiceAccountName(this, "workloadIdentity.serviceAccountName", workloadIdentity.serviceAccountName);
      requireSameCloud(this, "workloadIdentity.database", cloud, workloadIdentity.database);
      requireSameCloud(this, "workloadIdentity.cache", cloud, workloadIdentity.cache);
      requireSameCloud(this, "workloadIdentity.assetBucket", cloud, workloadIdentity.assetBucket);
      if (workloadIdentity.image !== undefined) requirePinnedImage(this, "workloadIdentity.image", workloadIdentity.image);
      requireRegistryCredentials(this, "workloadIdentity.registryCredentials", workloadIdentity.registryCredentials, cloud);
      if (workloadIdentity.registryCredentials !== undefined && cloud.kubernetesAccess.registryPullSecret === undefined) {
        throw new ValidationError(this, "workloadIdentity.registryCredentials", workloadIdentity.registryCredentials.secretName, `none on ${cloud.name}: ${REGISTRY_CREDENTIALS_UNSUPPORTED}`);
      }
    }
    const loadBalancer = props.loadBalancer;
    requireSameCloud(this, "loadBalancer", cloud, loadBalancer);
    if (loadBalancer !== undefined && !loadBalancer.runtime.usesKubernetes) {
      throw new ValidationError(this, "loadBalancer", loadBalancer.node.path, "a load balancer whose runtime sends requests to pods (WebRuntime.kubernetes() or WebRuntime.weighted(...))");
    }

    cloud.useProvidersIn(this);
    const created = cloud.createKubernetesCluster(this, {
      name: this.name,
      network: props.network,
      version: this.version,
      nodeInstanceType: catalog.computeSizes[nodeSize],
      minNodes,
      maxNodes,
      publicApiAllowedCidrs,
      privateApiAllowedCidrs,
      administrators,
      addOnVersions,
      extendedSupport,
      workloadIdentity,
      loadBalancer,
    });
    this.workloadRoleId = created.workloadRoleId;
    this.clusterId = created.clusterId;
    this.endpoint = created.endpoint;
    this.securityGroupId = created.securityGroupId;
    this.sourceCidrs = created.sourceCidrs;
  }

  /** Private ranges only, so that no entry (nor any set of them) opens the API server to the internet. */
  private requirePrivateCidrs(cidrs: readonly string[], max: number): readonly string[] {
    if (!Array.isArray(cidrs) || cidrs.length > max) {
      throw new ValidationError(this, "privateApiAllowedCidrs", cidrs, `a list of at most ${max} private CIDRs on ${this.cloud.name}`);
    }
    const parsed = cidrs.map((text, index) => {
      if (isUnresolved(text)) return undefined;
      const cidr = typeof text === "string" ? parseCidr(text) : undefined;
      const privateRange = cidr && PRIVATE_API_RANGES.find((range) => contains(range, cidr));
      if (!cidr || !privateRange) {
        throw new ValidationError(this, `privateApiAllowedCidrs[${index}]`, text, "a private IPv4 range in CIDR notation inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10, e.g. 10.100.0.0/24; public addresses go in publicApiAllowedCidrs");
      }
      return cidr;
    });
    // As for the public list: an entry overlapping another adds nothing, and the adapters
    // name a rule after its range, so the same range twice would clash as a construct ID.
    parsed.forEach((cidr, index) => {
      const other = cidr ? parsed.findIndex((earlier, j) => j < index && earlier !== undefined && overlaps(earlier, cidr)) : -1;
      if (other >= 0) {
        throw new ValidationError(this, `privateApiAllowedCidrs[${index}]`, cidrs[index], `a range that overlaps no other entry; it overlaps privateApiAllowedCidrs[${other}] (${cidrs[other]})`);
      }
    });
    return cidrs;
  }

  private requireAdministrators(principals: readonly string[]): readonly string[] {
    const rule = this.cloud.catalog.limits.clusterAdministrator;
    if (!Array.isArray(principals)) {
      throw new ValidationError(this, "administrators", principals, `a list of ${rule.description}s, e.g. ["${rule.example}"]`);
    }
    const pattern = new RegExp(`^(?:${rule.pattern})$`);
    principals.forEach((principal, index) => {
      if (isUnresolved(principal)) return;
      if (typeof principal !== "string" || !pattern.test(principal)) {
        throw new ValidationError(this, `administrators[${index}]`, principal, `${rule.description} on ${this.cloud.name}, e.g. ${rule.example}`);
      }
      if (principals.indexOf(principal) !== index) {
        throw new ValidationError(this, `administrators[${index}]`, principal, "each principal once");
      }
    });
    return principals;
  }

  private resolveAddOnVersions(chosen: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    const addOns = this.cloud.catalog.kubernetesAddOns;
    if (chosen === null || typeof chosen !== "object" || Array.isArray(chosen)) {
      throw new ValidationError(this, "addOnVersions", chosen, `versions by add-on name, of ${Object.keys(addOns).join(", ") || "no add-on"} on ${this.cloud.name}`);
    }
    for (const [name, version] of Object.entries(chosen)) {
      const addOn = Object.prototype.hasOwnProperty.call(addOns, name) ? addOns[name] : undefined;
      if (addOn === undefined) {
        throw new ValidationError(this, `addOnVersions.${name}`, name, `an add-on the library installs on ${this.cloud.name}: ${Object.keys(addOns).join(", ") || "none"}`);
      }
      if (!addOn.versions.includes(version)) {
        throw new ValidationError(this, `addOnVersions.${name}`, version, `a version the catalog lists for ${name}: ${addOn.versions.join(", ")} (${addOn.source})`);
      }
    }
    return Object.fromEntries(Object.entries(addOns).map(([name, addOn]) => [name, chosen[name] ?? addOn.versions[0]]));
  }
}
