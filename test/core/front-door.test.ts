import { App, TerraformStack } from "cdktf";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  Bookstore,
  BookstoreProps,
  BookstoreStacks,
  ComputeGroup,
  ComputeGroupSpec,
  KubernetesCluster,
  KubernetesClusterSpec,
  LoadBalancer,
  LoadBalancerSpec,
  Network,
  parseCidr,
  PRIVATE_RANGES,
  contains,
  WebRuntime,
} from "../../lib";
import { FakeCloud } from "../support/fake-cloud";
import { newStack, onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";
import { propertyRuns } from "../support/property-budget";

// One front door (issue #12) on the recording fake cloud: where the web tier runs, what the
// load balancer and the cluster are asked for, and what the workloads stack holds. No
// adapter runs, so a failure here is the neutral side's own.

const IMAGE = "registry.example.com/bookstore:1.4.2";

function shop(cloud: FakeCloud, stack: TerraformStack, overrides: Partial<BookstoreProps> = {}): Bookstore {
  return new Bookstore(stack, "Shop", { cloud, domain: "shop.example.com", web: { image: IMAGE }, ...overrides });
}

describe("where the web tier runs", () => {
  test("on the cluster by default, with no VMs and the load balancer's requests all on pods", () => {
    const cloud = new FakeCloud();
    const bookstore = shop(cloud, newStack().stack);
    expect(bookstore.web).toBeUndefined();
    expect(cloud.order).not.toContain("computeGroup");
    const spec = cloud.specOf<LoadBalancerSpec>("loadBalancer");
    expect({ vms: spec.runtime.vmsPercent, pods: spec.runtime.kubernetesPercent }).toEqual({ vms: 0, pods: 100 });
    expect(bookstore.loadBalancer.podBackend?.weightPercent).toBe(100);
    expect(bookstore.loadBalancer.targetGroupId).toBeUndefined();
  });

  test("on VMs by default when the cluster is off", () => {
    const cloud = new FakeCloud();
    const bookstore = shop(cloud, newStack().stack, { kubernetes: { enabled: false } });
    expect(bookstore.web).toBeDefined();
    expect(bookstore.loadBalancer.podBackend).toBeUndefined();
    expect(cloud.order).not.toContain("kubernetesCluster");
  });

  test("on both by weight, behind the one load balancer", () => {
    const cloud = new FakeCloud();
    const runtime = WebRuntime.weighted({ vmsPercent: 70, kubernetesPercent: 30 });
    const bookstore = shop(cloud, newStack().stack, { web: { image: IMAGE, runtime } });
    expect(cloud.calls.filter((call) => call.capability === "loadBalancer")).toHaveLength(1);
    expect(bookstore.web).toBeDefined();
    expect(bookstore.loadBalancer.targetGroupId).toBe("tg-1");
    expect(bookstore.loadBalancer.podBackend?.weightPercent).toBe(30);
  });

  test.each<[string, () => WebRuntime, string, unknown]>([
    ["weights that do not add up to 100", () => WebRuntime.weighted({ vmsPercent: 60, kubernetesPercent: 60 }), "web.runtime", "{ vmsPercent: 60, kubernetesPercent: 60 }"],
    ["a fraction of a percent", () => WebRuntime.weighted({ vmsPercent: 99.5, kubernetesPercent: 0.5 }), "web.runtime.vmsPercent", 99.5],
    ["a negative weight", () => WebRuntime.weighted({ vmsPercent: 100, kubernetesPercent: -10 }), "web.runtime.kubernetesPercent", -10],
    ["NaN as a weight", () => WebRuntime.weighted({ vmsPercent: NaN, kubernetesPercent: 100 }), "web.runtime.vmsPercent", NaN],
  ])("fails when given %s", (_what, runtime, field, value) => {
    const cloud = new FakeCloud();
    expectValidationError(() => shop(cloud, newStack().stack, { web: { image: IMAGE, runtime: runtime() } }), { constructPath: "test/Shop/LoadBalancer", field, value });
  });

  test("fails when given a weighted runtime on a load balancer that cannot split", () => {
    const cloud = new FakeCloud("fake-east-1", { capabilities: { weightedWebRuntimes: false } });
    const runtime = WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 10 });
    expectValidationError(() => shop(cloud, newStack().stack, { web: { image: IMAGE, runtime } }), {
      constructPath: "test/Shop/LoadBalancer",
      field: "web.runtime",
      value: "{ vmsPercent: 90, kubernetesPercent: 10 }",
    });
  });

  test.each([WebRuntime.kubernetes(), WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 })])("fails when pods get requests but the cluster is off (%o)", (runtime) => {
    const cloud = new FakeCloud();
    expectValidationError(() => shop(cloud, newStack().stack, { web: { image: IMAGE, runtime }, kubernetes: { enabled: false } }), {
      constructPath: "test/Shop",
      field: "web.runtime",
      value: `{ vmsPercent: ${runtime.vmsPercent}, kubernetesPercent: ${runtime.kubernetesPercent} }`,
    });
  });

  test("fails when VMs are registered with a load balancer that sends them nothing", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud, cidr: "10.0.0.0/16" });
    const loadBalancer = new LoadBalancer(stack, "Lb", { cloud, network, domain: "shop.example.com", runtime: WebRuntime.kubernetes() });
    expectValidationError(() => new ComputeGroup(stack, "Web", { cloud, network, image: IMAGE, loadBalancer }), { constructPath: "test/Web", field: "loadBalancer", value: "test/Lb" });
  });

  test("property: whole weights adding up to 100 are taken, anything else is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 120 }), fc.integer({ min: -20, max: 120 }), (vmsPercent, kubernetesPercent) => {
        const cloud = new FakeCloud();
        const build = () => shop(cloud, newStack().stack, { web: { image: IMAGE, runtime: WebRuntime.weighted({ vmsPercent, kubernetesPercent }) } });
        const valid = vmsPercent >= 0 && kubernetesPercent >= 0 && vmsPercent + kubernetesPercent === 100;
        if (valid) expect(build).not.toThrow();
        else expect(build).toThrow(/web\.runtime/);
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});

