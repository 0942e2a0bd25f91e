import { Construct, IConstruct } from "constructs";
import { AssetBucket, AssetBucketProps, IAssetBucket } from "../core/asset-bucket";
import { TerraformOutput } from "../core/cdktf";
import { Cache, CacheProps, ICache } from "../core/cache";
import { Cdn, CdnProps, ICdn } from "../core/cdn";
import { CertificateSource, ICloud } from "../core/cloud";
import { ComputeGroup, ComputeGroupProps, IComputeGroup, resolveVmContainer, resolveVmEnvironment, resolveVmSizing } from "../core/compute-group";
import { Database, DatabaseProps, IDatabase } from "../core/database";
import { DEFAULT_NODE_SIZE, IKubernetesCluster, KubernetesCluster, KubernetesClusterProps } from "../core/kubernetes-cluster";
import { ILoadBalancer, LoadBalancer, LoadBalancerClients, LoadBalancerProps } from "../core/load-balancer";
import { PropShape, propKeys, requireKnownProps } from "../core/known-props";
import { requireValidName, satisfiesNameRule } from "../core/names";
import { INetwork, Network, NetworkProps } from "../core/network";
import { requireBoolean, ValidationError, type ValidationScope } from "../core/validation";
import { Tags } from "../core/tags";
import { WebRuntime } from "../core/web-runtime";
import type { RegistryCredentials } from "../core/registry-credentials";
import { applicationEnvironment, reservedApplicationVariables } from "../core/application-environment";
import { WORKLOAD_SERVICE_ACCOUNT } from "../kubernetes/bookstore-workloads";
import { resolveWorkloadSettings, ResolvedWorkloadSettings, WorkloadSettings } from "../kubernetes/workloads-props";

/** Room left in every name for the longest suffix the bookstore adds ("-web", "-k8s"). */
const NAME_SUFFIX_LENGTH = 4;

/** The cache's name suffix: longer than the room `NAME_SUFFIX_LENGTH` leaves, so checked on its own while the cache is on. */
const CACHE_NAME_SUFFIX = "-cache";

/** Tags the adapters set on a resource themselves (`Name`), on top of the bookstore's. */
const ADAPTER_TAGS_PER_RESOURCE = 1;

/** The shop's name, valid on the cloud with room for the suffixes of its resources' names. */
export function requireValidBookstoreName(scope: ValidationScope, name: string, cloud: ICloud): string {
  const names = cloud.catalog.names;
  return requireValidName(scope, "name", name, { ...names, maxLength: names.maxLength - NAME_SUFFIX_LENGTH });
}

/**
 * Refuses a shop name that leaves no room for the cache's, `<name>-cache`, on the cloud:
 * named as the user wrote it (`name`), with the way out (`cache.enabled: false`).
 */
function requireRoomForCacheName(scope: IConstruct, name: string, cloud: ICloud): void {
  const cacheName = `${name}${CACHE_NAME_SUFFIX}`;
  for (const rule of [cloud.catalog.names, cloud.catalog.cache.name]) {
    if (!satisfiesNameRule(cacheName, rule)) {
      throw new ValidationError(
        scope,
        "name",
        name,
        `a name that leaves the cache's name (${cacheName}) valid: ${rule.description}, at most ${rule.maxLength} characters, so at most ${rule.maxLength - CACHE_NAME_SUFFIX.length} for the shop's; or cache.enabled false`,
      );
    }
  }
}

