import { ChartSource, ClusterTarget, ICloud } from "../../lib";
import { exampleDeploySettings } from "../../examples/bookstore-app";
import { synthBookstore, TEST_CLOUDS } from "../support/bookstore";
import { TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

// Bring your own cluster (ClusterTarget.kubeconfig) and charts from a local directory
// (ChartSource.localDirectory): what the add-ons and workloads stacks' providers and Helm
// releases are given, on every cloud; `npm run rehearse` deploys them to a real API server.

const KUBECONFIG = { path: "/home/deployer/.kube/config", context: "staging" };
const CHARTS = "/srv/charts";

/** The add-ons and workloads stacks as the whole app synthesizes them (cross-stack references resolved). */
function synthStacks(cloud: ICloud, deploy: { clusterTarget?: ClusterTarget; charts?: ChartSource }) {
  const { addOns, workloads } = synthBookstore(cloud, deploy);
  return { addOns, workloads };
}

/** The provider sources a stack requires, without the registry's host. */
function providerSources(json: TerraformJson): string[] {
  return Object.values((json.terraform?.required_providers ?? {}) as Record<string, { source: string }>).map((p) => p.source.replace(/^hashicorp\//, ""));
}

describe.each(TEST_CLOUDS)("ClusterTarget.kubeconfig on $name", ({ make }) => {
  let workloads: TerraformJson;
  let addOns: TerraformJson | undefined;
  beforeAll(() => {
    ({ workloads, addOns } = synthStacks(make(), { clusterTarget: ClusterTarget.kubeconfig(KUBECONFIG) }) as { workloads: TerraformJson; addOns?: TerraformJson });
  });

  test("the workloads' kubernetes provider connects through the kubeconfig's context and nothing else", () => {
    expect(workloads.provider!.kubernetes).toEqual([{ config_path: KUBECONFIG.path, config_context: KUBECONFIG.context }]);
  });

  test("the workloads stack needs no cloud provider and reads no cloud data source", () => {
    // GIVEN a cluster the cloud did not make
    // THEN only the kubernetes provider is required, and only the infrastructure stack's outputs are read
    expect(providerSources(workloads)).toEqual(["kubernetes"]);
    expect(Object.keys(workloads.data ?? {})).toEqual(["terraform_remote_state"]);
  });

  test("no cluster-wide policy is laid on a cluster the bookstore did not build", () => {
    // The data stores' fence (EKS's ClusterNetworkPolicy) binds every namespace: only on the shop's own cluster.
    const manifests = Object.values((workloads.resource?.kubernetes_manifest ?? {}) as Record<string, { manifest: { kind: string } }>);
    expect(manifests.map((m) => m.manifest.kind)).not.toContain("ClusterNetworkPolicy");
  });

  test("the add-ons stack, where there is one, connects its providers through the same context and reads no cloud data source", () => {
    if (addOns === undefined) return;
    const connection = { config_path: KUBECONFIG.path, config_context: KUBECONFIG.context };
    expect(addOns.provider!.kubernetes).toEqual([connection]);
    expect(addOns.provider!.helm).toEqual([{ kubernetes: connection }]);
    expect(providerSources(addOns).sort()).toEqual(["helm", "kubernetes"]);
    expect(Object.keys(addOns.data ?? {}).every((type) => type === "terraform_remote_state" || type.startsWith("kubernetes_"))).toBe(true);
  });
});

describe("ClusterTarget.kubeconfig for the AWS add-ons", () => {
  test("the cluster's version comes from its API server and its VPC is the bookstore's network", () => {
    // GIVEN the AWS bookstore deployed to a cluster reached through a kubeconfig
    const aws = TEST_CLOUDS.find(({ name }) => name === "aws")!.make();
    const { addOns } = synthStacks(aws, { clusterTarget: ClusterTarget.kubeconfig(KUBECONFIG) });
    // THEN the autoscaler's image follows kubernetes_server_version, and the controller's VPC is the network's output
    const releases = addOns!.resource!.helm_release as Record<string, { values: string[] }>;
    const values = Object.values(releases).map((r) => r.values[0]);
    expect(values.find((v) => v.includes("autoDiscovery"))).toContain("data.kubernetes_server_version.");
    expect(values.find((v) => v.includes("vpcId"))).toMatch(/"vpcId" = data\.terraform_remote_state\.[^.]+\.outputs\.cross-stack-output-aws_vpc/);
  });
});

describe("ClusterTarget.cloud (the default)", () => {
  test.each(TEST_CLOUDS)("on $name, the workloads' provider is the cloud's connection, not a kubeconfig", ({ make }) => {
    const { workloads } = synthStacks(make(), { clusterTarget: ClusterTarget.cloud() });
    const [provider] = workloads!.provider!.kubernetes;
    expect(provider.config_path).toBeUndefined();
    expect(provider.host).toBeDefined();
  });
});

describe("ChartSource.localDirectory", () => {
  test("every AWS Helm release takes its chart from <dir>/<chart>-<version>.tgz, with no repository", () => {
    const aws = TEST_CLOUDS.find(({ name }) => name === "aws")!.make();
    const { addOns } = synthStacks(aws, { charts: ChartSource.localDirectory(`${CHARTS}/`) });
    const releases = Object.values(addOns!.resource!.helm_release as Record<string, { chart: string; version: string; repository?: string; name: string }>);
    expect(releases.length).toBeGreaterThan(0);
    for (const release of releases) {
      expect({ chart: release.chart, repository: release.repository }).toEqual({ chart: `${CHARTS}/${release.name}-${release.version}.tgz`, repository: undefined });
    }
  });

  test("the public repositories are the default", () => {
    const location = ChartSource.repositories().locate({ repository: "https://charts.example.com", chart: "thing", version: "1.2.3" });
    expect(location).toEqual({ repository: "https://charts.example.com", chart: "thing", version: "1.2.3" });
  });
});

describe("bad deploy targets fail at synth", () => {
  const aws = () => TEST_CLOUDS.find(({ name }) => name === "aws")!.make();
  test.each([
    ["a relative kubeconfig path", { path: "kubeconfig", context: "staging" }, "clusterTarget.path", "kubeconfig"],
    ["an empty kubeconfig path", { path: "", context: "staging" }, "clusterTarget.path", ""],
    ["a path with a newline", { path: "/tmp/a\nb", context: "staging" }, "clusterTarget.path", "/tmp/a\nb"],
    ["an empty context", { path: "/tmp/kubeconfig", context: " " }, "clusterTarget.context", " "],
    ["no context", { path: "/tmp/kubeconfig" }, "clusterTarget.context", undefined],
  ])("fails when given %s", (_what, props, field, value) => {
    expectValidationError(() => synthStacks(aws(), { clusterTarget: ClusterTarget.kubeconfig(props as { path: string; context: string }) }), {
      constructPath: 'BookstoreStacks "bookstore-aws" on aws',
      field,
      value,
    });
  });

  test("a path under the deployer's home written ~/ is accepted", () => {
    expect(() => synthStacks(aws(), { clusterTarget: ClusterTarget.kubeconfig({ path: "~/.kube/config", context: "staging" }) })).not.toThrow();
  });

  test("fails when the chart directory is relative", () => {
    expectValidationError(() => synthStacks(aws(), { charts: ChartSource.localDirectory("charts") }), { constructPath: 'BookstoreStacks "bookstore-aws" on aws', field: "charts", value: "charts" });
  });
});

describe("the example app's deploy settings", () => {
  test("come from BOOKSTORE_KUBECONFIG, BOOKSTORE_KUBE_CONTEXT and BOOKSTORE_CHART_MIRROR", () => {
    const settings = exampleDeploySettings({ BOOKSTORE_KUBECONFIG: "/k", BOOKSTORE_KUBE_CONTEXT: "c", BOOKSTORE_CHART_MIRROR: "/m" });
    expect(settings.clusterTarget?.kubeconfig).toEqual({ path: "/k", context: "c" });
    expect(settings.charts?.directory).toBe("/m");
    expect(exampleDeploySettings({})).toEqual({});
  });

  test("fails when only one of the kubeconfig and its context is set", () => {
    expect(() => exampleDeploySettings({ BOOKSTORE_KUBECONFIG: "/k" })).toThrow(/BOOKSTORE_KUBECONFIG and BOOKSTORE_KUBE_CONTEXT go together.*only BOOKSTORE_KUBECONFIG is set/);
  });
});