describe("one application contract on both runtimes", () => {
  test("VMs and pods get the same variables with the same values", () => {
    const cloud = new FakeCloud();
    const runtime = WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 });
    const bookstore = shop(cloud, newStack().stack, { web: { image: IMAGE, runtime, port: 9090 } });
    const vms = cloud.specOf<ComputeGroupSpec>("computeGroup").environment;
    expect(bookstore.workloadEnvironment).toEqual(vms);
    expect(vms).toEqual({
      CLOUD: "fake",
      CLOUD_REGION: "fake-east-1",
      FAKE_REGION: "fake-east-1",
      PORT: "9090",
      DB_HOST: "db.fake",
      DB_PORT: "3306",
      DB_NAME: "bookstore",
      DB_USER: "bookstoreadmin",
      DB_AUTH: "secret",
      DB_CREDENTIALS_SECRET: "secret-1",
      DB_TLS_MODE: "VERIFY_IDENTITY",
      DB_TLS_CA: "https://ca.fake/bundle.pem",
      CACHE_HOST: "cache.fake",
      CACHE_PORT: "6379",
      CACHE_TLS: "true",
      CACHE_TLS_MODE: "VERIFY_CA",
      CACHE_TLS_CA: "system",
      CACHE_CREDENTIALS_SECRET: "cache-secret-1",
      ASSET_BUCKET: bookstore.assets!.bucketName,
      ASSET_BUCKET_REGION: "fake-east-1",
    });
  });

  test("the cluster is asked for a workload identity that may read the database's and the cache's credentials", () => {
    const cloud = new FakeCloud();
    const bookstore = shop(cloud, newStack().stack);
    const identity = cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").workloadIdentity!;
    expect(identity.namespace).toBe("bookstore");
    expect(identity.serviceAccountName).toBe("bookstore");
    expect(identity.database).toBe(bookstore.database);
    expect(identity.cache).toBe(bookstore.cache);
    expect(bookstore.kubernetes?.workloadRoleId).toBe("role-pods");
  });

  test.each([
    ["the web tier's, by default", undefined, IMAGE],
    ["kubernetes.workloads.image, when the pods run another", "registry.example.com/bookstore-pods:2.0.0", "registry.example.com/bookstore-pods:2.0.0"],
  ])("the workload identity names the image the pods run: %s", (_what, podImage, expected) => {
    // GIVEN a bookstore, its pods' image given or not WHEN it is built
    const cloud = new FakeCloud();
    shop(cloud, newStack().stack, podImage ? { kubernetes: { workloads: { image: podImage } } } : {});
    // THEN the cluster learns which image the service account's pods pull
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").workloadIdentity!.image).toBe(expected);
  });

  test.each(["registry.example.com/bookstore:latest", "registry.example.com/bookstore"])("fails when a standalone cluster's workload identity names the unpinned image %s", (image) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    expectValidationError(() => new KubernetesCluster(stack, "K8s", { cloud, network, workloadIdentity: { namespace: "shop", serviceAccountName: "shop", image } }), {
      constructPath: "test/K8s",
      field: "workloadIdentity.image",
      value: image,
    });
  });
});

