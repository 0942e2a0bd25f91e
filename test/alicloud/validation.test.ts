import { TerraformStack } from "cdktf";
import {
  AssetBucket,
  Bookstore,
  Cache,
  CacheProps,
  Cdn,
  Cloud,
  Database,
  DatabaseProps,
  DatabaseSize,
  KubernetesCluster,
  KubernetesClusterProps,
  LoadBalancer,
  LoadBalancerClients,
  LoadBalancerProps,
  MysqlVersion,
  Network,
  NetworkProps,
  RedisVersion,
  WebRuntime,
} from "../../lib";
import { bookstoreProps } from "../support/bookstore";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";

const alicloud = (region = "cn-hangzhou") => Cloud.alicloud({ region, kmsInstanceId: "kst-hzz00000000000000000" });
const CERTIFICATE = alicloud().certificate.existing("14368012");

function network(stack: TerraformStack, props: Partial<NetworkProps> = {}): Network {
  return new Network(stack, "Net", { cloud: alicloud(), ...props });
}
function database(stack: TerraformStack, props: Partial<DatabaseProps> = {}): Database {
  return new Database(stack, "Db", { cloud: alicloud(), network: network(stack), ...props });
}
function cache(stack: TerraformStack, props: Partial<CacheProps> = {}): Cache {
  return new Cache(stack, "Cache", { cloud: alicloud(), network: network(stack), ...props });
}
function loadBalancer(stack: TerraformStack, props: Partial<LoadBalancerProps> = {}): LoadBalancer {
  return new LoadBalancer(stack, "Lb", { cloud: alicloud(), network: network(stack), domain: "shop.example.com", certificate: CERTIFICATE, ...props });
}
function cluster(stack: TerraformStack, props: Partial<KubernetesClusterProps> = {}): KubernetesCluster {
  return new KubernetesCluster(stack, "K8s", { cloud: alicloud(), network: network(stack), ...props });
}

