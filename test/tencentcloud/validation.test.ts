import { TerraformStack } from "cdktf";
import {
  AssetBucket,
  Bookstore,
  Cache,
  CacheProps,
  Cdn,
  Cloud,
  ComputeGroup,
  Database,
  DatabaseProps,
  KubernetesCluster,
  KubernetesClusterProps,
  LoadBalancer,
  LoadBalancerProps,
  Network,
  NetworkProps,
  ValidationError,
  WebRuntime,
} from "../../lib";
import { Lazy, Token } from "../../lib/core/cdktf";
import { bookstoreProps } from "../support/bookstore";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";

// Bad input that only Tencent Cloud's limits refuse: its zones, storage steps, name
// rule, certificate IDs and TKE's address ranges.
const tencentcloud = (region = "ap-guangzhou") => Cloud.tencentcloud({ region });
const CERTIFICATE = "Xa7dQ2mK";

function network(stack: TerraformStack, props: Partial<NetworkProps> = {}): Network {
  return new Network(stack, "Net", { cloud: tencentcloud(), ...props });
}
function database(stack: TerraformStack, props: Partial<DatabaseProps> = {}): Database {
  return new Database(stack, "Db", { cloud: tencentcloud(), network: network(stack), ...props });
}
function cache(stack: TerraformStack, props: Partial<CacheProps> = {}, cloud = tencentcloud()): Cache {
  return new Cache(stack, "Cache", { cloud, network: new Network(stack, "Net", { cloud }), ...props });
}
function loadBalancer(stack: TerraformStack, props: Partial<LoadBalancerProps> = {}): LoadBalancer {
  return new LoadBalancer(stack, "Lb", {
    cloud: tencentcloud(),
    network: network(stack),
    domain: "shop.example.com",
    certificate: tencentcloud().certificate.existing(CERTIFICATE),
    ...props,
  });
}
function cluster(stack: TerraformStack, props: Partial<KubernetesClusterProps> = {}): KubernetesCluster {
  return new KubernetesCluster(stack, "K8s", { cloud: tencentcloud(), network: network(stack), ...props });
}

