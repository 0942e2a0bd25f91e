import { TerraformStack } from "cdktf";
import {
  AssetBucket,
  Bookstore,
  Cache,
  CacheProps,
  CacheSize,
  Cdn,
  Cloud,
  ComputeGroup,
  ComputeGroupProps,
  ComputeSize,
  Database,
  DatabaseProps,
  DatabaseSize,
  KubernetesCluster,
  KubernetesClusterProps,
  LoadBalancer,
  LoadBalancerProps,
  MysqlVersion,
  Network,
  NetworkProps,
  PolicyChecks,
  RedisVersion,
  Tags,
  WebRuntime,
} from "../../lib";
import { bookstoreProps } from "../support/bookstore";
import { newStack, synthJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

const aws = (region = "eu-central-1") => Cloud.aws({ region });

function network(stack: TerraformStack, props: Partial<NetworkProps> = {}): Network {
  return new Network(stack, "Net", { cloud: aws(), ...props });
}
function database(stack: TerraformStack, props: Partial<DatabaseProps> = {}): Database {
  return new Database(stack, "Db", { cloud: aws(), network: network(stack), ...props });
}
function cache(stack: TerraformStack, props: Partial<CacheProps> = {}): Cache {
  return new Cache(stack, "Cache", { cloud: aws(), network: network(stack), ...props });
}
function loadBalancer(stack: TerraformStack, props: Partial<LoadBalancerProps> = {}): LoadBalancer {
  return new LoadBalancer(stack, "Lb", { cloud: aws(), network: network(stack), domain: "shop.example.com", ...props });
}
function computeGroup(stack: TerraformStack, props: Partial<ComputeGroupProps> = {}): ComputeGroup {
  return new ComputeGroup(stack, "Web", { cloud: aws(), network: network(stack), image: "registry.example.com/bookstore:1.4.2", ...props });
}
function cluster(stack: TerraformStack, props: Partial<KubernetesClusterProps> = {}): KubernetesCluster {
  return new KubernetesCluster(stack, "K8s", { cloud: aws(), network: network(stack), ...props });
}

const ADMIN = "arn:aws:iam::123456789012:role/ci-deployer";
// The EKS service-linked role, and the node role Terraform names for the cluster "k8s" (prefix, 18 digits, 8 hex digits).
const SERVICE_LINKED_ROLE = "arn:aws:iam::123456789012:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS";
const K8S_NODE_ROLE = "arn:aws:iam::123456789012:role/k8s-node-2026120712000000000000000a";
const ECR_IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop/bookstore:1.4.2";
const OTHER_REGION_ARN = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

/** [what is wrong, how to build it, construct path, field, value]. */
const BAD_INPUTS: [string, (stack: TerraformStack) => unknown, string, string, unknown][] = [
  ["a malformed CIDR", (s) => network(s, { cidr: "10.0.0/16" }), "test/Net", "cidr", "10.0.0/16"],
  ["a CIDR with host bits set", (s) => network(s, { cidr: "10.0.0.1/16" }), "test/Net", "cidr", "10.0.0.1/16"],
  ["a public CIDR", (s) => network(s, { cidr: "8.8.0.0/16" }), "test/Net", "cidr", "8.8.0.0/16"],
  ["a CIDR larger than the cloud allows", (s) => network(s, { cidr: "10.0.0.0/8" }), "test/Net", "cidr", "10.0.0.0/8"],
  ["a too-small CIDR", (s) => network(s, { cidr: "10.0.0.0/26" }), "test/Net", "cidr", "10.0.0.0/26"],
  ["an octet over 255", (s) => network(s, { cidr: "10.300.0.0/16" }), "test/Net", "cidr", "10.300.0.0/16"],
  ["fewer than two zones", (s) => network(s, { zones: 1 }), "test/Net", "zones", 1],
  ["more zones than the region has", (s) => network(s, { zones: 4 }), "test/Net", "zones", 4],
  ["a zone the region lacks", (s) => network(s, { zoneNames: ["eu-central-1a", "eu-west-1a"] }), "test/Net", "zoneNames", "eu-west-1a"],
  ["a single zone name", (s) => network(s, { zoneNames: ["eu-central-1a"] }), "test/Net", "zoneNames", ["eu-central-1a"]],
  ["the same zone twice", (s) => network(s, { zoneNames: ["eu-central-1a", "eu-central-1a"] }), "test/Net", "zoneNames", ["eu-central-1a", "eu-central-1a"]],
  ["an unknown region", (s) => new Network(s, "Net", { cloud: aws("mars-north-1") }), "test/Net", "region", "mars-north-1"],
  ["a name with capitals", (s) => network(s, { name: "Shop" }), "test/Net", "name", "Shop"],
  ["a name too long", (s) => network(s, { name: "a".repeat(29) }), "test/Net", "name", "a".repeat(29)],
  ["min > max instances", (s) => computeGroup(s, { minInstances: 5, maxInstances: 3 }), "test/Web", "minInstances", 5],
  ["zero instances", (s) => computeGroup(s, { minInstances: 0 }), "test/Web", "minInstances", 0],
  ["too many instances", (s) => computeGroup(s, { maxInstances: 101 }), "test/Web", "maxInstances", 101],
  ["a fractional instance count", (s) => computeGroup(s, { minInstances: 1.5 }), "test/Web", "minInstances", 1.5],
  ["an image tagged latest", (s) => computeGroup(s, { image: "registry.example.com/bookstore:latest" }), "test/Web", "image", "registry.example.com/bookstore:latest"],
  ["an image without a tag", (s) => computeGroup(s, { image: "bookstore" }), "test/Web", "image", "bookstore"],
  ["a size the catalog lacks", (s) => computeGroup(s, { size: "HUGE" as ComputeSize }), "test/Web", "size", "HUGE"],
  ["a port out of range", (s) => computeGroup(s, { containerPort: 70000 }), "test/Web", "containerPort", 70000],
  ["a bad environment name", (s) => computeGroup(s, { environment: { "BAD-NAME": "x" } }), "test/Web", "environment.BAD-NAME", "BAD-NAME"],
  ["a multi-line environment value", (s) => computeGroup(s, { environment: { A: "x\ny" } }), "test/Web", "environment.A", "x\ny"],
  ["a root volume too small", (s) => computeGroup(s, { rootVolumeGiB: 8 }), "test/Web", "rootVolumeGiB", 8],
  [
    "a container port the load balancer does not target",
    (s) => new ComputeGroup(s, "Web", { cloud: aws(), network: network(s), image: "a/b:1", containerPort: 9000, loadBalancer: new LoadBalancer(s, "Lb", { cloud: aws(), network: s.node.findChild("Net") as Network, domain: "shop.example.com" }) }),
    "test/Web",
    "containerPort",
    9000,
  ],
  ["storage below the cloud's range", (s) => database(s, { storageGiB: 10 }), "test/Db", "storageGiB", 10],
  ["storage above the cloud's range", (s) => database(s, { storageGiB: 70000 }), "test/Db", "storageGiB", 70000],
  ["backups kept less than 7 days", (s) => database(s, { backupRetentionDays: 3 }), "test/Db", "backupRetentionDays", 3],
  ["backups kept longer than the cloud allows", (s) => database(s, { backupRetentionDays: 36 }), "test/Db", "backupRetentionDays", 36],
  ["a MySQL version the catalog lacks", (s) => database(s, { version: "5.7" as MysqlVersion }), "test/Db", "version", "5.7"],
  ["a database size the catalog lacks", (s) => database(s, { size: "TINY" as DatabaseSize }), "test/Db", "size", "TINY"],
  ["a database name with a hyphen", (s) => database(s, { databaseName: "book-store" }), "test/Db", "databaseName", "book-store"],
  ["an administrator name with capitals", (s) => database(s, { username: "Admin" }), "test/Db", "username", "Admin"],
  ["an administrator name too long", (s) => database(s, { username: "a".repeat(17) }), "test/Db", "username", "a".repeat(17)],
  ["Redis 6, which ElastiCache's Valkey does not offer", (s) => cache(s, { engineVersion: RedisVersion.V6 }), "test/Cache", "engineVersion", "6"],
  ["a cache size the catalog lacks", (s) => cache(s, { size: "TINY" as CacheSize }), "test/Cache", "size", "TINY"],
  ["cache snapshots kept longer than ElastiCache allows", (s) => cache(s, { backupRetentionDays: 36 }), "test/Cache", "backupRetentionDays", 36],
  ["cache snapshots kept less than 7 days", (s) => cache(s, { backupRetentionDays: 1 }), "test/Cache", "backupRetentionDays", 1],
  ["a cache name with two hyphens in a row, which ElastiCache refuses", (s) => cache(s, { name: "shop--cache" }), "test/Cache", "name", "shop--cache"],
  ["a domain that is no domain", (s) => loadBalancer(s, { domain: "not a domain" }), "test/Lb", "domain", "not a domain"],
  ["a certificate that is no ACM ARN", (s) => loadBalancer(s, { certificate: aws().certificate.existing("my-cert") }), "test/Lb", "certificate", "my-cert"],
  ["a certificate from another region", (s) => loadBalancer(s, { certificate: aws().certificate.existing(OTHER_REGION_ARN) }), "test/Lb", "certificate", OTHER_REGION_ARN],
  ["a relative health check path", (s) => loadBalancer(s, { healthCheckPath: "healthz" }), "test/Lb", "healthCheckPath", "healthz"],
  ["a zero idle timeout", (s) => loadBalancer(s, { idleTimeoutSeconds: 0 }), "test/Lb", "idleTimeoutSeconds", 0],
  ["a CDN without a load balancer", (s) => new Cdn(s, "Cdn", { cloud: aws(), origin: undefined as never }), "test/Cdn", "origin", undefined],
  ["a static path without a slash", (s) => new Cdn(s, "Cdn", { cloud: aws(), origin: loadBalancer(s), staticPaths: ["static"] }), "test/Cdn", "staticPaths[0]", "static"],
  [
    "a CDN certificate outside us-east-1",
    (s) => new Cdn(s, "Cdn", { cloud: aws(), origin: loadBalancer(s), certificate: aws().certificate.existing(OTHER_REGION_ARN) }),
    "test/Cdn",
    "certificate",
    OTHER_REGION_ARN,
  ],
  ["a Kubernetes version the cloud lacks", (s) => cluster(s, { version: "1.20" }), "test/K8s", "version", "1.20"],
  ["min > max nodes", (s) => cluster(s, { minNodes: 4, maxNodes: 2 }), "test/K8s", "minNodes", 4],
  ["an API server open to the internet", (s) => cluster(s, { publicApiAllowedCidrs: ["0.0.0.0/0"] }), "test/K8s", "publicApiAllowedCidrs[0]", "0.0.0.0/0"],
  ["a private range as a public API CIDR", (s) => cluster(s, { publicApiAllowedCidrs: ["10.0.0.0/8"] }), "test/K8s", "publicApiAllowedCidrs[0]", "10.0.0.0/8"],
  ["a bookstore name too long for its suffixes", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { name: "a".repeat(25) })), "test/Shop", "name", "a".repeat(25)],
  ["a tag key AWS reserves", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { tags: { "aws:owner": "me" } })), "test/Shop", "tags.aws:owner", "aws:owner"],
  ["a network wider than /16", (s) => network(s, { cidr: "10.0.0.0/15" }), "test/Net", "cidr", "10.0.0.0/15"],
  ["a range next to 172.16.0.0/12", (s) => network(s, { cidr: "172.15.0.0/16" }), "test/Net", "cidr", "172.15.0.0/16"],
  ["a range next to 192.168.0.0/16", (s) => network(s, { cidr: "192.169.0.0/16" }), "test/Net", "cidr", "192.169.0.0/16"],
  ["an empty CIDR", (s) => network(s, { cidr: "" }), "test/Net", "cidr", ""],
  ["a CIDR with a trailing space", (s) => network(s, { cidr: "10.0.0.0/16 " }), "test/Net", "cidr", "10.0.0.0/16 "],
  ["zero zones", (s) => network(s, { zones: 0 }), "test/Net", "zones", 0],
  ["a fractional zone count", (s) => network(s, { zones: 2.5 }), "test/Net", "zones", 2.5],
  ["a zone count that contradicts the zone names", (s) => network(s, { zones: 3, zoneNames: ["eu-central-1a", "eu-central-1b"] }), "test/Net", "zones", 3],
  ["a name with an underscore", (s) => network(s, { name: "shop_1" }), "test/Net", "name", "shop_1"],
  ["a name ending in a hyphen", (s) => network(s, { name: "shop-" }), "test/Net", "name", "shop-"],
  ["a name starting with a digit", (s) => network(s, { name: "1shop" }), "test/Net", "name", "1shop"],
  ["zero maximum instances", (s) => computeGroup(s, { minInstances: 1, maxInstances: 0 }), "test/Web", "maxInstances", 0],
  ["port zero", (s) => computeGroup(s, { containerPort: 0 }), "test/Web", "containerPort", 0],
  ["a truncated digest", (s) => computeGroup(s, { image: "bookstore@sha256:abc" }), "test/Web", "image", "bookstore@sha256:abc"],
  ["an upper-case image repository", (s) => computeGroup(s, { image: "Registry/Bookstore:1" }), "test/Web", "image", "Registry/Bookstore:1"],
  [
    "an environment name the database sets",
    (s) => {
      const net = network(s);
      const db = new Database(s, "Db", { cloud: aws(), network: net });
      return new ComputeGroup(s, "Web", { cloud: aws(), network: net, image: "a/b:1", database: db, environment: { DB_HOST: "elsewhere" } });
    },
    "test/Web",
    "environment.DB_HOST",
    "elsewhere",
  ],
  ["a root volume too large", (s) => computeGroup(s, { rootVolumeGiB: 2000 }), "test/Web", "rootVolumeGiB", 2000],
  ["fractional storage", (s) => database(s, { storageGiB: 20.5 }), "test/Db", "storageGiB", 20.5],
  ["a fractional backup retention", (s) => database(s, { backupRetentionDays: 7.5 }), "test/Db", "backupRetentionDays", 7.5],
  ["an empty database name", (s) => database(s, { databaseName: "" }), "test/Db", "databaseName", ""],
  ["a database name too long", (s) => database(s, { databaseName: "a".repeat(33) }), "test/Db", "databaseName", "a".repeat(33)],
  ["an administrator name starting with a digit", (s) => database(s, { username: "1admin" }), "test/Db", "username", "1admin"],
  ["an upper-case domain", (s) => loadBalancer(s, { domain: "Shop.Example.com" }), "test/Lb", "domain", "Shop.Example.com"],
  ["a single-label domain", (s) => loadBalancer(s, { domain: "localhost" }), "test/Lb", "domain", "localhost"],
  ["target port zero", (s) => loadBalancer(s, { targetPort: 0 }), "test/Lb", "targetPort", 0],
  ["an idle timeout too long", (s) => loadBalancer(s, { idleTimeoutSeconds: 5000 }), "test/Lb", "idleTimeoutSeconds", 5000],
  ["a health check path with a space", (s) => loadBalancer(s, { healthCheckPath: "/health check" }), "test/Lb", "healthCheckPath", "/health check"],
  ["the same static path twice", (s) => new Cdn(s, "Cdn", { cloud: aws(), origin: loadBalancer(s), staticPaths: ["/a/*", "/a/*"] }), "test/Cdn", "staticPaths", ["/a/*", "/a/*"]],
  ["a negative cache TTL", (s) => new Cdn(s, "Cdn", { cloud: aws(), origin: loadBalancer(s), staticCacheTtlSeconds: -1 }), "test/Cdn", "staticCacheTtlSeconds", -1],
  ["zero nodes", (s) => cluster(s, { minNodes: 0 }), "test/K8s", "minNodes", 0],
  ["too many nodes", (s) => cluster(s, { maxNodes: 101 }), "test/K8s", "maxNodes", 101],
  ["a malformed API CIDR", (s) => cluster(s, { publicApiAllowedCidrs: ["203.0.113.0/33"] }), "test/K8s", "publicApiAllowedCidrs[0]", "203.0.113.0/33"],
  ["a node size the catalog lacks", (s) => cluster(s, { nodeSize: "MEGA" as ComputeSize }), "test/K8s", "nodeSize", "MEGA"],
  ["an empty Kubernetes version", (s) => cluster(s, { version: "" }), "test/K8s", "version", ""],
  ["a tag value too long", (s) => Tags.of(s).add("team", "x".repeat(256)), "test", "tags.team", "x".repeat(256)],
  ["an empty tag key", (s) => Tags.of(s).add("", "x"), "test", "tags.", ""],
  ["a bookstore whose image is latest", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { web: { image: "shop:latest", runtime: WebRuntime.vms() } })), "test/Shop/Web", "web.image", "shop:latest"],
  ["a bookstore without a domain", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { domain: "" })), "test/Shop/LoadBalancer", "domain", ""],
  ["a bookstore whose database is too small", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { database: { storageGiB: 5 } })), "test/Shop/Database", "database.storageGiB", 5],
  ["a bookstore with too few zones", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { network: { zones: 1 } })), "test/Shop/Network", "network.zones", 1],
  ["a suppression without a reason", (s) => PolicyChecks.of(s).suppress("BKS-AWS-RDS-ENCRYPTED", "no"), "test", "suppression of BKS-AWS-RDS-ENCRYPTED", "no"],
  ["workloads below their disruption budget", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { minReplicas: 2, minAvailable: 2 } } })), "test/Shop", "kubernetes.workloads.minReplicas", 2],
  ["workloads with min > max replicas", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { minReplicas: 5, maxReplicas: 3 } } })), "test/Shop", "kubernetes.workloads.minReplicas", 5],
  ["a CPU limit below its request", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { cpuRequestMillicores: 500, cpuLimitMillicores: 250 } } })), "test/Shop", "kubernetes.workloads.cpuLimitMillicores", 250],
  ["a memory limit below its request", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { memoryRequestMiB: 512, memoryLimitMiB: 256 } } })), "test/Shop", "kubernetes.workloads.memoryLimitMiB", 256],
  ["a workload image tagged latest", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { image: "shop:latest" } } })), "test/Shop", "kubernetes.workloads.image", "shop:latest"],
  ["a workload image without a tag", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { image: "shop" } } })), "test/Shop", "kubernetes.workloads.image", "shop"],
  ["the default namespace", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { namespace: "default" } } })), "test/Shop", "kubernetes.workloads.namespace", "default"],
  ["a kube- namespace", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { namespace: "kube-system" } } })), "test/Shop", "kubernetes.workloads.namespace", "kube-system"],
  ["a UID below 10000", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { runAsUser: 1000 } } })), "test/Shop", "kubernetes.workloads.runAsUser", 1000],
  ["an issued certificate's domain over ACM's 64 characters", (s) => loadBalancer(s, { domain: `${"a".repeat(60)}.example.com` }), "test/Lb", "domain", `${"a".repeat(60)}.example.com`],
  ["a load balancer name starting with internal-", (s) => loadBalancer(s, { name: "internal-shop" }), "test/Lb", "name", "internal-shop"],
  ["rdsadmin as the administrator", (s) => database(s, { username: "rdsadmin" }), "test/Db", "username", "rdsadmin"],
  ["a dotted state bucket (S3's TLS certificate does not cover it)", (s) => aws().useRemoteState(s, { bucket: "acme.state" }), "test", "remoteState.bucket", "acme.state"],
  ["a state bucket starting with xn--", (s) => aws().useRemoteState(s, { bucket: "xn--acme" }), "test", "remoteState.bucket", "xn--acme"],
  ["a Tablestore endpoint for S3 state", (s) => aws().useRemoteState(s, { bucket: "acme-state", lockEndpoint: "https://x.eu-central-1.ots.aliyuncs.com" }), "test", "remoteState.lockEndpoint", "https://x.eu-central-1.ots.aliyuncs.com"],
  ["a Tencent Cloud region for S3 state", (s) => aws().useRemoteState(s, { bucket: "acme-state", region: "ap-guangzhou" }), "test", "remoteState.region", "ap-guangzhou"],
  ["an EKS public access list over 40 CIDRs", (s) => cluster(s, { publicApiAllowedCidrs: Array.from({ length: 41 }, (_, i) => `203.0.${i}.0/24`) }), "test/K8s", "publicApiAllowedCidrs", Array.from({ length: 41 }, (_, i) => `203.0.${i}.0/24`)],
  ["a CloudFront path pattern over 255 characters", (s) => new Cdn(s, "Cdn", { cloud: aws(), origin: loadBalancer(s), staticPaths: [`/${"p".repeat(255)}`] }), "test/Cdn", "staticPaths[0]", `/${"p".repeat(255)}`],
  ["an environment over EC2's 16 KB of user data", (s) => computeGroup(s, { environment: { BIG: "x".repeat(16384) } }), "test/Web", "environment", expect.stringMatching(/^\d+ variables making \d+ bytes of user data$/)],
  [
    "an environment that fits EC2's 16 KB only without the ECR login",
    (s) => computeGroup(s, { image: ECR_IMAGE, environment: { BIG: "x".repeat(16100) } }),
    "test/Web",
    "environment",
    expect.stringMatching(/^\d+ variables making \d+ bytes of user data$/),
  ],
  ["an administrator in Alibaba Cloud's RAM form", (s) => cluster(s, { administrators: ["acs:ram::123456789012:role/ci-deployer"] }), "test/K8s", "administrators[0]", "acs:ram::123456789012:role/ci-deployer"],
  ["an administrator that is an IAM group", (s) => cluster(s, { administrators: ["arn:aws:iam::123456789012:group/admins"] }), "test/K8s", "administrators[0]", "arn:aws:iam::123456789012:group/admins"],
  ["an administrator ARN without an account", (s) => cluster(s, { administrators: ["arn:aws:iam:::role/ci"] }), "test/K8s", "administrators[0]", "arn:aws:iam:::role/ci"],
  ["the same administrator twice", (s) => cluster(s, { administrators: [ADMIN, ADMIN] }), "test/K8s", "administrators[1]", ADMIN],
  // EKS gives the creator no access entry (#23): nobody could use the Kubernetes API.
  ["no administrator at all", (s) => cluster(s, {}), "test/K8s", "administrators", []],
  ["a service-linked role as an administrator", (s) => cluster(s, { administrators: [ADMIN, SERVICE_LINKED_ROLE] }), "test/K8s", "administrators[1]", SERVICE_LINKED_ROLE],
  ["the cluster's own node role, whose entry EKS makes itself", (s) => cluster(s, { administrators: [K8S_NODE_ROLE] }), "test/K8s", "administrators[0]", K8S_NODE_ROLE],
  ["a public range as a private API CIDR", (s) => cluster(s, { privateApiAllowedCidrs: ["203.0.113.0/24"] }), "test/K8s", "privateApiAllowedCidrs[0]", "203.0.113.0/24"],
  ["the internet as a private API CIDR", (s) => cluster(s, { privateApiAllowedCidrs: ["0.0.0.0/0"] }), "test/K8s", "privateApiAllowedCidrs[0]", "0.0.0.0/0"],
  ["more private API CIDRs than the catalog allows", (s) => cluster(s, { privateApiAllowedCidrs: Array.from({ length: 21 }, (_, i) => `10.${i}.0.0/16`) }), "test/K8s", "privateApiAllowedCidrs", Array.from({ length: 21 }, (_, i) => `10.${i}.0.0/16`)],
  ["a metrics-server version the catalog lacks", (s) => cluster(s, { addOnVersions: { "metrics-server": "v0.1.0-eksbuild.1" } }), "test/K8s", "addOnVersions.metrics-server", "v0.1.0-eksbuild.1"],
  ["a load balancer controller chart the catalog lacks", (s) => cluster(s, { addOnVersions: { "aws-load-balancer-controller": "1.0.0" } }), "test/K8s", "addOnVersions.aws-load-balancer-controller", "1.0.0"],
  ["an add-on the library does not install on EKS", (s) => cluster(s, { addOnVersions: { karpenter: "1.0.0" } }), "test/K8s", "addOnVersions.karpenter", "karpenter"],
  ["an External Secrets chart whose CRDs do not serve external-secrets.io/v1", (s) => cluster(s, { addOnVersions: { "external-secrets": "0.9.20" } }), "test/K8s", "addOnVersions.external-secrets", "0.9.20"],
  ["extended support that is no boolean", (s) => cluster(s, { extendedSupport: "yes" as unknown as boolean }), "test/K8s", "extendedSupport", "yes"],
  [
    "a cluster bound to a load balancer that sends the pods nothing",
    (s) => new KubernetesCluster(s, "K8s", { cloud: aws(), network: network(s), loadBalancer: new LoadBalancer(s, "Lb", { cloud: aws(), network: s.node.findChild("Net") as Network, domain: "shop.example.com", runtime: WebRuntime.vms() }) }),
    "test/K8s",
    "loadBalancer",
    "test/Lb",
  ],
  ["weights that add up to more than 100", (s) => loadBalancer(s, { runtime: WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 20 }) }), "test/Lb", "runtime", "{ vmsPercent: 90, kubernetesPercent: 20 }"],
  ["a fractional weight", (s) => loadBalancer(s, { runtime: WebRuntime.weighted({ vmsPercent: 89.5, kubernetesPercent: 10.5 }) }), "test/Lb", "runtime.vmsPercent", 89.5],
  [
    "pods as the web runtime with the cluster disabled",
    (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { web: { image: "a/b:1", runtime: WebRuntime.kubernetes() }, kubernetes: { enabled: false } })),
    "test/Shop",
    "web.runtime",
    "{ vmsPercent: 0, kubernetesPercent: 100 }",
  ],
  ["port 22, where sshd listens", (s) => computeGroup(s, { containerPort: 22 }), "test/Web", "containerPort", 22],
  ["an AWS_SECRET_ACCESS_KEY in the environment", (s) => computeGroup(s, { environment: { AWS_SECRET_ACCESS_KEY: "x" } }), "test/Web", "environment.AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"],
  ["a dotted asset bucket (S3's TLS certificate does not cover it)", (s) => new AssetBucket(s, "Assets", { cloud: aws(), name: "acme.assets" }), "test/Assets", "name", "acme.assets"],
  ["an asset bucket starting with sthree-, which S3 keeps", (s) => new AssetBucket(s, "Assets", { cloud: aws(), name: "sthree-assets" }), "test/Assets", "name", "sthree-assets"],
  ["an asset bucket ending with --x-s3, which S3 keeps", (s) => new AssetBucket(s, "Assets", { cloud: aws(), name: "acme--x-s3" }), "test/Assets", "name", "acme--x-s3"],
  ["an asset bucket name over 63 characters", (s) => new AssetBucket(s, "Assets", { cloud: aws(), name: "a".repeat(64) }), "test/Assets", "name", "a".repeat(64)],
  ["a bookstore sending / to the asset bucket", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { cdn: { staticPaths: ["/"] } })), "test/Shop/Cdn", "cdn.staticPaths[0]", "/"],
  ["a bookstore whose bucket gets a domain of its own, which CloudFront does not need", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { cdn: { assetsDomain: "static.shop.example.com" } })), "test/Shop/Cdn", "cdn.assetsDomain", "static.shop.example.com"],
  ["a CPU target over 100 percent", (s) => new Bookstore(s, "Shop", bookstoreProps(aws(), { kubernetes: { workloads: { targetCpuPercent: 150 } } })), "test/Shop", "kubernetes.workloads.targetCpuPercent", 150],
];

