import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "./cdktf";
import { CloudCatalog } from "./catalog";
import type { RemoteStateProps } from "./remote-state";
import { ValidationError } from "./validation";
import { admitsInternet } from "./address-coverage";
import type { CacheAttributes, CacheSpec } from "./cache";
import type { AssetBucketAttributes, AssetBucketSpec } from "./asset-bucket";
import type { CdnAttributes, CdnHostNameSpec, CdnSpec, ICdnHostNameSource } from "./cdn";
import type { ComputeGroupAttributes, ComputeGroupSpec } from "./compute-group";
import type { DatabaseAttributes, DatabaseSpec } from "./database";
import type { GlobalDomainAttributes, GlobalDomainSpec } from "./global-domain";
import type { KubernetesClusterAttributes, KubernetesClusterSpec } from "./kubernetes-cluster";
import type { LoadBalancerAttributes, LoadBalancerSpec } from "./load-balancer";
import type { NetworkAttributes, NetworkSpec } from "./network";
import type { IKubernetesAccess } from "./cluster-access";

/**
 * One cloud: its catalog, and one factory per capability.
 *
 * The neutral constructs (`Network`, `Database`, ...) validate props, resolve neutral
 * values through `catalog`, then call the matching factory with the resolved spec. A
 * factory creates the cloud's resources inside the given scope and returns what
 * other constructs need. Nothing outside a cloud's folder knows how it does that.
 */
export interface ICloud {
  /** Short, stable name used in stack names and errors, e.g. `aws`. */
  readonly name: string;
  /** The region every resource of this cloud is created in. */
  readonly region: string;
  /** The cloud's catalog, with any overrides the user gave already applied. */
  readonly catalog: CloudCatalog;
  /** How to name a TLS certificate on this cloud. */
  readonly certificate: ICertificateFactory;

  /**
   * Makes sure the stack holding `scope` has this cloud's providers. Idempotent: the
   * first construct of a cloud in a stack creates them; the stack owns them.
   */
  useProvidersIn(scope: IConstruct): void;

  /** Creates the cloud's network for a validated spec. */
  createNetwork(scope: Construct, spec: NetworkSpec): NetworkAttributes;
  /** Creates the cloud's autoscaled VM group for a validated spec. */
  createComputeGroup(scope: Construct, spec: ComputeGroupSpec): ComputeGroupAttributes;
  /** Creates the cloud's managed MySQL for a validated spec. */
  createDatabase(scope: Construct, spec: DatabaseSpec): DatabaseAttributes;
  /** Creates the cloud's managed Redis-compatible cache for a validated spec. */
  createCache(scope: Construct, spec: CacheSpec): CacheAttributes;
  /** Creates the cloud's HTTPS load balancer for a validated spec. */
  createLoadBalancer(scope: Construct, spec: LoadBalancerSpec): LoadBalancerAttributes;
  /** Creates the cloud's CDN for a validated spec. */
  createCdn(scope: Construct, spec: CdnSpec): CdnAttributes;
  /**
   * How other stacks read a CDN's host name without reading its stack's state: publishes it
   * in `scope` (the CDN construct) where the cloud needs a record for that, and returns how
   * to read it (`ICdn.hostNameIn`).
   */
  shareCdnHostName(scope: Construct, cdn: CdnHostNameSpec): ICdnHostNameSource;
  /** Creates the cloud's object storage bucket for a validated spec. */
  createAssetBucket(scope: Construct, spec: AssetBucketSpec): AssetBucketAttributes;
  /** Creates the cloud's managed Kubernetes cluster for a validated spec. */
  createKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec): KubernetesClusterAttributes;
  /** The zone (created or existing), records and health checks of a `GlobalDomain` in this cloud's DNS service. */
  createGlobalDomain(scope: Construct, spec: GlobalDomainSpec): GlobalDomainAttributes;

  /** How the bookstore's workloads reach this cloud's clusters, database secrets and load balancers. */
  readonly kubernetesAccess: IKubernetesAccess;

  /** Keeps the stack's state in this cloud's object storage, with locking. */
  useRemoteState(stack: TerraformStack, props: RemoteStateProps): void;
}

/** A construct that belongs to one cloud; mixing clouds in one wiring is refused. */
export interface ICloudScoped extends IConstruct {
  /** The cloud the resource is in. */
  readonly cloud: ICloud;
}

