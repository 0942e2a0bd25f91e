import { CloudCatalog, deepFreeze } from "../core/catalog";
import { ALICLOUD_DNS_CATALOG } from "./dns-catalog";
import { ComputeSize, DatabaseSize, MysqlVersion } from "../core/sizes";

/** What Alibaba Cloud offers the bookstore, as data; the Alibaba Cloud adapters read nothing else. */
export interface AlicloudCatalog extends CloudCatalog {
  readonly alicloud: AlicloudSpecifics;
}

/** Alibaba Cloud-only values the adapters set verbatim. */
export interface AlicloudSpecifics {
  /** `alicloud_images` filter for the instances' image: the newest Alibaba Cloud Linux 3, x86_64. */
  readonly instanceImageNameRegex: string;
  /** RDS MySQL engine versions that can be created today; a neutral version mapped to another is refused. */
  readonly rdsMysqlEngineVersions: readonly string[];
  /** RDS High-availability Edition class -> the Basic Edition class of the same size (used when not highly available). */
  readonly rdsBasicEditionClasses: Readonly<Record<string, string>>;
  /** Neutral Kubernetes minor version -> ACK's full version string (`x.y.z-aliyun.n`). */
  readonly ackVersions: Readonly<Record<string, string>>;
  /** ACK managed cluster edition; Pro is needed for secrets encryption with KMS. */
  readonly ackClusterSpec: string;
  /** Pod and service ranges tried in order; the first pair that overlaps neither the VPC is used. */
  readonly ackClusterRanges: readonly { readonly podCidr: string; readonly serviceCidr: string }[];
  /** Control-plane components whose logs ACK ships to Simple Log Service. */
  readonly ackControlPlaneLogComponents: readonly string[];
  /** CLB (SLB) instance specification: performance-guaranteed, the smallest. */
  readonly slbSpec: string;
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
}

const MAINLAND = "cn-hangzhou";
const INTERNATIONAL = "ap-southeast-1";

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
  // ref: https://www.alibabacloud.com/help/en/ack/product-overview/support-for-kubernetes-versions
  // Neutral minor versions, as on the other clouds; `ackVersions` maps each to the
  // x.y.z-aliyun.n string ACK's API takes.
  kubernetesVersions: ["1.33", "1.34", "1.35"],
  defaultKubernetesVersion: "1.34",
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
  capabilities: { issuesCertificates: false, restrictsOriginToCdn: false, cdnSharesLoadBalancerCertificate: true, weightedWebRuntimes: false, kubernetesExtendedSupport: false },
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
    maxPrivateApiCidrs: 20,
    // ref: https://www.alibabacloud.com/help/en/ram/user-guide/terms (ARN of a RAM role or user)
    clusterAdministrator: {
      pattern: "acs:ram::\\d+:(?:role|user)/[\\w.@-]{1,64}",
      description: "a RAM role or user ARN",
      example: "acs:ram::1234567890123456:role/ci-deployer",
    },
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
    examples: { zone: "cn-hangzhou-h", instanceType: "ecs.g7.large", databaseClass: "mysql.n4.medium.2c" },
  },
  // ref: https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions (3 to 63 lower-case letters, digits and hyphens)
  // ref: https://www.alibabacloud.com/help/en/tablestore/developer-reference/naming-conventions-and-data-types (table: letters,
  // digits and underscores, starting with a letter or underscore, 1 to 255 characters)
  stateStorage: {
    bucket: {
      pattern: "[a-z0-9][a-z0-9-]+[a-z0-9]",
      maxLength: 63,
      description: "3 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit",
      reservedPrefixes: [],
      reservedSuffixes: [],
    },
    lockTable: { pattern: "[A-Za-z_][A-Za-z0-9_]*", maxLength: 255, description: "letters, digits and underscores, starting with a letter or underscore" },
  },
  // Filled in by the cluster adapter's add-ons (issue #12).
  kubernetesAddOns: {},
  runtimeEnvironment: { regionVariables: ["ALIBABA_CLOUD_REGION_ID"] },
  dns: ALICLOUD_DNS_CATALOG,
  alicloud: {
    // ref: https://www.alibabacloud.com/help/en/alinux/product-overview/release-notes-for-alibaba-cloud-linux-3
    instanceImageNameRegex: "^aliyun_3_x64_20G_alibase_.*",
    // Checked by the database adapter, so a catalog override cannot name an engine RDS lacks.
    rdsMysqlEngineVersions: ["5.7", "8.0"],
    rdsBasicEditionClasses: {
      "mysql.n2.medium.2c": "mysql.n2.medium.1",
      "mysql.n4.medium.2c": "mysql.n4.medium.1",
      "mysql.n4.large.2c": "mysql.n4.large.1",
    },
    // ref: https://www.alibabacloud.com/help/en/ack/product-overview/release-notes-for-kubernetes-versions
    ackVersions: {
      "1.33": "1.33.1-aliyun.1",
      "1.34": "1.34.1-aliyun.1",
      "1.35": "1.35.1-aliyun.1",
    },
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-kms-to-encrypt-kubernetes-secrets
    ackClusterSpec: "ack.pro.small",
    ackClusterRanges: [
      { podCidr: "172.20.0.0/16", serviceCidr: "172.21.0.0/20" },
      { podCidr: "10.240.0.0/16", serviceCidr: "10.241.0.0/20" },
      { podCidr: "192.168.0.0/17", serviceCidr: "192.168.128.0/20" },
    ],
    // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/collect-control-plane-component-logs-of-ack-pro-clusters
    ackControlPlaneLogComponents: ["apiserver", "kcm", "scheduler", "ccm"],
    // ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/product-overview/high-performance-clb-instances
    slbSpec: "slb.s2.small",
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
  },
});