/** [what is wrong, how to build it, construct path, field, value]. */
const BAD_INPUTS: [string, (stack: TerraformStack) => unknown, string, string, unknown][] = [
  ["an unknown region", (s) => new Network(s, "Net", { cloud: tencentcloud("ap-mars") }), "test/Net", "region", "ap-mars"],
  ["an AWS region", (s) => new Network(s, "Net", { cloud: tencentcloud("eu-central-1") }), "test/Net", "region", "eu-central-1"],
  ["a zone of another region", (s) => network(s, { zoneNames: ["ap-guangzhou-3", "ap-shanghai-2"] }), "test/Net", "zoneNames", "ap-shanghai-2"],
  ["more zones than Frankfurt has", (s) => new Network(s, "Net", { cloud: tencentcloud("eu-frankfurt"), zones: 3 }), "test/Net", "zones", 3],
  ["a name longer than the node pool's limit allows", (s) => network(s, { name: "a".repeat(22) }), "test/Net", "name", "a".repeat(22)],
  ["a bookstore name too long for its suffixes", (s) => new Bookstore(s, "Shop", bookstoreProps(tencentcloud(), { name: "a".repeat(18) })), "test/Shop", "name", "a".repeat(18)],
  ["storage below 25 GB", (s) => database(s, { storageGiB: 20 }), "test/Db", "storageGiB", 20],
  ["storage not in 5 GB steps", (s) => database(s, { storageGiB: 52 }), "test/Db", "storageGiB", 52],
  ["storage above the size's maximum", (s) => database(s, { storageGiB: 1005 }), "test/Db", "storageGiB", 1005],
  ["backups kept longer than 1830 days", (s) => database(s, { backupRetentionDays: 1831 }), "test/Db", "backupRetentionDays", 1831],
  ["cache backups kept longer than the 7 days TencentDB for Redis keeps them", (s) => cache(s, { backupRetentionDays: 8 }), "test/Cache", "backupRetentionDays", 8],
  ["a cache name with an underscore, which the cloud's name rule refuses", (s) => cache(s, { name: "shop_cache" }), "test/Cache", "name", "shop_cache"],
  [
    "a cache size overridden to memory that is no whole GB (mem_size is bought in 1024 MB steps)",
    (s) => cache(s, {}, Cloud.tencentcloud({ region: "ap-guangzhou", catalogOverrides: { cacheSizes: { SMALL: "1000" } } })),
    "test/Cache",
    "size",
    "1000",
  ],
  ["no certificate (Tencent Cloud issues none through Terraform)", (s) => loadBalancer(s, { certificate: undefined }), "test/Lb", "certificate", "issued by the cloud"],
  ["a certificate that is no SSL certificate ID", (s) => loadBalancer(s, { certificate: tencentcloud().certificate.existing("my-cert") }), "test/Lb", "certificate", "my-cert"],
  ["an AWS certificate", (s) => loadBalancer(s, { certificate: Cloud.aws({ region: "eu-central-1" }).certificate.existing(CERTIFICATE) }), "test/Lb", "certificate", CERTIFICATE],
  [
    "a CDN certificate that is no SSL certificate ID",
    (s) => new Cdn(s, "Cdn", { cloud: tencentcloud(), origin: loadBalancer(s), certificate: tencentcloud().certificate.existing("arn:aws:acm:x") }),
    "test/Cdn",
    "certificate",
    "arn:aws:acm:x",
  ],
  ["tencentroot as the administrator", (s) => database(s, { username: "tencentroot" }), "test/Db", "username", "tencentroot"],
  ["root as the administrator", (s) => database(s, { username: "root" }), "test/Db", "username", "root"],
  ["a tag key starting with qcloud", (s) => new Bookstore(s, "Shop", bookstoreProps(tencentcloud(), { tags: { qcloud_team: "x" } })), "test/Shop", "tags.qcloud_team", "qcloud_team"],
  ["a tag value with a comma", (s) => new Bookstore(s, "Shop", bookstoreProps(tencentcloud(), { tags: { team: "a,b" } })), "test/Shop", "tags.team", "a,b"],
  ["a COS bucket whose name part is over 50 characters", (s) => tencentcloud().useRemoteState(s, { bucket: `${"a".repeat(51)}-1250000000` }), "test", "remoteState.bucket", `${"a".repeat(51)}-1250000000`],
  ["a COS bucket starting with a hyphen", (s) => tencentcloud().useRemoteState(s, { bucket: "-acme-1250000000" }), "test", "remoteState.bucket", "-acme-1250000000"],
  ["a lock endpoint, which COS does not use", (s) => tencentcloud().useRemoteState(s, { bucket: "acme-1250000000", lockEndpoint: "https://x" }), "test", "remoteState.lockEndpoint", "https://x"],
  ["an AWS region for COS state", (s) => tencentcloud().useRemoteState(s, { bucket: "acme-1250000000", region: "eu-central-1" }), "test", "remoteState.region", "eu-central-1"],
  // <name>-<APPID>.cos.ap-guangzhou.myqcloud.com: at most 60 characters, so 19 for the name.
  ["a COS bucket name too long for its host name in ap-guangzhou", (s) => new AssetBucket(s, "Assets", { cloud: tencentcloud(), name: "a".repeat(20) }), "test/Assets", "name", "a".repeat(20)],
  ["a COS bucket name with the APPID already in it", (s) => new AssetBucket(s, "Assets", { cloud: tencentcloud("ap-beijing"), name: "acme-1250000000" }), "test/Assets", "name", "acme-1250000000"],
  ["a COS bucket name ending with a hyphen", (s) => new AssetBucket(s, "Assets", { cloud: tencentcloud(), name: "acme-" }), "test/Assets", "name", "acme-"],
  ["a COS retention over 3650 days", (s) => new AssetBucket(s, "Assets", { cloud: tencentcloud(), noncurrentVersionRetentionDays: 3651 }), "test/Assets", "noncurrentVersionRetentionDays", 3651],
  ["the shop's domain as the asset bucket's CDN domain", (s) => new Bookstore(s, "Shop", bookstoreProps(tencentcloud(), { cdn: { assetsDomain: "shop.example.com" } })), "test/Shop/Cdn", "cdn.assetsDomain", "shop.example.com"],
  ["user data over 16 KB once Base64-encoded", (s) => new ComputeGroup(s, "Web", { cloud: tencentcloud(), network: network(s), image: "a/b:1", environment: { BIG: "x".repeat(12000) } }), "test/Web", "environment", expect.stringMatching(/Base64-encoded user data$/)],
  ["a Kubernetes version TKE does not offer", (s) => cluster(s, { version: "1.29" }), "test/K8s", "version", "1.29"],
  ["a network overlapping TKE's pod range", (s) => new KubernetesCluster(s, "K8s", { cloud: tencentcloud(), network: network(s, { cidr: "172.20.0.0/16" }) }), "test/K8s", "network", "172.20.0.0/16"],
  ["an AWS role as a cluster administrator", (s) => cluster(s, { administrators: ["arn:aws:iam::123456789012:role/ci"] }), "test/K8s", "administrators[0]", "arn:aws:iam::123456789012:role/ci"],
  ["an Alibaba Cloud RAM role as a cluster administrator", (s) => cluster(s, { administrators: ["acs:ram::1234567890123456:role/ci"] }), "test/K8s", "administrators[0]", "acs:ram::1234567890123456:role/ci"],
  ["a CAM role without its owner's UIN", (s) => cluster(s, { administrators: ["roleName/ci-deployer"] }), "test/K8s", "administrators[0]", "roleName/ci-deployer"],
  ["a public range as a private API network", (s) => cluster(s, { privateApiAllowedCidrs: ["203.0.113.0/24"] }), "test/K8s", "privateApiAllowedCidrs[0]", "203.0.113.0/24"],
  ["the whole internet as a private API network", (s) => cluster(s, { privateApiAllowedCidrs: ["10.0.0.0/8", "0.0.0.0/0"] }), "test/K8s", "privateApiAllowedCidrs[1]", "0.0.0.0/0"],
  ["an add-on TKE's adapter does not install", (s) => cluster(s, { addOnVersions: { "metrics-server": "3.12.2" } }), "test/K8s", "addOnVersions.metrics-server", "metrics-server"],
  ["a NetworkPolicy add-on version the catalog does not list", (s) => cluster(s, { addOnVersions: { networkpolicy: "1.0.0" } }), "test/K8s", "addOnVersions.networkpolicy", "1.0.0"],
  ["ACK's network plugin as a TKE add-on", (s) => cluster(s, { addOnVersions: { "terway-eniip": "v1.17.5" } }), "test/K8s", "addOnVersions.terway-eniip", "terway-eniip"],
  ["extended support, which TKE does not offer", (s) => cluster(s, { extendedSupport: true }), "test/K8s", "extendedSupport", true],
  [
    "a weighted split between VMs and pods, which one CLB rule cannot hold (TKE owns its listener)",
    (s) => loadBalancer(s, { runtime: WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 10 }) }),
    "test/Lb",
    "runtime",
    "{ vmsPercent: 90, kubernetesPercent: 10 }",
  ],
  [
    "a load balancer of another cloud",
    (s) =>
      new ComputeGroup(s, "Web", {
        cloud: tencentcloud(),
        network: network(s),
        image: "a/b:1",
        loadBalancer: new LoadBalancer(new TerraformStack(s.node.scope!, "other"), "Lb", {
          cloud: Cloud.aws({ region: "eu-central-1" }),
          network: new Network(s.node.scope!.node.findChild("other"), "Net", { cloud: Cloud.aws({ region: "eu-central-1" }) }),
          domain: "shop.example.com",
        }),
      }),
    "test/Web",
    "loadBalancer",
    "other/Lb (aws)",
  ],
];