/** [what is wrong, how to build it, construct path, field, value]. */
const BAD_INPUTS: [string, (stack: TerraformStack) => unknown, string, string, unknown][] = [
  ["a region the catalog lacks", (s) => new Network(s, "Net", { cloud: alicloud("cn-mars-1") }), "test/Net", "region", "cn-mars-1"],
  ["a zone the region lacks", (s) => network(s, { zoneNames: ["cn-hangzhou-h", "cn-shanghai-e"] }), "test/Net", "zoneNames", "cn-shanghai-e"],
  ["more zones than the region has", (s) => network(s, { zones: 5 }), "test/Net", "zones", 5],
  ["a name too long for ACK", (s) => network(s, { name: "a".repeat(60) }), "test/Net", "name", "a".repeat(60)],
  ["a name with capitals", (s) => network(s, { name: "Shop" }), "test/Net", "name", "Shop"],
  ["a name ending in an underscore", (s) => network(s, { name: "shop_" }), "test/Net", "name", "shop_"],
  ["a CIDR wider than /16", (s) => network(s, { cidr: "10.0.0.0/12" }), "test/Net", "cidr", "10.0.0.0/12"],
  ["storage below RDS's ESSD range", (s) => database(s, { storageGiB: 10 }), "test/Db", "storageGiB", 10],
  ["storage above RDS's ESSD range", (s) => database(s, { storageGiB: 32005 }), "test/Db", "storageGiB", 32005],
  ["storage off RDS's 5 GB step", (s) => database(s, { storageGiB: 52 }), "test/Db", "storageGiB", 52],
  ["backups kept longer than RDS allows", (s) => database(s, { backupRetentionDays: 731 }), "test/Db", "backupRetentionDays", 731],
  ["MySQL 8.4, which RDS does not offer", (s) => database(s, { version: MysqlVersion.V8_4 }), "test/Db", "version", "8.4"],
  ["a database size the catalog lacks", (s) => database(s, { size: "TINY" as DatabaseSize }), "test/Db", "size", "TINY"],
  ["cache backups kept longer than the 7 days Tair keeps them (the provider sends no retention)", (s) => cache(s, { backupRetentionDays: 8 }), "test/Cache", "backupRetentionDays", 8],
  ["a one-letter cache name, which Tair refuses (2 to 80 characters)", (s) => cache(s, { name: "c" }), "test/Cache", "name", "c"],
  ["a Redis version that does not exist", (s) => cache(s, { engineVersion: "8" as RedisVersion }), "test/Cache", "engineVersion", "8"],
  ["a certificate ID that is no CAS ID", (s) => loadBalancer(s, { certificate: alicloud().certificate.existing("cert-abc") }), "test/Lb", "certificate", "cert-abc"],
  ["a certificate of another cloud", (s) => loadBalancer(s, { certificate: Cloud.aws({ region: "eu-central-1" }).certificate.existing("arn:x") }), "test/Lb", "certificate", "arn:x"],
  ["a certificate Alibaba Cloud would have to issue", (s) => loadBalancer(s, { certificate: alicloud().certificate.issued() }), "test/Lb", "certificate", "issued by the cloud"],
  ["no certificate at all", (s) => loadBalancer(s, { certificate: undefined }), "test/Lb", "certificate", "issued by the cloud"],
  ["an idle timeout longer than a CLB HTTPS listener allows", (s) => loadBalancer(s, { idleTimeoutSeconds: 61 }), "test/Lb", "idleTimeoutSeconds", 61],
  ["CDN-only clients, which CLB cannot enforce", (s) => loadBalancer(s, { clients: LoadBalancerClients.cdnEdgesOnly() }), "test/Lb", "clients", "cdnEdgesOnly"],
  ["a CDN certificate that is no CAS ID", (s) => new Cdn(s, "Cdn", { cloud: alicloud(), origin: loadBalancer(s), certificate: alicloud().certificate.existing("x") }), "test/Cdn", "certificate", "x"],
  ["a Kubernetes version ACK does not offer", (s) => cluster(s, { version: "1.30" }), "test/K8s", "version", "1.30"],
  ["a public API server, which ACK cannot limit to CIDRs here", (s) => cluster(s, { publicApiAllowedCidrs: ["203.0.113.0/24"] }), "test/K8s", "publicApiAllowedCidrs", ["203.0.113.0/24"]],
  ["a public network as a private API network", (s) => cluster(s, { privateApiAllowedCidrs: ["10.100.0.0/24", "203.0.113.0/24"] }), "test/K8s", "privateApiAllowedCidrs[1]", "203.0.113.0/24"],
  ["the whole internet as a private API network", (s) => cluster(s, { privateApiAllowedCidrs: ["0.0.0.0/0"] }), "test/K8s", "privateApiAllowedCidrs[0]", "0.0.0.0/0"],
  ["more private API networks than the library opens", (s) => cluster(s, { privateApiAllowedCidrs: Array.from({ length: 21 }, (_, i) => `10.${i}.0.0/24`) }), "test/K8s", "privateApiAllowedCidrs", Array.from({ length: 21 }, (_, i) => `10.${i}.0.0/24`)],
  ["an administrator in AWS's format", (s) => cluster(s, { administrators: ["arn:aws:iam::123456789012:role/ci"] }), "test/K8s", "administrators[0]", "arn:aws:iam::123456789012:role/ci"],
  ["an administrator in Tencent Cloud's format", (s) => cluster(s, { administrators: ["qcs::cam::uin/100000000001:roleName/ci"] }), "test/K8s", "administrators[0]", "qcs::cam::uin/100000000001:roleName/ci"],
  ["a RAM group as an administrator", (s) => cluster(s, { administrators: ["acs:ram::1234567890123456:group/ops"] }), "test/K8s", "administrators[0]", "acs:ram::1234567890123456:group/ops"],
  ["the same administrator twice", (s) => cluster(s, { administrators: ["acs:ram::1234567890123456:role/ci", "acs:ram::1234567890123456:role/ci"] }), "test/K8s", "administrators[1]", "acs:ram::1234567890123456:role/ci"],
  ["a Terway version the catalog does not list", (s) => cluster(s, { addOnVersions: { "terway-eniip": "v1.9.0" } }), "test/K8s", "addOnVersions.terway-eniip", "v1.9.0"],
  ["Flannel as an add-on, which the library does not install", (s) => cluster(s, { addOnVersions: { flannel: "v0.15.1" } }), "test/K8s", "addOnVersions.flannel", "flannel"],
  ["a credential helper version the catalog does not list (the self-managed edition's)", (s) => cluster(s, { addOnVersions: { "managed-aliyun-acr-credential-helper": "v23.02.06.2-74e2172-aliyun" } }), "test/K8s", "addOnVersions.managed-aliyun-acr-credential-helper", "v23.02.06.2-74e2172-aliyun"],
  ["the self-managed credential helper, which the library does not install", (s) => cluster(s, { addOnVersions: { "aliyun-acr-credential-helper": "v25.07.21.1-67f1f51-aliyun" } }), "test/K8s", "addOnVersions.aliyun-acr-credential-helper", "aliyun-acr-credential-helper"],
  ["an unpinned ACR image for the workload identity", (s) => cluster(s, { workloadIdentity: { namespace: "shop", serviceAccountName: "shop", image: "shop-registry.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:latest" } }), "test/K8s", "workloadIdentity.image", "shop-registry.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:latest"],
  ["extended support, which ACK does not sell", (s) => cluster(s, { extendedSupport: true }), "test/K8s", "extendedSupport", true],
  ["weights that do not add up to 100", (s) => loadBalancer(s, { runtime: WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 20 }) }), "test/Lb", "runtime", "{ vmsPercent: 90, kubernetesPercent: 20 }"],
  ["the cluster as the web runtime with the cluster disabled", (s) => new Bookstore(s, "Shop", bookstoreProps(alicloud(), { kubernetes: { enabled: false } })), "test/Shop", "web.runtime", "{ vmsPercent: 90, kubernetesPercent: 10 }"],
  ["a bookstore name too long for its suffixes", (s) => new Bookstore(s, "Shop", bookstoreProps(alicloud(), { name: "a".repeat(56) })), "test/Shop", "name", "a".repeat(56)],
  ["a database name ending in an underscore (RDS wants a letter or digit last)", (s) => database(s, { databaseName: "bookstore_" }), "test/Db", "databaseName", "bookstore_"],
  ["a one-letter database name", (s) => database(s, { databaseName: "b" }), "test/Db", "databaseName", "b"],
  ["admin as the administrator, which RDS keeps", (s) => database(s, { username: "admin" }), "test/Db", "username", "admin"],
  ["a one-letter administrator name", (s) => database(s, { username: "a" }), "test/Db", "username", "a"],
  ["a tag key starting with acs:", (s) => new Bookstore(s, "Shop", bookstoreProps(alicloud(), { tags: { "acs:owner": "me" } })), "test/Shop", "tags.acs:owner", "acs:owner"],
  ["a tag value with a URL", (s) => new Bookstore(s, "Shop", bookstoreProps(alicloud(), { tags: { docs: "https://wiki.example.com" } })), "test/Shop", "tags.docs", "https://wiki.example.com"],
  ["more than 20 tags", (s) => new Bookstore(s, "Shop", bookstoreProps(alicloud(), { tags: Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`t${i}`, "x"])) })), "test/Shop", "tags", { app: "bookstore", ...Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`t${i}`, "x"])) }],
  ["a Tablestore endpoint that is not a URL", (s) => alicloud().useRemoteState(s, { bucket: "acme-state", lockTable: "locks", lockEndpoint: "acme.cn-hangzhou.ots.aliyuncs.com" }), "test", "remoteState.lockEndpoint", "acme.cn-hangzhou.ots.aliyuncs.com"],
  ["an empty lock table", (s) => alicloud().useRemoteState(s, { bucket: "acme-state", lockTable: "", lockEndpoint: "https://acme.cn-hangzhou.ots.aliyuncs.com" }), "test", "remoteState.lockTable", ""],
  ["a lock table with a hyphen, which Tablestore refuses", (s) => alicloud().useRemoteState(s, { bucket: "acme-state", lockTable: "tf-locks", lockEndpoint: "https://acme.cn-hangzhou.ots.aliyuncs.com" }), "test", "remoteState.lockTable", "tf-locks"],
  ["a dotted OSS bucket", (s) => alicloud().useRemoteState(s, { bucket: "acme.state" }), "test", "remoteState.bucket", "acme.state"],
  ["an OSS bucket with an underscore", (s) => new AssetBucket(s, "Assets", { cloud: alicloud(), name: "acme_assets" }), "test/Assets", "name", "acme_assets"],
  ["a dotted OSS asset bucket", (s) => new AssetBucket(s, "Assets", { cloud: alicloud(), name: "acme.assets" }), "test/Assets", "name", "acme.assets"],
  ["the shop's domain as the asset bucket's CDN domain", (s) => new Bookstore(s, "Shop", bookstoreProps(alicloud(), { cdn: { assetsDomain: "shop.example.com" } })), "test/Shop/Cdn", "cdn.assetsDomain", "shop.example.com"],
  ["a Tencent Cloud region for OSS state", (s) => alicloud().useRemoteState(s, { bucket: "acme-state", region: "ap-guangzhou" }), "test", "remoteState.region", "ap-guangzhou"],

];

