import { CloudCatalog, deepFreeze } from "../core/catalog";
import { TENCENTCLOUD_DNS_CATALOG } from "./dns-catalog";
import { AppFeature } from "../core/prerequisites";
import { NETWORK_POLICY_ADD_ON, TKE_LATEST_AT_INSTALL } from "./network-policy-add-on";
import { CacheSize, ComputeSize, DatabaseSize, MysqlVersion, RedisVersion } from "../core/sizes";

/** What Tencent Cloud offers the bookstore, as data; the Tencent Cloud adapters read nothing else. */
export interface TencentcloudCatalog extends CloudCatalog {
  /** Values only Tencent Cloud has, which its adapters set verbatim. */
  readonly tencentcloud: TencentcloudSpecifics;
}

/** Tencent Cloud-only values the adapters set verbatim. */
export interface TencentcloudSpecifics {
  /** Public CVM image the compute group boots, chosen by name at plan time (`tencentcloud_images`). */
  readonly instanceImageNameRegex: string;
  /**
   * Boot-script lines that install Docker CE on that image (the script then enables and starts
   * `docker`): TencentOS Server 3.1's own `docker` package is podman's emulation, with no `docker` service.
   */
  readonly dockerInstallCommands: readonly string[];
  /** System disk type of the compute group's instances and of the Kubernetes nodes. */
  readonly systemDiskType: string;
  /** Operating system of the TKE nodes, by TKE's public image name. */
  readonly kubernetesNodeOs: string;
  /** TKE cluster version (major.minor.patch) per neutral minor version in `kubernetesVersions`. */
  readonly kubernetesClusterVersions: Readonly<Record<string, string>>;
  /** Pod and service ranges of TKE's global router network; neither may overlap the VPC. */
  readonly kubernetesClusterCidr: string;
  /** The service range of TKE's global router network. */
  readonly kubernetesServiceCidr: string;
  /** MySQL port inside the VPC; not the well-known 3306 (checkov CKV_TC_10). */
  readonly mysqlIntranetPort: number;
  /** Days an SSM secret stays recoverable after deletion. */
  readonly secretRecoveryWindowDays: number;
  /** Days VPC flow logs are kept in CLS. */
  readonly logRetentionDays: number;
  /** Days CLB access logs are kept in CLB's own CLS log set (`clb_logset`). */
  readonly clbAccessLogRetentionDays: number;
  /** A Tencent Cloud SSL certificate ID, as the SSL Certificates console shows it. */
  readonly certificateIdPattern: string;
  /** Where the CDN accelerates, per region of the origin: `mainland` or `overseas`. */
  readonly cdnAreaByRegion: Readonly<Record<string, string>>;
  /**
   * TCCLI and the SDK it runs on, installed by version on a VM whose image is in TCR
   * Enterprise: the boot script logs Docker in with it and the VM's CAM role.
   */
  readonly tccli: {
    /** TCCLI's version. */
    readonly version: string;
    /** The version of the Tencent Cloud SDK TCCLI runs on. */
    readonly sdkVersion: string;
  };
}

const TKE_VERSIONS = "https://www.tencentcloud.com/document/product/457/47894";

/** The catalog's regions in the Chinese mainland: those whose CDN area is `mainland` (`cdnAreaByRegion`). */
const MAINLAND_REGIONS = ["ap-guangzhou", "ap-shanghai", "ap-beijing"];

// A TCR Enterprise instance's host: <instance name>.tencentcloudcr.com, as registry.ts reads it.
// ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_addon.md
const TCR_ENTERPRISE_HOST = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.tencentcloudcr\\.com";
// The provider's list of the engine versions CDB takes; Tencent's documents announce no end of support for 8.0 or 8.4.
const CDB_VERSIONS = "https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cdb/extension_mysql.go";