describe("Tencent Cloud: bad props are refused at synth time", () => {
  test.each(BAD_INPUTS)("fails when given %s", (_what, build, constructPath, field, value) => {
    // GIVEN a stack WHEN the construct is built with the bad value
    const { stack } = newStack();
    // THEN a ValidationError names the path, the field, the value and what is allowed
    expectValidationError(() => build(stack), { constructPath, field, value });
  });

  test("good props build without error", () => {
    const { stack } = newStack();
    expect(() => new Bookstore(stack, "Shop", bookstoreProps(tencentcloud()))).not.toThrow();
  });

  test("a COS name fills what its region's host name leaves, and the refusal says COS appends the APPID", () => {
    expect(() => new AssetBucket(newStack().stack, "Fits", { cloud: tencentcloud(), name: "a".repeat(19) })).not.toThrow();
    expect(() => new AssetBucket(newStack().stack, "Beijing", { cloud: tencentcloud("ap-beijing"), name: "a".repeat(21) })).not.toThrow();
    expect(() => new AssetBucket(newStack().stack, "TooLong", { cloud: tencentcloud(), name: "a".repeat(20) })).toThrow(/\(COS appends it\), at most 19 characters .*\{name\}-1250000000\.cos\.\{region\}\.myqcloud\.com is at most 60 characters.*need only differ from the account's other buckets/);
  });

  test("fails when a cluster administrator is only known later, saying the grant is keyed at synth time", () => {
    // GIVEN an administrator that would resolve to a well-formed sub-user, but only at synth
    const later = Token.asString(Lazy.stringValue({ produce: () => "qcs::cam::uin/100000000001:uin/100000000002" }));
    // WHEN the cluster is built THEN the refusal says why a token cannot be taken, not that its form is wrong
    let caught: unknown;
    try {
      cluster(newStack().stack, { administrators: [later] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).field).toBe("administrators[0]");
    expect((caught as ValidationError).allowed).toBe("a literal CAM principal: the grant is keyed by the principal's UIN or role name at synth time");
  });

  test("a long shop name is shortened to fit COS's host name", () => {
    const { stack } = newStack();
    new Bookstore(stack, "Shop", bookstoreProps(tencentcloud(), { name: "a-long-bookstore", cache: { enabled: false } }));
    // 19 characters in ap-guangzhou: "a-long-bookstore-assets" cut to "a-long-bookstore-as", then the APPID.
    expect(JSON.stringify(stack.toTerraform().resource.tencentcloud_cos_bucket)).toContain('"bucket":"a-long-bookstore-as-${data.tencentcloud_user_info.');
  });
});