describe("bad props are refused at synth time", () => {
  test.each(BAD_INPUTS)("fails when given %s", (_what, build, constructPath, field, value) => {
    // GIVEN a stack WHEN the construct is built with the bad value
    const { stack } = newStack();
    // THEN a ValidationError names the path, the field, the value and what is allowed
    expectValidationError(() => build(stack), { constructPath, field, value });
  });

  test("the message reads as one sentence a user can act on", () => {
    const { stack } = newStack();
    expect(() => network(stack, { zones: 1 })).toThrow('test/Net: invalid zones 1; allowed: a whole number from 2 to 3 zones (eu-central-1 has 3)');
  });

  test("good props build without error", () => {
    const { stack } = newStack();
    expect(() => new Bookstore(stack, "Shop", bookstoreProps(aws()))).not.toThrow();
  });

  test("administrators that only look like the node role or a service-linked role are kept", () => {
    // GIVEN roles whose names share the node role's prefix, or the service-linked path's words, but are neither
    const lookalikes = ["arn:aws:iam::123456789012:role/k8s-node-admins", "arn:aws:iam::123456789012:role/ops/aws-service-role-admins", "arn:aws:iam::123456789012:user/k8s-node-2026120712000000000000000a"];
    const { stack } = newStack();
    // WHEN the cluster is built THEN each gets its access entry
    cluster(stack, { administrators: lookalikes });
    const entries = synthJson(stack).resource!.aws_eks_access_entry as Record<string, { principal_arn: string }>;
    expect(Object.values(entries).map((e) => e.principal_arn)).toEqual(lookalikes);
  });

  test("a refused asset bucket name says that S3 names are shared by every AWS account", () => {
    const { stack } = newStack();
    expect(() => new AssetBucket(stack, "Assets", { cloud: aws(), name: "xn--assets" })).toThrow(/not xn--\.\.\., sthree-\.\.\..*S3 bucket names are shared by every AWS account: a name another account holds fails at apply/);
  });
});
