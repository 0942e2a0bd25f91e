import { App } from "cdktf";
import { AwsCatalog, Bookstore, BookstoreStacks, BookstoreStacksProps, CacheSize, Cloud, ComputeSize, enumValues, ICloud, LoadBalancerClients, RedisVersion, RemoteStateProps, WebRuntime, allocatablePerNode, maxAssetBucketNameLength } from "../lib";
import { exampleProps } from "../examples/bookstore-app";
import { TEST_CLOUDS } from "./support/bookstore";
import { newStack } from "./support/synth";
import { publicIpv4Blocks } from "./support/public-blocks";
import { expectValidationError } from "./support/validation";

// Bad input, class by class, on every cloud: each row is refused with a ValidationError
// that names the prop as the user wrote it, the value and what is allowed. Rows that
// depend on a cloud's limits read them from its catalog, so each cloud is held to its own.

type Props = Partial<BookstoreStacksProps>;
/** [what is wrong, props replaced in the example, construct path below the app, field, value]. */
type Row = [string, Props, string, string, unknown];

const SHOP = "bookstore-CLOUD/Bookstore";

/** The example props with some replaced; `web`, `database`, ... are merged one level deep. */
function withProps(cloud: ICloud, overrides: Props): BookstoreStacksProps {
  const base = exampleProps(cloud);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    const isGroup = typeof value === "object" && value !== null && !Array.isArray(value) && typeof current === "object" && key !== "tags";
    merged[key] = isGroup ? { ...(current as object), ...(value as object) } : value;
  }
  return merged as unknown as BookstoreStacksProps;
}

function build(cloud: ICloud, overrides: Props, app = new App({ outdir: "/tmp/bad-input-never-synthesized" })): BookstoreStacks {
  // The stacks' ID as the shop's name and cloud make it, so that each row's construct paths name the shop.
  return new BookstoreStacks(app, `${overrides.name ?? "bookstore"}-${cloud.name}`, { ...withProps(cloud, overrides), cloud });
}

const JUNK_NUMBERS: [string, number][] = [
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["a negative number", -1],
  ["a fraction", 1.5],
];

/** Every numeric prop of the bookstore, with the construct that checks it. */
const NUMERIC_PROPS: [string, (value: number) => Props, string][] = [
  ["network.zones", (v) => ({ network: { zones: v } }), `${SHOP}/Network`],
  ["web.port", (v) => ({ web: { image: "registry.example.com/bookstore:1.4.2", port: v } }), `${SHOP}/LoadBalancer`],
  ["web.minInstances", (v) => ({ web: { image: "registry.example.com/bookstore:1.4.2", minInstances: v, maxInstances: 6 } }), `${SHOP}/Web`],
  ["web.maxInstances", (v) => ({ web: { image: "registry.example.com/bookstore:1.4.2", minInstances: 1, maxInstances: v } }), `${SHOP}/Web`],
  ["database.storageGiB", (v) => ({ database: { storageGiB: v } }), `${SHOP}/Database`],
  ["database.backupRetentionDays", (v) => ({ database: { backupRetentionDays: v } }), `${SHOP}/Database`],
  ["cache.backupRetentionDays", (v) => ({ cache: { backupRetentionDays: v } }), `${SHOP}/Cache`],
  ["loadBalancer.idleTimeoutSeconds", (v) => ({ loadBalancer: { idleTimeoutSeconds: v } }), `${SHOP}/LoadBalancer`],
  ["cdn.staticCacheTtlSeconds", (v) => ({ cdn: { staticCacheTtlSeconds: v } }), `${SHOP}/Cdn`],
  ["assets.noncurrentVersionRetentionDays", (v) => ({ assets: { noncurrentVersionRetentionDays: v } }), `${SHOP}/Assets`],
  ["kubernetes.minNodes", (v) => ({ kubernetes: { minNodes: v, maxNodes: 5 } }), `${SHOP}/Kubernetes`],
  ["kubernetes.maxNodes", (v) => ({ kubernetes: { minNodes: 1, maxNodes: v } }), `${SHOP}/Kubernetes`],
  ...(
    [
      "containerPort",
      "minReplicas",
      "maxReplicas",
      "minAvailable",
      "targetCpuPercent",
      "cpuRequestMillicores",
      "cpuLimitMillicores",
      "memoryRequestMiB",
      "memoryLimitMiB",
      "runAsUser",
    ] as const
  ).map((name): [string, (value: number) => Props, string] => [
    `kubernetes.workloads.${name}`,
    (v) => ({ kubernetes: { workloads: name === "minReplicas" ? { minReplicas: v, minAvailable: 0 } : { [name]: v } } }),
    SHOP,
  ]),
];

