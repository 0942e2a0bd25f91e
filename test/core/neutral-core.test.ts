import { TerraformStack } from "cdktf";
import {
  Bookstore,
  BookstoreProps,
  CdnSpec,
  ComputeGroup,
  ComputeGroupSpec,
  ComputeSize,
  Database,
  DatabaseSize,
  DatabaseSpec,
  KubernetesCluster,
  KubernetesClusterSpec,
  LoadBalancerSpec,
  MysqlVersion,
  Network,
  NetworkSpec,
  Tags,
  WebRuntime,
} from "../../lib";
import { FakeCloud } from "../support/fake-cloud";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";

// The neutral core on a recording fake cloud: what each construct validates, what it
// resolves through the catalog, and in which order the composition wires the pieces.
// No adapter runs, so a failure here is the core's own.

function shop(cloud: FakeCloud, stack: TerraformStack, overrides: Partial<BookstoreProps> = {}): Bookstore {
  // Both runtimes, so every capability is wired.
  const web = { image: "registry.example.com/bookstore:1.4.2", runtime: WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 }) };
  return new Bookstore(stack, "Shop", { cloud, domain: "shop.example.com", web, ...overrides });
}

describe("catalog resolution", () => {
  test("a network plans its subnets and takes the region's first zones in catalog order", () => {
    // GIVEN a fake cloud WHEN a network is built with defaults
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new Network(stack, "Net", { cloud, cidr: "10.20.0.0/16" });
    // THEN the adapter gets the planned subnets and the catalog's zones
    expect(cloud.specOf<NetworkSpec>("network")).toEqual({
      name: "net",
      cidr: "10.20.0.0/16",
      zones: ["fake-east-1a", "fake-east-1b"],
      // The private subnets, which hold the most addresses (nodes, pods), come first.
      privateSubnetCidrs: ["10.20.0.0/18", "10.20.64.0/18"],
      publicSubnetCidrs: ["10.20.128.0/18", "10.20.192.0/18"],
    });
  });

  test("a database gets the catalog's engine version and class, and the smallest storage of at least 20 GiB on the size's step", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new Database(stack, "Db", { cloud, network: new Network(stack, "Net", { cloud }), size: DatabaseSize.SMALL });
    expect(cloud.specOf<DatabaseSpec>("database")).toMatchObject({
      engineVersion: "fake-mysql-8.0",
      instanceClass: "fake.db.small",
      storageGiB: 20,
      highlyAvailable: true,
      backupRetentionDays: 7,
      deletionProtection: true,
      databaseName: "bookstore",
      username: "bookstoreadmin",
    });
  });

  test("storage defaults to the size's minimum when that is above 20 GiB", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new Database(stack, "Db", { cloud, network: new Network(stack, "Net", { cloud }), size: DatabaseSize.LARGE });
    expect(cloud.specOf<DatabaseSpec>("database").storageGiB).toBe(100);
  });

  test("a compute group and a cluster get the catalog's instance types and default version", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    new ComputeGroup(stack, "Web", { cloud, network, image: "registry.example.com/bookstore:1.4.2", size: ComputeSize.LARGE });
    new KubernetesCluster(stack, "K8s", { cloud, network });
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup")).toMatchObject({ instanceType: "fake.large", minInstances: 2, maxInstances: 4, rootVolumeGiB: 30, containerPort: 8080 });
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster")).toMatchObject({ nodeInstanceType: "fake.medium", version: "1.32", minNodes: 2, maxNodes: 5 });
  });

  test("catalog overrides replace what the adapters receive", () => {
    const cloud = new FakeCloud("fake-east-1", { computeSizes: { SMALL: "custom.small" }, databaseSizes: { SMALL: { instanceClass: "custom.db", storageGiB: { min: 30, max: 40, stepGiB: 10 } } } });
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    new ComputeGroup(stack, "Web", { cloud, network, image: "registry.example.com/bookstore:1.4.2" });
    new Database(stack, "Db", { cloud, network });
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup").instanceType).toBe("custom.small");
    expect(cloud.specOf<DatabaseSpec>("database")).toMatchObject({ instanceClass: "custom.db", storageGiB: 30 });
  });
});

