import { CloudCatalog, deepFreeze } from "../core/catalog";
import { ALICLOUD_DNS_CATALOG } from "./dns-catalog";
import { AppFeature } from "../core/prerequisites";
import { CacheSize, ComputeSize, DatabaseSize, MysqlVersion, RedisVersion } from "../core/sizes";

/** What Alibaba Cloud offers the bookstore, as data; the Alibaba Cloud adapters read nothing else. */
export interface AlicloudCatalog extends CloudCatalog {
  /** Values only Alibaba Cloud has, which its adapters set verbatim. */
  readonly alicloud: AlicloudSpecifics;
}

/** Alibaba Cloud-only values the adapters set verbatim. */
export interface AlicloudSpecifics {
  /** `alicloud_images` filter for the instances' image: the newest Alibaba Cloud Linux 3, x86_64. */
  readonly instanceImageNameRegex: string;
  /**
   * Boot-script lines that install Docker CE on that image (the script then enables and starts
   * `docker`): Alibaba Cloud Linux 3's own repositories hold no Docker, so its `docker` package is not it.
   */
  readonly dockerInstallCommands: readonly string[];
  /** RDS MySQL engine versions that can be created today; a neutral version mapped to another is refused. */
  readonly rdsMysqlEngineVersions: readonly string[];
  /** RDS High-availability Edition class -> the Basic Edition class of the same size (used when not highly available). */
  readonly rdsBasicEditionClasses: Readonly<Record<string, string>>;
  /** Neutral Kubernetes minor version -> ACK's full version string (`x.y.z-aliyun.n`). */
  readonly ackVersions: Readonly<Record<string, string>>;
  /** ACK managed cluster edition; Pro is needed for secrets encryption with KMS. */
  readonly ackClusterSpec: string;
  /** Service ranges tried in order; the first that overlaps neither the VPC is used. Pods take addresses of the private vSwitches (Terway). */
  readonly ackServiceCidrs: readonly string[];
  /** Configuration of ACK's Terway add-on (`terway-eniip`): shared ENIs, NetworkPolicy enforced. */
  readonly terwayConfig: Readonly<Record<string, string>>;
  /**
   * ACK's system node pool: a fixed number of nodes (no autoscaling) across the zones, where the
   * cluster's own add-ons (CoreDNS, metrics-server) schedule, and the instance types it may use,
   * in order of preference.
   */
  readonly ackSystemNodePool: {
    /** ECS instance types the system pool may use, in order of preference. */
    readonly instanceTypes: readonly string[];
    /** How many system nodes the pool keeps. */
    readonly nodeCount: number;
  };
  /**
   * Neutral node size -> the ECS instance type of ACK's workload node pool (`kubernetes.nodeSize`),
   * apart from `computeSizes`, which the VMs keep: ACK takes no node of fewer than `ackMinNodeVcpus`.
   */
  readonly ackNodeSizes: Readonly<Record<ComputeSize, string>>;
  /** Fewest vCPUs ACK takes in a node's instance type. */
  readonly ackMinNodeVcpus: number;
  /**
   * What the instance types of the ACK node pools have, as ECS publishes it: vCPUs, memory, and
   * the ENIs and private IPv4 addresses per ENI that bound the pods Terway's shared-ENI mode
   * places on a node (`(enis - 1) * privateIpsPerEni`, which ACK wants above 11).
   */
  readonly instanceTypeCapacity: Readonly<Record<string, {
    /** vCPUs of the instance type. */
    readonly vcpus: number;
    /** Memory of the instance type, in GiB. */
    readonly memoryGiB: number;
    /** Elastic network interfaces the instance type takes, the primary one included. */
    readonly enis: number;
    /** Private IPv4 addresses each ENI takes. */
    readonly privateIpsPerEni: number;
  }>>;
  /** Port of ACK's API server on its internal endpoint. */
  readonly ackApiServerPort: number;
  /** The audience ACK's RRSA tokens must carry for STS's AssumeRoleWithOIDC. */
  readonly rrsaTokenAudience: string;
  /** Where Alibaba Cloud's VPC endpoints of its own services (STS, KMS) resolve to. */
  readonly cloudServiceVpcEndpointCidr: string;
  /**
   * OSS's internal endpoint, which the asset bucket's readers inside the VPC use (`{region}` is
   * the stack's region), and the internal VIP blocks it resolves to in each region: inside
   * `cloudServiceVpcEndpointCidr`, where the pods' NetworkPolicy lets HTTPS out.
   */
  readonly ossInternalEndpoint: {
    /** The internal endpoint's host; `{region}` is the stack's region. */
    readonly hostTemplate: string;
    /** Region -> the internal VIP blocks the endpoint resolves to. */
    readonly vipCidrs: Readonly<Record<string, readonly string[]>>;
  };
  /**
   * ACK's managed ACR credential helper (`managed-aliyun-acr-credential-helper`), which lets
   * the nodes pull an ACR Enterprise Edition image for one service account: the image pull
   * secret it keeps in each namespace it watches, how long before the temporary password
   * expires it renews it, and the account-wide RAM role it works with.
   */
  readonly acrCredentialHelper: {
    /** The image pull secret the helper keeps in each namespace it watches. */
    readonly pullSecretName: string;
    /** How long before the temporary password expires the helper renews it (a Go duration). */
    readonly expiringThreshold: string;
    /** The account-wide RAM role the helper works with. */
    readonly serviceRoleName: string;
  };
  /**
   * ack-secret-manager, Alibaba's operator that keeps a Kubernetes Secret made from a KMS
   * Secrets Manager secret (the pods' image pull secret for a registry other than ACR): its
   * Helm chart in ACK's marketplace repository of the cluster's region (`{region}` is
   * replaced), the release's namespace and service account (the subject its RRSA role
   * trusts), and how often it reads every synced secret again (a Go duration: the operator
   * has one interval for every secret, no per-object one). The chart's version is the
   * catalog's `kubernetesAddOns["ack-secret-manager"]`.
   */
  readonly secretSync: {
    /** ACK's marketplace chart repository; `{region}` is the cluster's region. */
    readonly repositoryPattern: string;
    /** The Helm chart's name. */
    readonly chart: string;
    /** The release's namespace. */
    readonly namespace: string;
    /** The operator's service account: the subject its RRSA role trusts. */
    readonly serviceAccount: string;
    /** How often the operator reads every synced secret again (a Go duration). */
    readonly pollingInterval: string;
  };
  /** Alibaba Cloud CLI the VMs install to sign in to an ACR Enterprise Edition instance with their RAM role. */
  readonly aliyunCli: {
    /** The CLI's release version. */
    readonly version: string;
    /** Where the VMs download that release for Linux on amd64. */
    readonly linuxAmd64Url: string;
  };
  /** The form of a KMS instance's ID (`Cloud.alicloud({ kmsInstanceId })`), which keeps the stack's secrets. */
  readonly kmsInstanceId: {
    /** Regular expression source the whole ID must match. */
    readonly pattern: string;
    /** The ID's form in words, for error messages. */
    readonly description: string;
    /** An ID of that form, for error messages. */
    readonly example: string;
  };
  /** Control-plane components whose logs ACK ships to Simple Log Service. */
  readonly ackControlPlaneLogComponents: readonly string[];
  /**
   * CLB (SLB) instance metering of a pay-as-you-go CLB (`instance_charge_type`): pay-by-LCU, the only
   * one sold to new instances; such a CLB takes no instance specification.
   */
  readonly slbInstanceChargeType: string;
  /** Predefined CLB TLS policy of HTTPS listeners: TLS 1.2 only, ECDHE ciphers. */
  readonly slbTlsCipherPolicy: string;
  /** Source of the traffic a CLB layer-7 listener and its health checks send to backends. */
  readonly slbBackendSourceCidr: string;
  /** Alibaba Cloud's internal service range: DNS, NTP, metadata, package mirrors. */
  readonly internalServicesCidr: string;
  /** Region of Certificate Management Service that holds certificates for each region. */
  readonly certificateServiceRegions: Readonly<Record<string, string>>;
  /** CDN acceleration scope per region: mainland China regions need an ICP filing and use "domestic". */
  readonly cdnScopes: Readonly<Record<string, string>>;
  /** Seconds of SQL audit log retention (CKV_ALI_25 wants at least 180). */
  readonly rdsSqlCollectorRetentionDays: number;
  /** Days Simple Log Service keeps the VPC's flow logs (a logstore's `retention_period`, 1 to 3650). */
  readonly flowLogRetentionDays: number;
}