describe("a standalone cluster's workload identity names a service account Kubernetes accepts", () => {
  test.each<[string, { namespace: string; serviceAccountName: string }, string, string]>([
    ["an upper-case namespace", { namespace: "Shop", serviceAccountName: "shop" }, "workloadIdentity.namespace", "Shop"],
    ["the default namespace", { namespace: "default", serviceAccountName: "shop" }, "workloadIdentity.namespace", "default"],
    ["a kube-* namespace", { namespace: "kube-system", serviceAccountName: "shop" }, "workloadIdentity.namespace", "kube-system"],
    ["a namespace of 64 characters", { namespace: "a".repeat(64), serviceAccountName: "shop" }, "workloadIdentity.namespace", "a".repeat(64)],
    ["a service account name with an underscore", { namespace: "shop", serviceAccountName: "shop_web" }, "workloadIdentity.serviceAccountName", "shop_web"],
    ["a service account name ending in a hyphen", { namespace: "shop", serviceAccountName: "shop-" }, "workloadIdentity.serviceAccountName", "shop-"],
    ["an empty service account name", { namespace: "shop", serviceAccountName: "" }, "workloadIdentity.serviceAccountName", ""],
  ])("fails when given %s", (_what, names, field, value) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    expectValidationError(() => new KubernetesCluster(stack, "K8s", { cloud, network, workloadIdentity: names }), { constructPath: "test/K8s", field, value });
  });

  test("a dotted service account name of DNS labels is accepted", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    expect(() => new KubernetesCluster(stack, "K8s", { cloud, network, workloadIdentity: { namespace: "shop", serviceAccountName: "web.shop-1" } })).not.toThrow();
  });
});

