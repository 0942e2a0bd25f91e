import { Construct, IConstruct } from "constructs";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import {
  DatabaseAuthentication,
  TlsTrust,
  TlsVerifyMode,
  AddOnOptions,
  AssetBucketSpec,
  CacheSize,
  CacheSpec,
  CatalogOverrides,
  CdnHostNameSpec,
  CdnSpec,
  CertificateSource,
  CloudCatalog,
  ComputeGroupSpec,
  ComputeSize,
  DatabaseSize,
  DatabaseSpec,
  deepFreeze,
  ICloud,
  IKubernetesAccess,
  INetworkPeer,
  KubernetesClusterSpec,
  LoadBalancerSpec,
  MysqlVersion,
  NetworkSpec,
  RedisVersion,
  applyCatalogOverrides,
  GlobalDomainSpec,
  ServiceArea,
} from "../../lib";

/**
 * A catalog no real cloud has, so a test can see which value came from the catalog:
 * every instance type, class and version is prefixed with "fake".
 */
export const FAKE_CATALOG: CloudCatalog = deepFreeze({
  cloud: "fake",
  regions: { "fake-east-1": { zones: ["fake-east-1a", "fake-east-1b", "fake-east-1c"] }, "fake-west-1": { zones: ["fake-west-1a", "fake-west-1b"] } },
  computeSizes: { [ComputeSize.SMALL]: "fake.small", [ComputeSize.MEDIUM]: "fake.medium", [ComputeSize.LARGE]: "fake.large", [ComputeSize.XLARGE]: "fake.xlarge" },
  mysqlVersions: { [MysqlVersion.V8_0]: "fake-mysql-8.0" },
  defaultMysqlVersion: MysqlVersion.V8_0,
  mysqlSupport: { [MysqlVersion.V8_0]: { standardSupportEnds: "2030-12-31", ref: "https://fake.example/mysql-calendar", checkedOn: "2026-12-07" } },
  databaseSizes: {
    [DatabaseSize.SMALL]: { instanceClass: "fake.db.small", storageGiB: { min: 10, max: 1000, stepGiB: 5 } },
    [DatabaseSize.MEDIUM]: { instanceClass: "fake.db.medium", storageGiB: { min: 50, max: 2000, stepGiB: 10 } },
    [DatabaseSize.LARGE]: { instanceClass: "fake.db.large", storageGiB: { min: 100, max: 4000, stepGiB: 100 } },
  },
  backupRetentionDays: { min: 1, max: 30 },
  cache: {
    sizes: { [CacheSize.SMALL]: "fake.cache.small", [CacheSize.MEDIUM]: "fake.cache.medium", [CacheSize.LARGE]: "fake.cache.large" },
    versions: { [RedisVersion.V7]: "fake-redis-7" },
    backupRetentionDays: { min: 1, max: 14 },
    name: { pattern: "[a-z](?:-?[a-z0-9])*", maxLength: 24, description: "lower-case letters, digits and single hyphens" },
  },
  kubernetesVersions: ["1.32", "1.33"],
  defaultKubernetesVersion: "1.32",
  kubernetesSupport: {
    "1.32": { standardSupportEnds: "2030-06-30", extendedSupportEnds: "2031-06-30", ref: "https://fake.example/kubernetes-calendar", checkedOn: "2026-12-07" },
    "1.33": { standardSupportEnds: "2030-12-31", extendedSupportEnds: "2031-12-31", ref: "https://fake.example/kubernetes-calendar", checkedOn: "2026-12-07" },
  },
  serviceNames: { kubernetes: "Fake Kubernetes", mysql: "Fake MySQL" },
  pastStandardSupport: { kubernetes: "the fake cloud upgrades it", mysql: "the fake cloud upgrades it" },
  network: { prefixLength: { min: 16, max: 24 }, smallestSubnetPrefixLength: 28 },
  names: { pattern: "[a-z](?:[a-z0-9-]*[a-z0-9])?", maxLength: 30, description: "lower-case letters, digits and hyphens" },
  capabilities: { issuesCertificates: true, restrictsOriginToCdn: true, cdnSharesLoadBalancerCertificate: false, weightedWebRuntimes: true, kubernetesExtendedSupport: true, cdnRoutesPathsToBucket: true },
  limits: {
    tags: {
      maxPerResource: 10,
      keyMaxLength: 64,
      valueMaxLength: 64,
      allowedCharacters: "[\\p{L}\\p{N} _.:/=+\\-@]*",
      allowedCharactersDescription: "letters, digits, spaces and _ . : / = + - @",
      reservedKeyPrefixes: ["fake:"],
      forbiddenSubstrings: ["://"],
    },
    userData: { maxBytes: 16384, measuredAfterBase64: false },
    mysql: {
      databaseName: { pattern: "[a-z][a-z0-9_]*", maxLength: 32, description: "lower-case letters, digits and underscores" },
      username: { pattern: "[a-z][a-z0-9]*", maxLength: 16, description: "lower-case letters and digits" },
      reservedUsernames: ["root", "fakeadmin"],
    },
    loadBalancerNameReservedPrefixes: ["internal-"],
    cdn: { maxPathPatternLength: 100, maxPathPatterns: 5 },
    issuedCertificateDomainMaxLength: 64,
    hostReservedPorts: [22],
    maxPublicApiCidrs: 5,
    maxLoadBalancerClientCidrs: 4,
    maxPrivateApiCidrs: 3,
    clusterAdministrator: { pattern: "fake:principal/[a-z-]+", description: "a fake principal", example: "fake:principal/ci" },
    secretName: { pattern: "[a-z-]+", maxLength: 32, description: "lower-case letters and -" },
  },
  catalogRules: {
    regionPattern: "fake-[a-z]+-\\d",
    zonePattern: "{region}[a-z]",
    instanceTypePattern: "[a-z]+\\.[a-z]+",
    databaseClassPattern: "[a-z]+(?:\\.[a-z]+)+",
    mysqlEngineVersionPattern: "fake-mysql-\\d+\\.\\d+",
    cacheClassPattern: "fake\\.cache\\.[a-z]+",
    examples: { zone: "fake-east-1a", instanceType: "fake.small", databaseClass: "fake.db.small", cacheClass: "fake.cache.small" },
  },
  stateStorage: {
    bucket: { pattern: "[a-z0-9][a-z0-9-]+[a-z0-9]", maxLength: 63, description: "lower-case letters, digits and hyphens", reservedPrefixes: [], reservedSuffixes: [] },
    lockTable: { pattern: "[a-z_]+", maxLength: 64, description: "lower-case letters and underscores" },
  },
  kubernetesAddOns: {
    "fake-autoscaler": { versions: ["2.0.0", "1.9.0"], source: "https://example.com/fake-autoscaler/releases" },
    "fake-metrics": { versions: ["0.8.0"], source: "https://example.com/fake-metrics/releases" },
  },
  runtimeEnvironment: { regionVariables: ["FAKE_REGION"], workloadIdentityVariables: [] },
  assetBucket: {
    name: { pattern: "[a-z0-9][a-z0-9-]+[a-z0-9]", maxLength: 40, description: "lower-case letters, digits and hyphens", reservedPrefixes: ["fake-"], reservedSuffixes: ["-fake"] },
    hostName: { template: "{name}.objects.{region}.fake", maxLength: 50 },
    globallyUnique: true,
    uniqueness: "names are shared by every fake account",
    noncurrentVersionRetentionDays: { min: 1, max: 365 },
  },
  dns: {
    service: "Fake DNS",
    editions: {
      basic: { title: "Fake Basic", minimumTtlSeconds: 300, weightedRecords: false, nameServers: [] },
      pro: { title: "Fake Pro", minimumTtlSeconds: 10, weightedRecords: true, nameServers: ["ns1.fake.example", "ns2.fake.example"] },
    },
    defaultEdition: "basic",
    maximumTtlSeconds: 86400,
    weights: { min: 1, max: 100 },
    lines: {
      everywhere: { id: "everywhere", description: "every resolver no other line matches", side: ServiceArea.GLOBAL },
      mainland: { id: "mainland", description: "mainland China", side: ServiceArea.MAINLAND_CHINA },
      "isp-a": { id: "isp-a", description: "an ISP in mainland China", side: ServiceArea.MAINLAND_CHINA },
      abroad: { id: "abroad", description: "outside mainland China", side: ServiceArea.OUTSIDE_MAINLAND_CHINA },
    },
    locations: { catchAll: "everywhere", mainlandChina: "mainland", outsideMainlandChina: "everywhere" },
    catchAllRequired: false,
    healthChecks: { probesFrom: ServiceArea.OUTSIDE_MAINLAND_CHINA, intervalsSeconds: [10, 30], failureThreshold: { min: 1, max: 10 } },
  },
  prerequisites: [],
});

