import { App } from "cdktf";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Bookstore, BookstoreProps, BookstoreStacks, ComputeGroupSpec, KubernetesClusterSpec, RegistryCredentials, WebRuntime } from "../../lib";
import { FakeCloud } from "../support/fake-cloud";
import { newStack, onlyResource, resources, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";
import { propertyRuns } from "../support/property-budget";

// A private registry's login kept in the secret store (issue #12), on the recording fake
// cloud: what the VMs and the cluster are asked for, what the workloads stack holds, and
// the refusals. No adapter runs, so a failure here is the neutral side's own.

const IMAGE = "registry.example.com/bookstore:1.4.2";
const LOGIN = RegistryCredentials.fromSecret("shop-registry");

function shop(cloud: FakeCloud, overrides: Partial<BookstoreProps> = {}): Bookstore {
  return new Bookstore(newStack().stack, "Shop", { cloud, domain: "shop.example.com", web: { image: IMAGE, registryCredentials: LOGIN }, ...overrides });
}

describe("web.registryCredentials reaches every runtime", () => {
  test("the VMs get the secret to pull with", () => {
    const cloud = new FakeCloud();
    shop(cloud, { web: { image: IMAGE, registryCredentials: LOGIN, runtime: WebRuntime.vms() }, kubernetes: { enabled: false } });
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup").registryCredentials?.secretName).toBe("shop-registry");
  });

  test("the cluster's workload identity gets it, so its operator may read that secret", () => {
    const cloud = new FakeCloud();
    shop(cloud);
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").workloadIdentity?.registryCredentials?.secretName).toBe("shop-registry");
  });

  test("weighted: both the VMs and the cluster get it", () => {
    const cloud = new FakeCloud();
    shop(cloud, { web: { image: IMAGE, registryCredentials: LOGIN, runtime: WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 }) } });
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup").registryCredentials).toBe(LOGIN);
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").workloadIdentity?.registryCredentials).toBe(LOGIN);
  });

  test("without it, neither is asked to log in", () => {
    const cloud = new FakeCloud();
    shop(cloud, { web: { image: IMAGE, runtime: WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 }) } });
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup").registryCredentials).toBeUndefined();
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").workloadIdentity?.registryCredentials).toBeUndefined();
  });
});

describe("the workloads stack names a pull secret the cluster's operator keeps", () => {
  const synthStacks = (cloud: FakeCloud, props: Partial<BookstoreProps>) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-"));
    try {
      const app = new App({ outdir });
      const stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, { domain: "shop.example.com", web: { image: IMAGE }, policyChecks: false, ...props, cloud });
      app.synth();
      const read = (id: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8")) as TerraformJson;
      return { stacks, workloads: read(stacks.workloads!.node.id), text: fs.readFileSync(path.join(outdir, "stacks", stacks.workloads!.node.id, "cdk.tf.json"), "utf8") };
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  };

  test("GIVEN registry credentials WHEN synthesized THEN the operator's object names the secret, and the pods name the pull secret", () => {
    const cloud = new FakeCloud();
    const { workloads } = synthStacks(cloud, { web: { image: IMAGE, registryCredentials: LOGIN } });
    const syncs = resources(workloads, "kubernetes_manifest").map((m) => (m as { manifest: Record<string, any> }).manifest).filter((m) => m.kind === "FakeSecretSync");
    expect(syncs).toHaveLength(1);
    const sync = syncs[0];
    expect(sync).toEqual(expect.objectContaining({ kind: "FakeSecretSync", metadata: expect.objectContaining({ name: "bookstore-registry", namespace: expect.stringContaining("kubernetes_namespace_v1") }) }));
    expect(sync.spec.secretName).toBe("shop-registry");
    const deployment = onlyResource(workloads, "kubernetes_deployment_v1");
    expect(deployment.spec.template.spec.image_pull_secrets).toEqual([{ name: "bookstore-registry" }]);
    // The pods wait for what the cloud says ends when the pull secret exists.
    expect(deployment.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.\w*FakeSecretSync\w*$/)]);
    // A name, never a credential: the stack makes no Secret of its own.
    expect(resources(workloads, "kubernetes_secret_v1")).toEqual([]);
  });

  test("the add-ons are asked to install the operator only with registry credentials", () => {
    const withLogin = new FakeCloud();
    synthStacks(withLogin, { web: { image: IMAGE, registryCredentials: LOGIN } });
    // (The options also say where the charts come from and, for a cluster the cloud did not make, its facts.)
    expect(withLogin.addOnOptions).toEqual([expect.objectContaining({ registryCredentials: LOGIN })]);
    const without = new FakeCloud();
    const { workloads } = synthStacks(without, {});
    expect(without.addOnOptions).toEqual([expect.objectContaining({ registryCredentials: undefined })]);
    expect(resources(workloads, "kubernetes_manifest").filter((m) => (m as { manifest: { kind: string } }).manifest.kind === "FakeSecretSync")).toEqual([]);
    expect(onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec.image_pull_secrets).toBeUndefined();
    expect(onlyResource(workloads, "kubernetes_deployment_v1").depends_on).toBeUndefined();
  });

  test("a cloud whose add-ons need nothing without credentials gets no add-ons stack", () => {
    const cloud = new FakeCloud();
    const access = cloud.kubernetesAccess as { needsAddOns?: (options: { registryCredentials?: RegistryCredentials }) => boolean };
    access.needsAddOns = (options) => options.registryCredentials !== undefined;
    expect(synthStacks(cloud, {}).stacks.addOns).toBeUndefined();
    expect(synthStacks(new FakeCloud(), { web: { image: IMAGE, registryCredentials: LOGIN } }).stacks.addOns).toBeDefined();
  });
});