describe("a cluster its deployer can use", () => {
  test("administrators, private API networks, add-on versions and extended support reach the cloud", () => {
    const cloud = new FakeCloud();
    shop(cloud, newStack().stack, {
      kubernetes: { administrators: ["fake:principal/ci"], privateApiAllowedCidrs: ["10.100.0.0/24", "100.64.8.0/24"], addOnVersions: { "fake-autoscaler": "1.9.0" }, extendedSupport: true },
    });
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster")).toMatchObject({
      administrators: ["fake:principal/ci"],
      privateApiAllowedCidrs: ["10.100.0.0/24", "100.64.8.0/24"],
      // Every add-on of the catalog, the chosen version where one was given, else the catalog's first.
      addOnVersions: { "fake-autoscaler": "1.9.0", "fake-metrics": "0.8.0" },
      extendedSupport: true,
    });
  });

  test("defaults: only the creator, no outside network, the catalog's versions, standard support", () => {
    const cloud = new FakeCloud();
    shop(cloud, newStack().stack);
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster")).toMatchObject({
      administrators: [],
      privateApiAllowedCidrs: [],
      addOnVersions: { "fake-autoscaler": "2.0.0", "fake-metrics": "0.8.0" },
      extendedSupport: false,
    });
  });

  test.each<[string, BookstoreProps["kubernetes"], string, unknown, Partial<ConstructorParameters<typeof FakeCloud>[1]>?]>([
    ["an administrator in another cloud's format", { administrators: ["arn:aws:iam::123456789012:role/ci"] }, "kubernetes.administrators[0]", "arn:aws:iam::123456789012:role/ci"],
    ["the same administrator twice", { administrators: ["fake:principal/ci", "fake:principal/ci"] }, "kubernetes.administrators[1]", "fake:principal/ci"],
    ["administrators that are not a list", { administrators: "fake:principal/ci" as unknown as string[] }, "kubernetes.administrators", "fake:principal/ci"],
    ["a public range as a private API network", { privateApiAllowedCidrs: ["203.0.113.0/24"] }, "kubernetes.privateApiAllowedCidrs[0]", "203.0.113.0/24"],
    ["the whole internet as a private API network", { privateApiAllowedCidrs: ["0.0.0.0/0"] }, "kubernetes.privateApiAllowedCidrs[0]", "0.0.0.0/0"],
    ["a range wider than a private block", { privateApiAllowedCidrs: ["10.0.0.0/7"] }, "kubernetes.privateApiAllowedCidrs[0]", "10.0.0.0/7"],
    ["a host address with bits past the prefix", { privateApiAllowedCidrs: ["10.0.0.1/8"] }, "kubernetes.privateApiAllowedCidrs[0]", "10.0.0.1/8"],
    ["more private API networks than the cloud takes", { privateApiAllowedCidrs: ["10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "10.4.0.0/24"] }, "kubernetes.privateApiAllowedCidrs", ["10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "10.4.0.0/24"]],
    ["an add-on the catalog does not know", { addOnVersions: { "fake-mesh": "1.0.0" } }, "kubernetes.addOnVersions.fake-mesh", "fake-mesh"],
    ["an add-on version the catalog does not list", { addOnVersions: { "fake-autoscaler": "3.0.0" } }, "kubernetes.addOnVersions.fake-autoscaler", "3.0.0"],
    ["an add-on named after an object's built-in property", { addOnVersions: { toString: "1" } }, "kubernetes.addOnVersions.toString", "toString"],
    ["extended support where the cloud has none", { extendedSupport: true }, "kubernetes.extendedSupport", true, { capabilities: { kubernetesExtendedSupport: false } }],
    ["extended support as a string", { extendedSupport: "true" as unknown as boolean }, "kubernetes.extendedSupport", "true"],
    // The rest parameter keeps Jest from reading a fifth argument as a `done` callback.
  ])("fails when given %s", (...[_what, kubernetes, field, value, overrides]) => {
    const cloud = new FakeCloud("fake-east-1", overrides);
    expectValidationError(() => shop(cloud, newStack().stack, { kubernetes }), { constructPath: "test/Shop/Kubernetes", field, value });
  });

  test("property: a private API network is taken only when it lies inside a private range", () => {
    const privateRanges = [...PRIVATE_RANGES, parseCidr("100.64.0.0/10")!];
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 4, max: 28 })), ([a, b, prefix]) => {
        const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
        const address = ((((a << 24) | (b << 16)) >>> 0) & mask) >>> 0;
        const text = `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}/${prefix}`;
        const inside = privateRanges.some((range) => contains(range, parseCidr(text)!));
        const cloud = new FakeCloud();
        const build = () => shop(cloud, newStack().stack, { kubernetes: { privateApiAllowedCidrs: [text] } });
        if (inside) expect(build).not.toThrow();
        else expect(build).toThrow(/privateApiAllowedCidrs\[0\]/);
      }),
      { numRuns: propertyRuns(60) },
    );
  });
});