/** One call the neutral constructs made on the cloud. */
export interface RecordedCall {
  readonly capability: "network" | "computeGroup" | "database" | "cache" | "loadBalancer" | "cdn" | "cdnHostName" | "kubernetesCluster" | "allowConnectionsFrom" | "assetBucket" | "allowCdnReads" | "globalDomain";
  /** The construct that asked, e.g. `test/Shop/Database`. */
  readonly scopePath: string;
  readonly spec: unknown;
}

/**
 * A cloud that creates nothing and records every factory call, so the neutral core
 * (validation, catalog resolution, wiring order) is tested without any adapter.
 */
export class FakeCloud implements ICloud {
  public readonly catalog: CloudCatalog;
  public readonly calls: RecordedCall[] = [];
  /** Where the CDNs this cloud creates serve viewers; a test may move them. */
  public cdnServiceArea: ServiceArea = ServiceArea.OUTSIDE_MAINLAND_CHINA;
  public readonly certificate = {
    existing: (id: string) => CertificateSource.existing(this.name, id),
    issued: () => CertificateSource.issued(this.name),
  };
  public readonly kubernetesAccess: IKubernetesAccess = {
    connect: () => ({ host: "https://fake", clusterCaCertificate: "fake-ca", token: "fake-token" }),
    podEntry: (props) => ({
      serviceType: "ClusterIP",
      serviceAnnotations: { "fake/target-group": props.backend.targetGroupId },
      binding: { apiVersion: "fake.example.com/v1", kind: "FakeBinding", spec: { serviceName: props.serviceName, servicePort: props.servicePort, targetGroupId: props.backend.targetGroupId } },
      sourceCidrs: props.backend.sourceCidrs,
    }),
    podIdentity: (props) => ({
      serviceAccountAnnotations: { "fake/role": props.roleId },
      namespaceLabels: { "fake/identity": "on" },
      environment: { FAKE_ROLE: props.roleId, FAKE_TOKEN_FILE: "/var/run/secrets/bookstore/cloud-token/token" },
      projectedToken: { audience: "sts.fake", path: "token", expirationSeconds: 3600 },
      egress: [{ cidrs: ["0.0.0.0/0"], tcpPorts: [443] }],
    }),
    installAddOns: (_scope, _cluster, _versions, options) => {
      this.addOnOptions.push(options);
    },
    needsAddOns: () => true,
    registryPullSecret: (scope, props) => [
      new Manifest(scope, "FakeSecretSync", {
        manifest: {
          apiVersion: "fake.example.com/v1",
          kind: "FakeSecretSync",
          metadata: { name: props.name, namespace: props.namespace },
          spec: { secretName: props.credentials.secretName, type: "kubernetes.io/dockerconfigjson", cluster: props.cluster.name },
        },
      }),
    ],
  };
  /** The options each `installAddOns` call was given. */
  public readonly addOnOptions: AddOnOptions[] = [];