/** NaN in every numeric prop, and each other kind of junk in every prop in turn across the clouds, to keep the table fast. */
function numberRows(cloudIndex: number): Row[] {
  return NUMERIC_PROPS.flatMap(([field, props, path], propIndex) => {
    const [what, value] = JUNK_NUMBERS[1 + ((propIndex + cloudIndex) % (JUNK_NUMBERS.length - 1))];
    return [
      [`NaN as ${field}`, props(NaN), path, field, NaN],
      [`${what} as ${field}`, props(value), path, field, value],
    ];
  });
}

function reservedNameRows(cloud: ICloud): Row[] {
  const limits = cloud.catalog.limits;
  return [
    ...["mysql", "information_schema", "performance_schema", "sys"].map((schema): Row => [`the MySQL system schema ${schema} as the database name`, { database: { databaseName: schema } }, `${SHOP}/Database`, "database.databaseName", schema]),
    ["the reserved word select as the database name", { database: { databaseName: "select" } }, `${SHOP}/Database`, "database.databaseName", "select"],
    ...limits.mysql.reservedUsernames
      .filter((name) => /^[a-z][a-z0-9]*$/.test(name))
      .map((name): Row => [`the administrator name ${name}, which ${cloud.name} keeps`, { database: { username: name } }, `${SHOP}/Database`, "database.username", name]),
    ...["select", "grant", "table", "int8"].map((word): Row => [`the MySQL reserved word ${word} as the administrator`, { database: { username: word } }, `${SHOP}/Database`, "database.username", word]),
    ...limits.loadBalancerNameReservedPrefixes.map((prefix): Row => [`a shop name that makes the load balancer's start with ${prefix}`, { name: `${prefix}shop` }, `${prefix}shop-CLOUD/Bookstore/LoadBalancer`, "name", `${prefix}shop-lb`]),
  ];
}

function cloudLimitRows(cloud: ICloud): Row[] {
  const limits = cloud.catalog.limits;
  const tagRules = limits.tags;
  const manyTags = Object.fromEntries(Array.from({ length: tagRules.maxPerResource - 1 }, (_, i) => [`tag${i}`, "x"]));
  const bigEnvironment = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`SETTING_${i}`, "v".repeat(300)]));
  const longPath = `/${"a".repeat(limits.cdn.maxPathPatternLength)}/*`;
  const tooManyPaths = Array.from({ length: limits.cdn.maxPathPatterns + 1 }, (_, i) => `/static${i}/*`);
  return [
    [`more tags than one ${cloud.name} resource takes`, { tags: manyTags }, SHOP, "tags", { app: "bookstore", ...manyTags }],
    ["a tag key with a control character", { tags: { "team\u0007": "x" } }, SHOP, "tags.team\u0007", "team\u0007"],
    ["a tag key longer than the cloud takes", { tags: { ["k".repeat(tagRules.keyMaxLength + 1)]: "x" } }, SHOP, `tags.${"k".repeat(tagRules.keyMaxLength + 1)}`, "k".repeat(tagRules.keyMaxLength + 1)],
    ["a tag value longer than the cloud takes", { tags: { team: "v".repeat(tagRules.valueMaxLength + 1) } }, SHOP, "tags.team", "v".repeat(tagRules.valueMaxLength + 1)],
    ["a tag value holding ${...}", { tags: { team: "${var.team}" } }, SHOP, "tags.team", "${var.team}"],
    ["a tag value with a line break", { tags: { team: "a\nb" } }, SHOP, "tags.team", "a\nb"],
    ...tagRules.reservedKeyPrefixes.map((prefix): Row => [`a tag key starting with ${prefix}`, { tags: { [`${prefix.toUpperCase()}owner`]: "x" } }, SHOP, `tags.${prefix.toUpperCase()}owner`, `${prefix.toUpperCase()}owner`]),
    ...tagRules.forbiddenSubstrings.map((text): Row => [`a tag value containing ${text}`, { tags: { docs: `${text}example.com` } }, SHOP, "tags.docs", `${text}example.com`]),
    [
      "an environment that makes the user data larger than the cloud takes",
      { web: { image: "registry.example.com/bookstore:1.4.2", environment: bigEnvironment } },
      `${SHOP}/Web`,
      "web.environment",
      expect.stringMatching(/^\d+ variables making \d+ bytes of /),
    ],
    ...limits.hostReservedPorts.map((port): Row => [`the port ${port}, which the VM's own services hold`, { web: { image: "registry.example.com/bookstore:1.4.2", port } }, `${SHOP}/Web`, "web.port", port]),
    [`a static path longer than ${limits.cdn.maxPathPatternLength} characters`, { cdn: { staticPaths: [longPath] } }, `${SHOP}/Cdn`, "cdn.staticPaths[0]", longPath],
    [`more static paths than the CDN takes`, { cdn: { staticPaths: tooManyPaths } }, `${SHOP}/Cdn`, "cdn.staticPaths", tooManyPaths],
    ["a web image whose name is longer than a registry takes", { web: { image: `registry.example.com/${"b".repeat(5000)}:1` } }, `${SHOP}/Web`, "web.image", `registry.example.com/${"b".repeat(5000)}:1`],
  ];
}

