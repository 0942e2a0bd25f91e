import { requireValidCatalogEntries } from "./catalog-validation";
import type { DnsServiceCatalog } from "./dns-catalog";
import type { AccountPrerequisite } from "./prerequisites";
import { CacheSize, ComputeSize, DatabaseSize, MysqlVersion, RedisVersion } from "./sizes";
import type { SupportWindow } from "./support-window";

/**
 * What one cloud offers, as data. Each cloud folder holds one frozen `CloudCatalog`;
 * the neutral constructs validate props against it and resolve neutral values through
 * it, so the adapters only set attributes. No other file knows these mappings.
 */
export interface CloudCatalog {
  /** Short name used in stack names and messages, e.g. `aws`. */
  readonly cloud: string;
  /** Regions this library has been checked against, with their zones in preferred order. */
  readonly regions: Readonly<Record<string, RegionEntry>>;
  /** Neutral VM and node sizes to the cloud's instance types. */
  readonly computeSizes: Readonly<Record<ComputeSize, string>>;
  /**
   * Neutral MySQL major versions to the cloud's engine version strings: only those the
   * cloud offers. A version missing here is refused with a ValidationError, never mapped
   * to another one.
   */
  readonly mysqlVersions: Readonly<Partial<Record<MysqlVersion, string>>>;
  /** The MySQL version used when none is given: one of `mysqlVersions`, in standard support on the day its window was checked. */
  readonly defaultMysqlVersion: MysqlVersion;
  /**
   * Support window of each version of `mysqlVersions`, as the cloud publishes it. A version
   * past all support is refused at synth; one past standard support, or near its end, warned of.
   */
  readonly mysqlSupport: Readonly<Partial<Record<MysqlVersion, SupportWindow>>>;
  /** Neutral database sizes to the cloud's instance classes and their storage limits. */
  readonly databaseSizes: Readonly<Record<DatabaseSize, DatabaseClass>>;
  /** Backup retention the cloud accepts; the library's own floor of 7 days applies on top. */
  readonly backupRetentionDays: NumberRange;
  /** The managed Redis-compatible cache: sizes, versions, backups and names. */
  readonly cache: CacheCatalog;
  /** Kubernetes minor versions the managed service offers, oldest first. */
  readonly kubernetesVersions: readonly string[];
  /** The version used when none is given: one of `kubernetesVersions`, in standard support on the day its window was checked. */
  readonly defaultKubernetesVersion: string;
  /**
   * Support window of each version of `kubernetesVersions`, as the managed service publishes
   * it. A version past all support is refused at synth; one past standard support, or near
   * its end, warned of.
   */
  readonly kubernetesSupport: Readonly<Record<string, SupportWindow>>;
  /** The cloud's names for its managed services, as messages name them. */
  readonly serviceNames: {
    /** The managed Kubernetes service's name, e.g. `EKS`. */
    readonly kubernetes: string;
    /** The managed MySQL service's name, e.g. `RDS for MySQL`. */
    readonly mysql: string;
  };
  /** What the cloud does with a version past its standard support, in a few words for the warning. */
  readonly pastStandardSupport: {
    /** What the Kubernetes service does with a version past standard support. */
    readonly kubernetes: string;
    /** What the MySQL service does with a version past standard support. */
    readonly mysql: string;
  };
  /** Limits on the network's address plan. */
  readonly network: NetworkLimits;
  /** The rule every `name` prop must satisfy on this cloud. */
  readonly names: NameRule;
  /** What the cloud can and cannot do, where the neutral props depend on it. */
  readonly capabilities: CloudCapabilities;
  /** Limits the cloud's APIs enforce at apply time, checked at synth instead. */
  readonly limits: CloudLimits;
  /** How the cloud spells regions, zones, instance types and classes: every catalog entry, overrides included, must match. */
  readonly catalogRules: CatalogRules;
  /** The bucket and lock table that may hold Terraform state on this cloud. */
  readonly stateStorage: StateStorageRules;
  /**
   * The add-ons the library installs on every cluster, by name, with the versions it
   * has been checked against (the first is the default) and where they come from.
   * `kubernetes.addOnVersions` may pick another listed version, never an unlisted one.
   */
  readonly kubernetesAddOns: Readonly<Record<string, KubernetesAddOn>>;
  /** What the bookstore's container reads besides the neutral contract (see `applicationEnvironment`). */
  readonly runtimeEnvironment: RuntimeEnvironmentRules;
  /** What the cloud's object storage takes for an asset bucket (`AssetBucket`). */
  readonly assetBucket: AssetBucketRules;
  /** The cloud's authoritative DNS service, for a `GlobalDomain` it holds the zone of. */
  readonly dns: DnsServiceCatalog;
  /**
   * What an account must have before the first deploy that the stacks do not create (services
   * activated, service roles authorized, a KMS instance, a domain's ownership proved), each
   * with the features that need it, its reference and the day it was checked.
   * `prerequisitesFor` picks those an app needs; each cloud's runbook (docs/<cloud>.md) lists them all.
   */
  readonly prerequisites: readonly AccountPrerequisite[];
}

