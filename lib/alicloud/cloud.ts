import { Construct, IConstruct } from "constructs";
import { AlicloudProvider } from "../generated/alicloud/provider";
import { TerraformStack } from "../core/cdktf";
import { CloudProps } from "../cloud-registration";
import { applyCatalogOverrides } from "../core/catalog";
import { CacheAttributes, CacheSpec } from "../core/cache";
import { AssetBucketAttributes, AssetBucketSpec } from "../core/asset-bucket";
import { CdnAttributes, CdnHostNameSpec, CdnSpec, ICdnHostNameSource } from "../core/cdn";
import { CertificateSource, ICertificateFactory, ICloud } from "../core/cloud";
import { ComputeGroupAttributes, ComputeGroupSpec } from "../core/compute-group";
import { DatabaseAttributes, DatabaseSpec } from "../core/database";
import { GlobalDomainAttributes, GlobalDomainSpec } from "../core/global-domain";
import { KubernetesClusterAttributes, KubernetesClusterSpec } from "../core/kubernetes-cluster";
import { LoadBalancerAttributes, LoadBalancerSpec } from "../core/load-balancer";
import { NetworkAttributes, NetworkSpec } from "../core/network";
import { RemoteStateProps } from "../core/remote-state";
import { isUnresolved, ValidationError } from "../core/validation";
import { stackProvider } from "../core/stack-provider";
import { createAlicloudAssetBucket } from "./asset-bucket";
import { ALICLOUD_CATALOG, AlicloudCatalog } from "./catalog";
import { createAlicloudCache } from "./cache";
import { createAlidnsDomain } from "./dns";
import { createAlicloudCdn } from "./cdn";
import { publishCdnHostName } from "./cdn-host-name";
import { createAlicloudComputeGroup } from "./compute-group";
import { createAlicloudDatabase } from "./database";
import { AlicloudKubernetesAccess } from "./kubernetes-access";
import { createAlicloudKubernetesCluster } from "./kubernetes-cluster";
import { createAlicloudLoadBalancer } from "./load-balancer";
import { createAlicloudNetwork } from "./network";
import { AlicloudSecretStore } from "./secrets";
import { useOssState } from "./state-backend";

/** The Alibaba Cloud region, e.g. `cn-hangzhou` (one of the catalog's regions), and the KMS instance of its secrets. */
export interface AlicloudCloudProps extends CloudProps {
  /**
   * The KMS instance (`kst-...`, KMS 3.0, of the region and a software key management type)
   * that keeps the stack's secrets and keys: the database's and the cache's credentials, each
   * encrypted by a key the stack creates in that instance, and the key that encrypts the
   * cluster's Kubernetes Secrets. Alibaba Cloud's KMS keeps secrets, and creates keys of one's
   * own, only in a KMS instance, which is bought (by subscription) in the KMS console, outside
   * Terraform. Read when a secret or key is created: changing it later moves neither.
   * @default none: a bookstore (or a `Database`, `Cache` or `KubernetesCluster` of one's own),
   *   which keeps a secret or a key, is refused at synth as `cloud.kmsInstanceId`; a stack
   *   with none of them needs none
   */
  readonly kmsInstanceId?: string;
}

const PROVIDER_ID = "alicloud";

/** Alibaba Cloud: one region; certificates come from Certificate Management Service (CAS). */
export class AlicloudCloud implements ICloud {
  public readonly name = "alicloud";
  public readonly region: string;
  public readonly catalog: AlicloudCatalog;
  public readonly certificate: ICertificateFactory = {
    /** A certificate uploaded to or bought in Certificate Management Service, by its numeric ID. */
    existing: (certificateId: string) => CertificateSource.existing(this.name, certificateId),
    /** Refused by the neutral constructs: the catalog says Alibaba Cloud cannot issue one here. */
    issued: () => CertificateSource.issued(this.name),
  };

