import { TerraformStack } from "cdktf";
import {
  Bookstore,
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
  Tags,
  ValidationError,
} from "../lib";
import { bookstoreProps } from "./support/bookstore";
import { newStack } from "./support/synth";

const aws = (region = "eu-central-1") => Cloud.aws({ region });

function network(stack: TerraformStack, props: Partial<NetworkProps> = {}): Network {
  return new Network(stack, "Net", { cloud: aws(), ...props });
}
function database(stack: TerraformStack, props: Partial<DatabaseProps> = {}): Database {
  return new Database(stack, "Db", { cloud: aws(), network: network(stack), ...props });
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
  ["a reserved tag key", (s) => Tags.of(s).add("aws:owner", "me"), "test", "tags.aws:owner", "aws:owner"],
];

describe("bad props are refused at synth time", () => {
  test.each(BAD_INPUTS)("fails when given %s", (_what, build, constructPath, field, value) => {
    // GIVEN a stack
    const { stack } = newStack();
    // WHEN the construct is built with the bad value
    let caught: unknown;
    try {
      build(stack);
    } catch (error) {
      caught = error;
    }
    // THEN a ValidationError names the path, the field, the value and what is allowed
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect({ constructPath: error.constructPath, field: error.field, value: error.value }).toEqual({ constructPath, field, value });
    expect(error.allowed.length).toBeGreaterThan(10);
    expect(error.message).toContain(constructPath);
    expect(error.message).toContain(field);
    expect(error.message).toContain(error.allowed);
  });

  test("the message reads as one sentence a user can act on", () => {
    const { stack } = newStack();
    expect(() => network(stack, { zones: 1 })).toThrow('test/Net: invalid zones 1; allowed: a whole number from 2 to 3 zones (eu-central-1 has 3)');
  });

  test("good props build without error", () => {
    const { stack } = newStack();
    expect(() => new Bookstore(stack, "Shop", bookstoreProps(aws()))).not.toThrow();
  });
});