/** One add-on of the managed cluster, installed by Terraform. */
export interface KubernetesAddOn {
  /** Versions checked against, newest first; the first is the default. */
  readonly versions: readonly string[];
  /** Where the versions come from (a release page, the cloud's add-on list). */
  readonly source: string;
}

/** The cloud's own names for what the application environment carries. */
export interface RuntimeEnvironmentRules {
  /** Variables the cloud's SDKs read the region from (e.g. `AWS_REGION`); each is set to the stack's region. */
  readonly regionVariables: readonly string[];
  /**
   * Variables the cloud's workload identity gives the pods (its SDKs' credential settings),
   * reserved like the contract's: the environment props refuse them.
   */
  readonly workloadIdentityVariables: readonly string[];
}

/** A bucket's name: the cloud's name rule plus the prefixes and suffixes it keeps for itself. */
export interface BucketNameRule extends NameRule {
  /** Prefixes the cloud refuses at the start of a bucket name. */
  readonly reservedPrefixes: readonly string[];
  /** Suffixes the cloud refuses at the end of a bucket name. */
  readonly reservedSuffixes: readonly string[];
}

/** The cloud's rules for an asset bucket's name and settings. */
export interface AssetBucketRules {
  /** The name as the user gives it (on a cloud that appends the account's ID to it, the part before). */
  readonly name: BucketNameRule;
  /**
   * Where the bucket's host name bounds the name further: at most `maxLength` characters
   * for `template`, in which `{name}` is the name and `{region}` the cloud's region.
   * @default only `name.maxLength` applies
   */
  readonly hostName?: {
    /** The host name; `{name}` is the bucket's name and `{region}` the cloud's region. */
    readonly template: string;
    /** Longest host name the cloud takes, in characters. */
    readonly maxLength: number;
  };
  /**
   * True where every account of the cloud draws names from one namespace (a name someone
   * else holds fails at apply): the default name then ends in random characters.
   */
  readonly globallyUnique: boolean;
  /** Whose buckets the name must differ from, in words, for error messages. */
  readonly uniqueness: string;
  /** Days the cloud keeps a replaced or deleted object's old version for, at most and at least. */
  readonly noncurrentVersionRetentionDays: NumberRange;
}

/** What the cloud refuses at apply time, so the constructs refuse it at synth. */
export interface CloudLimits {
  /** Tags one resource may carry. */
  readonly tags: TagRules;
  /** The largest boot script a VM takes. */
  readonly userData: {
    /** Largest user data the cloud takes, in bytes. */
    readonly maxBytes: number;
    /** The limit counts the Base64-encoded script (4 bytes per 3), not the script itself. */
    readonly measuredAfterBase64: boolean;
  };
  /** MySQL names the managed database service accepts. */
  readonly mysql: MysqlNameRules;
  /** Prefixes a load balancer's name may not start with. */
  readonly loadBalancerNameReservedPrefixes: readonly string[];
  /** The CDN's limits on cached path patterns. */
  readonly cdn: {
    /** Longest path pattern the CDN takes, in characters. */
    readonly maxPathPatternLength: number;
    /** Most path patterns one CDN takes. */
    readonly maxPathPatterns: number;
  };
  /** Longest domain the cloud issues a certificate for; 0 where it issues none. */
  readonly issuedCertificateDomainMaxLength: number;
  /** Ports the VM image's own services already listen on, which a container on the host network cannot take. */
  readonly hostReservedPorts: readonly number[];
  /** Most CIDRs the managed Kubernetes API server's public access list takes. */
  readonly maxPublicApiCidrs: number;
  /** Most ranges `LoadBalancerClients.addressRanges` takes: what the load balancer's security group or access list holds. */
  readonly maxLoadBalancerClientCidrs: number;
  /** Most private CIDRs the library opens the API server's security group to. */
  readonly maxPrivateApiCidrs: number;
  /** How the cloud names a principal that may administer a cluster (a role or user). */
  readonly clusterAdministrator: {
    /** Regular expression source the whole administrator must match. */
    readonly pattern: string;
    /** The administrator's form in words, for error messages. */
    readonly description: string;
    /** An administrator of that form, for error messages. */
    readonly example: string;
  };
  /** The name of a secret in the cloud's secret store (`RegistryCredentials.fromSecret`). */
  readonly secretName: NameRule;
}