/** Refuses tags the cloud would refuse at apply time: too many, too long, reserved or with characters it does not take. */
function requireTagsWithinLimits(scope: IConstruct, tags: Readonly<Record<string, string>>, cloud: ICloud): void {
  const rules = cloud.catalog.limits.tags;
  const count = Object.keys(tags).length + ADAPTER_TAGS_PER_RESOURCE;
  if (count > rules.maxPerResource) {
    throw new ValidationError(scope, "tags", tags, `at most ${rules.maxPerResource - ADAPTER_TAGS_PER_RESOURCE - 1} tags besides app: a resource on ${cloud.name} takes ${rules.maxPerResource}, and the library sets app and Name`);
  }
  const characters = new RegExp(`^(?:${rules.allowedCharacters})$`, "u");
  // `${` and `%{` would be read by Terraform as its template syntax, on any cloud.
  const forbiddenEverywhere = [...rules.forbiddenSubstrings, "${", "%{"];
  const forbidden = (text: string) => forbiddenEverywhere.find((part) => text.toLowerCase().includes(part));
  for (const [key, value] of Object.entries(tags)) {
    const field = `tags.${key}`;
    const reserved = rules.reservedKeyPrefixes.find((prefix) => key.toLowerCase().startsWith(prefix));
    if (key.length < 1 || key.length > rules.keyMaxLength || !characters.test(key) || reserved !== undefined || forbidden(key) !== undefined) {
      const notReserved = rules.reservedKeyPrefixes.length > 0 ? `, not starting with ${rules.reservedKeyPrefixes.join(", ")}` : "";
      const notForbidden = `, without ${forbiddenEverywhere.join(" or ")}`;
      throw new ValidationError(scope, field, key, `a key of 1 to ${rules.keyMaxLength} ${rules.allowedCharactersDescription}${notReserved}${notForbidden} on ${cloud.name}`);
    }
    if (typeof value !== "string" || value.length > rules.valueMaxLength || !characters.test(value) || forbidden(value) !== undefined) {
      const notForbidden = `, without ${forbiddenEverywhere.join(" or ")}`;
      throw new ValidationError(scope, field, value, `a value of at most ${rules.valueMaxLength} ${rules.allowedCharactersDescription}${notForbidden} on ${cloud.name}`);
    }
  }
}

/**
 * Builds a child construct and, when it refuses a prop, names the prop as the
 * bookstore's props spell it: the web tier's `containerPort` is the user's `web.port`.
 */
function asProp<T>(fieldOf: (childField: string) => string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ValidationError) throw error.withField(fieldOf(error.field));
    throw error;
  }
}