const ACK_VERSIONS = "https://www.alibabacloud.com/help/en/ack/product-overview/release-notes-for-kubernetes-versions";

const MAINLAND = "cn-hangzhou";
const INTERNATIONAL = "ap-southeast-1";

/** The catalog's regions in the Chinese mainland: those whose CDN scope is `domestic` (`cdnScopes`). */
const MAINLAND_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen"];

// An ACR Enterprise Edition instance's host: <instance name>-registry[-vpc].<region>.cr.aliyuncs.com, as registry.ts reads it.
// ref: https://www.alibabacloud.com/help/en/acr/product-overview/terms (addresses of container images)
const ACR_ENTERPRISE_HOST = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-registry(?:-vpc)?\\.[a-z0-9-]+\\.cr\\.aliyuncs\\.com";

// ref: https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions (3 to 63 lower-case letters, digits and hyphens)
const OSS_BUCKET_NAME = {
  pattern: "[a-z0-9][a-z0-9-]+[a-z0-9]",
  maxLength: 63,
  description: "3 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit",
  reservedPrefixes: [],
  reservedSuffixes: [],
};

/** Alibaba Cloud's catalog: the neutral sizes, versions, regions and limits mapped to what Alibaba Cloud offers, deep-frozen. */
export const ALICLOUD_CATALOG: AlicloudCatalog = deepFreeze({
  cloud: "alicloud",
  // ref: https://www.alibabacloud.com/help/en/ecs/regions-and-zones
  // Zones that sell the c7/g7 families, ESSD RDS and ACK; the oldest zones are left out.
  regions: {
    "cn-hangzhou": { zones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"] },
    "cn-shanghai": { zones: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g", "cn-shanghai-l"] },
    "cn-beijing": { zones: ["cn-beijing-h", "cn-beijing-i", "cn-beijing-j", "cn-beijing-k", "cn-beijing-l"] },
    "cn-shenzhen": { zones: ["cn-shenzhen-c", "cn-shenzhen-d", "cn-shenzhen-e", "cn-shenzhen-f"] },
    "ap-southeast-1": { zones: ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"] },
    "eu-central-1": { zones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"] },
  },
  // ref: https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families (x86_64)
  computeSizes: {
    [ComputeSize.SMALL]: "ecs.u1-c1m1.large",
    [ComputeSize.MEDIUM]: "ecs.c7.large",
    [ComputeSize.LARGE]: "ecs.g7.large",
    [ComputeSize.XLARGE]: "ecs.g7.xlarge",
  },
  // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/major-version-lifecycle-description
  // RDS MySQL offers 5.5 to 8.0; 8.4 is not offered, so the core refuses it on this cloud.
  mysqlVersions: {
    [MysqlVersion.V8_0]: "8.0",
  },
  defaultMysqlVersion: MysqlVersion.V8_0,
  // The lifecycle table (updated 2026-03-28) gives MySQL 8.0 no end-of-support date on
  // ApsaraDB RDS ("/"): past the community's end of life it keeps fixing severe issues,
  // and instances "remain available for purchase and use".
  mysqlSupport: {
    [MysqlVersion.V8_0]: { ref: "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/major-version-lifecycle-description", checkedOn: "2026-12-07" },
  },
  // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/primary-apsaradb-rds-for-mysql-instance-types
  // General-purpose High-availability classes (the Basic Edition equivalent is in
  // `rdsBasicEditionClasses`); ESSD PL1 storage from 20 to 32,000 GB in steps of 5 GB.
  databaseSizes: {
    [DatabaseSize.SMALL]: { instanceClass: "mysql.n2.medium.2c", storageGiB: { min: 20, max: 32000, stepGiB: 5 } },
    [DatabaseSize.MEDIUM]: { instanceClass: "mysql.n4.medium.2c", storageGiB: { min: 20, max: 32000, stepGiB: 5 } },
    [DatabaseSize.LARGE]: { instanceClass: "mysql.n4.large.2c", storageGiB: { min: 20, max: 32000, stepGiB: 5 } },
  },
  // ref: https://www.alibabacloud.com/help/en/rds/developer-reference/api-rds-2014-08-15-modifybackuppolicy (BackupRetentionPeriod 7 to 730)
  backupRetentionDays: { min: 7, max: 730 },
  // Tair (Redis OSS-compatible), Redis Open-Source Edition, cloud-native, standard (master-replica) architecture.
  // ref: https://www.alibabacloud.com/help/en/redis/product-overview/instance-types-of-community-edition-instances
  // (standard architecture: redis.shard.small.2.ce 1 GB, redis.shard.large.ce 4 GB, redis.shard.xlarge.ce 8 GB)
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_kvstore_instance.go
  // (engine_version: 2.8, 4.0, 5.0, 6.0 or 7.0; backup_period and backup_time only: the provider sends no retention)
  // ref: https://help.aliyun.com/document_detail/473820.htm (ModifyBackupPolicy: backups kept 7 days unless
  // BackupRetentionPeriod says otherwise, which provider 1.289.0 never sends, so 7 days it is)
  // ref: https://help.aliyun.com/document_detail/60873.htm (CreateInstance: InstanceName 2 to 80 characters, starting
  // with a letter)
  cache: {
    sizes: {
      [CacheSize.SMALL]: "redis.shard.small.2.ce",
      [CacheSize.MEDIUM]: "redis.shard.large.ce",
      [CacheSize.LARGE]: "redis.shard.xlarge.ce",
    },
    versions: { [RedisVersion.V6]: "6.0", [RedisVersion.V7]: "7.0" },
    backupRetentionDays: { min: 7, max: 7 },
    name: { pattern: "[A-Za-z][A-Za-z0-9_-]+", maxLength: 80, description: "2 or more letters, digits, hyphens and underscores, starting with a letter" },
  },
  // ref: https://www.alibabacloud.com/help/en/ack/product-overview/support-for-kubernetes-versions
  // Neutral minor versions, as on the other clouds; `ackVersions` maps each to the
  // x.y.z-aliyun.n string ACK's API takes.
  // 1.33 (to 2026-05-31) and 1.34 (to 2026-09-30) are past ACK's support.
  kubernetesVersions: ["1.35", "1.36"],
  defaultKubernetesVersion: "1.36",
  // "In version 1.31 and later, ACK provides support for all Kubernetes versions for one
  // year"; ACK sells no extended support.
  // ref: https://www.alibabacloud.com/help/en/ack/product-overview/release-notes-for-kubernetes-versions (updated 2026-10-06)
  kubernetesSupport: {
    "1.35": { standardSupportEnds: "2027-02-28", ref: ACK_VERSIONS, checkedOn: "2026-12-07" },
    "1.36": { standardSupportEnds: "2027-05-30", ref: ACK_VERSIONS, checkedOn: "2026-12-07" },
  },
  serviceNames: { kubernetes: "ACK Kubernetes", mysql: "ApsaraDB RDS for MySQL" },
  pastStandardSupport: {
    kubernetes: "ACK no longer supports it; upgrade the cluster",
    mysql: "ApsaraDB RDS fixes only severe issues; upgrade the database",
  },
  // ref: https://www.alibabacloud.com/help/en/vpc/user-guide/plan-networks (VPC /8 to /28, vSwitch /16 to /29)
  // Kept to /16../24 as on AWS: smaller networks leave no room for nodes and NAT.
  network: { prefixLength: { min: 16, max: 24 }, smallestSubnetPrefixLength: 29 },
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/developer-reference/api-cs-2015-12-15-createcluster
  // The tightest rule of the named resources (ACK cluster and node pool names: 63
  // characters, letters, digits, underscores, hyphens), less 4 characters for suffixes.
  names: {
    pattern: "[a-z](?:[a-z0-9_-]*[a-z0-9])?",
    maxLength: 59,
    description: "lower-case letters, digits, hyphens and underscores, starting with a letter and ending with a letter or digit",
  },
  // Terraform cannot order a certificate from Certificate Management Service with DNS
  // validation; CDN back-to-origin addresses are not published for security groups. A
  // Certificate Management Service certificate is deployed to SLB and CDN by the same ID.
  // ref: https://www.alibabacloud.com/help/en/ssl-certificate/user-guide/deploy-ssl-certificates-to-alibaba-cloud-services
  // Alibaba Cloud CDN sends a path to another origin only through a conditional origin, which needs the rules engine
  // (`condition`), a feature the account must apply for first; and a private OSS origin must be the domain's basic origin
  // for CDN to sign its requests. So the asset bucket gets a CDN domain of its own.
  // ref: https://www.alibabacloud.com/help/en/cdn/developer-reference/parameters-for-configuring-features-for-domain-names (condition: apply first)
  // ref: https://help.aliyun.com/en/cdn/user-guide/configure-a-conditional-origin (OSS origins: basic origin information)
  // A CLB weighs each backend server of a vServer group (0 to 100), so the VMs and the pods
  // share the one group by weight; ACK offers no paid extended support.
  // ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/create-a-vserver-group (port and weight per server)
  // ref: https://www.alibabacloud.com/help/en/ack/product-overview/support-for-kubernetes-versions
  capabilities: { issuesCertificates: false, restrictsOriginToCdn: false, cdnSharesLoadBalancerCertificate: true, weightedWebRuntimes: true, kubernetesExtendedSupport: false, cdnRoutesPathsToBucket: false },
  limits: {
    // ref: https://www.alibabacloud.com/help/en/resource-management/tag/product-overview/limits (20 custom tags per resource;
    // keys up to 128 characters, not starting with aliyun or acs:, values up to 128; neither may contain http:// or https://)
    tags: {
      maxPerResource: 20,
      keyMaxLength: 128,
      valueMaxLength: 128,
      allowedCharacters: "[^\\p{Cc}]*",
      allowedCharactersDescription: "printable characters",
      reservedKeyPrefixes: ["aliyun", "acs:"],
      forbiddenSubstrings: ["http://", "https://"],
    },
    // ref: https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-runinstances (UserData: up to 32 KB,
    // Base64-encoded; the encoded size is taken, the stricter reading)
    userData: { maxBytes: 32768, measuredAfterBase64: true },
    // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/create-a-database (2 to 64 characters, starting
    // with a letter and ending with a letter or digit)
    // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/create-an-account (2 to 32 characters; reserved
    // names such as root and admin are refused)
    mysql: {
      databaseName: { pattern: "[a-z][a-z0-9_]*[a-z0-9]", maxLength: 32, description: "2 or more lower-case letters, digits and underscores, starting with a letter and ending with a letter or digit" },
      username: { pattern: "[a-z][a-z0-9]+", maxLength: 16, description: "2 or more lower-case letters and digits, starting with a letter" },
      reservedUsernames: ["root", "admin", "administrator", "aliyun", "aurora", "eagleye", "master", "replicator", "sa", "sysadmin"],
    },
    loadBalancerNameReservedPrefixes: [],
    // ref: https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-batchsetcdndomainconfig (path_based_ttl_set;
    // no length is documented: CloudFront's 255 characters kept as the conservative bound, one rule per path)
    cdn: { maxPathPatternLength: 255, maxPathPatterns: 20 },
    issuedCertificateDomainMaxLength: 0,
    // sshd on Alibaba Cloud Linux 3. ref: https://www.alibabacloud.com/help/en/ecs/user-guide/common-ports
    hostReservedPorts: [22],
    // ACK's API server is private here (see the adapter); no public access list is taken.
    maxPublicApiCidrs: 0,
    // IP entries per CLB access control list: 300; both listeners share one list.
    // ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-addaccesscontrollistentry (checked 2026-12-08)
    maxLoadBalancerClientCidrs: 300,
    maxPrivateApiCidrs: 20,
    // ref: https://www.alibabacloud.com/help/en/ram/user-guide/terms (ARN of a RAM role or user)
    clusterAdministrator: {
      pattern: "acs:ram::\\d+:(?:role|user)/[\\w.@-]{1,64}",
      description: "a RAM role or user ARN",
      example: "acs:ram::1234567890123456:role/ci-deployer",
    },
    // ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-createsecret
    //   (SecretName: 1-192 of letters, digits and /_+=.@-, not starting with acs/)
    secretName: { pattern: "(?!acs/)[A-Za-z0-9/_+=.@-]+", maxLength: 192, description: "letters, digits and / _ + = . @ -, not starting with acs/" },
  },
  // ref: https://www.alibabacloud.com/help/en/ecs/regions-and-zones
  // ref: https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families (ecs.<family>.<size>)
  // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/primary-apsaradb-rds-for-mysql-instance-types
  catalogRules: {
    regionPattern: "cn-[a-z]+(?:-[a-z]+-\\d)?|(?:ap|eu|us|me|na|sa)-[a-z]+-\\d",
    zonePattern: "{region}-?[a-z]",
    instanceTypePattern: "ecs\\.[a-z0-9-]+\\.[a-z0-9]+",
    databaseClassPattern: "(?:rds\\.)?mysql(?:\\.[a-z0-9]+)+",
    mysqlEngineVersionPattern: "\\d+\\.\\d+",
    cacheClassPattern: "(?:redis|tair)(?:\\.[a-z0-9]+)+",
    examples: { zone: "cn-hangzhou-h", instanceType: "ecs.g7.large", databaseClass: "mysql.n4.medium.2c", cacheClass: "redis.shard.large.ce" },
  },
  // ref: https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions (3 to 63 lower-case letters, digits and hyphens)
  // ref: https://www.alibabacloud.com/help/en/tablestore/developer-reference/naming-conventions-and-data-types (table: letters,
  // digits and underscores, starting with a letter or underscore, 1 to 255 characters)
  stateStorage: {
    bucket: OSS_BUCKET_NAME,
    lockTable: { pattern: "[A-Za-z_][A-Za-z0-9_]*", maxLength: 255, description: "letters, digits and underscores, starting with a letter or underscore" },
  },
  // The add-ons whose versions the library pins: ACK's Terway, which ships the upstream
  // project's release tags, ACK's managed ACR credential helper, and the ack-secret-manager
  // chart of ACK's marketplace (a Helm release of the add-ons stack). ACK's metrics-server
  // is installed with the cluster and its node autoscaler (cluster-autoscaler) runs in the
  // managed control plane: ACK owns their versions and the provider's CreateCluster and
  // autoscaling-config APIs take none.
  // Terway, checked 2026-12-07 against the project's release tags (each v* tag publishes a GitHub release by
  // its release workflow): v1.17.5 (2026-07-08, branch release-1.17) is the newest, v1.16.6 (2026-01-04) the
  // newest of 1.16; v1.16.4 (2025-12-09) was followed by v1.16.5, v1.16.6, v1.17.1, v1.17.2 and v1.17.5, so a
  // list that ends at v1.16.4 (pkg.go.dev's page of that version) is stale. Which of them ACK's add-on list
  // offers in a region is not published outside the console and the DescribeAddons API: not checked against a
  // live account. A version ACK does not offer fails CreateCluster at apply; kubernetes.addOnVersions picks the
  // other entry.
  // ref: https://github.com/AliyunContainerService/terway/releases/tag/v1.17.5
  // ref: https://github.com/AliyunContainerService/terway/releases/tag/v1.16.6
  // ref: https://github.com/AliyunContainerService/terway/blob/v1.17.5/.github/workflows/release.yml (a release per v* tag)
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/kubernetes-1-30-release-notes (Terway v1.9.0 or later)
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/kubernetes-1-36 (Terway v1.15.0 or later)
  kubernetesAddOns: {
    "terway-eniip": {
      versions: ["v1.17.5", "v1.16.6"],
      source:
        "https://github.com/AliyunContainerService/terway/releases (tags v1.17.5 of 2026-07-08 and v1.16.6 of 2026-01-04, checked 2026-12-07; ACK's terway-eniip add-on ships these tags, its regional offer not checked against a live account)",
    },
    // Installed only for an image in ACR Enterprise Edition (see acr-credential-helper.ts).
    "managed-aliyun-acr-credential-helper": {
      versions: ["v24.01.29.1-5318af4-aliyun"],
      source: "https://www.alibabacloud.com/help/en/ack/product-overview/aliyun-acr-credential-helper (release history: the managed credential helper's latest release, May 2024)",
    },
    // Installed only for registry credentials (web.registryCredentials, see registry-sync.ts). The marketplace
    // publishes no release list: 0.5.12 is the chart a public Terraform configuration installs from the
    // marketplace's regional repository; the chart's source (values, CRDs) is the GitHub repository's
    // charts/ack-secret-manager, 0.5.8 at its last stored commit.
    // ref: https://github.com/AliyunContainerService/ack-secret-manager/tree/master/charts/ack-secret-manager
    "ack-secret-manager": {
      versions: ["0.5.12"],
      source:
        "ACK marketplace chart ack-secret-manager (https://aliacs-k8s-ap-southeast-1.oss-ap-southeast-1.aliyuncs.com/app/charts-incubator/ack-secret-manager-0.5.12.tgz, as installed by a public Terraform configuration; source: https://github.com/AliyunContainerService/ack-secret-manager)",
    },
  },
  runtimeEnvironment: {
    regionVariables: ["ALIBABA_CLOUD_REGION_ID"],
    // RRSA's settings for the credentials SDKs (kubernetes-access.ts podIdentity, with its references).
    workloadIdentityVariables: [
      "ALIBABA_CLOUD_ROLE_ARN",
      "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
      "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
      "ALIBABA_CLOUD_STS_REGION",
      "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED",
    ],
  },
  // ref: https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions ("The name of a bucket must be
  // globally unique in OSS")
  // ref: https://www.alibabacloud.com/help/en/oss/developer-reference/putbucketlifecycle (NoncurrentVersionExpiration
  // NoncurrentDays: a positive integer; no maximum is documented, ten years is the library's bound against a typo)
  assetBucket: {
    name: OSS_BUCKET_NAME,
    globallyUnique: true,
    uniqueness: "OSS bucket names are shared by every Alibaba Cloud account: a name another account holds fails at apply (BucketAlreadyExists)",
    noncurrentVersionRetentionDays: { min: 1, max: 3650 },
  },
  dns: ALICLOUD_DNS_CATALOG,
  // Service activations have data sources in provider 1.289.0 (alicloud_ack_service, alicloud_kms_service,
  // alicloud_oss_service, alicloud_log_service, alicloud_cdn_service) that open a service for good ("The service
  // can not closed once it is opened"): account-wide, so no stack runs them; a one-off configuration may.
  // ref: https://github.com/aliyun/terraform-provider-alicloud/tree/v1.289.0/website/docs/d
  prerequisites: [
    {
      id: "identity-verification",
      what: "the account's identity verification, without which Alibaba Cloud's international site sells no service deployed in the Chinese mainland",
      when: [AppFeature.ALWAYS],
      regions: MAINLAND_REGIONS,
      how: "Account Center, identity verification (an enterprise's is reviewed by hand, in about 3 business days)",
      ref: "https://www.alibabacloud.com/help/en/account/account-verification-faqs",
      checkedOn: "2026-12-07",
    },
    {
      id: "icp-filing",
      what: "an ICP filing of the shop's domain and the asset domain with Alibaba Cloud as a service provider: a domain that resolves to Alibaba Cloud servers in the Chinese mainland (the CLB, the mainland CDN) without one is blocked",
      when: [AppFeature.ALWAYS],
      regions: MAINLAND_REGIONS,
      how: "file through an Alibaba Cloud China site account (the international site takes no filings) or its GoChina ICP Filing Assistant; a filing made with another provider must add Alibaba Cloud",
      ref: "https://www.alibabacloud.com/help/en/icp-filing/product-overview/what-is-an-icp-filing",
      checkedOn: "2026-12-07",
      prop: "DnsTarget.of(stacks, { icpFiling })",
    },
    {
      id: "ack-activation-and-roles",
      what: "ACK activated and its quick-authorization roles granted (AliyunCSDefaultRole, AliyunCSManagedKubernetesRole, AliyunCSManagedNetworkRole, AliyunCSManagedCsiRole, AliyunCSKubernetesAuditRole and the others ACK lists), which ACK assumes to build the cluster",
      when: [AppFeature.KUBERNETES],
      how: "open the ACK console with the account and accept its RAM Quick Authorization (ACK Pro is activated there, or by data \"alicloud_ack_service\" { enable = \"On\", type = \"propayasgo\" })",
      ref: "https://www.alibabacloud.com/help/en/container-service-for-kubernetes/latest/ack-default-roles",
      checkedOn: "2026-12-07",
    },
    {
      id: "ack-security-role",
      what: "AliyunCSManagedSecurityRole granted to ACK: the cluster encrypts its Secrets with a KMS key, which ACK uses through this role",
      when: [AppFeature.KUBERNETES],
      how: "accept the authorization ACK's console prompts for when Secret encryption is first enabled, or grant the role on RAM's Quick Authorization page",
      ref: "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-kms-to-encrypt-kubernetes-secrets",
      checkedOn: "2026-12-07",
    },
    {
      id: "ack-autoscaler-role",
      what: "AliyunCSManagedAutoScalerRole granted to ACK, an optional role the node autoscaler of a managed cluster uses (alicloud_cs_autoscaling_config)",
      when: [AppFeature.KUBERNETES],
      how: "ACK console, the cluster's Node Pools, Enable next to Node Scaling: follow its authorization prompt once per account",
      ref: "https://www.alibabacloud.com/help/en/container-service-for-kubernetes/latest/registered-clusters-auto-scaling",
      checkedOn: "2026-12-07",
    },
    {
      id: "ess-service-linked-role",
      what: "Auto Scaling's service-linked role AliyunServiceRoleForAutoScaling, which the account's first scaling group needs created by hand",
      when: [AppFeature.VMS],
      how: "aliyun resourcemanager CreateServiceLinkedRole --ServiceName ess.aliyuncs.com (or the Auto Scaling console's prompt)",
      ref: "https://www.alibabacloud.com/help/en/auto-scaling/getting-started/manage-the-service-linked-role-for-auto-scaling",
      checkedOn: "2026-12-07",
    },
    {
      id: "rds-tde-kms-role",
      what: "RDS authorized to call KMS for TDE: the role AliyunRDSInstanceEncryptionDefaultRole, trusted by RDS, with the policy AliyunRDSInstanceEncryptionRolePolicy",
      when: [AppFeature.DATABASE],
      how: "in the RAM console, create the policy and the role as the page writes them, with the account itself",
      ref: "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/authorize-apsaradb-rds-for-mysql-to-access-kms",
      checkedOn: "2026-12-07",
    },
    {
      id: "kms-instance",
      what: "KMS activated and a software key management instance in the stack's region, with room for four more keys (the cluster's Secrets key and the database's, its schema account's and the cache's credentials keys) and three more secrets per bookstore (the database's, the schema account's and the cache's credentials): KMS keeps a secret, and creates a key of one's own, only in an instance",
      when: [AppFeature.SECRETS, AppFeature.KUBERNETES],
      how: "buy the instance (subscription) in the KMS console and pass its ID (kst-...)",
      ref: "https://www.alibabacloud.com/help/en/kms/key-management-service/getting-started/purchase-and-enable-a-kms-instance",
      checkedOn: "2026-12-07",
      prop: "Cloud.alicloud({ kmsInstanceId })",
    },
    {
      id: "oss-activation",
      what: "OSS activated, for the asset bucket",
      when: [AppFeature.ASSETS],
      how: "the OSS console's activation, or data \"alicloud_oss_service\" { enable = \"On\" }",
      ref: "https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/d/oss_service.html.markdown",
      checkedOn: "2026-12-07",
    },
    {
      id: "sls-activation",
      what: "Simple Log Service activated: the network's flow logs go to a project of the stack's, and ACK ships the cluster's control-plane and audit logs to a project in the account",
      when: [AppFeature.ALWAYS],
      how: "the SLS console's activation, or data \"alicloud_log_service\" { enable = \"On\" }",
      ref: "https://www.alibabacloud.com/help/en/log-service/latest/openslsservice",
      checkedOn: "2026-12-07",
    },
    {
      id: "vpc-flow-log-activation",
      what: "VPC flow logs activated, once per account and for good (it cannot be turned off), before the network's first flow log",
      when: [AppFeature.ALWAYS],
      how: "the VPC console's Flow Logs page, Activate, or data \"alicloud_vpc_flow_log_service\" { enable = \"On\" }",
      ref: "https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/d/vpc_flow_log_service.html.markdown",
      checkedOn: "2026-12-08",
    },
    {
      id: "cdn-activation",
      what: "Alibaba Cloud CDN activated before its first domain",
      when: [AppFeature.CDN],
      how: "the CDN console's activation (pay by traffic), or data \"alicloud_cdn_service\" { enable = \"On\", internet_charge_type = \"PayByTraffic\" }",
      ref: "https://www.alibabacloud.com/help/doc-detail/122181.html",
      checkedOn: "2026-12-07",
    },
    {
      id: "cdn-domain-ownership",
      what: "the ownership of the shop's root domain proved to Alibaba Cloud CDN, which it asks for the first time the account adds a domain under it",
      when: [AppFeature.CDN],
      how: "CDN console, Add Domain Name: create the TXT record it shows (host verification) at the domain's DNS service and click Verify",
      ref: "https://www.alibabacloud.com/help/en/cdn/getting-started/verify-domain-name-ownership",
      checkedOn: "2026-12-07",
    },
    {
      id: "cdn-private-oss-role",
      what: "CDN allowed to read private OSS buckets (AliyunCDNAccessingPrivateOSSRole, read-only on every bucket of the account), for the asset domain's private origin",
      when: [AppFeature.CDN_ASSETS],
      how: "CDN console, a domain's origin settings, private OSS bucket access: grant the authorization the first time",
      ref: "https://alibabacloud.com/help/en/cdn/user-guide/grant-alibaba-cloud-cdn-access-permissions-on-private-oss-buckets",
      checkedOn: "2026-12-07",
    },
    {
      id: "acr-network-access",
      what: "the ACR Enterprise Edition instance holding the image reachable: a new instance admits no traffic until its access lists allow the shop's VPC (VPC access) or the NAT gateway's EIP (internet access)",
      when: [AppFeature.REGISTRY],
      imageHostPattern: ACR_ENTERPRISE_HOST,
      how: "ACR console, the instance's Access Control: add the VPC and a vSwitch after the first deploy of the network, or the EIP",
      ref: "https://www.alibabacloud.com/help/en/acr/user-guide/network-access-control-overview",
      checkedOn: "2026-12-07",
    },
    {
      id: "acr-credential-helper-role",
      what: "AliyunCSManagedAcrRole granted to ACK, the role its managed credential helper pulls the pods' image from ACR Enterprise Edition with (the plan stops, naming it, while it is missing)",
      when: [AppFeature.CLUSTER_REGISTRY],
      imageHostPattern: ACR_ENTERPRISE_HOST,
      how: "authorize the optional role from ACK's default roles page (RAM Quick Authorization)",
      ref: "https://www.alibabacloud.com/help/en/acr/user-guide/non-secret-pulling-container-image",
      checkedOn: "2026-12-07",
    },
    {
      id: "alidns-zone",
      what: "the global domain's zone answered by Alibaba Cloud DNS: a domain registered elsewhere is added to Public Authoritative Resolution and its registrar's DNS servers changed; one another account added first is recovered (Domain Name Recovery deletes its records)",
      when: [AppFeature.GLOBAL_DOMAIN],
      how: "at the registrar, set the DNS servers the global DNS stack's NameServers output names",
      ref: "https://www.alibabacloud.com/help/en/dns/domain-management",
      checkedOn: "2026-12-07",
    },
  ],
  alicloud: {
    // ref: https://www.alibabacloud.com/help/en/alinux/product-overview/release-notes-for-alibaba-cloud-linux-3
    instanceImageNameRegex: "^aliyun_3_x64_20G_alibase_.*",
    // Docker CE on Alibaba Cloud Linux 3 as Alibaba's own automation installs it (OOS template
    // ACS::ECS::InstallDockerCE, its "Alibaba Cloud Linux 3" branch): Docker's CentOS repository from
    // Alibaba's mirror, and dnf-plugin-releasever-adapter from the image's alinux3-plus repository, which
    // makes dnf read the repository's $releasever as the CentOS 8 it is built for (Alibaba Cloud Linux 3
    // reports 3). The repository file is fetched over HTTPS from mirrors.aliyun.com (the template uses the
    // plain-HTTP VPC mirror): its packages and signing key come over HTTPS through the NAT gateway, which
    // the instances' egress admits (443); alinux3-plus is the image's own repository on the VPC mirror,
    // inside the internal-services range. The distribution's `dnf install -y docker` installs no Docker CE
    // (issue #23; on this RHEL 8-compatible distribution the name is at most podman's Docker emulation), so
    // `systemctl enable --now docker` found no docker service and `set -e` stopped the boot.
    // ref: https://github.com/aliyun/oos-templates/blob/1f285891e27b960d738f8c6d00f5de860d00fffe/CloudProductActions/ECS/YAML/ACS::ECS::InstallDockerCE.yml
    // ref: https://www.alibabacloud.com/help/en/alinux/product-overview/release-notes-for-alibaba-cloud-linux-3
    // ref: https://www.alibabacloud.com/help/en/ecs/user-guide/internal-service-addresses (the VPC mirror)
    dockerInstallCommands: [
      "dnf config-manager --add-repo=https://mirrors.aliyun.com/docker-ce/linux/centos/docker-ce.repo",
      "dnf -y install dnf-plugin-releasever-adapter --repo alinux3-plus",
      "dnf -y install docker-ce",
    ],
    // Checked by the database adapter, so a catalog override cannot name an engine RDS lacks.
    rdsMysqlEngineVersions: ["5.7", "8.0"],
    rdsBasicEditionClasses: {
      "mysql.n2.medium.2c": "mysql.n2.medium.1",
      "mysql.n4.medium.2c": "mysql.n4.medium.1",
      "mysql.n4.large.2c": "mysql.n4.large.1",
    },
    // ref: https://www.alibabacloud.com/help/en/ack/product-overview/release-notes-for-kubernetes-versions
    // ref: https://www.alibabacloud.com/help/en/ack/product-overview/kubernetes-1-36-release-notes (1.36.1-aliyun.1)
    ackVersions: {
      "1.35": "1.35.1-aliyun.1",
      "1.36": "1.36.1-aliyun.1",
    },
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-kms-to-encrypt-kubernetes-secrets
    ackClusterSpec: "ack.pro.small",
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/plan-cidr-blocks-for-an-ack-cluster
    // (the service range may overlap neither the VPC nor its vSwitches)
    ackServiceCidrs: ["172.21.0.0/20", "10.241.0.0/20", "192.168.128.0/20"],
    // Shared-ENI Terway with NetworkPolicy on: the workloads' NetworkPolicy is enforced
    // (Flannel enforces none). The key is the add-on's own configuration, as the provider's
    // documentation shows it for terway-eniip (there with "false").
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-network-policies
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/cs_managed_kubernetes.html.markdown (addons terway-eniip config NetworkPolicy, ENITrunking, IPVlan)
    terwayConfig: { NetworkPolicy: "true", ENITrunking: "false", IPVlan: "false" },
    // Nodes of a node pool that ACK's node autoscaler scales carry the label k8s.aliyun.com=true; a
    // component that must not run there declares the required node affinity k8s.aliyun.com NotIn ["true"]
    // and runs in a node pool without autoscaling (ACK's guide; ACK's own add-on manifests, e.g. its NGINX
    // Ingress controller, carry that affinity; issue #23 reports CoreDNS and metrics-server among such
    // components, which this library could not confirm in ACK's documentation). So the cluster always has
    // such a pool: two nodes (CoreDNS wants at least two replicas, on different nodes and zones), of the
    // smallest general-purpose types ACK takes as nodes (4 vCPUs: it refuses fewer, e.g. ecs.g6.large),
    // which Terway's shared-ENI mode also takes (more than 11 pods per node). Checked 2026-12-07.
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/auto-scaling-of-nodes
    //   (components with unsupported scheduling policies: a node pool with node scaling disabled, affinity
    //   k8s.aliyun.com NotIn ["true"])
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-coredns-for-high-availability
    //   (at least 2 CoreDNS pods, spread over nodes and zones)
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/select-ecs-instances-to-create-the-master-and-worker-nodes-of-an-ack-cluster
    //   (instance types with fewer than 4 vCPUs are not supported; Terway shared ENI: more than 11 pods per node)
    // ref: https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families (c7/g7 xlarge: 4 vCPUs)
    ackSystemNodePool: { instanceTypes: ["ecs.c7.xlarge", "ecs.g7.xlarge"], nodeCount: 2 },
    // The workloads' node pool has a table of its own: computeSizes, which the VMs keep, maps SMALL to
    // MEDIUM and LARGE to 2-vCPU types, which ACK refuses as nodes ("Instance types with fewer than 4 vCPU
    // cores", e.g. ecs.g6.large: "Specs too low"). Each size keeps the VMs' family (c7 1:2, g7 1:4) at twice
    // its vCPUs, so every node has at least the neutral size's vCPUs and memory (COMPUTE_SIZE_CAPACITY) and
    // more: SMALL (2 vCPU, 2 GiB) and MEDIUM (2 vCPU, 4 GiB) -> ecs.c7.xlarge (4 vCPU, 8 GiB), the smallest
    // 4-vCPU type of the two families, which the system pool also takes first; LARGE (2 vCPU, 8 GiB) ->
    // ecs.g7.xlarge (4 vCPU, 16 GiB); XLARGE (4 vCPU, 16 GiB) -> ecs.g7.2xlarge (8 vCPU, 32 GiB), so that a
    // larger size never gives the same node as LARGE. Pods are still sized against the neutral capacity
    // (allocatablePerNode), so a pod that fits the neutral size fits these nodes. Checked 2026-12-07.
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/select-ecs-instances-to-create-the-master-and-worker-nodes-of-an-ack-cluster
    //   (fewer than 4 vCPUs not supported; Terway shared ENI: (ENIs - 1) x private IPs per ENI > 11)
    ackNodeSizes: {
      [ComputeSize.SMALL]: "ecs.c7.xlarge",
      [ComputeSize.MEDIUM]: "ecs.c7.xlarge",
      [ComputeSize.LARGE]: "ecs.g7.xlarge",
      [ComputeSize.XLARGE]: "ecs.g7.2xlarge",
    },
    ackMinNodeVcpus: 4,
    // ref: https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families (c7 and g7 tables:
    //   vCPUs, memory, ENIs, private IPv4 addresses per ENI)
    instanceTypeCapacity: {
      "ecs.c7.xlarge": { vcpus: 4, memoryGiB: 8, enis: 4, privateIpsPerEni: 15 },
      "ecs.g7.xlarge": { vcpus: 4, memoryGiB: 16, enis: 4, privateIpsPerEni: 15 },
      "ecs.g7.2xlarge": { vcpus: 8, memoryGiB: 32, enis: 4, privateIpsPerEni: 15 },
    },
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-security-group-rules-to-enforce-access-control-on-ack-clusters (TCP 6443, API server)
    ackApiServerPort: 6443,
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services
    rrsaTokenAudience: "sts.aliyuncs.com",
    // ref: https://www.alibabacloud.com/help/en/vpc/user-guide/gateway-endpoints-1 (service CIDR blocks allocated from 100.64.0.0/10)
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-security-group-rules-to-enforce-access-control-on-ack-clusters
    // (least-privilege outbound: 100.64.0.0/10, "the CIDR block of Alibaba Cloud resources")
    cloudServiceVpcEndpointCidr: "100.64.0.0/10",
    // The public endpoint resolves to internet addresses, which the pods' NetworkPolicy does not let out
    // (HTTPS only to 100.64.0.0/10), and since 2025-03-20 new OSS users may not call data operations on a
    // mainland bucket through the default public endpoint at all; the internal endpoint is reached from the
    // VPC without the NAT gateway, free of traffic charges. Checked 2026-12-07.
    // ref: https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints (internal endpoints
    //   oss-<region>-internal.aliyuncs.com, their internal VIP CIDR blocks; the public-endpoint policy change)
    // ref: https://www.alibabacloud.com/help/en/oss/user-guide/access-to-oss-resources-from-ecs-instances-by-using-an-internal-endpoint-of-oss
    ossInternalEndpoint: {
      hostTemplate: "oss-{region}-internal.aliyuncs.com",
      vipCidrs: {
        "cn-hangzhou": ["100.118.28.0/24", "100.114.102.0/24", "100.98.170.0/24", "100.118.31.0/24"],
        "cn-shanghai": ["100.98.35.0/24", "100.98.110.0/24", "100.98.169.0/24", "100.118.102.0/24"],
        "cn-beijing": ["100.118.58.0/24", "100.118.167.0/24", "100.118.170.0/24", "100.118.171.0/24", "100.118.172.0/24", "100.118.173.0/24"],
        "cn-shenzhen": ["100.118.78.0/24", "100.118.203.0/24", "100.118.204.0/24", "100.118.217.0/24"],
        "ap-southeast-1": ["100.118.219.0/24", "100.99.213.0/24", "100.99.116.0/24", "100.99.117.0/24"],
        "eu-central-1": ["100.115.154.0/24"],
      },
    },
    // ref: https://www.alibabacloud.com/help/en/acr/user-guide/non-secret-pulling-container-image (managed edition:
    // expiringThreshold, default 15m; the RAM role the component uses: AliyunCSManagedAcrRole)
    // The secret's name is not documented: it is the one the managed helper v24.01.29.1 creates and binds to the
    // service accounts it serves, as ACK clusters show it and public manifests name it in imagePullSecrets.
    acrCredentialHelper: { pullSecretName: "acr-credential-secret-aggregation", expiringThreshold: "15m", serviceRoleName: "AliyunCSManagedAcrRole" },
    // ACK's marketplace charts are served per region from the ACK bucket of that region
    // (aliacs-k8s-<region>/app/charts-incubator/, public configurations for cn-hangzhou,
    // ap-southeast-1 and eu-central-1 name it); the chart installs into kube-system with a
    // service account of its own name, and polls every 120 s by default.
    // ref: https://www.alibabacloud.com/help/en/kms/key-management-service/integrate-kms-secrets-into-ack (marketplace install, command.pollingInterval)
    // ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/charts/ack-secret-manager/values.yaml
    secretSync: {
      repositoryPattern: "https://aliacs-k8s-{region}.oss-{region}.aliyuncs.com/app/charts-incubator/",
      chart: "ack-secret-manager",
      namespace: "kube-system",
      serviceAccount: "ack-secret-manager",
      pollingInterval: "120s",
    },
    // ref: https://github.com/aliyun/aliyun-cli/blob/v3.4.11/install.sh (aliyuncli.alicdn.com/aliyun-cli-linux-<version>-amd64.tgz)
    aliyunCli: { version: "3.4.11", linuxAmd64Url: "https://aliyuncli.alicdn.com/aliyun-cli-linux-3.4.11-amd64.tgz" },
    // KMS instance IDs: "kst-", a region code and more lower-case letters and digits (KMS's API examples
    // kst-bjj62d8f5e0sgtx8h****, kst-hzz62ee817bvyyr5x****, an instance ARN's kst-phzz64c9f84eo32dbs****:
    // 21 or 22 characters after the prefix); the bounds here are looser, against a typo, not a format change.
    // ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-createsecret (DKMSInstanceId)
    // ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-listkmsinstances (KmsInstanceArn)
    kmsInstanceId: {
      pattern: "kst-[a-z0-9]{12,40}",
      description: "kst- followed by 12 to 40 lower-case letters and digits",
      example: "kst-hzz62ee817bvyyr5xabcd",
    },
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/collect-control-plane-component-logs-of-ack-pro-clusters
    ackControlPlaneLogComponents: ["apiserver", "kcm", "scheduler", "ccm"],
    // Pay-by-specification CLBs (a load_balancer_spec such as slb.s2.small, and no charge type, which the
    // API reads as PayBySpec) are no longer sold: checked 2026-12-07, "Starting at 00:00:00 on June 1, 2025
    // (UTC+8), you can no longer purchase new pay-by-specification CLB instances" (help.aliyun.com's English
    // page dates it January 1, 2026 for the China site; both are past). Pay-by-LCU takes no specification and
    // scales with use (up to 1,000,000 connections, 100,000 CPS, 50,000 QPS per instance).
    // ref: https://www.alibabacloud.com/help/doc-detail/127268.htm (Modify the configurations of a pay-as-you-go instance)
    // ref: https://help.aliyun.com/en/slb/classic-load-balancer/product-overview/modify-the-configurations-of-pay-as-you-go-clb-instances
    // ref: https://www.alibabacloud.com/help/en/server-load-balancer/latest/createloadbalancer-2 (pay-as-you-go CLBs: pay-by-LCU only;
    //   PayByCLCU needs InternetChargeType paybytraffic)
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_slb_load_balancer.go
    //   (instance_charge_type: PayBySpec or PayByCLCU; load_balancer_spec is sent as LoadBalancerSpec whenever set)
    slbInstanceChargeType: "PayByCLCU",
    // ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/add-an-https-listener
    slbTlsCipherPolicy: "tls_cipher_policy_1_2_strict",
    // ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/configure-security-groups-for-backend-servers
    slbBackendSourceCidr: "100.64.0.0/10",
    // ref: https://www.alibabacloud.com/help/en/ecs/user-guide/internal-service-addresses
    internalServicesCidr: "100.100.0.0/16",
    // ref: https://www.alibabacloud.com/help/en/ssl-certificate/developer-reference/api-cas-2020-04-07-endpoint
    certificateServiceRegions: {
      "cn-hangzhou": MAINLAND,
      "cn-shanghai": MAINLAND,
      "cn-beijing": MAINLAND,
      "cn-shenzhen": MAINLAND,
      "ap-southeast-1": INTERNATIONAL,
      "eu-central-1": INTERNATIONAL,
    },
    // ref: https://www.alibabacloud.com/help/en/cdn/developer-reference/api-cdn-2018-05-10-addcdndomain (Scope)
    cdnScopes: {
      "cn-hangzhou": "domestic",
      "cn-shanghai": "domestic",
      "cn-beijing": "domestic",
      "cn-shenzhen": "domestic",
      "ap-southeast-1": "overseas",
      "eu-central-1": "overseas",
    },
    // ref: https://www.alibabacloud.com/help/en/rds/developer-reference/api-rds-2014-08-15-modifysqlcollectorretention
    rdsSqlCollectorRetentionDays: 180,
    // A year, as the AWS and Tencent Cloud flow logs keep theirs: long enough to look back on
    // an incident found late. SLS takes 1 to 3650 days (3650 keeps logs forever).
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/log_store.html.markdown (retention_period)
    flowLogRetentionDays: 365,
  },
});