/** The cloud's limits on resource tags. */
export interface TagRules {
  /** Most tags one resource takes. */
  readonly maxPerResource: number;
  /** Longest tag key, in characters. */
  readonly keyMaxLength: number;
  /** Longest tag value, in characters. */
  readonly valueMaxLength: number;
  /** Regular expression source a key and a value must match as a whole (unicode mode). */
  readonly allowedCharacters: string;
  /** The characters allowed, in words. */
  readonly allowedCharactersDescription: string;
  /** Key prefixes the cloud keeps for itself, compared case-insensitively. */
  readonly reservedKeyPrefixes: readonly string[];
  /** Text neither a key nor a value may contain. */
  readonly forbiddenSubstrings: readonly string[];
}

/** The managed MySQL service's rules for the names the library gives. */
export interface MysqlNameRules {
  /** The application's schema. */
  readonly databaseName: NameRule;
  /** The administrator account. */
  readonly username: NameRule;
  /** Account names the service keeps for itself or refuses (`root`, `rdsadmin`, ...). */
  readonly reservedUsernames: readonly string[];
}

/** Patterns (regular expression sources, matched as a whole) of the cloud's identifiers. */
export interface CatalogRules {
  /** A region's name. */
  readonly regionPattern: string;
  /** A zone's name; `{region}` stands for its region's name. */
  readonly zonePattern: string;
  /** A VM instance type. */
  readonly instanceTypePattern: string;
  /** A database instance class. */
  readonly databaseClassPattern: string;
  /** A MySQL engine version, as the cloud takes it. */
  readonly mysqlEngineVersionPattern: string;
  /** A cache node type or class, as `cache.sizes` holds it. */
  readonly cacheClassPattern: string;
  /** An example of each, for error messages. */
  readonly examples: {
    /** A zone's name. */
    readonly zone: string;
    /** A VM instance type. */
    readonly instanceType: string;
    /** A database instance class. */
    readonly databaseClass: string;
    /** A cache node type or class. */
    readonly cacheClass: string;
  };
}

/** The cloud's rules for the names of a remote state's storage. */
export interface StateStorageRules {
  /** The state bucket's name rule. */
  readonly bucket: BucketNameRule;
  /** The lock table's name rule, or undefined where the storage locks by itself and takes no table. */
  readonly lockTable?: NameRule;
}

/** What the cloud can do that not every cloud can: the neutral constructs refuse props that need a capability the cloud lacks. */
export interface CloudCapabilities {
  /** The cloud issues TLS certificates through Terraform (`cloud.certificate.issued()`). */
  readonly issuesCertificates: boolean;
  /**
   * The cloud gives a load balancer a way to admit its own CDN alone (AWS: an internal ALB
   * behind a CloudFront VPC origin), so nobody goes around the CDN (`LoadBalancerClients.cdnEdgesOnly()`).
   */
  readonly restrictsOriginToCdn: boolean;
  /**
   * The CDN can serve the load balancer's certificate: an existing certificate's ID is
   * good for both, so the CDN takes the bookstore's `certificate` unless `cdn.certificate`
   * says otherwise.
   */
  readonly cdnSharesLoadBalancerCertificate: boolean;
  /**
   * The load balancer can split requests by weight between the VMs and the cluster's
   * pods, so `WebRuntime.weighted(...)` can move a shop from one to the other.
   */
  readonly weightedWebRuntimes: boolean;
  /**
   * The managed Kubernetes service offers paid extended support for versions past their
   * standard support, which `kubernetes.extendedSupport` may turn on.
   */
  readonly kubernetesExtendedSupport: boolean;
  /**
   * The CDN can send the static paths to an asset bucket and every other path to the load
   * balancer, on the shop's one domain. Where it cannot, the bucket gets a CDN domain of
   * its own (`cdn.assetsDomain`).
   */
  readonly cdnRoutesPathsToBucket: boolean;
}