describe("bad props for Alibaba Cloud are refused at synth time", () => {
  test.each(BAD_INPUTS)("fails when given %s", (_what, build, constructPath, field, value) => {
    // GIVEN a stack WHEN the construct is built with the bad value
    const { stack } = newStack();
    // THEN a ValidationError names the path, the field, the value and what is allowed
    expectValidationError(() => build(stack), { constructPath, field, value });
  });

  test("good props build without error", () => {
    const { stack } = newStack();
    expect(() => new Bookstore(stack, "Shop", bookstoreProps(alicloud()))).not.toThrow();
  });

  test("a weighted split between VMs and pods is accepted: a CLB weighs each backend", () => {
    const { stack } = newStack();
    expect(() => loadBalancer(stack, { runtime: WebRuntime.weighted({ vmsPercent: 70, kubernetesPercent: 30 }) })).not.toThrow();
  });

  test("a shop name with underscores still makes a valid OSS name for its asset bucket", () => {
    const { stack } = newStack();
    const shop = new Bookstore(stack, "Shop", bookstoreProps(alicloud(), { name: "book_shop" }));
    expect(shop.assets).toBeDefined();
    expect(JSON.stringify(stack.toTerraform().resource.alicloud_oss_bucket)).toContain('"bucket":"book-shop-assets-${random_id.');
  });

  test("MySQL 8.4 can be mapped on purpose through a catalog override", () => {
    const { stack } = newStack();
    const cloud = Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000", catalogOverrides: { mysqlVersions: { [MysqlVersion.V8_4]: "8.0" } } });
    expect(() => new Database(stack, "Db", { cloud, network: new Network(stack, "Net", { cloud }), version: MysqlVersion.V8_4 })).not.toThrow();
  });
});