describe("wiring order of the composition", () => {
  test("network, database, cache, asset bucket, load balancer, web tier, CDN (which may read the bucket) and how other stacks read its host name, cluster; then the database and the cache open to the web tier and the cluster", () => {
    // GIVEN a fake cloud WHEN the bookstore is composed
    const cloud = new FakeCloud();
    shop(cloud, newStack().stack);
    // THEN every capability is created once, dependencies first
    expect(cloud.order).toEqual(["network", "database", "cache", "assetBucket", "loadBalancer", "computeGroup", "allowConnectionsFrom", "allowConnectionsFrom", "cdn", "allowCdnReads", "cdnHostName", "kubernetesCluster", "allowConnectionsFrom", "allowConnectionsFrom"]);
    const peers = cloud.calls.filter((call) => call.capability === "allowConnectionsFrom").map((call) => [call.scopePath, call.spec]);
    // The cluster also names the pod range its pods connect from, where the cloud keeps pod addresses.
    const web = { peer: "test/Shop/Web", securityGroupId: "sg-web", sourceCidrs: undefined };
    const cluster = { peer: "test/Shop/Kubernetes", securityGroupId: "sg-nodes", sourceCidrs: ["172.30.0.0/16"] };
    expect(peers).toEqual([
      ["test/Shop/Database", web],
      ["test/Shop/Cache", web],
      ["test/Shop/Database", cluster],
      ["test/Shop/Cache", cluster],
    ]);
  });

  test("the load balancer admits only the CDN where the cloud can say so, and anyone without a CDN", () => {
    const withCdn = new FakeCloud();
    shop(withCdn, newStack().stack);
    expect(withCdn.specOf<LoadBalancerSpec>("loadBalancer").cdnEdgesOnly).toBe(true);

    const withoutCdn = new FakeCloud();
    shop(withoutCdn, newStack().stack, { cdn: { enabled: false } });
    expect(withoutCdn.specOf<LoadBalancerSpec>("loadBalancer").cdnEdgesOnly).toBe(false);
    expect(withoutCdn.order).not.toContain("cdn");

    const cannotRestrict = new FakeCloud("fake-east-1", { capabilities: { restrictsOriginToCdn: false } });
    shop(cannotRestrict, newStack().stack);
    expect(cannotRestrict.specOf<LoadBalancerSpec>("loadBalancer").cdnEdgesOnly).toBe(false);
  });

  test("the CDN takes the bookstore's certificate where the cloud's CDN can serve it, and cdn.certificate wins", () => {
    const sharing = new FakeCloud("fake-east-1", { capabilities: { cdnSharesLoadBalancerCertificate: true } });
    shop(sharing, newStack().stack, { certificate: sharing.certificate.existing("cert-1") });
    expect(sharing.specOf<CdnSpec>("cdn").certificate.existingCertificateId).toBe("cert-1");

    const own = new FakeCloud("fake-east-1", { capabilities: { cdnSharesLoadBalancerCertificate: true } });
    shop(own, newStack().stack, { certificate: own.certificate.existing("cert-1"), cdn: { certificate: own.certificate.existing("cert-2") } });
    expect(own.specOf<CdnSpec>("cdn").certificate.existingCertificateId).toBe("cert-2");

    const regional = new FakeCloud();
    shop(regional, newStack().stack, { certificate: regional.certificate.existing("cert-1") });
    expect(regional.specOf<CdnSpec>("cdn").certificate.isIssued).toBe(true);
  });

  test("names carry the shop's name and the web tier gets the database's connection", () => {
    const cloud = new FakeCloud();
    shop(cloud, newStack().stack, { name: "books", web: { image: "registry.example.com/bookstore:1.4.2", port: 9090, runtime: WebRuntime.vms() } });
    expect(cloud.specOf<NetworkSpec>("network").name).toBe("books");
    expect(cloud.specOf<DatabaseSpec>("database").name).toBe("books-db");
    expect(cloud.specOf<LoadBalancerSpec>("loadBalancer")).toMatchObject({ name: "books-lb", targetPort: 9090 });
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup")).toMatchObject({
      name: "books-web",
      containerPort: 9090,
      environment: {
        CLOUD: "fake",
        CLOUD_REGION: "fake-east-1",
        FAKE_REGION: "fake-east-1",
        PORT: "9090",
        DB_HOST: "db.fake",
        DB_PORT: "3306",
        DB_NAME: "bookstore",
        DB_USER: "bookstoreadmin",
        DB_CREDENTIALS_SECRET: "secret-1",
      },
    });
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").name).toBe("books-k8s");
  });

  test("a database or a cache wired to the same peer twice opens once", () => {
    const cloud = new FakeCloud();
    const bookstore = shop(cloud, newStack().stack);
    bookstore.database.allowConnectionsFrom(bookstore.web as unknown as Parameters<Database["allowConnectionsFrom"]>[0]);
    bookstore.cache!.allowConnectionsFrom(bookstore.web as unknown as Parameters<Database["allowConnectionsFrom"]>[0]);
    expect(cloud.order.filter((c) => c === "allowConnectionsFrom")).toHaveLength(4);
  });
});