/** A region the cloud offers, as the catalog lists it. */
export interface RegionEntry {
  /** Zone names in the order the library uses them. */
  readonly zones: readonly string[];
}

/** An inclusive range of whole numbers. */
export interface NumberRange {
  /** The smallest value allowed. */
  readonly min: number;
  /** The largest value allowed. */
  readonly max: number;
}

/** A database instance class and the storage it takes. */
export interface DatabaseClass {
  /** The cloud's instance class, e.g. `db.t4g.medium`. */
  readonly instanceClass: string;
  /** Storage this class accepts. */
  readonly storageGiB: NumberRange & {
    /** Storage must be a multiple of this many GiB. */
    readonly stepGiB: number;
  };
}

/** What the cloud's managed Redis-compatible cache offers. */
export interface CacheCatalog {
  /**
   * Neutral cache sizes to the cloud's node type or instance class, as the adapter passes
   * it (on Tencent Cloud, the memory in MB).
   */
  readonly sizes: Readonly<Record<CacheSize, string>>;
  /**
   * Neutral Redis major versions to the engine version the cloud takes: only those it
   * offers. A version missing here is refused with a ValidationError, never mapped to another.
   */
  readonly versions: Readonly<Partial<Record<RedisVersion, string>>>;
  /** Days of automatic backups the cloud keeps; the library's own floor of 7 days applies on top. */
  readonly backupRetentionDays: NumberRange;
  /** The cache's name on this cloud: the service's own rule, checked on top of `names`. */
  readonly name: NameRule;
}

/** The cloud's limits on a network's address ranges. */
export interface NetworkLimits {
  /** Prefix lengths a network CIDR may have, e.g. 16 to 24. */
  readonly prefixLength: NumberRange;
  /** The smallest subnet the plan may produce, as a prefix length (e.g. 28 for /28). */
  readonly smallestSubnetPrefixLength: number;
}

/** The cloud's rule for one kind of name. */
export interface NameRule {
  /** Regular expression source the whole name must match. */
  readonly pattern: string;
  /** Longest name allowed, in characters. */
  readonly maxLength: number;
  /** What the rule allows, in words, for error messages. */
  readonly description: string;
}

/**
 * Per-cloud replacements for catalog entries, for teams that outgrow the neutral
 * sizes: e.g. `{ computeSizes: { MEDIUM: "m7i.large" } }`. Each entry replaces the
 * catalog's value for that key only.
 */
export interface CatalogOverrides {
  /** VM instance types, replacing `computeSizes` key by key. */
  readonly computeSizes?: Partial<Record<ComputeSize, string>>;
  /** MySQL engine versions, replacing `mysqlVersions` key by key. */
  readonly mysqlVersions?: Partial<Record<MysqlVersion, string>>;
  /** Database instance classes and their storage, replacing `databaseSizes` key by key. */
  readonly databaseSizes?: Partial<Record<DatabaseSize, DatabaseClass>>;
  /** Cache node types or classes, replacing `cache.sizes` key by key. */
  readonly cacheSizes?: Partial<Record<CacheSize, string>>;
  /** Zones per region, replacing the catalog's list for that region. */
  readonly regions?: Readonly<Record<string, RegionEntry>>;
}

/**
 * A new frozen catalog with the overrides applied key by key. The overrides pass the
 * checks the shipped catalog passes first; a bad one is refused as
 * `Cloud.<cloud>: invalid catalogOverrides.<table>.<key>...`.
 */
export function applyCatalogOverrides<C extends CloudCatalog>(catalog: C, overrides: CatalogOverrides | undefined): C {
  if (!overrides) return catalog;
  requireValidCatalogEntries(`Cloud.${catalog.cloud}`, "catalogOverrides", catalog.catalogRules, overrides);
  return deepFreeze({
    ...catalog,
    computeSizes: { ...catalog.computeSizes, ...definedEntries(overrides.computeSizes) },
    mysqlVersions: { ...catalog.mysqlVersions, ...definedEntries(overrides.mysqlVersions) },
    databaseSizes: { ...catalog.databaseSizes, ...definedEntries(overrides.databaseSizes) },
    cache: { ...catalog.cache, sizes: { ...catalog.cache.sizes, ...definedEntries(overrides.cacheSizes) } },
    regions: { ...catalog.regions, ...definedEntries(overrides.regions) },
  });
}

function definedEntries<T>(record: Partial<Record<string, T>> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== undefined)) as Record<string, T>;
}

/** Freezes a catalog and everything in it, so no adapter can change the data by accident. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
