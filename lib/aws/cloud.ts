import { Construct, IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
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
import { MYSQL_RESERVED_WORDS } from "../core/mysql-names";
import { RemoteStateProps } from "../core/remote-state";
import { ValidationError } from "../core/validation";
import { stackProvider } from "../core/stack-provider";
import { createAwsAssetBucket } from "./asset-bucket";
import { AWS_CATALOG, AwsCatalog } from "./catalog";
import { createAwsCache } from "./cache";
import { createAwsCdn } from "./cdn";
import { publishCdnHostName } from "./cdn-host-name";
import { createAwsComputeGroup } from "./compute-group";
import { createAwsDatabase } from "./database";
import { createRoute53Domain } from "./dns";
import { AwsKubernetesAccess } from "./kubernetes-access";
import { createAwsKubernetesCluster } from "./kubernetes-cluster";
import { createAwsLoadBalancer } from "./load-balancer";
import { createAwsNetwork } from "./network";
import { useS3State } from "./state-backend";

/** The AWS region, e.g. `eu-central-1`: one of the catalog's regions, and AWS's own settings. */
export interface AwsCloudProps extends CloudProps {
  /**
   * The MySQL user the application connects as with IAM database authentication, instead of
   * the RDS master user: create it first with the bootstrap in docs/aws.md ("The AWS database
   * account"), then set this. `DB_USER` names it, `DB_AUTH` is `iam`, the VMs' and pods' roles
   * may `rds-db:connect` as this user only, and they are no longer given, nor allowed to read,
   * the master user's secret. 1 to 32 lower-case letters, digits and underscores, starting with
   * a letter; not the master user nor a name RDS keeps.
   * @default - the application connects as the master user, with its secret
   */
  readonly databaseApplicationUser?: string;
}

const PROVIDER_ID = "aws";
const GLOBAL_PROVIDER_ID = "aws-global";

/** AWS: one region, with us-east-1 added where CloudFront needs it. */
export class AwsCloud implements ICloud {
  public readonly name = "aws";
  public readonly region: string;
  public readonly catalog: AwsCatalog;
  public readonly certificate: ICertificateFactory = {
    existing: (arn: string) => CertificateSource.existing(this.name, arn),
    issued: () => CertificateSource.issued(this.name),
  };

  public readonly kubernetesAccess: AwsKubernetesAccess;
  /** `AwsCloudProps.databaseApplicationUser`. */
  public readonly databaseApplicationUser?: string;

  constructor(props: AwsCloudProps) {
    this.region = props.region;
    this.catalog = applyCatalogOverrides(AWS_CATALOG, props.catalogOverrides);
    this.databaseApplicationUser = requireDatabaseApplicationUser(props.databaseApplicationUser, this.catalog);
    this.kubernetesAccess = new AwsKubernetesAccess(this.catalog, this.region, (scope) => this.useProvidersIn(scope));
  }

  public useProvidersIn(scope: IConstruct): void {
    this.provider(scope);
  }

  /** The stack's default AWS provider: the user's own if the stack has one, else a new one. */
  private provider(scope: IConstruct): AwsProvider {
    return stackProvider(scope, this, {
      title: "AWS",
      isInstance: (node): node is AwsProvider => node instanceof AwsProvider,
      create: (stack) => new AwsProvider(stack, PROVIDER_ID, { region: this.region }),
    });
  }

  /** The provider for CloudFront's certificates and web ACLs, which live in us-east-1 only. */
  private globalProvider(scope: IConstruct): AwsProvider {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(GLOBAL_PROVIDER_ID);
    if (existing instanceof AwsProvider) return existing;
    return new AwsProvider(stack, GLOBAL_PROVIDER_ID, { region: this.catalog.aws.globalRegion, alias: "global" });
  }

  public useRemoteState(stack: TerraformStack, props: RemoteStateProps): void {
    useS3State(stack, props, this.region);
  }

  public createNetwork(scope: Construct, spec: NetworkSpec): NetworkAttributes {
    return createAwsNetwork(scope, spec);
  }

  public createComputeGroup(scope: Construct, spec: ComputeGroupSpec): ComputeGroupAttributes {
    return createAwsComputeGroup(scope, spec, this.catalog, this.region);
  }

  public createDatabase(scope: Construct, spec: DatabaseSpec): DatabaseAttributes {
    return createAwsDatabase(scope, spec, this.catalog, this.region, this.databaseApplicationUser);
  }

  public createCache(scope: Construct, spec: CacheSpec): CacheAttributes {
    return createAwsCache(scope, spec, this.catalog);
  }

  public createLoadBalancer(scope: Construct, spec: LoadBalancerSpec): LoadBalancerAttributes {
    return createAwsLoadBalancer(scope, spec, this.catalog, this.region);
  }

  public createCdn(scope: Construct, spec: CdnSpec): CdnAttributes {
    return createAwsCdn(scope, spec, this.catalog, this.region, this.globalProvider(scope));
  }

  public shareCdnHostName(scope: Construct, cdn: CdnHostNameSpec): ICdnHostNameSource {
    return publishCdnHostName(scope, cdn.hostName, this.region);
  }

  public createAssetBucket(scope: Construct, spec: AssetBucketSpec): AssetBucketAttributes {
    return createAwsAssetBucket(scope, spec, this.catalog, this.region);
  }

  public createKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec): KubernetesClusterAttributes {
    return createAwsKubernetesCluster(scope, spec, this.catalog, this.region, (roleArn, endpoints) => this.kubernetesAccess.registerWorkloadEndpoints(roleArn, endpoints));
  }

  public createGlobalDomain(scope: Construct, spec: GlobalDomainSpec): GlobalDomainAttributes {
    return createRoute53Domain(scope, spec, this.catalog, () => this.globalProvider(scope));
  }
}

/** MySQL user names are at most 32 characters; RDS keeps its own (the catalog's reserved names). */
function requireDatabaseApplicationUser(user: string | undefined, catalog: AwsCatalog): string | undefined {
  if (user === undefined) return undefined;
  const reserved = catalog.limits.mysql.reservedUsernames;
  if (typeof user !== "string" || !/^[a-z][a-z0-9_]{0,31}$/.test(user) || reserved.includes(user) || MYSQL_RESERVED_WORDS.has(user)) {
    throw new ValidationError(
      "Cloud.aws",
      "databaseApplicationUser",
      user,
      `a MySQL user name of 1 to 32 lower-case letters, digits and underscores, starting with a letter, neither a MySQL reserved word nor one RDS keeps (${reserved.join(", ")}), e.g. "bookstore_app"`,
    );
  }
  return user;
}
