import { Construct, IConstruct } from "constructs";
import { TencentcloudProvider } from "../generated/tencentcloud/provider";
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
import { stackProvider } from "../core/stack-provider";
import { createTencentcloudAssetBucket } from "./asset-bucket";
import { TENCENTCLOUD_CATALOG, TencentcloudCatalog } from "./catalog";
import { createTencentcloudCache } from "./cache";
import { createDnspodDomain } from "./dns";
import { createTencentcloudCdn } from "./cdn";
import { cdnDomainHostName } from "./cdn-host-name";
import { createTencentcloudComputeGroup } from "./compute-group";
import { createTencentcloudDatabase } from "./database";
import { TencentcloudKubernetesAccess } from "./kubernetes-access";
import { createTencentcloudKubernetesCluster } from "./kubernetes-cluster";
import { createTencentcloudLoadBalancer } from "./load-balancer";
import { createTencentcloudNetwork } from "./network";
import { useCosState } from "./state-backend";

/** The Tencent Cloud region, e.g. `ap-guangzhou`: one of the catalog's regions. */
export type TencentcloudCloudProps = CloudProps;

const PROVIDER_ID = "tencentcloud";

/**
 * Tencent Cloud: one region. Credentials come from the provider's environment
 * (`TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` or a CAM role), never from here.
 */
export class TencentcloudCloud implements ICloud {
  public readonly name = "tencentcloud";
  public readonly region: string;
  public readonly catalog: TencentcloudCatalog;
  /** `existing(id)` takes an SSL Certificates ID (e.g. `a1B2c3D4`); `issued()` is refused, see the catalog's capabilities. */
  public readonly certificate: ICertificateFactory = {
    existing: (certificateId: string) => CertificateSource.existing(this.name, certificateId),
    issued: () => CertificateSource.issued(this.name),
  };

  /** The cluster contract for the workloads stack (lib/kubernetes). */
  public readonly kubernetesAccess: TencentcloudKubernetesAccess;

  constructor(props: TencentcloudCloudProps) {
    this.region = props.region;
    this.catalog = applyCatalogOverrides(TENCENTCLOUD_CATALOG, props.catalogOverrides);
    this.kubernetesAccess = new TencentcloudKubernetesAccess(this.region);
  }

  public useRemoteState(stack: TerraformStack, props: RemoteStateProps): void {
    useCosState(stack, props, this.region);
  }

  public useProvidersIn(scope: IConstruct): void {
    this.provider(scope);
  }

  /** The stack's default Tencent Cloud provider: the user's own if the stack has one, else a new one. */
  private provider(scope: IConstruct): TencentcloudProvider {
    return stackProvider(scope, this, {
      title: "Tencent Cloud",
      isInstance: (node): node is TencentcloudProvider => node instanceof TencentcloudProvider,
      create: (stack) => new TencentcloudProvider(stack, PROVIDER_ID, { region: this.region }),
    });
  }

  public createNetwork(scope: Construct, spec: NetworkSpec): NetworkAttributes {
    return createTencentcloudNetwork(scope, spec, this.catalog);
  }

  public createComputeGroup(scope: Construct, spec: ComputeGroupSpec): ComputeGroupAttributes {
    return createTencentcloudComputeGroup(scope, spec, this.catalog, this.region);
  }

  public createDatabase(scope: Construct, spec: DatabaseSpec): DatabaseAttributes {
    return createTencentcloudDatabase(scope, spec, this.catalog);
  }

  public createCache(scope: Construct, spec: CacheSpec): CacheAttributes {
    return createTencentcloudCache(scope, spec, this.catalog);
  }

  public createLoadBalancer(scope: Construct, spec: LoadBalancerSpec): LoadBalancerAttributes {
    return createTencentcloudLoadBalancer(scope, spec, this.catalog);
  }

  public createCdn(scope: Construct, spec: CdnSpec): CdnAttributes {
    return createTencentcloudCdn(scope, spec, this.catalog, this.region);
  }

  /** Nothing to publish: other stacks find the CDN by the domain it accelerates. */
  public shareCdnHostName(_scope: Construct, cdn: CdnHostNameSpec): ICdnHostNameSource {
    return cdnDomainHostName(cdn.domain, this);
  }

  public createAssetBucket(scope: Construct, spec: AssetBucketSpec): AssetBucketAttributes {
    return createTencentcloudAssetBucket(scope, spec);
  }

  public createKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec): KubernetesClusterAttributes {
    return createTencentcloudKubernetesCluster(scope, spec, this.catalog, this.region, this.kubernetesAccess);
  }

  public createGlobalDomain(scope: Construct, spec: GlobalDomainSpec): GlobalDomainAttributes {
    return createDnspodDomain(scope, spec, this.catalog);
  }
}
