import { App, TerraformStack } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Bookstore, BookstoreStacks, IKubernetesAccess, KubernetesCluster, KubernetesClusterSpec, LoadBalancer, Network, WebRuntime } from "../../lib";
import { FakeCloud } from "../support/fake-cloud";
import { newStack, onlyResource, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

// The neutral additions a cloud's binding may need: the cluster learns which load
// balancer its pods join (to admit it and scope its controller's rights), and a pod entry
// may name its binding and label the namespace.

const IMAGE = "registry.example.com/bookstore:1.4.2";

describe("the cluster and the load balancer its pods join", () => {
  test.each([
    ["pods", true, WebRuntime.kubernetes()],
    ["both by weight", true, WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 })],
    ["VMs only", false, WebRuntime.vms()],
  ])("on %s, the bookstore hands the cluster its load balancer: %s", (_what, handed, runtime) => {
    // GIVEN a bookstore on the fake cloud WHEN the web tier runs on the given runtime
    const cloud = new FakeCloud();
    const bookstore = new Bookstore(newStack().stack, "Shop", { cloud, domain: "shop.example.com", web: { image: IMAGE, runtime } });
    // THEN the cluster's spec names the load balancer exactly when pods get requests
    const spec = cloud.specOf<KubernetesClusterSpec>("kubernetesCluster");
    expect(spec.loadBalancer).toBe(handed ? bookstore.loadBalancer : undefined);
  });

  test("fails when given a load balancer that sends the pods nothing", () => {
    const { stack } = newStack();
    const cloud = new FakeCloud();
    const network = new Network(stack, "Net", { cloud });
    const loadBalancer = new LoadBalancer(stack, "Lb", { cloud, network, domain: "shop.example.com", runtime: WebRuntime.vms() });
    expectValidationError(() => new KubernetesCluster(stack, "K8s", { cloud, network, loadBalancer }), { constructPath: "test/K8s", field: "loadBalancer", value: "test/Lb" });
  });

  test("fails when given another cloud's load balancer", () => {
    const { stack } = newStack();
    const other = new FakeCloud("fake-east-1", undefined, "other");
    const loadBalancer = new LoadBalancer(stack, "Lb", { cloud: other, network: new Network(stack, "OtherNet", { cloud: other }), domain: "shop.example.com", runtime: WebRuntime.kubernetes() });
    const cloud = new FakeCloud();
    expect(() => new KubernetesCluster(stack, "K8s", { cloud, network: new Network(stack, "Net", { cloud }), loadBalancer })).toThrow(/loadBalancer/);
  });
});

/** A fake cloud whose binding is named after its target and whose controller reads a namespace label. */
class NamingFakeCloud extends FakeCloud {
  public readonly kubernetesAccess: IKubernetesAccess = {
    ...new FakeCloud().kubernetesAccess,
    podEntry: (props) => ({
      serviceType: "ClusterIP",
      serviceAnnotations: {},
      binding: { apiVersion: "fake.example.com/v1", kind: "FakeBinding", name: `bookstore-${props.backend.targetGroupId}`, spec: { target: props.backend.targetGroupId } },
      namespaceLabels: { "fake.example.com/readiness": "on" },
      sourceCidrs: props.backend.sourceCidrs,
    }),
  };
}

describe("a pod entry that names its binding and labels the namespace", () => {
  let outdir: string;
  let workloads: TerraformJson;
  beforeAll(() => {
    // GIVEN a cloud whose pod entry names its binding and asks for a namespace label
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "pod-entry-"));
    const app = new App({ outdir });
    const stacks = new BookstoreStacks(app, "bookstore-fake", { cloud: new NamingFakeCloud(), domain: "shop.example.com", web: { image: IMAGE }, policyChecks: false });
    // WHEN the stacks are synthesized
    app.synth();
    const read = (stack: TerraformStack) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
    workloads = read(stacks.workloads!);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test("the binding object carries the entry's name", () => {
    expect(onlyResource(workloads, "kubernetes_manifest").manifest.metadata.name).toBe("bookstore-tg-pods");
  });

  test("the namespace carries the entry's labels, and the restricted Pod Security level still wins", () => {
    expect(onlyResource(workloads, "kubernetes_namespace_v1").metadata.labels).toEqual({
      app: "bookstore",
      "fake.example.com/readiness": "on",
      "fake/identity": "on",
      "pod-security.kubernetes.io/enforce": "restricted",
    });
  });
});