/** A child field the composition fills from a top-level prop, or else the prop group's own field. */
const fieldsOf =
  (group: string, wired: Readonly<Record<string, string>>) =>
  (childField: string): string => {
    if (childField in wired) return wired[childField];
    const head = childField.split(/[.[]/)[0];
    if (head in wired) return wired[head] + childField.slice(head.length);
    return `${group}.${childField}`;
  };
const NETWORK_FIELDS = fieldsOf("network", { name: "name", region: "region" });
// The data stores take the bookstore's own `cloud`: a refusal of one of its settings (e.g.
// `cloud.kmsInstanceId`) is the top-level prop's.
const DATABASE_FIELDS = fieldsOf("database", { name: "name", cloud: "cloud" });
const CACHE_FIELDS = fieldsOf("cache", { name: "name", cloud: "cloud" });
const LOAD_BALANCER_WIRED = { name: "name", domain: "domain", certificate: "certificate", targetPort: "web.port", healthCheckPath: "web.healthCheckPath", runtime: "web.runtime" };
// `clients` comes from `cdn.enabled` unless the user gives `loadBalancer.clients`.
const LOAD_BALANCER_FIELDS = fieldsOf("loadBalancer", { ...LOAD_BALANCER_WIRED, clients: "cdn.enabled" });
const LOAD_BALANCER_FIELDS_OWN_CLIENTS = fieldsOf("loadBalancer", LOAD_BALANCER_WIRED);
const WEB_FIELDS = fieldsOf("web", { name: "name", containerPort: "web.port" });
const CDN_FIELDS = fieldsOf("cdn", { name: "name" });
const ASSETS_FIELDS = fieldsOf("assets", { namePrefix: "name" });
const KUBERNETES_FIELDS = fieldsOf("kubernetes", {
  name: "name",
  network: "network.cidr",
  "network.cidr": "network.cidr",
  "workloadIdentity.registryCredentials": "web.registryCredentials",
  "workloadIdentity.registryCredentials.secretName": "web.registryCredentials.secretName",
});

// The composition's props are the neutral constructs' props, less what the composition
// wires itself (cloud, network, names, peers): each default and its doc live once, on the
// construct that applies it.

/** The network: see `NetworkProps`. */
export interface BookstoreNetworkProps extends Omit<NetworkProps, "cloud" | "name"> {}

/**
 * The web tier: the bookstore container on autoscaled VMs (see `ComputeGroupProps`), on the
 * Kubernetes cluster's pods (see `kubernetes.workloads`), or on both, behind the one load
 * balancer.
 */
export interface BookstoreWebProps
  extends Pick<
      ComputeGroupProps,
      "image" | "size" | "minInstances" | "maxInstances" | "environment" | "registryCredentials" | "runAsUser" | "writableRootFilesystem" | "runAsRootForPrivilegedPort"
    >,
    Pick<LoadBalancerProps, "healthCheckPath"> {
  /**
   * Where the web tier runs: `WebRuntime.vms()`, `WebRuntime.kubernetes()`, or
   * `WebRuntime.weighted({ vmsPercent, kubernetesPercent })` where the cloud's load balancer
   * can split by weight. Switching keeps the load balancer, the CDN and the database.
   * @default WebRuntime.kubernetes() when the cluster is enabled, else WebRuntime.vms()
   */
  readonly runtime?: WebRuntime;
  /**
   * Port the container listens on: the load balancer's target port and the pods'
   * container port.
   * @default 8080
   */
  readonly port?: number;
}

/** The database: see `DatabaseProps`. */
export interface BookstoreDatabaseProps extends Omit<DatabaseProps, "cloud" | "network" | "name"> {}

/** The cache: see `CacheProps`. */
export interface BookstoreCacheProps extends Omit<CacheProps, "cloud" | "network" | "name"> {
  /**
   * A managed Redis-compatible cache that the web tier (and the cluster's nodes) may reach.
   * @default true
   */
  readonly enabled?: boolean;
}

/** The load balancer: see `LoadBalancerProps`. */
export interface BookstoreLoadBalancerProps extends Pick<LoadBalancerProps, "deletionProtection" | "idleTimeoutSeconds"> {
  /**
   * Who may connect to the load balancer.
   * @default `LoadBalancerClients.cdnEdgesOnly()` with the CDN where the cloud can admit its CDN alone (AWS), else `LoadBalancerClients.anywhere()`
   */
  readonly clients?: LoadBalancerClients;
}

/** The CDN in front of the load balancer: see `CdnProps`. */
export interface BookstoreCdnProps extends Omit<CdnProps, "cloud" | "origin" | "name" | "assets"> {
  /**
   * Put a CDN in front of the load balancer. Without it, point the domain at the load
   * balancer, which then accepts traffic from anywhere.
   * @default true
   */
  readonly enabled?: boolean;
}

/** The asset bucket: see `AssetBucketProps`. */
export interface BookstoreAssetBucketProps extends Omit<AssetBucketProps, "cloud" | "namePrefix"> {
  /**
   * A private bucket for book covers, images and static files, served through the CDN and
   * writable by the web tier. Its name is `<name>-assets` and, where bucket names are
   * shared by every account of the cloud (S3, OSS), 8 random characters; give `name` for
   * one of your own.
   * @default true
   */
  readonly enabled?: boolean;
}

/** The Kubernetes cluster and the workloads on it: see `KubernetesClusterProps`. */
export interface BookstoreKubernetesProps extends Omit<KubernetesClusterProps, "cloud" | "network" | "name" | "workloadIdentity" | "loadBalancer"> {
  /** @default true */
  readonly enabled?: boolean;
  /**
   * The bookstore's workloads on the cluster, delivered in the `<name>-<cloud>-workloads`
   * stack. The image, port and health check default to the web tier's.
   * @default 2 to 6 hardened pods of the web image
   */
  readonly workloads?: Partial<WorkloadSettings>;
}

/** Props of `Bookstore`: the whole shop in cloud-neutral terms. */
export interface BookstoreProps {
  /** The cloud to build the bookstore on. */
  readonly cloud: ICloud;
  /**
   * Name of the shop: the prefix of every resource name.
   * @default "bookstore"
   */
  readonly name?: string;
  /** The public domain of the shop, e.g. `shop.example.com`. */
  readonly domain: string;
  /**
   * The load balancer's certificate for `domain`; also the CDN's, where the cloud's CDN
   * can serve it (every cloud but AWS, whose CDN takes certificates from us-east-1 only).
   * @default issued by the cloud with DNS validation, where the cloud can (AWS); other
   * clouds need `cloud.certificate.existing(...)`
   */
  readonly certificate?: CertificateSource;
  /** @default a 10.0.0.0/16 network over 2 zones */
  readonly network?: BookstoreNetworkProps;
  /**
   * The web tier: the bookstore container on the cluster's pods while `kubernetes.enabled`
   * (the default), else on autoscaled VMs, or on both by weight: `web.runtime` says which.
   */
  readonly web: BookstoreWebProps;
  /** @default the catalog's MySQL version (8.4 on AWS, 8.0 on Alibaba Cloud and Tencent Cloud), SMALL, highly available, 7 days of backups */
  readonly database?: BookstoreDatabaseProps;
  /** @default a SMALL Redis 7 cache, highly available, 7 days of backups */
  readonly cache?: BookstoreCacheProps;
  /** @default deletion protected, 60 s idle timeout */
  readonly loadBalancer?: BookstoreLoadBalancerProps;
  /** @default a CDN caching /static/* */
  readonly cdn?: BookstoreCdnProps;
  /** @default a private, versioned asset bucket behind the CDN, deletion protected */
  readonly assets?: BookstoreAssetBucketProps;
  /** @default a cluster of 2 to 5 MEDIUM nodes */
  readonly kubernetes?: BookstoreKubernetesProps;
  /**
   * Tags on every taggable resource.
   * @default { app: <name> }
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The workloads' settings as `kubernetes.workloads` takes them. */
const WORKLOAD_SETTINGS_SHAPE: PropShape = {
  what: "the workloads",
  keys: propKeys<WorkloadSettings>()([
    "image", "containerPort", "healthCheckPath", "namespace", "minReplicas", "maxReplicas", "minAvailable", "targetCpuPercent",
    "cpuRequestMillicores", "cpuLimitMillicores", "memoryRequestMiB", "memoryLimitMiB", "runAsUser", "writableRootFilesystem",
    "mountServiceAccountToken", "environment",
  ]),
};

/**
 * Every prop of `BookstoreProps`, at every level a plain object is given, so that a
 * misspelled prop is refused with its path (see `requireKnownProps`). Free-form maps
 * (`tags`, environments, `addOnVersions`) and objects made by the library's own factories
 * (`certificate`, `web.runtime`, `web.registryCredentials`) are not looked into.
 */
export const BOOKSTORE_PROP_SHAPE: PropShape = {
  what: "the bookstore",
  keys: propKeys<BookstoreProps>()(["cloud", "name", "domain", "certificate", "network", "web", "database", "cache", "loadBalancer", "cdn", "assets", "kubernetes", "tags"]),
  nested: {
    network: { what: "the network", keys: propKeys<BookstoreNetworkProps>()(["cidr", "zones", "zoneNames"]) },
    web: {
      what: "the web tier",
      keys: propKeys<BookstoreWebProps>()(["image", "size", "minInstances", "maxInstances", "environment", "registryCredentials", "healthCheckPath", "runtime", "port", "runAsUser", "writableRootFilesystem", "runAsRootForPrivilegedPort"]),
    },
    database: {
      what: "the database",
      keys: propKeys<BookstoreDatabaseProps>()(["version", "size", "storageGiB", "highlyAvailable", "backupRetentionDays", "deletionProtection", "databaseName", "username"]),
    },
    cache: { what: "the cache", keys: propKeys<BookstoreCacheProps>()(["enabled", "size", "engineVersion", "highlyAvailable", "backupRetentionDays", "deletionProtection"]) },
    loadBalancer: { what: "the load balancer", keys: propKeys<BookstoreLoadBalancerProps>()(["deletionProtection", "idleTimeoutSeconds", "clients"]) },
    cdn: { what: "the CDN", keys: propKeys<BookstoreCdnProps>()(["enabled", "staticPaths", "staticCacheTtlSeconds", "certificate", "assetsDomain"]) },
    assets: { what: "the asset bucket", keys: propKeys<BookstoreAssetBucketProps>()(["enabled", "name", "noncurrentVersionRetentionDays", "deletionProtection"]) },
    kubernetes: {
      what: "the Kubernetes cluster",
      keys: propKeys<BookstoreKubernetesProps>()([
        "enabled", "version", "nodeSize", "minNodes", "maxNodes", "publicApiAllowedCidrs", "privateApiAllowedCidrs", "administrators", "addOnVersions", "extendedSupport", "workloads",
      ]),
      nested: { workloads: WORKLOAD_SETTINGS_SHAPE },
    },
  },
};

/**
 * The online bookstore on one cloud: network, database, cache, load balancer, web tier,
 * CDN and Kubernetes cluster, wired together. Written only against the neutral
 * contracts: the cloud decides how each piece is built.
 *
 * The child IDs (`Network`, `Database`, ...) are part of the public contract: a changed
 * ID replaces the resources under it, the database included.
 */
export class Bookstore extends Construct {
  /** The cloud the bookstore is built on. */
  public readonly cloud: ICloud;
  /** The bookstore's network. */
  public readonly network: INetwork;
  /** The bookstore's MySQL database. */
  public readonly database: IDatabase;
  /** The cache; undefined with `cache.enabled: false`. */
  public readonly cache?: ICache;
  /** The load balancer in front of the web tier. */
  public readonly loadBalancer: ILoadBalancer;
  /** Where the web tier runs. */
  public readonly runtime: WebRuntime;
  /** The VMs; undefined when the runtime sends them no requests. */
  public readonly web?: IComputeGroup;
  /** The CDN in front of the load balancer; undefined when `cdn` is off. */
  public readonly cdn?: ICdn;
  /** The asset bucket; undefined with `assets.enabled: false`. */
  public readonly assets?: IAssetBucket;
  /** The Kubernetes cluster; undefined when nothing runs on Kubernetes. */
  public readonly kubernetes?: IKubernetesCluster;
  /** The workloads' settings, validated; undefined without a cluster. */
  public readonly workloadSettings?: ResolvedWorkloadSettings;
  /** What the pods read (`applicationEnvironment`); undefined without a cluster. */
  public readonly workloadEnvironment?: Readonly<Record<string, string>>;
  /** The domain the bookstore serves. */
  public readonly domain: string;
  /** The tags on every taggable resource of the bookstore: `app` and the `tags` prop, checked. */
  public readonly tags: Readonly<Record<string, string>>;
  /** The login to the image's private registry, for the pods too (`web.registryCredentials`). */
  public readonly registryCredentials?: RegistryCredentials;

  constructor(scope: Construct, id: string, props: BookstoreProps) {
    super(scope, id);
    // Before anything else, so that a misspelled prop is named as such, not as a missing one.
    requireKnownProps(this, "", props, BOOKSTORE_PROP_SHAPE);
    const { cloud } = props;
    this.cloud = cloud;
    const name = requireValidBookstoreName(this, props.name ?? "bookstore", cloud);
    if (props.web === null || typeof props.web !== "object") {
      throw new ValidationError(this, "web", props.web, "the web tier's props, at least { image: <a pinned container image> }");
    }
    const tags = { app: name, ...props.tags };
    requireTagsWithinLimits(this, tags, cloud);
    this.tags = tags;
    for (const [key, value] of Object.entries(tags)) Tags.of(this).add(key, value);

    this.network = asProp(NETWORK_FIELDS, () => new Network(this, "Network", { cloud, name, ...props.network }));
    this.database = asProp(DATABASE_FIELDS, () => new Database(this, "Database", { cloud, network: this.network, name: `${name}-db`, ...props.database }));
    if (requireBoolean(this, "cache.enabled", props.cache?.enabled ?? true)) {
      requireRoomForCacheName(this, name, cloud);
      const { enabled: _enabled, ...cacheProps } = props.cache ?? {};
      this.cache = asProp(CACHE_FIELDS, () => new Cache(this, "Cache", { cloud, network: this.network, name: `${name}${CACHE_NAME_SUFFIX}`, ...cacheProps }));
    }

    if (requireBoolean(this, "assets.enabled", props.assets?.enabled ?? true)) {
      const { enabled: _enabled, ...assetProps } = props.assets ?? {};
      this.assets = asProp(ASSETS_FIELDS, () => new AssetBucket(this, "Assets", { cloud, namePrefix: `${name}-assets`, ...assetProps }));
    }

    const cdnEnabled = requireBoolean(this, "cdn.enabled", props.cdn?.enabled ?? true);
    const clusterEnabled = requireBoolean(this, "kubernetes.enabled", props.kubernetes?.enabled ?? true);
    this.runtime = props.web.runtime ?? (clusterEnabled ? WebRuntime.kubernetes() : WebRuntime.vms());
    if (this.runtime instanceof WebRuntime && this.runtime.usesKubernetes && !clusterEnabled) {
      throw new ValidationError(this, "web.runtime", `{ vmsPercent: ${this.runtime.vmsPercent}, kubernetesPercent: ${this.runtime.kubernetesPercent} }`, "WebRuntime.vms(): kubernetes.enabled is false, so there are no pods to send requests to");
    }
    this.loadBalancer = asProp(props.loadBalancer?.clients === undefined ? LOAD_BALANCER_FIELDS : LOAD_BALANCER_FIELDS_OWN_CLIENTS, () => new LoadBalancer(this, "LoadBalancer", {
      cloud,
      network: this.network,
      name: `${name}-lb`,
      domain: props.domain,
      certificate: props.certificate,
      targetPort: props.web.port,
      healthCheckPath: props.web.healthCheckPath,
      // Where the cloud lets the load balancer admit its CDN alone, nobody can go around the CDN.
      clients: cdnEnabled && cloud.catalog.capabilities.restrictsOriginToCdn ? LoadBalancerClients.cdnEdgesOnly() : LoadBalancerClients.anywhere(),
      runtime: this.runtime,
      ...props.loadBalancer,
    }));

    if (this.runtime.usesVms) {
      this.web = asProp(WEB_FIELDS, () => new ComputeGroup(this, "Web", {
        cloud,
        network: this.network,
        name: `${name}-web`,
        image: props.web.image,
        containerPort: props.web.port,
        size: props.web.size,
        minInstances: props.web.minInstances,
        maxInstances: props.web.maxInstances,
        environment: props.web.environment,
        database: this.database,
        cache: this.cache,
        loadBalancer: this.loadBalancer,
        assetBucket: this.assets,
        registryCredentials: props.web.registryCredentials,
        runAsUser: props.web.runAsUser,
        writableRootFilesystem: props.web.writableRootFilesystem,
        runAsRootForPrivilegedPort: props.web.runAsRootForPrivilegedPort,
      }));
    } else {
      // No VMs run, but the VMs' props are held to the same rules, so a value that would
      // fail on switching the runtime fails now, and a typo such as NaN never sits unnoticed.
      resolveVmSizing(this, "web.", props.web);
      resolveVmEnvironment(this, "web.environment", props.web.environment, cloud);
      // The port is the pods' alone here, which may listen below 1024 without root.
      resolveVmContainer(this, "web.", props.web, undefined);
    }

    if (cdnEnabled) {
      const { enabled: _enabled, certificate = cloud.catalog.capabilities.cdnSharesLoadBalancerCertificate ? props.certificate : undefined, ...cdnProps } = props.cdn ?? {};
      this.cdn = asProp(CDN_FIELDS, () => new Cdn(this, "Cdn", { cloud, origin: this.loadBalancer, name: `${name}-cdn`, certificate, assets: this.assets, ...cdnProps }));
    }

    this.domain = props.domain;
    this.registryCredentials = props.web.registryCredentials;
    if (clusterEnabled) {
      const { enabled: _enabled, workloads, ...clusterProps } = props.kubernetes ?? {};
      // A setting the workloads take from the web tier is named as the web tier's prop.
      const fromWeb: Record<string, string> = { image: "web.image", containerPort: "web.port", healthCheckPath: "web.healthCheckPath" };
      const workloadField = (childField: string) => {
        const setting = childField.slice("kubernetes.workloads.".length);
        return setting in fromWeb && (workloads as Record<string, unknown> | undefined)?.[setting] === undefined ? fromWeb[setting] : childField;
      };
      const settings = asProp(workloadField, () =>
        resolveWorkloadSettings(
          this,
          { image: props.web.image, containerPort: props.web.port, healthCheckPath: props.web.healthCheckPath, ...workloads },
          "kubernetes.workloads",
          clusterProps.nodeSize ?? DEFAULT_NODE_SIZE,
          reservedApplicationVariables(cloud),
        ),
      );
      this.workloadSettings = settings;
      this.kubernetes = asProp(KUBERNETES_FIELDS, () => new KubernetesCluster(this, "Kubernetes", {
        cloud,
        network: this.network,
        name: `${name}-k8s`,
        ...clusterProps,
        // The pods read the database's credentials at run time with their own cloud identity,
        // and pull their image from the cloud's registry where the cluster must be told of it.
        // A private registry's login, kept in the secret store, reaches the pods as an image
        // pull secret that the cluster's operator makes and refreshes.
        workloadIdentity: {
          namespace: settings.namespace,
          serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
          database: this.database,
          cache: this.cache,
          assetBucket: this.assets,
          image: settings.image,
          registryCredentials: props.web.registryCredentials,
        },
        // The pods join the load balancer's pod backend, when the runtime sends them requests.
        loadBalancer: this.runtime.usesKubernetes ? this.loadBalancer : undefined,
      }));
      // The bookstore's pods use the same database and cache as the web tier.
      this.database.allowConnectionsFrom(this.kubernetes);
      this.cache?.allowConnectionsFrom(this.kubernetes);
      this.workloadEnvironment = applicationEnvironment({ cloud, containerPort: settings.containerPort, database: this.database, cache: this.cache, assetBucket: this.assets });
    }

    this.outputs(name);
  }

  private outputs(name: string): void {
    const output = (id: string, value: string, description: string) => new TerraformOutput(this, id, { value, description });
    output("LoadBalancerDnsName", this.loadBalancer.dnsName, `Load balancer of ${name}`);
    output("DatabaseHost", this.database.connection.host, "MySQL host, reachable only from inside the network");
    output("DatabaseCredentialsSecret", this.database.connection.credentialsSecretId, "Where the database credentials are kept");
    // Where migrations find their account (DDL on the shop's database); on AWS the master user's, the same secret.
    output("DatabaseSchemaCredentialsSecret", this.database.schemaCredentialsSecretId, "Where the schema account's credentials are kept (for migrations; the application is not given them)");
    if (this.cache) {
      output("CacheHost", this.cache.connection.host, "Cache host, reachable only from inside the network, over TLS");
      output("CacheCredentialsSecret", this.cache.connection.credentialsSecretId, "Where the cache's password is kept");
    }
    if (this.cdn) output("CdnDomainName", this.cdn.cdnDomainName, `Point ${this.loadBalancer.domain} here with a CNAME`);
    if (this.assets) output("AssetBucketName", this.assets.bucketName, "The private bucket for images and static files; the web tier may write to it");
    if (this.cdn?.assetsCdnDomainName) output("AssetsCdnDomainName", this.cdn.assetsCdnDomainName, `Point ${this.cdn.assetsDomain} here with a CNAME`);
    if (this.kubernetes) {
      output("KubernetesClusterId", this.kubernetes.clusterId, "The cluster, for the workloads stack");
      output("KubernetesEndpoint", this.kubernetes.endpoint, "The cluster's API server");
    }
  }
}
