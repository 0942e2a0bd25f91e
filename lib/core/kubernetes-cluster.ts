import { Construct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { ICloud, INetworkPeer } from "./cloud";
import { formatCidr, nonPublicOverlap, overlaps, parseCidr } from "./cidr";
import type { INetwork } from "./network";
import { ComputeSize, enumValues } from "./sizes";
import { requireOneOf, requireOrderedRange, ValidationError } from "./validation";

/** The node size when none is given. */
export const DEFAULT_NODE_SIZE = ComputeSize.MEDIUM;

/** Most nodes one pool may hold; a guard against a typo that would cost a fortune. */
export const MAX_NODES = 100;

export interface KubernetesClusterProps {
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
   * and so is any set that adds up to them.
   * @default [] (private API server)
   */
  readonly publicApiAllowedCidrs?: string[];
}

/** A managed Kubernetes cluster with one autoscaled node pool in private subnets. */
export interface IKubernetesCluster extends INetworkPeer {
  readonly name: string;
  readonly clusterId: string;
  /** The API server's URL. */
  readonly endpoint: string;
  readonly version: string;
}

export interface KubernetesClusterSpec {
  readonly name: string;
  readonly network: INetwork;
  readonly version: string;
  readonly nodeInstanceType: string;
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly publicApiAllowedCidrs: readonly string[];
}

export interface KubernetesClusterAttributes {
  readonly clusterId: string;
  readonly endpoint: string;
  /** Security group of the nodes: what the database admits for pods. */
  readonly securityGroupId: string;
  /**
   * The pod range, where pods reach the rest of the network from their own addresses
   * rather than their node's (e.g. TKE GlobalRouter, ACK Flannel).
   * @default none: pods' connections come from their nodes' security group
   */
  readonly sourceCidrs?: readonly string[];
}

export class KubernetesCluster extends CloudResource implements IKubernetesCluster {
  public readonly clusterId: string;
  public readonly endpoint: string;
  public readonly version: string;
  public readonly securityGroupId: string;
  public readonly sourceCidrs?: readonly string[];

  constructor(scope: Construct, id: string, props: KubernetesClusterProps) {
    super(scope, id, props);
    const { cloud } = props;
    const catalog = cloud.catalog;
    this.version = props.version ?? catalog.defaultKubernetesVersion;
    requireOneOf(this, "version", this.version, catalog.kubernetesVersions);
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
    // Each block is checked against every non-public range rather than only tested for
    // 0.0.0.0/0, so no set of blocks (0.0.0.0/1 plus 128.0.0.0/1) adds up to the whole internet.
    const parsed = publicApiAllowedCidrs.map((text, index) => {
      const field = `publicApiAllowedCidrs[${index}]`;
      const cidr = typeof text === "string" ? parseCidr(text) : undefined;
      if (!cidr) {
        throw new ValidationError(this, field, text, "a public IPv4 range in CIDR notation with no host bits set, e.g. 203.0.113.0/24");
      }
      const reserved = nonPublicOverlap(cidr);
      if (reserved) {
        throw new ValidationError(this, field, text, `a public IPv4 range, e.g. 203.0.113.0/24: it overlaps ${formatCidr(reserved)}, which is not on the internet (and 0.0.0.0/0 is refused)`);
      }
      return cidr;
    });
    parsed.forEach((cidr, index) => {
      const other = parsed.findIndex((earlier, j) => j < index && overlaps(earlier, cidr));
      if (other >= 0) {
        throw new ValidationError(this, `publicApiAllowedCidrs[${index}]`, publicApiAllowedCidrs[index], `a range that overlaps no other entry; it overlaps publicApiAllowedCidrs[${other}] (${publicApiAllowedCidrs[other]})`);
      }
    });

    cloud.useProvidersIn(this);
    const created = cloud.createKubernetesCluster(this, {
      name: this.name,
      network: props.network,
      version: this.version,
      nodeInstanceType: catalog.computeSizes[nodeSize],
      minNodes,
      maxNodes,
      publicApiAllowedCidrs,
    });
    this.clusterId = created.clusterId;
    this.endpoint = created.endpoint;
    this.securityGroupId = created.securityGroupId;
    this.sourceCidrs = created.sourceCidrs;
  }
}