describe("the stacks of a cloud with a cluster", () => {
  let outdir: string;
  let stacks: BookstoreStacks;
  const read = (stack: TerraformStack) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "front-door-"));
    const app = new App({ outdir });
    // The fake cloud has no policy pack: the real clouds' packs are tested with their adapters.
    stacks = new BookstoreStacks(app, "bookstore-fake", { cloud: new FakeCloud(), domain: "shop.example.com", web: { image: IMAGE }, policyChecks: false });
    app.synth();
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test("deploy in order: infrastructure, add-ons through the cluster's API, then the workloads", () => {
    expect(stacks.stacks.map((stack) => stack.node.id)).toEqual(["bookstore-fake", "bookstore-fake-addons", "bookstore-fake-workloads"]);
    expect(stacks.workloads!.dependencies).toContain(stacks.addOns);
    expect(stacks.addOns!.dependencies).toContain(stacks.infrastructure);
  });

  test("the add-ons stack configures Helm from the same connection as the kubernetes provider", () => {
    const addOns = read(stacks.addOns!);
    expect(addOns.provider?.helm?.[0].kubernetes).toEqual({ host: "https://fake", cluster_ca_certificate: "fake-ca", token: "fake-token" });
    expect(addOns.provider?.kubernetes?.[0].host).toBe("https://fake");
  });

  test("the workloads register the pods through the cloud's binding, not through an Ingress", () => {
    const workloads = read(stacks.workloads!);
    expect(resources(workloads, "kubernetes_ingress_v1")).toEqual([]);
    const binding = onlyResource(workloads, "kubernetes_manifest").manifest;
    expect(binding).toMatchObject({ apiVersion: "fake.example.com/v1", kind: "FakeBinding", metadata: { name: "bookstore", namespace: "bookstore" }, spec: { serviceName: "bookstore", servicePort: 80 } });
    const service = onlyResource(workloads, "kubernetes_service_v1");
    expect(service.spec.type).toBe("ClusterIP");
    expect(Object.keys(service.metadata.annotations)).toEqual(["fake/target-group"]);
    const policy = resourceAt(workloads, "kubernetes_network_policy_v1", "NetworkPolicy").spec;
    expect(policy.ingress[0].from).toEqual([{ ip_block: { cidr: "10.0.0.0/24" } }]);
  });

  test("the pods get the cloud identity: annotations, namespace labels, a projected STS token and its egress", () => {
    const workloads = read(stacks.workloads!);
    expect(onlyResource(workloads, "kubernetes_service_account_v1").metadata.annotations).toEqual({ "fake/role": "role-pods" });
    expect(onlyResource(workloads, "kubernetes_namespace_v1").metadata.labels).toMatchObject({ "fake/identity": "on", "pod-security.kubernetes.io/enforce": "restricted" });
    const pod = onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec;
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.volume).toContainEqual({ name: "cloud-token", projected: [{ default_mode: "0440", sources: [{ service_account_token: { audience: "sts.fake", expiration_seconds: 3600, path: "token" } }] }] });
    expect(pod.container[0].volume_mount).toContainEqual({ name: "cloud-token", mount_path: "/var/run/secrets/bookstore/cloud-token", read_only: true });
    expect(onlyResource(workloads, "kubernetes_config_map_v1").data).toMatchObject({ FAKE_ROLE: "role-pods", DB_CREDENTIALS_SECRET: "secret-1" });
    const egress = resourceAt(workloads, "kubernetes_network_policy_v1", "NetworkPolicy").spec.egress;
    expect(egress).toContainEqual({ to: [{ ip_block: { cidr: "0.0.0.0/0" } }], ports: [{ port: "443", protocol: "TCP" }] });
  });

  test("no credential reaches the workloads stack", () => {
    const workloads = read(stacks.workloads!);
    expect(resources(workloads, "kubernetes_secret_v1")).toEqual([]);
    expect(JSON.stringify(workloads)).not.toMatch(/password/i);
  });

  test("without a registry helper the pods name no pull secret and Terraform owns the service account whole", () => {
    const workloads = read(stacks.workloads!);
    expect(onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec.image_pull_secrets).toBeUndefined();
    expect(onlyResource(workloads, "kubernetes_service_account_v1").lifecycle).toBeUndefined();
  });

  test("with a registry helper the pods name its pull secrets, and the service account's list is left to it", () => {
    // GIVEN a cloud whose pod identity says a registry helper keeps a pull secret in the namespace
    const cloud = new FakeCloud();
    const access = cloud.kubernetesAccess;
    Object.defineProperty(cloud, "kubernetesAccess", { value: { ...access, podIdentity: (props: { roleId: string }) => ({ ...access.podIdentity(props), imagePullSecretNames: ["fake-registry-pull"] }) } });
    const helperOutdir = fs.mkdtempSync(path.join(os.tmpdir(), "front-door-helper-"));
    try {
      const app = new App({ outdir: helperOutdir });
      const helped = new BookstoreStacks(app, `bookstore-${cloud.name}`, { domain: "shop.example.com", web: { image: IMAGE }, policyChecks: false, cloud });
      // WHEN the stacks are synthesized
      app.synth();
      const workloads = JSON.parse(fs.readFileSync(path.join(helperOutdir, "stacks", helped.workloads!.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
      // THEN the pods name the secret (a name only: the stack creates none) and an apply leaves the helper's binding alone
      expect(onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec.image_pull_secrets).toEqual([{ name: "fake-registry-pull" }]);
      expect(onlyResource(workloads, "kubernetes_service_account_v1").lifecycle).toEqual({ ignore_changes: ["image_pull_secret"] });
      expect(resources(workloads, "kubernetes_secret_v1")).toEqual([]);
    } finally {
      fs.rmSync(helperOutdir, { recursive: true, force: true });
    }
  });
});