  constructor(
    public readonly region = "fake-east-1",
    overrides?: CatalogOverrides & { readonly capabilities?: Partial<CloudCatalog["capabilities"]> },
    public readonly name = "fake",
  ) {
    const { capabilities, ...catalogOverrides } = overrides ?? {};
    const overridden = applyCatalogOverrides(FAKE_CATALOG, catalogOverrides);
    this.catalog = capabilities ? deepFreeze({ ...overridden, capabilities: { ...overridden.capabilities, ...capabilities } }) : overridden;
  }

  /** The capabilities called, in order. */
  public get order(): string[] {
    return this.calls.map((call) => call.capability);
  }

  /** The spec of the one call of a capability. */
  public specOf<S>(capability: RecordedCall["capability"]): S {
    const matching = this.calls.filter((call) => call.capability === capability);
    if (matching.length !== 1) throw new Error(`expected one ${capability} call, got ${matching.length}`);
    return matching[0].spec as S;
  }

  public useProvidersIn(_scope: IConstruct): void {}

  public useRemoteState(): void {}

  private record(capability: RecordedCall["capability"], scope: IConstruct, spec: unknown): void {
    this.calls.push({ capability, scopePath: scope.node.path, spec });
  }

  public createNetwork(scope: Construct, spec: NetworkSpec) {
    this.record("network", scope, spec);
    return { networkId: "net-1", publicSubnetIds: spec.publicSubnetCidrs.map((_, i) => `public-${i}`), privateSubnetIds: spec.privateSubnetCidrs.map((_, i) => `private-${i}`) };
  }