  /** The cluster contract for the workloads stack (lib/kubernetes). */
  public readonly kubernetesAccess: AlicloudKubernetesAccess;
  /** The KMS instance that keeps the stack's secrets and keys (`AlicloudCloudProps.kmsInstanceId`). */
  public readonly kmsInstanceId?: string;

  constructor(props: AlicloudCloudProps) {
    this.region = props.region;
    this.catalog = applyCatalogOverrides(ALICLOUD_CATALOG, props.catalogOverrides);
    this.kmsInstanceId = requireKmsInstanceId(props.kmsInstanceId, this.catalog);
    this.kubernetesAccess = new AlicloudKubernetesAccess(this.catalog, this.region, (scope) => this.useProvidersIn(scope));
  }

  public useRemoteState(stack: TerraformStack, props: RemoteStateProps): void {
    useOssState(stack, props, this.region);
  }

  public useProvidersIn(scope: IConstruct): void {
    this.provider(scope);
  }

  /** The stack's default alicloud provider: the user's own if the stack has one, else a new one. */
  private provider(scope: IConstruct): AlicloudProvider {
    return stackProvider(scope, this, {
      title: "alicloud",
      isInstance: (node): node is AlicloudProvider => node instanceof AlicloudProvider,
      create: (stack) => new AlicloudProvider(stack, PROVIDER_ID, { region: this.region }),
    });
  }

  public createNetwork(scope: Construct, spec: NetworkSpec): NetworkAttributes {
    return createAlicloudNetwork(scope, spec, this.catalog);
  }

  public createComputeGroup(scope: Construct, spec: ComputeGroupSpec): ComputeGroupAttributes {
    return createAlicloudComputeGroup(scope, spec, this.catalog, this.region);
  }

  public createDatabase(scope: Construct, spec: DatabaseSpec): DatabaseAttributes {
    return createAlicloudDatabase(scope, spec, this.catalog, this.secretStore());
  }

  public createCache(scope: Construct, spec: CacheSpec): CacheAttributes {
    return createAlicloudCache(scope, spec, this.secretStore());
  }

  private secretStore(): AlicloudSecretStore {
    return { kmsInstanceId: this.kmsInstanceId, region: this.region, catalog: this.catalog };
  }

  public createLoadBalancer(scope: Construct, spec: LoadBalancerSpec): LoadBalancerAttributes {
    return createAlicloudLoadBalancer(scope, spec, this.catalog, this.region);
  }

  public createCdn(scope: Construct, spec: CdnSpec): CdnAttributes {
    return createAlicloudCdn(scope, spec, this.catalog, this.region);
  }

  public shareCdnHostName(scope: Construct, cdn: CdnHostNameSpec): ICdnHostNameSource {
    return publishCdnHostName(scope, cdn.hostName, this);
  }

  public createAssetBucket(scope: Construct, spec: AssetBucketSpec): AssetBucketAttributes {
    return createAlicloudAssetBucket(scope, spec);
  }

  public createKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec): KubernetesClusterAttributes {
    return createAlicloudKubernetesCluster(scope, spec, this.secretStore(), this.kubernetesAccess);
  }

  public createGlobalDomain(scope: Construct, spec: GlobalDomainSpec): GlobalDomainAttributes {
    return createAlidnsDomain(scope, spec);
  }
}

/** The KMS instance ID as given, when it has the form of one (or is known only at apply); refused otherwise. */
function requireKmsInstanceId(kmsInstanceId: string | undefined, catalog: AlicloudCatalog): string | undefined {
  if (kmsInstanceId === undefined || isUnresolved(kmsInstanceId)) return kmsInstanceId;
  const rule = catalog.alicloud.kmsInstanceId;
  if (typeof kmsInstanceId !== "string" || !new RegExp(`^(?:${rule.pattern})$`).test(kmsInstanceId)) {
    throw new ValidationError("Cloud.alicloud", "kmsInstanceId", kmsInstanceId, `a KMS instance ID: ${rule.description}, e.g. ${rule.example}`);
  }
  return kmsInstanceId;
}