function assetRows(cloud: ICloud): Row[] {
  const rules = cloud.catalog.assetBucket;
  const ASSETS = `${SHOP}/Assets`;
  const named = (name: string): Row => [`the bucket name ${JSON.stringify(name.length > 30 ? `${name.slice(0, 12)}...` : name)}`, { assets: { name } }, ASSETS, "assets.name", name];
  const tooLong = "a".repeat(maxAssetBucketNameLength(rules, cloud.region) + 1);
  const retention = rules.noncurrentVersionRetentionDays;
  const staticPath = (path: string): Row => [`the static path ${path}, which matches the shop's pages`, { cdn: { staticPaths: ["/static/*", path] } }, `${SHOP}/Cdn`, "cdn.staticPaths[1]", path];
  const rows: Row[] = [
    named("Acme-Assets"),
    // COS takes names of one or two characters; S3 and OSS want three.
    ...(new RegExp(`^(?:${rules.name.pattern})$`).test("ab") ? [] : [named("ab")]),
    named("192.168.5.4"),
    named("acme_assets"),
    named("acme-assets-"),
    named(tooLong),
    ...rules.name.reservedPrefixes.map((prefix) => named(`${prefix}acme`)),
    ...rules.name.reservedSuffixes.map((suffix) => named(`acme${suffix}`)),
    [`a retention of ${retention.min - 1} days`, { assets: { noncurrentVersionRetentionDays: retention.min - 1 } }, ASSETS, "assets.noncurrentVersionRetentionDays", retention.min - 1],
    [`a retention of ${retention.max + 1} days`, { assets: { noncurrentVersionRetentionDays: retention.max + 1 } }, ASSETS, "assets.noncurrentVersionRetentionDays", retention.max + 1],
    ["a string as assets.deletionProtection", { assets: { deletionProtection: "no" as unknown as boolean } }, ASSETS, "assets.deletionProtection", "no"],
    ["a string as assets.enabled", { assets: { enabled: "yes" as unknown as boolean } }, SHOP, "assets.enabled", "yes"],
    ...["/*", "/", "//*", "/index.html", "*.html"].map(staticPath),
  ];
  if (cloud.catalog.capabilities.cdnRoutesPathsToBucket) {
    rows.push([`a domain of its own for the bucket, which ${cloud.name} serves by path`, { cdn: { assetsDomain: "static.shop.example.com" } }, `${SHOP}/Cdn`, "cdn.assetsDomain", "static.shop.example.com"]);
  } else {
    rows.push(["the shop's own domain as the bucket's", { cdn: { assetsDomain: "shop.example.com" } }, `${SHOP}/Cdn`, "cdn.assetsDomain", "shop.example.com"]);
    rows.push(["a bucket domain that is no domain", { cdn: { assetsDomain: "static shop" } }, `${SHOP}/Cdn`, "cdn.assetsDomain", "static shop"]);
  }
  return rows;
}

