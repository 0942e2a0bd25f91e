import { KUBERNETES_POLICY_PACK, evaluate } from "../../lib";
import { synthBookstore, TEST_CLOUDS } from "../support/bookstore";
import { forSnapshot } from "../support/normalize";
import { onlyResource, resources, TerraformJson } from "../support/synth";

// The clouds whose workloads are delivered (those with a cluster contract).
const DELIVERED = TEST_CLOUDS.filter(({ make }) => make().kubernetesAccess !== undefined);

describe.each(DELIVERED)("the bookstore's workloads on $name", ({ name, make }) => {
  let json: TerraformJson;
  let infrastructure: TerraformJson;
  beforeAll(() => {
    const synthesized = synthBookstore(make());
    json = synthesized.workloads!;
    infrastructure = synthesized.json;
  });

  const databaseSecret = () => {
    const found = resources(json, "kubernetes_secret_v1").filter((secret: any) => secret.metadata.name === "bookstore-database");
    expect(found).toHaveLength(1);
    return found[0] as Record<string, any>;
  };
  const ingressTlsSecret = () => make().kubernetesAccess!.ingress({ domain: "shop.example.com", healthCheckPath: "/healthz", publicSubnetCidrs: [], certificateId: "example" }).tlsSecret;
  const podSpec = () => onlyResource(json, "kubernetes_deployment_v1").spec.template.spec;
  const container = () => podSpec().container[0];

  test("live in a stack of their own, named after the cloud", () => {
    expect(json).toBeDefined();
    expect(json.terraform?.required_providers).toEqual(expect.objectContaining({ kubernetes: expect.anything() }));
  });

  test("configure the kubernetes provider only from data sources, never from resources of the stack", () => {
    const [provider] = json.provider!.kubernetes;
    expect(provider.host).toMatch(/^\$\{data\./);
    const references = JSON.stringify(provider).match(/\$\{[^}]*\}/g) ?? [];
    expect(references.length).toBeGreaterThan(1);
    for (const reference of references) expect(reference).toMatch(/data\./);
    expect(JSON.stringify(provider)).not.toMatch(/\$\{(?!.*data\.)/);
  });

  test("read the cluster's infrastructure through the infrastructure stack's outputs", () => {
    expect(Object.keys(json.data ?? {})).toContain("terraform_remote_state");
    expect(Object.keys(infrastructure.output ?? {}).some((o) => o.startsWith("cross-stack-output-"))).toBe(true);
  });

  test("hold every object of the bookstore", () => {
    for (const type of [
      "kubernetes_namespace_v1",
      "kubernetes_deployment_v1",
      "kubernetes_service_v1",
      "kubernetes_ingress_v1",
      "kubernetes_horizontal_pod_autoscaler_v2",
      "kubernetes_pod_disruption_budget_v1",
      "kubernetes_network_policy_v1",
      "kubernetes_config_map_v1",
      "kubernetes_service_account_v1",
    ]) {
      expect({ type, count: resources(json, type).length }).toEqual({ type, count: 1 });
    }
    // The database credentials, plus the certificate Secret where the cloud's ingress
    // controller reads the certificate from one (TKE's qcloud_cert_id).
    expect(resources(json, "kubernetes_secret_v1").length).toBe(ingressTlsSecret() ? 2 : 1);
    expect(onlyResource(json, "kubernetes_namespace_v1").metadata.name).toBe("bookstore");
  });

  test("run pods as non-root UID >= 10000 with a read-only root, no escalation, no capabilities, RuntimeDefault seccomp", () => {
    expect(podSpec().security_context).toEqual(expect.objectContaining({ run_as_non_root: true, run_as_user: "10001", seccomp_profile: { type: "RuntimeDefault" } }));
    expect(container().security_context).toEqual(
      expect.objectContaining({
        run_as_non_root: true,
        run_as_user: "10001",
        read_only_root_filesystem: true,
        allow_privilege_escalation: false,
        privileged: false,
        capabilities: { drop: ["ALL"] },
      }),
    );
  });

  test("mount no service-account token", () => {
    expect(podSpec().automount_service_account_token).toBe(false);
    expect(onlyResource(json, "kubernetes_service_account_v1").automount_service_account_token).toBe(false);
  });

  test("set CPU and memory requests and limits, probes, and a pinned image pulled every time", () => {
    expect(container().resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1000m", memory: "512Mi" } });
    expect(container().liveness_probe.http_get.path).toBe("/healthz");
    expect(container().readiness_probe.http_get.path).toBe("/healthz");
    expect(container()).toEqual(expect.objectContaining({ image: "registry.example.com/bookstore:1.4.2", image_pull_policy: "Always" }));
  });

  test("give the database credentials as read-only files from a Secret with no literal password", () => {
    const secret = databaseSecret();
    expect(secret.data.password).toMatch(/^\$\{/);
    expect(container().env).toBeUndefined();
    expect(podSpec().volume).toEqual(expect.arrayContaining([expect.objectContaining({ secret: expect.objectContaining({ default_mode: "0400" }) })]));
  });

  test("scale between 2 and 6 pods and keep one up through node drains", () => {
    expect(onlyResource(json, "kubernetes_horizontal_pod_autoscaler_v2").spec).toEqual(expect.objectContaining({ min_replicas: 2, max_replicas: 6 }));
    expect(onlyResource(json, "kubernetes_pod_disruption_budget_v1").spec.min_available).toBe("1");
  });

  test("admit traffic only from the load balancers' subnets, and send only to the database and DNS", () => {
    const policy = onlyResource(json, "kubernetes_network_policy_v1").spec;
    expect(policy.policy_types).toEqual(["Ingress", "Egress"]);
    const publicSubnetCidrs = ["10.20.128.0/18", "10.20.192.0/18"];
    // AWS: exactly the public subnets. Elsewhere the cloud says where its load balancer
    // sends from (e.g. a CLB's reserved range), given the same public subnets.
    const expected =
      name === "aws" ? publicSubnetCidrs : make().kubernetesAccess!.ingress({ domain: "shop.example.com", healthCheckPath: "/healthz", publicSubnetCidrs, certificateId: "example" }).sourceCidrs;
    expect(policy.ingress[0].from.map((f: any) => f.ip_block.cidr)).toEqual(expected);
    expect(policy.egress[0].to.map((t: any) => t.ip_block.cidr)).toEqual(["10.20.0.0/18", "10.20.64.0/18"]);
  });

  test("have no Kubernetes policy finding", () => {
    expect(evaluate(json, KUBERNETES_POLICY_PACK.rules).findings.map((f) => `${f.rule.id} ${f.resource.address}`)).toEqual([]);
  });

  test("whole stack", () => {
    expect({ cloud: name, stack: forSnapshot(json) }).toMatchSnapshot();
  });
});