describe("bad registry credentials are refused, named as the user wrote them", () => {
  test.each([
    ["a name outside the cloud's form", RegistryCredentials.fromSecret("Shop_Registry"), "web.registryCredentials.secretName", "Shop_Registry"],
    ["an empty name", RegistryCredentials.fromSecret(""), "web.registryCredentials.secretName", ""],
    ["a name longer than the cloud allows", RegistryCredentials.fromSecret("a".repeat(33)), "web.registryCredentials.secretName", "a".repeat(33)],
  ])("%s, on VMs", (_case, credentials, field, value) => {
    expectValidationError(() => shop(new FakeCloud(), { web: { image: IMAGE, registryCredentials: credentials, runtime: WebRuntime.vms() }, kubernetes: { enabled: false } }), {
      constructPath: "test/Shop/Web",
      field,
      value,
    });
  });

  test.each([
    ["a plain string", "shop-registry"],
    ["an object that looks like one", { secretName: "shop-registry" }],
  ])("%s instead of RegistryCredentials, on the cluster", (_case, credentials) => {
    expectValidationError(() => shop(new FakeCloud(), { web: { image: IMAGE, registryCredentials: credentials as unknown as RegistryCredentials } }), {
      constructPath: "test/Shop/Kubernetes",
      field: "web.registryCredentials",
      value: credentials,
    });
  });

  test("a cloud whose cluster cannot make a pull secret refuses them for the pods, and takes them for VMs only", () => {
    const cloud = new FakeCloud();
    delete (cloud.kubernetesAccess as { registryPullSecret?: unknown }).registryPullSecret;
    expectValidationError(() => shop(cloud), { constructPath: "test/Shop/Kubernetes", field: "web.registryCredentials", value: "shop-registry" });
    expect(() => shop(new FakeCloud(), { web: { image: IMAGE, registryCredentials: LOGIN, runtime: WebRuntime.vms() }, kubernetes: { enabled: false } })).not.toThrow();
  });

  test("property: a name is taken exactly when it matches the catalog's rule", () => {
    const rule = new FakeCloud().catalog.limits.secretName;
    const pattern = new RegExp(`^(?:${rule.pattern})$`);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const taken = name.length > 0 && name.length <= rule.maxLength && pattern.test(name);
        const build = () => shop(new FakeCloud(), { web: { image: IMAGE, registryCredentials: RegistryCredentials.fromSecret(name), runtime: WebRuntime.vms() }, kubernetes: { enabled: false } });
        if (taken) expect(build).not.toThrow();
        else expect(build).toThrow(/web\.registryCredentials\.secretName/);
      }),
      { numRuns: propertyRuns(60) },
    );
  });
});