function setRows(cloud: ICloud): Row[] {
  if (cloud.catalog.limits.maxPublicApiCidrs === 0) {
    return [["any public API CIDR where the API server stays private", { kubernetes: { publicApiAllowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } }, `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs", ["0.0.0.0/1", "128.0.0.0/1"]]];
  }
  const cidrs = (list: string[]): Props => ({ kubernetes: { publicApiAllowedCidrs: list } });
  const mostOfTheInternet = publicIpv4Blocks().slice(0, cloud.catalog.limits.maxPublicApiCidrs);
  const tooMany = Array.from({ length: cloud.catalog.limits.maxPublicApiCidrs + 1 }, (_, i) => `203.0.${i}.0/24`);
  return [
    ["two halves that add up to the whole internet", cidrs(["0.0.0.0/1", "128.0.0.0/1"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[0]", "0.0.0.0/1"],
    ["a public range and then the other half of the internet", cidrs(["203.0.113.0/24", "128.0.0.0/1"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[1]", "128.0.0.0/1"],
    ["loopback", cidrs(["127.0.0.0/8"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[0]", "127.0.0.0/8"],
    ["carrier-grade NAT", cidrs(["203.0.113.0/24", "100.64.0.0/10"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[1]", "100.64.0.0/10"],
    ["link-local", cidrs(["169.254.0.0/16"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[0]", "169.254.0.0/16"],
    ["multicast", cidrs(["224.0.0.0/4"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[0]", "224.0.0.0/4"],
    ["a wide block that swallows a private range", cidrs(["8.0.0.0/5"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[0]", "8.0.0.0/5"],
    ["the same range twice", cidrs(["203.0.113.0/24", "203.0.113.0/24"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[1]", "203.0.113.0/24"],
    ["a range inside another entry", cidrs(["203.0.112.0/22", "203.0.113.0/24"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[1]", "203.0.113.0/24"],
    ["an IPv6 range", cidrs(["2001:db8::/32"]), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs[0]", "2001:db8::/32"],
    [`more than ${cloud.catalog.limits.maxPublicApiCidrs} CIDRs`, cidrs(tooMany), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs", tooMany],
    ["public ranges, none touching a private one, that add up to most of the internet", cidrs(mostOfTheInternet), `${SHOP}/Kubernetes`, "kubernetes.publicApiAllowedCidrs", mostOfTheInternet],
  ];
}

/** The load balancer's client ranges: public, apart, within the security group's or access list's size, and no more than one /8 in all. */
function clientRangeRows(cloud: ICloud): Row[] {
  const ranges = (list: string[]): Props => ({ loadBalancer: { clients: LoadBalancerClients.addressRanges(list) } });
  const max = cloud.catalog.limits.maxLoadBalancerClientCidrs;
  const tooMany = Array.from({ length: max + 1 }, (_, i) => `${11 + Math.floor(i / 256)}.${i % 256}.0.0/24`);
  const mostOfTheInternet = publicIpv4Blocks().slice(0, max);
  const thirtySlash8s = Array.from({ length: 30 }, (_, i) => `${32 + i}.0.0.0/8`);
  const field = "loadBalancer.clients.addressRanges";
  return [
    ["public ranges, none touching a private one, that add up to most of the internet", ranges(mostOfTheInternet), `${SHOP}/LoadBalancer`, field, mostOfTheInternet],
    ["thirty public /8s, none wider than a /8 alone", ranges(thirtySlash8s), `${SHOP}/LoadBalancer`, field, thirtySlash8s],
    ["a public /7", ranges(["2.0.0.0/7"]), `${SHOP}/LoadBalancer`, field, ["2.0.0.0/7"]],
    ["the whole internet", ranges(["0.0.0.0/0"]), `${SHOP}/LoadBalancer`, `${field}[0]`, "0.0.0.0/0"],
    ["two halves that add up to the whole internet", ranges(["0.0.0.0/1", "128.0.0.0/1"]), `${SHOP}/LoadBalancer`, `${field}[0]`, "0.0.0.0/1"],
    ["a private range", ranges(["203.0.113.0/24", "10.0.0.0/8"]), `${SHOP}/LoadBalancer`, `${field}[1]`, "10.0.0.0/8"],
    ["a range inside another entry", ranges(["203.0.112.0/22", "203.0.113.0/24"]), `${SHOP}/LoadBalancer`, `${field}[1]`, "203.0.113.0/24"],
    ["a host address with host bits", ranges(["203.0.113.7/24"]), `${SHOP}/LoadBalancer`, `${field}[0]`, "203.0.113.7/24"],
    ["no range at all", ranges([]), `${SHOP}/LoadBalancer`, field, []],
    [`more than ${max} ranges`, ranges(tooMany), `${SHOP}/LoadBalancer`, field, tooMany],
  ];
}

function workloadRows(cloud: ICloud): Row[] {
  const image = "registry.example.com/bookstore:1.4.2";
  const nodeSize = ComputeSize.SMALL;
  const allocatable = allocatablePerNode(nodeSize);
  return [
    [`a CPU request above what one ${nodeSize} node has`, { kubernetes: { nodeSize, workloads: { cpuRequestMillicores: allocatable.cpuMillicores + 1 } } }, SHOP, "kubernetes.workloads.cpuRequestMillicores", allocatable.cpuMillicores + 1],
    [`a memory request above what one ${nodeSize} node has`, { kubernetes: { nodeSize, workloads: { memoryRequestMiB: allocatable.memoryMiB + 1 } } }, SHOP, "kubernetes.workloads.memoryRequestMiB", allocatable.memoryMiB + 1],
    ...["DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_CREDENTIALS_SECRET", "DB_CREDENTIALS_SECRET_VERSION", "CACHE_CREDENTIALS_SECRET_VERSION", "PORT", "CLOUD", "CLOUD_REGION", ...cloud.catalog.runtimeEnvironment.regionVariables, ...cloud.catalog.runtimeEnvironment.workloadIdentityVariables].map((key): Row => [`the workloads' own variable ${key}`, { kubernetes: { workloads: { environment: { [key]: "x" } } } }, SHOP, `kubernetes.workloads.environment.${key}`, key]),
    ...["DB_PASSWORD", "STRIPE_SECRET", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "mail_api_key", "SIGNING_PRIVATE_KEY"].flatMap((key): Row[] => [
      [`a secret-looking web variable ${key}`, { web: { image, environment: { [key]: "x" } } }, `${SHOP}/Web`, `web.environment.${key}`, key],
      [`a secret-looking workloads variable ${key}`, { kubernetes: { workloads: { environment: { [key]: "x" } } } }, SHOP, `kubernetes.workloads.environment.${key}`, key],
    ]),
    ...['say "hi"', "C:\\path", "${var.secret}", "%{ if true }x%{ endif }"].map((value): Row => [`a web variable holding ${value}, which Terraform would read as syntax`, { web: { image, environment: { GREETING: value } } }, `${SHOP}/Web`, "web.environment.GREETING", value]),
    ["a workloads variable holding ${...}", { kubernetes: { workloads: { environment: { GREETING: "${var.x}" } } } }, SHOP, "kubernetes.workloads.environment.GREETING", "${var.x}"],
    ["a workloads variable that is not a string", { kubernetes: { workloads: { environment: { LEVEL: 3 as unknown as string } } } }, SHOP, "kubernetes.workloads.environment.LEVEL", 3],
    ["a web variable that is not a string", { web: { image, environment: { LEVEL: 3 as unknown as string } } }, `${SHOP}/Web`, "web.environment.LEVEL", 3],
    ["a namespace that is not a string", { kubernetes: { workloads: { namespace: 7 as unknown as string } } }, SHOP, "kubernetes.workloads.namespace", 7],
  ];
}

function wrongFieldRows(cloud: ICloud): Row[] {
  const image = "registry.example.com/bookstore:1.4.2";
  return [
    ["a web port out of range, named as web.port", { web: { image, port: 70000 } }, `${SHOP}/LoadBalancer`, "web.port", 70000],
    ["a bad health-check path, named as web.healthCheckPath", { web: { image, healthCheckPath: "health check" } }, `${SHOP}/LoadBalancer`, "web.healthCheckPath", "health check"],
    ["a bad database size, named as database.size", { database: { size: "HUGE" as never } }, `${SHOP}/Database`, "database.size", "HUGE"],
    ["a bad cluster version, named as kubernetes.version", { kubernetes: { version: "0.1" } }, `${SHOP}/Kubernetes`, "kubernetes.version", "0.1"],
    ["a bad zone name, named as network.zoneNames", { network: { zoneNames: ["nowhere-1a", "nowhere-1b"], zones: undefined } }, `${SHOP}/Network`, "network.zoneNames", "nowhere-1a"],
    ["a string as cdn.enabled", { cdn: { enabled: "false" as unknown as boolean } }, SHOP, "cdn.enabled", "false"],
    ["a string as database.deletionProtection", { database: { deletionProtection: "no" as unknown as boolean } }, `${SHOP}/Database`, "database.deletionProtection", "no"],
    ["a string as policyChecks", { policyChecks: "off" as unknown as boolean }, "", "policyChecks", "off"],
    ["no web tier at all", { web: undefined }, SHOP, "web", undefined],
    ["only a maximum, below the default minimum, named as that maximum", { kubernetes: { minNodes: undefined, maxNodes: 1 } }, `${SHOP}/Kubernetes`, "kubernetes.maxNodes", 1],
    ["only a replica maximum, below the default minimum", { kubernetes: { workloads: { maxReplicas: 1 } } }, SHOP, "kubernetes.workloads.maxReplicas", 1],
    ["only an instance maximum, below the default minimum", { web: { image: "registry.example.com/bookstore:1.4.2", minInstances: undefined, maxInstances: 1 } }, `${SHOP}/Web`, "web.maxInstances", 1],
    ["a name with a slash, before any stack is made of it", { name: "shop/1" }, "", "name", "shop/1"],
    ["a name too long for the cloud", { name: "s".repeat(cloud.catalog.names.maxLength) }, "", "name", "s".repeat(cloud.catalog.names.maxLength)],
    ["the same private API range twice", { kubernetes: { privateApiAllowedCidrs: ["10.100.0.0/24", "10.100.0.0/24"] } }, `${SHOP}/Kubernetes`, "kubernetes.privateApiAllowedCidrs[1]", "10.100.0.0/24"],
    ["a private API range inside another entry", { kubernetes: { privateApiAllowedCidrs: ["10.100.0.0/16", "10.100.1.0/24"] } }, `${SHOP}/Kubernetes`, "kubernetes.privateApiAllowedCidrs[1]", "10.100.1.0/24"],
  ];
}

/**
 * Cluster administrators: one that is no principal at all, on every cloud; and those EKS
 * refuses or grants itself (#23), where the catalog has an `aws` section: none at all (the
 * creator gets no access of its own), a service-linked role, the cluster's own node role
 * (EKS makes its entry; the example's cluster is bookstore-k8s).
 */
function administratorRows(cloud: ICloud): Row[] {
  const rows: Row[] = [["a number as a cluster administrator", { kubernetes: { administrators: [7 as unknown as string] } }, `${SHOP}/Kubernetes`, "kubernetes.administrators[0]", 7]];
  const eks = (cloud.catalog as Partial<AwsCatalog>).aws;
  if (eks === undefined) return rows;
  const serviceLinked = `arn:aws:iam::123456789012:role/${eks.serviceLinkedRolePath}eks.amazonaws.com/AWSServiceRoleForAmazonEKS`;
  const nodeRole = "arn:aws:iam::123456789012:role/bookstore-k8s-node-2026120712000000000000000a";
  return [
    ...rows,
    ["no cluster administrator, where the creator gets no access of its own", { kubernetes: { administrators: [] } }, `${SHOP}/Kubernetes`, "kubernetes.administrators", []],
    ["a service-linked role as a cluster administrator", { kubernetes: { administrators: [serviceLinked] } }, `${SHOP}/Kubernetes`, "kubernetes.administrators[0]", serviceLinked],
    ["the cluster's own node role as a cluster administrator", { kubernetes: { administrators: [cloud.catalog.limits.clusterAdministrator.example, nodeRole] } }, `${SHOP}/Kubernetes`, "kubernetes.administrators[1]", nodeRole],
  ];
}

function cacheRows(cloud: ICloud): Row[] {
  const cache = cloud.catalog.cache;
  const names = cloud.catalog.names;
  // The longest shop name the cloud takes leaves no room for "-cache" (the other suffixes are shorter).
  const longestShopName = "s".repeat(names.maxLength - 4);
  const missing = enumValues(RedisVersion).filter((version) => !(version in cache.versions));
  return [
    ["a cache size the catalog lacks", { cache: { size: "HUGE" as CacheSize } }, `${SHOP}/Cache`, "cache.size", "HUGE"],
    ...missing.map((version): Row => [`Redis ${version}, which the cache on ${cloud.name} does not offer`, { cache: { engineVersion: version } }, `${SHOP}/Cache`, "cache.engineVersion", version]),
    ["a Redis version that does not exist", { cache: { engineVersion: "5" as RedisVersion } }, `${SHOP}/Cache`, "cache.engineVersion", "5"],
    ["cache backups kept less than 7 days", { cache: { backupRetentionDays: 6 } }, `${SHOP}/Cache`, "cache.backupRetentionDays", 6],
    [`cache backups kept longer than ${cloud.name} keeps them`, { cache: { backupRetentionDays: cache.backupRetentionDays.max + 1 } }, `${SHOP}/Cache`, "cache.backupRetentionDays", cache.backupRetentionDays.max + 1],
    ["a shop name that leaves no room for the cache's name", { name: longestShopName }, `${longestShopName}-CLOUD/Bookstore`, "name", longestShopName],
    ["a string as cache.enabled", { cache: { enabled: "yes" as unknown as boolean } }, SHOP, "cache.enabled", "yes"],
    ["a string as cache.highlyAvailable", { cache: { highlyAvailable: "no" as unknown as boolean } }, `${SHOP}/Cache`, "cache.highlyAvailable", "no"],
    ["a string as cache.deletionProtection", { cache: { deletionProtection: "no" as unknown as boolean } }, `${SHOP}/Cache`, "cache.deletionProtection", "no"],
  ];
}

function remoteStateRows(cloud: ICloud): Row[] {
  const rules = cloud.catalog.stateStorage;
  const validBucket = rules.bucket.pattern.includes("\\d{10}") ? "acme-state-1250000000" : "acme-state";
  const state = (remoteState: Partial<RemoteStateProps>): Props => ({ remoteState: { bucket: validBucket, ...remoteState } });
  const INFRA = "bookstore-CLOUD";
  const rows: Row[] = [
    ["an upper-case bucket", state({ bucket: "Acme-State" }), INFRA, "remoteState.bucket", "Acme-State"],
    ["a two-character bucket", state({ bucket: "ab" }), INFRA, "remoteState.bucket", "ab"],
    ["an IP-address-like bucket", state({ bucket: "192.168.5.4" }), INFRA, "remoteState.bucket", "192.168.5.4"],
    ["a bucket with an underscore", state({ bucket: "acme_state" }), INFRA, "remoteState.bucket", "acme_state"],
    ["an empty bucket", state({ bucket: "" }), INFRA, "remoteState.bucket", ""],
    ...rules.bucket.reservedPrefixes.map((prefix): Row => [`a bucket starting with ${prefix}`, state({ bucket: `${prefix}acme` }), INFRA, "remoteState.bucket", `${prefix}acme`]),
    ...rules.bucket.reservedSuffixes.map((suffix): Row => [`a bucket ending with ${suffix}`, state({ bucket: `acme${suffix}` }), INFRA, "remoteState.bucket", `acme${suffix}`]),
    ["a prefix with //", state({ prefix: "teams//shop" }), INFRA, "remoteState.prefix", "teams//shop"],
    ["a prefix with ..", state({ prefix: "teams/../shop" }), INFRA, "remoteState.prefix", "teams/../shop"],
    ["a prefix with a leading slash", state({ prefix: "/shop" }), INFRA, "remoteState.prefix", "/shop"],
    ["an empty prefix", state({ prefix: "" }), INFRA, "remoteState.prefix", ""],
    ["an unknown region", state({ region: "mars-1" }), INFRA, "remoteState.region", "mars-1"],
    ["an upper-case region", state({ region: cloud.region.toUpperCase() }), INFRA, "remoteState.region", cloud.region.toUpperCase()],
    ["an empty lock table, which would turn locking off", state({ lockTable: "" }), INFRA, "remoteState.lockTable", ""],
  ];
  if (rules.lockTable !== undefined) rows.push(["a lock table with a space", state({ lockTable: "my locks" }), INFRA, "remoteState.lockTable", "my locks"]);
  return rows;
}

/** A region of another registered cloud that this cloud's region names do not take. */
function otherCloudRegion(cloud: ICloud): string | undefined {
  const pattern = new RegExp(`^(?:${cloud.catalog.catalogRules.regionPattern})$`);
  return TEST_CLOUDS.map(({ make }) => make())
    .filter((other) => other.name !== cloud.name)
    .flatMap((other) => Object.keys(other.catalog.regions))
    .find((region) => !pattern.test(region));
}

describe.each(TEST_CLOUDS.map((entry, index) => ({ ...entry, index })))("$name: bad input is refused by the prop the user wrote", ({ name, make, index }) => {
  const cloud = make();
  const expectRefused = (overrides: Props, constructPath: string, field: string, value: unknown) => {
    const path = constructPath.replace("CLOUD", name);
    // The VMs' props are checked where the web tier runs on VMs.
    const onVms = path.endsWith("/Web") ? { ...overrides, web: { ...exampleProps(cloud).web, ...overrides.web, runtime: WebRuntime.vms() } } : overrides;
    expectValidationError(() => build(cloud, onVms), { constructPath: path === "" ? `BookstoreStacks "${overrides.name ?? "bookstore"}-${name}" on ${name}` : path, field, value });
  };

  test.each(numberRows(index))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(reservedNameRows(cloud))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(cloudLimitRows(cloud))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(assetRows(cloud))("fails when the asset bucket has %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(setRows(cloud))("fails when given %s as public API CIDRs", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(clientRangeRows(cloud))("fails when given %s as the load balancer's client ranges", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(workloadRows(cloud))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(wrongFieldRows(cloud))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(administratorRows(cloud))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(cacheRows(cloud))("fails when given %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));
  test.each(remoteStateRows(cloud))("fails when remote state has %s", (_what, overrides, constructPath, field, value) => expectRefused(overrides, constructPath, field, value));

  test("fails when remote state names another cloud's region", () => {
    const region = otherCloudRegion(cloud)!;
    const bucket = cloud.catalog.stateStorage.bucket.pattern.includes("\\d{10}") ? "acme-state-1250000000" : "acme-state";
    expectRefused({ remoteState: { bucket, region } }, "bookstore-CLOUD", "remoteState.region", region);
  });

  test("fails when a second BookstoreStacks of the same ID is built in the app", () => {
    // GIVEN an app with the bookstore on this cloud
    const app = new App({ outdir: "/tmp/bad-input-never-synthesized" });
    build(cloud, {}, app);
    // WHEN a second one of the same ID is built THEN the error names `id`, not a construct clash
    expectValidationError(() => build(cloud, {}, app), { constructPath: `BookstoreStacks "bookstore-${cloud.name}" on ${cloud.name}`, field: "id", value: `bookstore-${cloud.name}` });
  });

  test("good props still build: a second bookstore under another name", () => {
    const app = new App({ outdir: "/tmp/bad-input-never-synthesized" });
    build(cloud, {}, app);
    expect(() => build(cloud, { name: "outlet" }, app)).not.toThrow();
  });

  test.each<[string, LoadBalancerClients]>([
    ["anyone, said as LoadBalancerClients.anywhere()", LoadBalancerClients.anywhere()],
    ["client ranges that make one public /8 in all", LoadBalancerClients.addressRanges(["11.0.0.0/9", "11.128.0.0/10", "11.192.0.0/10"])],
  ])("good props still build: %s as the load balancer's clients", (_what, clients) => {
    expect(() => build(cloud, { loadBalancer: { clients } })).not.toThrow();
  });

  test.each<[string, Props, string, unknown]>([
    ["NaN as web.minInstances", { web: { image: "registry.example.com/bookstore:1.4.2", minInstances: NaN } }, "web.minInstances", NaN],
    ["an instance maximum below the minimum", { web: { image: "registry.example.com/bookstore:1.4.2", minInstances: 3, maxInstances: 2 } }, "web.minInstances", 3],
    ["an unknown size", { web: { image: "registry.example.com/bookstore:1.4.2", size: "HUGE" as ComputeSize } }, "web.size", "HUGE"],
    ["a secret in web.environment", { web: { image: "registry.example.com/bookstore:1.4.2", environment: { DB_PASSWORD: "hunter2hunter2" } } }, "web.environment.DB_PASSWORD", "DB_PASSWORD"],
  ])("fails when the pods alone serve and given %s: the VMs' props are checked whatever the runtime", (_what, overrides, field, value) => {
    const props = withProps(cloud, overrides);
    const podsOnly = { ...props, web: { ...props.web, runtime: WebRuntime.kubernetes() } };
    expectValidationError(() => new BookstoreStacks(new App({ outdir: "/tmp/bad-input-never-synthesized" }), cloud, podsOnly), { constructPath: SHOP.replace("CLOUD", name), field, value });
  });

  test("a Bookstore of its own refuses the same props", () => {
    const { stack } = newStack();
    expectValidationError(() => new Bookstore(stack, "Shop", { ...withProps(cloud, { web: { image: "registry.example.com/bookstore:1.4.2", port: NaN } }), cloud }), {
      constructPath: "test/Shop/LoadBalancer",
      field: "web.port",
      value: NaN,
    });
  });
});

// Settings of the Alibaba Cloud entry point itself: refused where they are given (Cloud.alicloud), or,
// when one a construct needs is missing, as the construct's `cloud` prop.
describe("alicloud: the cloud's own settings are refused by the prop the user wrote", () => {
  const region = Cloud.registrationNamed("alicloud").example.region;
  test.each<[string, () => unknown, string, string, unknown]>([
    ["no KMS instance while the database keeps its credentials", () => build(Cloud.alicloud({ region }), {}), "bookstore-alicloud/Bookstore/Database", "cloud.kmsInstanceId", undefined],
    ["a key ID as the KMS instance", () => Cloud.alicloud({ region, kmsInstanceId: "key-hzz62ee817bvyyr5xabcd" }), "Cloud.alicloud", "kmsInstanceId", "key-hzz62ee817bvyyr5xabcd"],
    ["a KMS instance in upper case", () => Cloud.alicloud({ region, kmsInstanceId: "KST-HZZ62EE817BVYYR5XABCD" }), "Cloud.alicloud", "kmsInstanceId", "KST-HZZ62EE817BVYYR5XABCD"],
    ["an empty KMS instance", () => Cloud.alicloud({ region, kmsInstanceId: "" }), "Cloud.alicloud", "kmsInstanceId", ""],
  ])("fails when given %s", (_what, make, constructPath, field, value) => expectValidationError(make, { constructPath, field, value }));
});