/** Tencent Cloud's catalog: the neutral sizes, versions, regions and limits mapped to what Tencent Cloud offers, deep-frozen. */
export const TENCENTCLOUD_CATALOG: TencentcloudCatalog = deepFreeze({
  cloud: "tencentcloud",
  // ref: https://www.tencentcloud.com/document/product/213/6091 (regions and availability zones)
  // Zones without current S5 instances or MySQL dual-node stock are left out.
  regions: {
    "ap-guangzhou": { zones: ["ap-guangzhou-3", "ap-guangzhou-4", "ap-guangzhou-6", "ap-guangzhou-7"] },
    "ap-shanghai": { zones: ["ap-shanghai-2", "ap-shanghai-3", "ap-shanghai-4", "ap-shanghai-5", "ap-shanghai-8"] },
    "ap-beijing": { zones: ["ap-beijing-3", "ap-beijing-5", "ap-beijing-6", "ap-beijing-7"] },
    "ap-singapore": { zones: ["ap-singapore-1", "ap-singapore-2", "ap-singapore-3", "ap-singapore-4"] },
    "eu-frankfurt": { zones: ["eu-frankfurt-1", "eu-frankfurt-2"] },
  },
  // ref: https://www.tencentcloud.com/document/product/213/11518 (Standard S5: <family>.<size><memory GiB>)
  computeSizes: {
    [ComputeSize.SMALL]: "S5.MEDIUM2",
    [ComputeSize.MEDIUM]: "S5.MEDIUM4",
    [ComputeSize.LARGE]: "S5.MEDIUM8",
    [ComputeSize.XLARGE]: "S5.LARGE16",
  },
  // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_mysql_instance.engine_version:
  // "Supported versions include 5.5/5.6/5.7/8.0/8.4".
  mysqlVersions: {
    [MysqlVersion.V8_0]: "8.0",
    [MysqlVersion.V8_4]: "8.4",
  },
  // 8.0 stays the default: Tencent has announced no end for it, and a new default would
  // upgrade every existing database in place (the provider switches engine versions at once).
  defaultMysqlVersion: MysqlVersion.V8_0,
  // No end of support announced for either version (none found on 2026-12-07).
  mysqlSupport: {
    [MysqlVersion.V8_0]: { ref: CDB_VERSIONS, checkedOn: "2026-12-07" },
    [MysqlVersion.V8_4]: { ref: CDB_VERSIONS, checkedOn: "2026-12-07" },
  },
  // ref: https://www.tencentcloud.com/document/product/236/7270 (dual-node specifications)
  // `instanceClass` is the instance's memory in MB (`mem_size`); the CPU follows from it.
  // Storage is bought in steps of 5 GB from 25 GB.
  databaseSizes: {
    [DatabaseSize.SMALL]: { instanceClass: "4000", storageGiB: { min: 25, max: 1000, stepGiB: 5 } },
    [DatabaseSize.MEDIUM]: { instanceClass: "8000", storageGiB: { min: 25, max: 2000, stepGiB: 5 } },
    [DatabaseSize.LARGE]: { instanceClass: "16000", storageGiB: { min: 25, max: 3000, stepGiB: 5 } },
  },
  // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_mysql_backup_policy.retention_period (7 to 1830 days)
  backupRetentionDays: { min: 7, max: 1830 },
  // TencentDB for Redis, memory edition, standard architecture. `sizes` are the memory in MB (`mem_size`, a multiple of
  // 1024), `versions` the `type_id` of the standard architecture (15: Redis 6.2, 17: Redis 7.0).
  // ref: https://cloud.tencent.com/document/api/239/20026 (CreateInstances: TypeId, MemSize)
  // ref: https://cloud.tencent.com/document/api/239/20016 (ModifyAutoBackupConfig: BackupStorageDays can only be 7)
  // The name: letters, digits, hyphens and underscores, 60 characters kept as a conservative bound (the provider checks
  // none; the stricter `names` rule below applies as well).
  cache: {
    sizes: {
      [CacheSize.SMALL]: "1024",
      [CacheSize.MEDIUM]: "4096",
      [CacheSize.LARGE]: "8192",
    },
    versions: { [RedisVersion.V6]: "15", [RedisVersion.V7]: "17" },
    backupRetentionDays: { min: 7, max: 7 },
    name: { pattern: "[A-Za-z0-9_-]+", maxLength: 60, description: "letters, digits, hyphens and underscores" },
  },
  // ref: https://www.tencentcloud.com/document/product/457/9315 (TKE Kubernetes version maintenance)
  // TKE releases even minors only. 1.28 and 1.30 are past their end of service.
  kubernetesVersions: ["1.32", "1.34"],
  defaultKubernetesVersion: "1.34",
  // TKE's policy: end of maintenance (no new clusters) 18 months after TKE's release, which
  // comes about 3 months after the upstream one; end of service 9 months after that. TKE's
  // own calendar table could not be read here (2026-12-07), so the days are worked out by
  // that rule: 1.32 (upstream 2024-12-11), 1.34 (upstream 2025-08-27, TKE notes of 2025-12-15).
  // ref: https://www.tencentcloud.com/document/product/457/47894 (TKE Kubernetes version maintenance mechanism)
  kubernetesSupport: {
    "1.32": { standardSupportEnds: "2026-09-30", extendedSupportEnds: "2027-06-30", ref: TKE_VERSIONS, checkedOn: "2026-12-07" },
    "1.34": { standardSupportEnds: "2027-06-15", extendedSupportEnds: "2028-03-15", ref: TKE_VERSIONS, checkedOn: "2026-12-07" },
  },
  serviceNames: { kubernetes: "TKE Kubernetes", mysql: "TencentDB for MySQL" },
  pastStandardSupport: {
    kubernetes: "TKE creates no new cluster at it and fixes only severe issues until its end of service; upgrade the cluster",
    mysql: "upgrade the database",
  },
  // ref: https://www.tencentcloud.com/document/product/215/31815 (VPC /12 to /28, subnets down to /29)
  // Networks smaller than /24 leave no room for the bookstore's subnets and node IPs; a /28
  // subnet keeps a few usable addresses after Tencent reserves three per subnet.
  network: { prefixLength: { min: 16, max: 24 }, smallestSubnetPrefixLength: 28 },
  // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_kubernetes_node_pool.name (at most 25 characters)
  // The tightest rule of the named resources, less 4 characters for the adapters' suffixes ("-np").
  names: {
    pattern: "[a-z](?:[a-z0-9-]*[a-z0-9])?",
    maxLength: 21,
    description: "lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen",
  },
  // Tencent's free certificates are applied for in the SSL console, outside Terraform; the
  // CDN's edge address ranges are not published in a form a security group can name. An
  // SSL Certificates ID is accepted by CLB listeners and by the CDN alike.
  // ref: https://www.tencentcloud.com/document/product/1007/39869 (deploying certificates to Tencent Cloud services)
  // The CDN API can route paths to other origins (Origin.PathBasedOrigin), but provider 1.83.25's tencentcloud_cdn_domain
  // has no argument for it (its origin block: origin_type, origin_list, server_name, cos_private_access, ...), so the
  // asset bucket gets a CDN domain of its own.
  // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cdn/resource_tc_cdn_domain.go
  capabilities: { issuesCertificates: false, restrictsOriginToCdn: false, cdnSharesLoadBalancerCertificate: true, weightedWebRuntimes: false, kubernetesExtendedSupport: false, cdnRoutesPathsToBucket: false },
  limits: {
    // ref: https://www.tencentcloud.com/document/product/651/13354 (50 tags per resource; keys up to 127 characters not starting
    // with qcloud, tencent or project, values up to 255; letters, digits, spaces and + - = . _ : / @)
    tags: {
      maxPerResource: 50,
      keyMaxLength: 127,
      valueMaxLength: 255,
      allowedCharacters: "[\\p{L}\\p{N} +\\-=._:/@]*",
      allowedCharactersDescription: "letters, digits, spaces and + - = . _ : / @",
      reservedKeyPrefixes: ["qcloud", "tencent", "project"],
      forbiddenSubstrings: [],
    },
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_as_scaling_config.user_data ("Base64-encoded User Data text, the length limit is 16KB")
    userData: { maxBytes: 16384, measuredAfterBase64: true },
    // ref: https://www.tencentcloud.com/document/product/236/31900 (database names); https://www.tencentcloud.com/document/product/236/31901
    // (account names; root and the service's own accounts are refused)
    mysql: {
      databaseName: { pattern: "[a-z][a-z0-9_]*", maxLength: 32, description: "lower-case letters, digits and underscores, starting with a letter" },
      username: { pattern: "[a-z][a-z0-9]*", maxLength: 16, description: "lower-case letters and digits, starting with a letter" },
      reservedUsernames: ["root", "tencentroot", "mysqlsys"],
    },
    loadBalancerNameReservedPrefixes: [],
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_cdn_domain.cache.rule_cache.rule_paths (no length documented:
    // CloudFront's 255 characters kept as the conservative bound)
    cdn: { maxPathPatternLength: 255, maxPathPatterns: 20 },
    issuedCertificateDomainMaxLength: 0,
    // sshd on TencentOS Server. ref: https://www.tencentcloud.com/document/product/213/34601 (common ports)
    hostReservedPorts: [22],
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_kubernetes_cluster_endpoint.extranet_endpoint_security_policies
    // (no maximum documented; 20 kept as a conservative bound)
    maxPublicApiCidrs: 20,
    // Rules per security group: 100 (SecurityGroupPolicyLimit); each range takes one rule on 443 and one on 80, besides the egress rules.
    // ref: https://cloud.tencent.com/document/api/215/41428 (DescribeSecurityGroupLimits, checked 2026-12-08)
    maxLoadBalancerClientCidrs: 40,
    maxPrivateApiCidrs: 20,
    // ref: https://www.tencentcloud.com/document/product/598/10606 (CAM resource description: qcs::cam::uin/<owner>:roleName/<name> or uin/<sub-user>)
    clusterAdministrator: {
      pattern: "qcs::cam::uin/\\d+:(?:roleName/[\\w+=,.@-]{1,128}|uin/\\d+)",
      description: "a CAM role or sub-user, as qcs::cam::uin/<owner uin>:roleName/<role> or qcs::cam::uin/<owner uin>:uin/<sub-user uin>",
      example: "qcs::cam::uin/100000000001:roleName/ci-deployer",
    },
    // ref: https://www.tencentcloud.com/document/product/1140/40520 (CreateSecret SecretName: up to 128 of letters, digits, - and _, starting with a letter or digit)
    secretName: { pattern: "[A-Za-z0-9][A-Za-z0-9_-]*", maxLength: 128, description: "letters, digits, - and _, starting with a letter or digit" },
  },
  // ref: https://www.tencentcloud.com/document/product/213/6091 (regions ap-guangzhou, na-siliconvalley, ...; zones <region>-<n>)
  // ref: https://www.tencentcloud.com/document/product/213/11518 (instance types <FAMILY>.<SIZE><GiB>)
  catalogRules: {
    regionPattern: "(?:ap|na|eu|sa)-[a-z]+(?:-fsi)?",
    zonePattern: "{region}-\\d+",
    instanceTypePattern: "[A-Z][A-Z0-9]*\\.[A-Z0-9]+",
    // `mem_size` in MB, as the dual-node specifications list it (1000 to 1024000).
    databaseClassPattern: "[1-9]\\d{3,6}",
    mysqlEngineVersionPattern: "\\d+\\.\\d+",
    // `mem_size` in MB (CreateInstances); the cache adapter also wants a multiple of 1024.
    cacheClassPattern: "[1-9]\\d{3,6}",
    examples: { zone: "ap-guangzhou-3", instanceType: "S5.LARGE8", databaseClass: "8000", cacheClass: "4096" },
  },
  // ref: https://www.tencentcloud.com/document/product/436/13312 (bucket <name>-<APPID>: the name 1 to 50 lower-case letters,
  // digits and hyphens, not starting or ending with a hyphen). COS locks by itself: no lock table.
  stateStorage: {
    bucket: {
      pattern: "[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?-\\d{10}",
      maxLength: 61,
      description: "a name of 1 to 50 lower-case letters, digits and hyphens, then a hyphen and the account's 10-digit APPID, e.g. terraform-state-1250000000",
      reservedPrefixes: [],
      reservedSuffixes: [],
    },
  },
  // The add-ons the cluster adapter installs through TKE's add-on API (InstallAddon). TKE's own
  // cluster autoscaler and resource-metrics server need none. TKE publishes no version list of the
  // NetworkPolicy add-on (GetTkeAppChartList gives only the newest), so its one entry is the newest
  // at first install, read in the plan and kept after (lib/tencentcloud/network-policy-add-on.ts).
  // ref: https://cloud.tencent.com/document/product/457/50841 (NetworkPolicy add-on)
  // ref: https://cloud.tencent.com/document/api/457/94181 (InstallAddon: AddonVersion, the latest when not given)
  kubernetesAddOns: {
    [NETWORK_POLICY_ADD_ON]: {
      versions: [TKE_LATEST_AT_INSTALL],
      source: "TKE's add-on list (GetTkeAppChartList, data tencentcloud_kubernetes_charts): its newest version when first installed, kept after",
    },
  },
  runtimeEnvironment: {
    regionVariables: ["TENCENTCLOUD_REGION"],
    // What the SDKs' TKE OIDC provider reads (kubernetes-access.ts podIdentity, with its references).
    workloadIdentityVariables: ["TKE_REGION", "TKE_PROVIDER_ID", "TKE_ROLE_ARN", "TKE_WEB_IDENTITY_TOKEN_FILE"],
  },
  // ref: https://www.tencentcloud.com/document/product/436/13312 (BucketName: lower-case letters, digits and hyphens, not
  // starting or ending with one; "<BucketName>-<APPID>.cos.<region>.myqcloud.com" at most 60 characters; the APPID makes
  // the name the account's own)
  // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cos/resource_tc_cos_bucket.go
  // (lifecycle_rules.non_current_expiration.non_current_days: "The maximum value is 3650")
  assetBucket: {
    name: {
      // Not already ending in -<10 digits>: the APPID is appended, never given.
      pattern: "(?!.*-\\d{10}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?",
      maxLength: 49,
      description: "lower-case letters, digits and hyphens, starting and ending with a letter or digit, without the -<APPID> (COS appends it)",
      reservedPrefixes: [],
      reservedSuffixes: [],
    },
    hostName: { template: "{name}-1250000000.cos.{region}.myqcloud.com", maxLength: 60 },
    globallyUnique: false,
    uniqueness: "COS appends the account's APPID, so the name need only differ from the account's other buckets",
    noncurrentVersionRetentionDays: { min: 1, max: 3650 },
  },
  dns: TENCENTCLOUD_DNS_CATALOG,
  // Dropped after checking: IPAMDofTKE_QCSRole (ENI permissions for TKE's VPC-CNI mode; the cluster runs
  // GlobalRouter, networkType "GR"); an Auto Scaling service role (none found in AS's or TKE's documents).
  prerequisites: [
    {
      id: "tke-service-role",
      what: "TKE's service role TKE_QCSRole granted, with its preset policies QcloudAccessForTKERole and QcloudAccessForTKERoleInOpsManagement, through which TKE operates the cluster's CVMs, CLBs, CBS disks and CLS logs",
      when: [AppFeature.KUBERNETES],
      how: "open the TKE console's Cluster page with the account: its Service Authorization window leads to CAM, Grant",
      ref: "https://www.tencentcloud.com/document/product/457/37808",
      checkedOn: "2026-12-07",
    },
    {
      id: "kms-activation",
      what: "KMS activated: SSM encrypts every secret with a KMS key, and the cluster encrypts its Secrets with a KMS key of its own",
      when: [AppFeature.SECRETS, AppFeature.KUBERNETES],
      how: "SSM console: the KMS link of its instructions, Activate Now",
      ref: "https://intl.cloud.tencent.com/document/product/1078/38600",
      checkedOn: "2026-12-07",
    },
    {
      id: "ssm-service-role",
      what: "SSM's service role SSM_QCSRole granted (policy QcloudAccessForSSMRole), through which SSM uses KMS for every tencentcloud_ssm_secret",
      when: [AppFeature.SECRETS],
      how: "SSM console: the CAM link of its instructions, Grant",
      ref: "https://intl.cloud.tencent.com/document/product/1078/38600",
      checkedOn: "2026-12-07",
    },
    {
      id: "cls-activation",
      what: "CLS activated: the network's flow logs and the CLB's access logs are written to CLS",
      when: [AppFeature.ALWAYS],
      how: "the CLS console's activation, or resource \"tencentcloud_cls_open_service_operation\" in a one-off configuration (OpenClsService)",
      ref: "https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cls/resource_tc_cls_open_service_operation.go",
      checkedOn: "2026-12-07",
    },
    {
      id: "clb-log-set",
      what: "the region's CLB log set, clb_logset, of which CLS keeps one per account and region: where the account has one already, the stack must own it before its first apply",
      when: [AppFeature.ALWAYS],
      how: "terraform import the existing log set's ID into the infrastructure stack's tencentcloud_clb_log_set before the first apply",
      ref: "https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/clb/resource_tc_clb_log_set.go",
      checkedOn: "2026-12-07",
    },
    {
      id: "cdn-activation",
      what: "Tencent Cloud CDN activated before its first domain (billed by hourly traffic by default)",
      when: [AppFeature.CDN],
      how: "CDN console: read and agree to the Terms of Service, Activate CDN",
      ref: "https://www.tencentcloud.com/document/product/228/32978",
      checkedOn: "2026-12-07",
    },
    {
      id: "cdn-domain-ownership",
      what: "the ownership of the shop's root domain proved to Tencent Cloud CDN, which it asks for the first time a domain under it is connected",
      when: [AppFeature.CDN],
      how: "a TXT record _cdnauth.<root domain> with the value CDN's console shows (or data \"tencentcloud_cdn_domain_verifier\" reads), then Verify",
      ref: "https://www.tencentcloud.com/document/product/228/42693",
      checkedOn: "2026-12-07",
    },
    {
      id: "cdn-cos-authorization",
      what: "CDN authorized to read COS, so that origin-pull authentication reaches the private asset bucket with CDN's service identity",
      when: [AppFeature.CDN_ASSETS],
      how: "grant the CDN service authorization the console asks for the first time origin-pull authentication is turned on for a COS origin",
      ref: "https://www.tencentcloud.com/document/product/436/18669",
      checkedOn: "2026-12-07",
    },
    {
      id: "icp-filing",
      what: "an ICP filing of the shop's domain and the asset domain: Tencent Cloud CDN accelerates a domain in the Chinese mainland or globally only with one",
      when: [AppFeature.CDN],
      regions: MAINLAND_REGIONS,
      how: "obtain the domain's ICP filing from MIIT before the first deploy",
      ref: "https://intl.cloud.tencent.com/document/product/228/32981",
      checkedOn: "2026-12-07",
      prop: "DnsTarget.of(stacks, { icpFiling })",
    },
    {
      id: "tcr-private-network-access",
      what: "the TCR Enterprise instance holding the image reachable from the shop's VPC: a private network access link to a subnet of the VPC, which needs Private DNS activated",
      when: [AppFeature.REGISTRY],
      imageHostPattern: TCR_ENTERPRISE_HOST,
      how: "TCR console, Access Control, Private Network Access, Create: the VPC and a subnet, after the network's first deploy",
      ref: "https://intl.cloud.tencent.com/document/product/1051/35492",
      checkedOn: "2026-12-07",
    },
    {
      id: "tcr-tke-addon",
      what: "TKE's tcr add-on on the cluster, so that its nodes pull the pods' image from the Enterprise instance without an ImagePullSecret; the library installs none, since its values hold the registry's password",
      when: [AppFeature.CLUSTER_REGISTRY],
      imageHostPattern: TCR_ENTERPRISE_HOST,
      how: "TKE console, the cluster's add-ons: install tcr for the instance",
      ref: "https://intl.cloud.tencent.com/document/product/457/38710",
      checkedOn: "2026-12-07",
    },
    {
      id: "dnspod-zone",
      what: "the global domain's zone answered by DNSPod: one another DNSPod account added first must be retrieved (ownership verified) before this account can hold it, and the registrar's NS records must be DNSPod's",
      when: [AppFeature.GLOBAL_DOMAIN],
      how: "DNSPod console, add the domain (retrieve it when told it is taken), then set the name servers the console lists at the registrar",
      ref: "https://docs.dnspod.cn/dns/domain-retrieval-question",
      checkedOn: "2026-12-07",
    },
  ],
  tencentcloud: {
    // ref: https://www.tencentcloud.com/document/product/213/4941 (public images; TencentOS Server is Tencent's maintained Linux)
    instanceImageNameRegex: "^TencentOS Server 3\\.1",
    // Docker CE on TencentOS Server 3.1 as Tencent's CVM guide installs it on CentOS: Docker's
    // CentOS repository file from Tencent's mirror, with download.docker.com in it pointed at the
    // mirror, then docker-ce. TencentOS Server 3.1 is built from the RHEL 8 line but dnf's
    // $releasever is its own release (3.1), for which Docker publishes no repository, so the
    // file's $releasever is set to 8; `--allowerasing` lets docker-ce's containerd.io replace a
    // runc the image may hold. The repository file, the packages and Docker's signing key come
    // over HTTPS from mirrors.cloud.tencent.com through the NAT gateway, which the instances'
    // egress admits (443). The distribution's `dnf install -y docker` installs podman's Docker
    // emulation (podman-docker) on this RHEL 8-like system, which has no docker.service, so
    // `systemctl enable --now docker` failed and `set -e` stopped the boot (as issue #23 on
    // Alibaba Cloud Linux 3). The lines hold no double quote or backslash, which the user
    // data's Terraform string would read as syntax.
    // ref: https://cloud.tencent.com/document/product/213/46000 (Tencent CVM: installing Docker on CentOS from Tencent's docker-ce mirror)
    // ref: https://docs.docker.com/engine/install/centos/ (docker-ce.repo: baseurl .../linux/centos/$releasever/$basearch/stable, gpgkey .../linux/centos/gpg)
    // ref: https://docs.docker.com/engine/install/rhel/ (podman and runc conflict with containerd.io)
    dockerInstallCommands: [
      "dnf config-manager --add-repo=https://mirrors.cloud.tencent.com/docker-ce/linux/centos/docker-ce.repo",
      "sed -i -e 's+download.docker.com+mirrors.cloud.tencent.com/docker-ce+g' -e 's+[$]releasever+8+g' /etc/yum.repos.d/docker-ce.repo",
      "dnf -y install --allowerasing docker-ce",
    ],
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_as_scaling_config.system_disk_type
    systemDiskType: "CLOUD_PREMIUM",
    // ref: https://www.tencentcloud.com/document/product/457/46750 (TKE public images)
    kubernetesNodeOs: "tlinux3.1x86_64",
    // ref: https://www.tencentcloud.com/document/product/457/9315
    // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_cluster_available_extra_args_test.go (cluster_version "1.34.1")
    kubernetesClusterVersions: { "1.32": "1.32.2", "1.34": "1.34.1" },
    // ref: https://www.tencentcloud.com/document/product/457/36138 (GlobalRouter CIDRs must not overlap the VPC)
    // 172.16.0.0/12 is outside every 10.x network the bookstore plans by default.
    kubernetesClusterCidr: "172.20.0.0/16",
    kubernetesServiceCidr: "172.21.0.0/20",
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_mysql_instance.intranet_port (1024 to 65535)
    mysqlIntranetPort: 3307,
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_ssm_secret.recovery_window_in_days (1 to 30)
    secretRecoveryWindowDays: 30,
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_cls_topic.period
    logRetentionDays: 365,
    // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/clb/resource_tc_clb_log_set.go (period: "Maximun value is `90`")
    clbAccessLogRetentionDays: 90,
    // ref: https://www.tencentcloud.com/document/product/1007/39989 (certificate IDs such as "a1B2c3D4")
    certificateIdPattern: "^[A-Za-z0-9]{8}$",
    // ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_cdn_domain.area
    // Mainland acceleration needs the domain's ICP filing; overseas needs none.
    cdnAreaByRegion: {
      "ap-guangzhou": "mainland",
      "ap-shanghai": "mainland",
      "ap-beijing": "mainland",
      "ap-singapore": "overseas",
      "eu-frankfurt": "overseas",
    },
    // ref: https://pypi.org/project/tccli/3.1.189.1/ (requires tencentcloud-sdk-python>=3.1.189)
    // ref: https://pypi.org/project/tencentcloud-sdk-python/3.1.189/
    tccli: { version: "3.1.189.1", sdkVersion: "3.1.189" },
  },
});
