import { CloudCatalog, deepFreeze } from "../core/catalog";
import { AWS_DNS_CATALOG } from "./dns-catalog";
import { AppFeature } from "../core/prerequisites";
import { CacheSize, ComputeSize, DatabaseSize, MysqlVersion, RedisVersion } from "../core/sizes";

/** What AWS offers the bookstore, as data; the AWS adapters read nothing else. */
/**
 * The catalog's version of an EKS add-on (`kubernetesAddOns`) for the newest build EKS lists
 * for the cluster's Kubernetes version, read at every plan (lib/aws/add-ons/eks-add-on-version.ts).
 */
export const EKS_ADD_ON_MOST_RECENT = "most-recent";

export interface AwsCatalog extends CloudCatalog {
  /** Values only AWS has, which its adapters set verbatim. */
  readonly aws: AwsSpecifics;
}

/** A Helm chart the add-ons stack installs, and the service account its pods run as. */
export interface HelmAddOnChart {
  /** The chart repository's URL. */
  readonly repository: string;
  /** The chart's name in that repository. */
  readonly chart: string;
  /** The namespace the release is installed in. */
  readonly namespace: string;
  /** The service account the add-on's pods run as. */
  readonly serviceAccount: string;
}

/** AWS-only values the adapters set verbatim. */
export interface AwsSpecifics {
  /** SSM public parameter holding the current Amazon Linux 2023 AMI; launch templates resolve it at launch. */
  readonly instanceImageParameter: string;
  /** The AMI type of the EKS managed node group. */
  readonly eksNodeAmiType: string;
  /** The nodes' root volume, in their launch template: the EKS AMI's root device and EKS's own default size. */
  readonly eksNodeRootVolume: {
    /** The root device's name in the AMI. */
    readonly deviceName: string;
    /** The root volume's size, in GiB. */
    readonly sizeGiB: number;
  };
  /** EKS upgrade policy by `kubernetes.extendedSupport`: STANDARD, or EXTENDED (billed extended support). */
  readonly eksSupportTypes: {
    /** The upgrade policy's support type when extended support is off. */
    readonly standard: string;
    /** The upgrade policy's support type when extended support is on. */
    readonly extended: string;
  };
  /** The EKS access policy that makes a principal a cluster administrator (`kubernetes.administrators`). */
  readonly eksClusterAdminPolicyArn: string;
  /** The IAM path of service-linked roles, which EKS gives no access entry (`kubernetes.administrators`). */
  readonly serviceLinkedRolePath: string;
  /** Where the EKS Pod Identity agent serves credentials to pods (link-local, on every node). */
  readonly eksPodIdentityAgent: {
    /** The agent's link-local address range. */
    readonly cidr: string;
    /** The agent's TCP port. */
    readonly port: number;
  };
  /**
   * The AWS services the bookstore's pods call, each reached through an interface VPC
   * endpoint in the private subnets, so that the pods' egress stays inside the VPC: the
   * endpoint's service name is `com.amazonaws.<region>.<service>`.
   */
  readonly podServiceEndpoints: {
    /** Secrets Manager, with private DNS: its regional name resolves to the endpoint inside the VPC. */
    readonly secretsManager: string;
    /**
     * S3 without private DNS (the provider cannot turn S3's private DNS on without a gateway
     * endpoint): the pods are given the endpoint's own name for buckets instead.
     */
    readonly s3: string;
    /** The label before the endpoint's regional DNS name (`*.vpce-...`) that addresses buckets. */
    readonly s3BucketLabel: string;
  };
  /**
   * EKS's cluster-wide network policy (admin network policies of the VPC CNI, v1.21.1 and
   * later, Kubernetes 1.29 and later): the kind the workloads stack fences the data stores
   * with, and that policy's priority in the Admin tier (0 to 1000, lower first).
   */
  readonly clusterNetworkPolicy: {
    /** The custom resource's `apiVersion`. */
    readonly apiVersion: string;
    /** The custom resource's `kind`. */
    readonly kind: string;
    /** The data-store fence's priority within the Admin tier. */
    readonly dataStoreFencePriority: number;
  };
  /** The Helm charts of the add-ons installed through the cluster's API, and the service accounts they run as. */
  readonly helmAddOns: {
    /** The AWS Load Balancer Controller, which registers the pods into the load balancer's target group. */
    readonly loadBalancerController: HelmAddOnChart;
    /** The Cluster Autoscaler, which sizes the node group to the pods. */
    readonly clusterAutoscaler: HelmAddOnChart & {
      /** The autoscaler's image tag by Kubernetes minor version: its releases follow Kubernetes'. */
      readonly imageTags: Readonly<Record<string, string>>;
    };
    /** The External Secrets Operator, installed only when pods pull with registry credentials from Secrets Manager. */
    readonly externalSecrets: HelmAddOnChart;
  };
  /** Host of an Amazon ECR private registry: `<account>.dkr.ecr.<region>.amazonaws.com`. */
  readonly containerRegistryHostPattern: string;
  /** TLS policy of HTTPS listeners: TLS 1.2 and 1.3 only, forward secrecy. */
  readonly loadBalancerSslPolicy: string;
  /** The oldest TLS version CloudFront accepts from viewers. */
  readonly cloudFrontMinimumProtocolVersion: string;
  /** Managed CloudFront policies, by their fixed IDs. */
  readonly cloudFront: {
    /** The managed cache policy `CachingDisabled`, for the dynamic paths. */
    readonly cachingDisabledPolicyId: string;
    /** The managed origin request policy `AllViewer`, which forwards the viewer's headers, cookies and query strings. */
    readonly allViewerOriginRequestPolicyId: string;
    /** The managed response headers policy `SecurityHeadersPolicy`. */
    readonly securityHeadersPolicyId: string;
    /** The security group CloudFront creates in a VPC for its VPC origins' network interfaces, by name: what an internal ALB behind the CDN admits. */
    readonly vpcOriginServiceSecurityGroupName: string;
    /** TLS versions CloudFront may speak to an origin: TLS 1.2 only. */
    readonly originSslProtocols: readonly string[];
  };
  /** CloudFront only accepts certificates and web ACLs from this region. */
  readonly globalRegion: string;
  /** The MySQL logs RDS exports to CloudWatch Logs. */
  readonly rdsCloudwatchLogExports: readonly string[];
  /** The control-plane log types EKS sends to CloudWatch Logs. */
  readonly eksControlPlaneLogTypes: readonly string[];
  /** CA of RDS server certificates that clients verify. */
  readonly rdsCaCertificateIdentifier: string;
  /** The PEM bundle of every RDS CA, which applications fetch to verify the database (`DB_TLS_CA`). */
  readonly rdsCaBundleUrl: string;
  /** The AWS account that delivers ALB access logs in each region, for the log bucket's policy. */
  readonly elbLogDeliveryAccounts: Readonly<Record<string, string>>;
  /** ElastiCache's engine for the cache: `valkey` or `redis`; `cache.versions` holds its versions. */
  readonly cacheEngine: string;
  /** ElastiCache parameter group family per engine version of `cache.versions`. */
  readonly cacheParameterGroupFamilies: Readonly<Record<string, string>>;
  /** ElastiCache logs delivered to CloudWatch Logs. */
  readonly cacheLogTypes: readonly string[];
}

// ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (3 to 63 characters; reserved prefixes
// and suffixes). Dots are refused too: S3's virtual-hosted-style HTTPS endpoints, which the S3 backend and CloudFront's
// S3 origins use, hold a wildcard certificate that covers no dotted name.
const EKS_CALENDAR = "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html";
const RDS_MYSQL_CALENDAR = "https://docs.aws.amazon.com/AmazonRDS/latest/MySQLReleaseNotes/mysql-release-calendar.html";

const S3_BUCKET_NAME = {
  pattern: "[a-z0-9][a-z0-9-]+[a-z0-9]",
  maxLength: 63,
  description: "3 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit (no dots)",
  reservedPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
  reservedSuffixes: ["-s3alias", "--ol-s3", "--x-s3", "--table-s3", ".mrap"],
};

/** AWS's catalog: the neutral sizes, versions, regions and limits mapped to what AWS offers, deep-frozen. */
export const AWS_CATALOG: AwsCatalog = deepFreeze({
  cloud: "aws",
  // ref: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html
  // us-east-1e is left out: it lacks current instance types.
  regions: {
    "us-east-1": { zones: ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"] },
    "us-east-2": { zones: ["us-east-2a", "us-east-2b", "us-east-2c"] },
    "us-west-2": { zones: ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"] },
    "eu-west-1": { zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
    "eu-central-1": { zones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"] },
    "ap-southeast-1": { zones: ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"] },
    "ap-northeast-1": { zones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"] },
  },
  // ref: https://aws.amazon.com/ec2/instance-types/ (x86_64, matching the AL2023 x86_64 image below)
  computeSizes: {
    [ComputeSize.SMALL]: "t3.small",
    [ComputeSize.MEDIUM]: "t3.medium",
    [ComputeSize.LARGE]: "m6i.large",
    [ComputeSize.XLARGE]: "m6i.xlarge",
  },
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html
  // A major version only, so auto minor upgrades never show up as drift.
  mysqlVersions: {
    [MysqlVersion.V8_0]: "8.0",
    [MysqlVersion.V8_4]: "8.4",
  },
  // 8.0 left RDS standard support on 2026-07-31; a new 8.0 database is enrolled in (billed)
  // RDS Extended Support, so the default is 8.4.
  defaultMysqlVersion: MysqlVersion.V8_4,
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/MySQLReleaseNotes/mysql-release-calendar.html (RDS end of standard
  // support; Extended Support up to three years past it, billed from the day after)
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-overview.html ("You can create new databases
  // with major engine versions that have reached the RDS end of standard support date")
  mysqlSupport: {
    [MysqlVersion.V8_0]: { standardSupportEnds: "2026-07-31", extendedSupportEnds: "2029-07-31", ref: RDS_MYSQL_CALENDAR, checkedOn: "2026-12-07" },
    [MysqlVersion.V8_4]: { standardSupportEnds: "2029-07-31", extendedSupportEnds: "2032-07-31", ref: RDS_MYSQL_CALENDAR, checkedOn: "2026-12-07" },
  },
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html (gp3: 20 to 65,536 GiB for MySQL)
  // Performance Insights needs db.t4g.medium or larger, so no smaller class is listed.
  databaseSizes: {
    [DatabaseSize.SMALL]: { instanceClass: "db.t4g.medium", storageGiB: { min: 20, max: 65536, stepGiB: 1 } },
    [DatabaseSize.MEDIUM]: { instanceClass: "db.m6g.large", storageGiB: { min: 20, max: 65536, stepGiB: 1 } },
    [DatabaseSize.LARGE]: { instanceClass: "db.m6g.xlarge", storageGiB: { min: 20, max: 65536, stepGiB: 1 } },
  },
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
  backupRetentionDays: { min: 1, max: 35 },
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html (memory per node:
  // cache.t4g.small 1.37 GiB, cache.m7g.large 6.38 GiB, cache.r7g.large 13.07 GiB; all three support Valkey, Multi-AZ and encryption)
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html (Valkey 7.2 is compatible with
  // Redis OSS 7.2; Valkey starts at 7.2, so RedisVersion.V6 is refused here)
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html (automatic backups kept 1 to 35 days)
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html (ReplicationGroupId:
  // 1 to 40 letters, digits or hyphens, starting with a letter, not ending with a hyphen, no two hyphens in a row)
  cache: {
    sizes: {
      [CacheSize.SMALL]: "cache.t4g.small",
      [CacheSize.MEDIUM]: "cache.m7g.large",
      [CacheSize.LARGE]: "cache.r7g.large",
    },
    versions: { [RedisVersion.V7]: "7.2" },
    backupRetentionDays: { min: 1, max: 35 },
    name: {
      pattern: "[a-z](?:-?[a-z0-9])*",
      maxLength: 40,
      description: "lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen",
    },
  },
  // The versions a new cluster can be created at on 2026-12-07: standard or extended
  // support ("You can create new Amazon EKS clusters on any version offered in standard or
  // extended support"; 1.31's extended support ended on 2026-11-26).
  // ref: https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
  kubernetesVersions: ["1.32", "1.33", "1.34", "1.35", "1.36"],
  defaultKubernetesVersion: "1.36",
  // Standard support is 14 months from the EKS release, extended support 12 more, billed
  // from the first day past standard support. Dates of 1.32 to 1.34 as the EKS user guide's
  // release calendar lists them; 1.35 (released 2026-01-28) and 1.36 (2026-06-02) by that rule.
  // ref: https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (Amazon EKS Kubernetes release calendar)
  kubernetesSupport: {
    "1.32": { standardSupportEnds: "2026-03-23", extendedSupportEnds: "2027-03-23", ref: EKS_CALENDAR, checkedOn: "2026-12-07" },
    "1.33": { standardSupportEnds: "2026-07-29", extendedSupportEnds: "2027-07-29", ref: EKS_CALENDAR, checkedOn: "2026-12-07" },
    "1.34": { standardSupportEnds: "2026-12-02", extendedSupportEnds: "2027-12-02", ref: EKS_CALENDAR, checkedOn: "2026-12-07" },
    "1.35": { standardSupportEnds: "2027-03-27", extendedSupportEnds: "2028-03-27", ref: EKS_CALENDAR, checkedOn: "2026-12-07" },
    "1.36": { standardSupportEnds: "2027-08-02", extendedSupportEnds: "2028-08-02", ref: EKS_CALENDAR, checkedOn: "2026-12-07" },
  },
  serviceNames: { kubernetes: "EKS Kubernetes", mysql: "RDS for MySQL" },
  // ref: https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (billing for extended support
  // starts the day standard support ends; with the STANDARD upgrade policy EKS upgrades the cluster instead)
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-overview.html
  pastStandardSupport: {
    kubernetes: "EKS bills extended support while kubernetes.extendedSupport is true, and otherwise upgrades the cluster",
    mysql: "RDS enrolls the database in RDS Extended Support, billed per vCPU-hour, until it is upgraded",
  },
  // ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html (VPC /16 to /28, subnet /28 at the smallest)
  // Networks smaller than /24 leave no room for Kubernetes pods, which take VPC addresses on EKS.
  network: { prefixLength: { min: 16, max: 24 }, smallestSubnetPrefixLength: 28 },
  // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
  // The tightest rule of the named resources (ALB names: 32 characters), less room for suffixes.
  names: {
    pattern: "[a-z](?:[a-z0-9-]*[a-z0-9])?",
    maxLength: 28,
    description: "lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen",
  },
  // ACM issues certificates with DNS validation; CloudFront's origin-facing prefix list
  // can be referenced by a security group. CloudFront takes certificates from us-east-1
  // only, so the load balancer's regional certificate is not the CDN's.
  // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
  // CloudFront sends each path pattern to an origin of its own (cache behaviors), an S3 bucket through origin access control.
  // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValuesPathPattern
  capabilities: { issuesCertificates: true, restrictsOriginToCdn: true, cdnSharesLoadBalancerCertificate: false, weightedWebRuntimes: true, kubernetesExtendedSupport: true, cdnRoutesPathsToBucket: true },
  limits: {
    // ref: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html (50 tags, keys 128, values 256; letters, digits, spaces, _ . : / = + - @; "aws:" reserved)
    tags: {
      maxPerResource: 50,
      keyMaxLength: 128,
      valueMaxLength: 256,
      allowedCharacters: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
      allowedCharactersDescription: "letters, digits, spaces and _ . : / = + - @",
      reservedKeyPrefixes: ["aws:"],
      forbiddenSubstrings: [],
    },
    // ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html ("limited to 16 KB, in raw form, before it is base64-encoded")
    userData: { maxBytes: 16384, measuredAfterBase64: false },
    // ref: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html (DBName: 1 to 64 letters, digits
    // and underscores, starting with a letter; MasterUsername: 1 to 16 letters and digits, not a reserved word)
    // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.MySQL.CommonDBATasks.html (rdsadmin and the rds* accounts are RDS's own)
    mysql: {
      databaseName: { pattern: "[a-z][a-z0-9_]*", maxLength: 32, description: "lower-case letters, digits and underscores, starting with a letter" },
      username: { pattern: "[a-z][a-z0-9]*", maxLength: 16, description: "lower-case letters and digits, starting with a letter" },
      reservedUsernames: ["rdsadmin", "rdsrepladmin", "rdsproxyadmin", "rdssecurityadmin", "root"],
    },
    // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html ("must not begin with internal-")
    loadBalancerNameReservedPrefixes: ["internal-"],
    // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
    // (path pattern: 255 characters; 25 cache behaviors per distribution, one of them the default)
    cdn: { maxPathPatternLength: 255, maxPathPatterns: 24 },
    // ref: https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html (DomainName: at most 64 characters)
    issuedCertificateDomainMaxLength: 64,
    // sshd on Amazon Linux 2023. ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-linux-inst-ssh.html (port 22)
    hostReservedPorts: [22],
    // ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html (publicAccessCidrs; the EKS user guide allows up to 40)
    maxPublicApiCidrs: 40,
    // Inbound rules per security group: 60 by default; each range takes one rule on 443 and one on 80.
    // ref: https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups (checked 2026-12-08)
    maxLoadBalancerClientCidrs: 30,
    maxPrivateApiCidrs: 20,
    // ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
    clusterAdministrator: {
      pattern: "arn:aws(?:-cn|-us-gov)?:iam::\\d{12}:(?:role|user)/[\\w+=,.@/-]{1,512}",
      description: "an IAM role or user ARN",
      example: "arn:aws:iam::123456789012:role/ci-deployer",
    },
    // ref: https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html (Name: 1-512 of letters, digits and /_+=.@-)
    secretName: { pattern: "[A-Za-z0-9/_+=.@-]+", maxLength: 512, description: "letters, digits and / _ + = . @ -" },
  },
  // ref: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
  // ref: https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html
  catalogRules: {
    regionPattern: "(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d",
    zonePattern: "{region}[a-z]",
    instanceTypePattern: "[a-z][a-z0-9-]*\\.[a-z0-9]+",
    databaseClassPattern: "db\\.[a-z0-9-]+\\.[a-z0-9]+",
    mysqlEngineVersionPattern: "\\d+\\.\\d+(?:\\.\\d+)?",
    // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html (cache.<family>.<size>)
    cacheClassPattern: "cache\\.[a-z0-9-]+\\.[a-z0-9]+",
    examples: { zone: "eu-central-1a", instanceType: "m7i.large", databaseClass: "db.m6g.large", cacheClass: "cache.m7g.large" },
  },
  // ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html (table: 3 to 255 characters)
  stateStorage: {
    bucket: S3_BUCKET_NAME,
    lockTable: { pattern: "[A-Za-z0-9_.-]{3,}", maxLength: 255, description: "3 to 255 letters, digits, underscores, dots and hyphens" },
  },
  // The add-ons the cluster adapter installs (lib/aws/add-ons/): EKS add-ons in the
  // infrastructure stack, Helm charts in the add-ons stack. The first version is the default.
  kubernetesAddOns: {
    // ref: https://github.com/aws/eks-charts/releases (chart 3.x = controller v3.x; TargetGroupBinding elbv2.k8s.aws/v1beta1)
    "aws-load-balancer-controller": { versions: ["3.5.0", "3.4.3"], source: "https://github.com/aws/eks-charts/releases (chart aws-load-balancer-controller)" },
    // ref: https://github.com/kubernetes/autoscaler/releases (tags cluster-autoscaler-chart-*)
    "cluster-autoscaler": { versions: ["9.59.0", "9.58.0"], source: "https://github.com/kubernetes/autoscaler/releases (tags cluster-autoscaler-chart-*)" },
    // EKS add-ons: by default the newest build EKS lists for the cluster's Kubernetes version, read at plan
    // (EKS_ADD_ON_MOST_RECENT), since EKS builds each add-on for some Kubernetes versions only and CreateAddon refuses
    // another; a build named here is installed as named, whatever the cluster's version, to hold a build on purpose
    // (builds as `aws eks describe-addon-versions --addon-name <name> --kubernetes-version <version>` lists them, from
    // public configurations of 2025 and 2026, not checked against every version of kubernetesVersions).
    // EKS community add-on. ref: https://docs.aws.amazon.com/eks/latest/userguide/community-addons.html
    "metrics-server": {
      versions: [EKS_ADD_ON_MOST_RECENT, "v0.8.0-eksbuild.6", "v0.8.0-eksbuild.2"],
      source: "https://docs.aws.amazon.com/eks/latest/userguide/community-addons.html (aws eks describe-addon-versions --addon-name metrics-server --kubernetes-version <version>)",
    },
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html
    "eks-pod-identity-agent": {
      versions: [EKS_ADD_ON_MOST_RECENT, "v1.3.10-eksbuild.2", "v1.3.9-eksbuild.3"],
      source: "https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html (aws eks describe-addon-versions --addon-name eks-pod-identity-agent --kubernetes-version <version>)",
    },
    // The pods' network: admin network policies (the data stores' fence) need v1.21.1 or later; AWS recommends one
    // minor version at a time, so a shop that waited may hold a build here and step up.
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html (version 1.21 for admin policies)
    "vpc-cni": {
      versions: [EKS_ADD_ON_MOST_RECENT, "v1.21.2-eksbuild.2"],
      source: "https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html (aws eks describe-addon-versions --addon-name vpc-cni --kubernetes-version <version>)",
    },
    // Installed only with registry credentials for the pods. Chart x.y.z = operator vx.y.z; both versions' CRDs serve
    // external-secrets.io/v1 (v1beta1 is not served unless crds.unsafeServeV1Beta1).
    // ref: https://github.com/external-secrets/external-secrets/releases (tags helm-chart-2.9.0, helm-chart-2.8.0)
    // ref: https://github.com/external-secrets/external-secrets/blob/helm-chart-2.9.0/deploy/crds/bundle.yaml
    "external-secrets": { versions: ["2.9.0", "2.8.0"], source: "https://github.com/external-secrets/external-secrets/releases (tags helm-chart-*)" },
  },
  runtimeEnvironment: {
    regionVariables: ["AWS_REGION", "AWS_DEFAULT_REGION"],
    // EKS Pod Identity's webhook sets these on the pods of an associated service account.
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-how-it-works.html
    workloadIdentityVariables: ["AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"],
  },
  // ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html ("Bucket names must be unique across
  // all AWS accounts in all the AWS Regions within a partition")
  // ref: https://docs.aws.amazon.com/AmazonS3/latest/API/API_NoncurrentVersionExpiration.html (NoncurrentDays: a positive
  // integer; no maximum is documented, ten years is the library's bound against a typo)
  assetBucket: {
    name: S3_BUCKET_NAME,
    globallyUnique: true,
    uniqueness: "S3 bucket names are shared by every AWS account: a name another account holds fails at apply (BucketAlreadyExists)",
    noncurrentVersionRetentionDays: { min: 1, max: 3650 },
  },
  dns: AWS_DNS_CATALOG,
  // Not prerequisites: the service-linked roles of EKS, EKS node groups, Elastic Load Balancing,
  // Auto Scaling, RDS and ElastiCache, which each service creates on first use when the deployer may
  // iam:CreateServiceLinkedRole ("You don't need to manually create the AWSServiceRoleForElasticLoadBalancing
  // role"; EKS's likewise; ElastiCache's policy statement for creating AWSServiceRoleForElastiCache adds
  // iam:PutRolePolicy), checked 2026-12-07; and CloudFront's AWSServiceRoleForCloudFrontVPCOrigin, which
  // creates the VPC origins' network interfaces and their security group, likewise (checked 2026-12-08).
  // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html
  // ref: https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles-eks.html
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/using-service-linked-roles.html
  // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-service-linked-roles.html
  prerequisites: [
    {
      // AWS documents no such step; CloudFront's API answers a new account's first distribution with it,
      // as the provider's own acceptance tests met it (CreateDistributionWithTags, 403 AccessDenied).
      id: "cloudfront-account-verification",
      what: "CloudFront takes distributions from the account: a new account's first one may be refused with AccessDenied \"Your account must be verified before you can add new CloudFront resources. To verify your account, please contact AWS Support\"",
      when: [AppFeature.CDN],
      how: "open an AWS Support case (Account and billing) asking to verify the account for CloudFront, quoting that message; then deploy again",
      ref: "https://github.com/hashicorp/terraform-provider-aws/pull/36663",
      checkedOn: "2026-12-07",
    },
    {
      id: "acm-dns-validation",
      what: "the CNAME records that prove the domain to ACM, in the domain's DNS zone, before the certificate issues (the first apply waits for them), and kept there for ACM's renewals",
      when: [AppFeature.ISSUED_CERTIFICATE],
      how: "create the records of the infrastructure stack's ...CertificateValidationRecords outputs in the zone that answers for the domain while the first apply waits",
      ref: "https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html",
      checkedOn: "2026-12-07",
    },
    {
      // The API endpoint's network interfaces are in the cluster's (private) subnets, so the replies to a routed
      // network leave through the private route tables. The VPC exists only after the infrastructure stack's first
      // apply, and a VPN or Transit Gateway attachment names its subnets: nothing can reach the endpoint before it.
      // ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html (a private-only endpoint: from the VPC or a
      // connected network, with 443 from it on the cluster security group)
      // ref: https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
      id: "eks-api-network-path",
      what:
        "a network path from where Terraform runs to the EKS cluster's private API endpoint (TCP 443), which the add-ons and workloads stacks call while they plan and apply: a runner inside the VPC, or one in a network of kubernetes.privateApiAllowedCidrs routed to the VPC both ways (a Site-to-Site VPN or Transit Gateway attachment, and a route to each range in the VPC's private route tables); the VPC exists only once the infrastructure stack is applied",
      when: [AppFeature.KUBERNETES],
      how: "deploy the infrastructure stack alone first (npm run cdktf -- deploy bookstore-aws), then attach the VPC to the VPN or Transit Gateway and route each privateApiAllowedCidrs range to it from the private route tables (Name <network>-private-<zone>), or start a self-hosted runner in the VPC; then deploy all of the cloud's stacks",
      ref: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
      checkedOn: "2026-12-07",
    },
    {
      id: "route53-delegation",
      what: "the global domain's zone delegated to Route 53: the registrar's NS records are the hosted zone's four name servers",
      when: [AppFeature.GLOBAL_DOMAIN],
      how: "at the zone's registrar, set the NS records to the global DNS stack's NameServers output (a zone it creates) or to the existing hosted zone's name servers",
      ref: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/GetInfoAboutHostedZone.html",
      checkedOn: "2026-12-07",
    },
  ],
  aws: {
    // ref: https://docs.aws.amazon.com/linux/al2023/ug/ec2.html#launch-via-aws-cli
    instanceImageParameter: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    // ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html
    eksNodeAmiType: "AL2023_x86_64_STANDARD",
    // ref: https://github.com/awslabs/amazon-eks-ami/blob/main/templates/al2023/template.json (the AL2023 EKS AMI's
    // root device /dev/xvda, 20 GiB)
    // ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html (diskSize: 20 GiB by default for
    // Linux; with a launch template the size is the template's)
    eksNodeRootVolume: { deviceName: "/dev/xvda", sizeGiB: 20 },
    // ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html
    eksSupportTypes: { standard: "STANDARD", extended: "EXTENDED" },
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html
    eksClusterAdminPolicyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html ("Access entries do not support
    // service linked roles ... arn:aws:iam::*:role/aws-service-role/*")
    serviceLinkedRolePath: "aws-service-role/",
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html (169.254.170.23 port 80, host network)
    eksPodIdentityAgent: { cidr: "169.254.170.23/32", port: 80 },
    // ref: https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html (com.amazonaws.region.secretsmanager,
    // com.amazonaws.region.s3; checked 2026-12-08)
    // ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html ("bucket.vpce-...": the
    // endpoint-specific name for buckets, given to the SDK as its endpoint)
    // ref: https://github.com/hashicorp/terraform-provider-aws/issues/32407 (S3 interface endpoint with private DNS and no
    // gateway endpoint: "To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC must have a Gateway endpoint")
    podServiceEndpoints: { secretsManager: "secretsmanager", s3: "s3", s3BucketLabel: "bucket" },
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html ("To create both standard
    // Kubernetes network policies and admin network policies, you need to run version 1.21 of the VPC CNI plugin")
    // ref: https://github.com/aws/amazon-network-policy-controller-k8s/blob/main/api/v1alpha1/clusternetworkpolicy_types.go
    // (networking.k8s.aws/v1alpha1 ClusterNetworkPolicy: tier Admin|Baseline, priority 0-1000, subject, egress Deny to networks;
    // the controller in EKS's control plane creates its CRD, pkg/crd/crd_manager.go; checked 2026-12-08)
    // The priority leaves 0-99 to the cluster's own administrators' policies, which may come first.
    clusterNetworkPolicy: { apiVersion: "networking.k8s.aws/v1alpha1", kind: "ClusterNetworkPolicy", dataStoreFencePriority: 100 },
    helmAddOns: {
      // ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/installation/
      loadBalancerController: {
        repository: "https://aws.github.io/eks-charts",
        chart: "aws-load-balancer-controller",
        namespace: "kube-system",
        serviceAccount: "aws-load-balancer-controller",
      },
      // ref: https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler/charts/cluster-autoscaler
      // ref: https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler#releases (one release line per Kubernetes minor)
      clusterAutoscaler: {
        repository: "https://kubernetes.github.io/autoscaler",
        chart: "cluster-autoscaler",
        namespace: "kube-system",
        serviceAccount: "cluster-autoscaler",
        // ref: https://github.com/kubernetes/autoscaler/releases (tags cluster-autoscaler-1.35.1, cluster-autoscaler-1.36.1)
        imageTags: { "1.32": "v1.32.7", "1.33": "v1.33.6", "1.34": "v1.34.5", "1.35": "v1.35.1", "1.36": "v1.36.1" },
      },
      // ref: https://external-secrets.io/latest/introduction/getting-started/ (helm repo https://charts.external-secrets.io)
      // ref: https://external-secrets.io/latest/provider/aws-access/#eks-pod-identity-setup (namespace and service account external-secrets)
      externalSecrets: {
        repository: "https://charts.external-secrets.io",
        chart: "external-secrets",
        namespace: "external-secrets",
        serviceAccount: "external-secrets",
      },
    },
    // ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html (aws_account_id.dkr.ecr.region.amazonaws.com)
    containerRegistryHostPattern: "\\d{12}\\.dkr\\.ecr(?:-fips)?\\.[a-z]{2}(?:-gov)?-[a-z]+-\\d\\.amazonaws\\.com(?:\\.cn)?",
    // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
    loadBalancerSslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
    cloudFrontMinimumProtocolVersion: "TLSv1.2_2021",
    cloudFront: {
      // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
      cachingDisabledPolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
      allViewerOriginRequestPolicyId: "216adef6-5c7f-47e4-b989-5492eafa07d3",
      // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html
      securityHeadersPolicyId: "67f7725c-6f97-4210-82d7-5512b31e9d03",
      // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html (checked 2026-12-08)
      vpcOriginServiceSecurityGroupName: "CloudFront-VPCOrigins-Service-SG",
      // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html
      originSslProtocols: ["TLSv1.2"],
    },
    globalRegion: "us-east-1",
    // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQLDB.PublishtoCloudWatchLogs.html
    rdsCloudwatchLogExports: ["error", "slowquery"],
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
    eksControlPlaneLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
    rdsCaCertificateIdentifier: "rds-ca-rsa2048-g1",
    // The global bundle holds every commercial region's RDS CAs, the one above among them; the
    // server certificate names the instance's endpoint, so VERIFY_IDENTITY holds (checked 2026-12-08).
    // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html#UsingWithRDS.SSL.CertificatesAllRegions
    rdsCaBundleUrl: "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem",
    // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy
    elbLogDeliveryAccounts: {
      "us-east-1": "127311923021",
      "us-east-2": "033677994240",
      "us-west-2": "797873946194",
      "eu-west-1": "156460612806",
      "eu-central-1": "054676820928",
      "ap-southeast-1": "114774131450",
      "ap-northeast-1": "582318560864",
    },
    // Valkey, not Redis OSS: the same protocol and commands (Valkey 7.2 is Redis OSS 7.2's fork), at a lower price per
    // node-hour on the same node type.
    // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SelectEngine.html, https://aws.amazon.com/elasticache/pricing/
    cacheEngine: "valkey",
    // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html (family valkey7 for Valkey 7.2)
    cacheParameterGroupFamilies: { "7.2": "valkey7" },
    // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Log_Delivery.html (slow log and engine log, JSON or text)
    cacheLogTypes: ["slow-log", "engine-log"],
  },
});