/**
 * Something that opens connections to another resource from inside the network: the
 * compute group or the Kubernetes nodes. Every cloud here filters traffic with
 * security groups, so a peer is named by its security group.
 */
export interface INetworkPeer extends ICloudScoped {
  /** The security group its instances or nodes are in. */
  readonly securityGroupId: string;
  /**
   * Private ranges its connections also come from, which no security group names: a
   * cluster's pod range where pods keep their own addresses inside the network.
   * @default none: every connection comes from a member of `securityGroupId`
   */
  readonly sourceCidrs?: readonly string[];
}

/**
 * The construct ID of the rule that opens a resource to one peer: `AllowFrom-` and the
 * peer's path below its stack, so the rule keeps its Terraform address when the stack is
 * renamed.
 */
export function allowFromId(peer: INetworkPeer): string {
  const stackPath = TerraformStack.of(peer).node.path;
  return `AllowFrom-${peer.node.path.slice(stackPath.length + 1).replace(/\//g, "-")}`;
}

/** Where the TLS certificate of a load balancer or CDN comes from. */
export class CertificateSource {
  /** A certificate that already exists in the cloud, by the cloud's own identifier (an ARN on AWS). */
  public static existing(cloudName: string, certificateId: string): CertificateSource {
    return new CertificateSource(cloudName, certificateId);
  }

  /** A certificate the cloud issues for the construct's domain (DNS validation). */
  public static issued(cloudName: string): CertificateSource {
    return new CertificateSource(cloudName, undefined);
  }

  private constructor(
    /** The cloud the certificate belongs to. */
    public readonly cloudName: string,
    /** The existing certificate's identifier, or undefined when the cloud issues one. */
    public readonly existingCertificateId: string | undefined,
  ) {}

  /** True when the cloud issues the certificate. */
  public get isIssued(): boolean {
    return this.existingCertificateId === undefined;
  }
}

/** Each cloud's way of naming certificates; reached as `cloud.certificate`. */
export interface ICertificateFactory {
  /** A certificate that already exists, by the cloud's identifier. */
  existing(certificateId: string): CertificateSource;
  /** A certificate the cloud issues for the domain. */
  issued(): CertificateSource;
}

/**
 * Refuses a certificate of another cloud, or one to be issued by a cloud that cannot
 * issue certificates.
 */
export function requireUsableCertificate(scope: IConstruct, field: string, cloud: ICloud, certificate: CertificateSource): void {
  const given = certificate.existingCertificateId ?? "issued by the cloud";
  if (certificate.cloudName !== cloud.name) {
    throw new ValidationError(scope, field, given, `a certificate of ${cloud.name}, from cloud.certificate`);
  }
  if (certificate.isIssued && !cloud.catalog.capabilities.issuesCertificates) {
    throw new ValidationError(scope, field, given, `an existing certificate: ${cloud.name} cannot issue one here; give cloud.certificate.existing(<certificate id>)`);
  }
}

/**
 * Refuses a peer whose `sourceCidrs` admit the internet: they become a database's or cache's
 * whitelist (Alibaba's `security_ips`, Tencent's and AWS's security group rules), where
 * `0.0.0.0/1` plus `128.0.0.0/1` opens it as wide as `0.0.0.0/0`. Judged by the addresses
 * covered, as the policy packs judge those whitelists (`admitsInternet`).
 */
export function requireInsidePeer(scope: IConstruct, field: string, peer: INetworkPeer): void {
  const sourceCidrs = peer.sourceCidrs ?? [];
  if (admitsInternet(sourceCidrs)) {
    throw new ValidationError(scope, `${field}.sourceCidrs`, sourceCidrs, "private ranges its connections come from (e.g. a cluster's pod range); public ranges of more than one /8 in all admit the internet");
  }
}

/** Refuses wiring a construct of one cloud to a construct of another. */
export function requireSameCloud(scope: IConstruct, field: string, cloud: ICloud, other: ICloudScoped | undefined): void {
  if (other !== undefined && other.cloud.name !== cloud.name) {
    throw new ValidationError(scope, field, `${other.node.path} (${other.cloud.name})`, `a construct of the same cloud (${cloud.name})`);
  }
}