describe("validation happens before any adapter runs", () => {
  test.each<[string, (cloud: FakeCloud, stack: TerraformStack) => unknown, string, string, unknown]>([
    ["a public network CIDR", (cloud, s) => new Network(s, "Net", { cloud, cidr: "8.8.0.0/16" }), "test/Net", "cidr", "8.8.0.0/16"],
    ["a region the catalog lacks", (_cloud, s) => new Network(s, "Net", { cloud: new FakeCloud("fake-north-9") }), "test/Net", "region", "fake-north-9"],
    ["more zones than the region has", (_cloud, s) => new Network(s, "Net", { cloud: new FakeCloud("fake-west-1"), zones: 3 }), "test/Net", "zones", 3],
    ["a MySQL version the cloud does not offer", (cloud, s) => new Database(s, "Db", { cloud, network: new Network(s, "Net", { cloud }), version: MysqlVersion.V8_4 }), "test/Db", "version", "8.4"],
    ["storage off the size's step", (cloud, s) => new Database(s, "Db", { cloud, network: new Network(s, "Net", { cloud }), storageGiB: 22 }), "test/Db", "storageGiB", 22],
    ["a Kubernetes version the catalog lacks", (cloud, s) => new KubernetesCluster(s, "K8s", { cloud, network: new Network(s, "Net", { cloud }), version: "1.20" }), "test/K8s", "version", "1.20"],
    ["more minimum than maximum instances", (cloud, s) => new ComputeGroup(s, "Web", { cloud, network: new Network(s, "Net", { cloud }), image: "r.example.com/b:1", minInstances: 5, maxInstances: 3 }), "test/Web", "minInstances", 5],
    ["a bad health-check path", (cloud, s) => shop(cloud, s, { web: { image: "r.example.com/b:1", healthCheckPath: "healthz" } }), "test/Shop/LoadBalancer", "web.healthCheckPath", "healthz"],
  ])("fails when given %s", (_what, build, constructPath, field, value) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const callsBefore = (c: FakeCloud) => c.calls.filter((call) => call.scopePath === constructPath).length;
    expectValidationError(() => build(cloud, stack), { constructPath, field, value });
    expect(callsBefore(cloud)).toBe(0);
  });

  test("fails when a construct of one cloud is wired to another cloud's network", () => {
    const one = new FakeCloud("fake-east-1", undefined, "fake");
    const other = new FakeCloud("fake-east-1", undefined, "other");
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud: one });
    expectValidationError(() => new Database(stack, "Db", { cloud: other, network }), { constructPath: "test/Db", field: "network", value: "test/Net (fake)" });
    expect(other.calls).toEqual([]);
  });
});

describe("tags", () => {
  test("Tags.of() checks only what holds on every cloud; the bookstore refuses what its own cloud reserves", () => {
    // GIVEN a stack WHEN a tag is added whose key another cloud reserves THEN it is kept
    const { stack } = newStack();
    expect(() => Tags.of(stack).add("aliyun-team", "books")).not.toThrow();
    expectValidationError(() => Tags.of(stack).add("k".repeat(128), "x"), { constructPath: "test", field: `tags.${"k".repeat(128)}`, value: "k".repeat(128) });
    // AND a bookstore refuses a key its cloud's catalog reserves
    const cloud = new FakeCloud();
    expectValidationError(() => shop(cloud, newStack().stack, { tags: { "fake:owner": "me" } }), { constructPath: "test/Shop", field: "tags.fake:owner", value: "fake:owner" });
  });
});
