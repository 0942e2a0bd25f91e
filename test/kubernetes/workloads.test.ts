import { KUBERNETES_POLICY_PACK, evaluate } from "../../lib";
import { reservedApplicationVariables } from "../../lib/core/application-environment";
import { synthBookstore, TEST_CLOUDS } from "../support/bookstore";
import { forSnapshot } from "../support/normalize";
import { onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";

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

  const podSpec = () => onlyResource(json, "kubernetes_deployment_v1").spec.template.spec;
  const container = () => podSpec().container[0];

  test("live in a stack of their own, named after the cloud", () => {
    expect(json).toBeDefined();
    expect(json.terraform?.required_providers).toEqual(expect.objectContaining({ kubernetes: expect.anything() }));
  });

  test("configure the kubernetes provider only from data sources, never from resources of the stack", () => {
    const [provider] = json.provider!.kubernetes;
    // A URL of a data source's address (TKE's pgw_endpoint has no scheme of its own).
    expect(provider.host).toMatch(/^(?:https:\/\/)?\$\{data\./);
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
      "kubernetes_horizontal_pod_autoscaler_v2",
      "kubernetes_pod_disruption_budget_v1",
      "kubernetes_config_map_v1",
      "kubernetes_service_account_v1",
    ]) {
      expect({ type, count: resources(json, type).length }).toEqual({ type, count: 1 });
    }
    expect(onlyResource(json, "kubernetes_namespace_v1").metadata.name).toBe("bookstore");
    expect(resources(json, "kubernetes_network_policy_v1").map((policy: any) => policy.metadata.name).sort()).toEqual(["bookstore", "default-deny"]);
  });

  test("create no second load balancer: no Ingress, and a LoadBalancer Service only bound to the existing one", () => {
    expect(resources(json, "kubernetes_ingress_v1")).toEqual([]);
    const service = onlyResource(json, "kubernetes_service_v1");
    if (service.spec.type === "LoadBalancer") {
      // The cloud's annotations name the load balancer Terraform owns, from the infrastructure stack.
      expect(Object.values(service.metadata.annotations ?? {}).some((value) => String(value).includes("terraform_remote_state"))).toBe(true);
    } else {
      expect(service.spec.type).toBe("ClusterIP");
    }
  });

  test("hold no database credential: no Secret but a certificate's identifier, no read of the secret store, no password", () => {
    // A cloud's controller may read a certificate's identifier from a Secret (PodEntry.certificateReference):
    // literal identifiers only, never a value read from another stack or a secret store.
    for (const secret of resources(json, "kubernetes_secret_v1")) {
      expect(Object.keys(secret.data ?? {}).filter((key) => /password|user|credential|token|key$/i.test(key))).toEqual([]);
      expect(JSON.stringify(secret.data ?? {})).not.toMatch(/\$\{/);
    }
    expect(Object.keys(json.data ?? {}).filter((type) => /secret/.test(type))).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(/password/i);
  });

  test("give the pods the application contract: where the database and its credentials are, and the region", () => {
    const data = onlyResource(json, "kubernetes_config_map_v1").data;
    for (const variable of ["CLOUD", "CLOUD_REGION", "PORT", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_CREDENTIALS_SECRET"]) {
      expect({ variable, set: typeof data[variable] === "string" && data[variable].length > 0 }).toEqual({ variable, set: true });
    }
    expect(data.CLOUD).toBe(name);
    for (const sdkVariable of make().catalog.runtimeEnvironment.regionVariables) expect(data[sdkVariable]).toBe(data.CLOUD_REGION);
  });

  test("every variable of the ConfigMap is the contract's, the cloud's region or identity variables, so the environment props refuse each", () => {
    // GIVEN the example's workloads, whose own environment is empty
    const data = onlyResource(json, "kubernetes_config_map_v1").data;
    const reserved = reservedApplicationVariables(make());
    // THEN nothing the cloud's adapters add is a name a user could also set (and silently lose)
    expect(Object.keys(data).filter((key) => !reserved.includes(key))).toEqual([]);
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

  test("scale between 2 and 6 pods and keep one up through node drains", () => {
    expect(onlyResource(json, "kubernetes_horizontal_pod_autoscaler_v2").spec).toEqual(expect.objectContaining({ min_replicas: 2, max_replicas: 6 }));
    expect(onlyResource(json, "kubernetes_pod_disruption_budget_v1").spec.min_available).toBe("1");
  });

  test("deny every other pod of the namespace all traffic, the data stores included", () => {
    const deny = resourceAt(json, "kubernetes_network_policy_v1", "DefaultDeny");
    // In the shop's namespace, beside the shop's own policy.
    expect(deny.metadata.namespace).toMatch(/^\$\{kubernetes_namespace_v1\.[^.]+\.metadata\[0\]\.name\}$/);
    expect(deny.metadata.namespace).toBe(resourceAt(json, "kubernetes_network_policy_v1", "NetworkPolicy").metadata.namespace);
    expect(deny.spec).toEqual({ pod_selector: {}, policy_types: ["Ingress", "Egress"] });
  });

  test("admit traffic only from where the load balancer connects, never the internet, and send to the database", () => {
    const policy = resourceAt(json, "kubernetes_network_policy_v1", "NetworkPolicy").spec;
    expect(policy.policy_types).toEqual(["Ingress", "Egress"]);
    const sources = policy.ingress[0].from.map((f: any) => f.ip_block.cidr);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources).not.toContain("0.0.0.0/0");
    expect(policy.ingress[0].ports).toEqual([{ port: "8080", protocol: "TCP" }]);
    expect(policy.egress[0].to.map((t: any) => t.ip_block.cidr)).toEqual(["10.20.0.0/18", "10.20.64.0/18"]);
  });

  test("have no Kubernetes policy finding", () => {
    expect(evaluate(json, KUBERNETES_POLICY_PACK.rules).findings.map((f) => `${f.rule.id} ${f.resource.address}`)).toEqual([]);
  });

  test("whole stack", () => {
    expect({ cloud: name, stack: forSnapshot(json) }).toMatchSnapshot();
  });
});