  public createComputeGroup(scope: Construct, spec: ComputeGroupSpec) {
    this.record("computeGroup", scope, spec);
    return { groupId: "group-1", securityGroupId: "sg-web" };
  }

  public createDatabase(scope: Construct, spec: DatabaseSpec) {
    this.record("database", scope, spec);
    return {
      connection: {
        host: "db.fake",
        port: 3306,
        databaseName: spec.databaseName,
        username: spec.username,
        credentialsSecretId: "secret-1",
        authentication: DatabaseAuthentication.SECRET,
        tls: { mode: TlsVerifyMode.VERIFY_IDENTITY, trust: TlsTrust.bundleUrl("https://ca.fake/bundle.pem") },
      },
      schemaCredentialsSecretId: "schema-secret-1",
      allowConnectionsFrom: (peer: INetworkPeer) =>
        this.record("allowConnectionsFrom", scope, { peer: peer.node.path, securityGroupId: peer.securityGroupId, sourceCidrs: peer.sourceCidrs }),
    };
  }

  public createCache(scope: Construct, spec: CacheSpec) {
    this.record("cache", scope, spec);
    return {
      connection: {
        host: "cache.fake",
        port: 6379,
        tls: true,
        tlsVerification: { mode: TlsVerifyMode.VERIFY_CA, trust: TlsTrust.systemTrustStore() },
        credentialsSecretId: "cache-secret-1",
      },
      allowConnectionsFrom: (peer: INetworkPeer) =>
        this.record("allowConnectionsFrom", scope, { peer: peer.node.path, securityGroupId: peer.securityGroupId, sourceCidrs: peer.sourceCidrs }),
    };
  }

  public createLoadBalancer(scope: Construct, spec: LoadBalancerSpec) {
    this.record("loadBalancer", scope, spec);
    return {
      dnsName: "lb.fake",
      securityGroupId: "sg-lb",
      targetGroupId: spec.runtime.usesVms ? "tg-1" : undefined,
      podBackend: spec.runtime.usesKubernetes
        ? { loadBalancerId: "lb-1", targetGroupId: "tg-pods", targetPort: spec.targetPort, healthCheckPath: spec.healthCheckPath, weightPercent: spec.runtime.kubernetesPercent, sourceCidrs: ["10.0.0.0/24"] }
        : undefined,
    };
  }

  public createCdn(scope: Construct, spec: CdnSpec) {
    this.record("cdn", scope, spec);
    spec.assets?.allowCdnReads("cdn-1");
    return { cdnDomainName: "cdn.fake", assetsCdnDomainName: spec.assetsDomain === undefined ? undefined : "assets-cdn.fake", serviceArea: this.cdnServiceArea };
  }

  /** Publishes nothing; another stack "reads" the host name as a literal `shared.<host name>`. */
  public shareCdnHostName(scope: Construct, cdn: CdnHostNameSpec) {
    this.record("cdnHostName", scope, cdn);
    return { readIn: () => `shared.${cdn.hostName}` };
  }

  public createAssetBucket(scope: Construct, spec: AssetBucketSpec) {
    this.record("assetBucket", scope, spec);
    return {
      bucketName: spec.name,
      originDomainName: "bucket.objects.fake",
      allowCdnReads: (cdnId: string) => this.record("allowCdnReads", scope, { cdnId }),
    };
  }

  public createKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec) {
    this.record("kubernetesCluster", scope, spec);
    return {
      clusterId: "cluster-1",
      endpoint: "https://k8s.fake",
      securityGroupId: "sg-nodes",
      sourceCidrs: ["172.30.0.0/16"],
      workloadRoleId: spec.workloadIdentity ? "role-pods" : undefined,
    };
  }

  public createGlobalDomain(scope: Construct, spec: GlobalDomainSpec) {
    this.record("globalDomain", scope, spec);
    return { nameServers: spec.createZone ? ["ns1.fake.example", "ns2.fake.example"] : undefined };
  }
}
