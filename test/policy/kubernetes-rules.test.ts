import { evaluate } from "../../lib/policy/evaluate";
import { KUBERNETES_POLICY_PACK } from "../../lib/policy/packs/kubernetes";
import { PolicyLevel } from "../../lib/policy/rule";

// Every Kubernetes rule on hand-written blocks, no synth: a deployment that passes all
// of them, broken or varied in one place per case. test/policy/kubernetes-pack.test.ts
// checks the same rules against the synthesized bookstore.
type Block = Record<string, any>;

function compliantPodSpec(): Block {
  return {
    automount_service_account_token: false,
    security_context: { run_as_non_root: true, run_as_user: 10001, seccomp_profile: { type: "RuntimeDefault" } },
    container: [
      {
        name: "web",
        image: "registry.example.com/bookstore:1.4.2",
        image_pull_policy: "Always",
        liveness_probe: { http_get: { path: "/healthz" } },
        readiness_probe: { http_get: { path: "/ready" } },
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "256Mi" } },
        security_context: { allow_privilege_escalation: false, read_only_root_filesystem: true, privileged: false, capabilities: { drop: ["ALL"] } },
        port: [{ container_port: 8080 }],
        env: [{ name: "DB_HOST", value: "db" }],
      },
    ],
  };
}

function deployment(change: (spec: Block, container: Block, metadata: Block) => unknown = () => undefined): Block {
  const spec = compliantPodSpec();
  const metadata = { name: "web", namespace: "shop" };
  change(spec, spec.container[0], metadata);
  return { metadata, spec: { template: { spec } } };
}

function fired(resources: Record<string, Record<string, Block>>): string[] {
  return evaluate({ resource: resources }, KUBERNETES_POLICY_PACK.rules).findings.map((f) => f.rule.id);
}
const firedOn = (block: Block) => fired({ kubernetes_deployment_v1: { web: block } });

describe("the Kubernetes rules on hand-written blocks", () => {
  test("every rule has an ID, the scanner rules it mirrors, an explanation, and fails synth", () => {
    for (const rule of KUBERNETES_POLICY_PACK.rules) {
      expect(rule.id).toMatch(/^BKS-K8S-[A-Z0-9-]+$/);
      expect(rule.mirrors.length).toBeGreaterThan(0);
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV_K8S_\d+|KSV\d{3})$/);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(rule.level).toBe(PolicyLevel.ERROR);
    }
  });

  test("a deployment that follows every rule has no finding, and every rule checked it", () => {
    const report = evaluate({ resource: { kubernetes_deployment_v1: { web: deployment() } } }, KUBERNETES_POLICY_PACK.rules);
    expect(report.findings).toEqual([]);
    expect(report.checked).toBe(KUBERNETES_POLICY_PACK.rules.length);
  });

  // [rule that fires, how to break the compliant deployment]
  test.each<[string, (spec: Block, container: Block, metadata: Block) => unknown]>([
    ["BKS-K8S-CPU", (_s, c) => delete c.resources.limits.cpu],
    ["BKS-K8S-CPU", (_s, c) => delete c.resources.requests.cpu],
    ["BKS-K8S-CPU", (_s, c) => (c.resources = [{ requests: { memory: "1Mi" }, limits: { memory: "1Mi" } }])],
    ["BKS-K8S-MEMORY", (_s, c) => delete c.resources.limits.memory],
    ["BKS-K8S-MEMORY", (_s, c) => delete c.resources.requests.memory],
    ["BKS-K8S-CAPABILITIES", (_s, c) => (c.security_context.capabilities = { drop: ["ALL"], add: ["NET_ADMIN"] })],
    ["BKS-K8S-CAPABILITIES", (_s, c) => (c.security_context.capabilities = { drop: ["NET_RAW"] })],
    ["BKS-K8S-CAPABILITIES", (_s, c) => delete c.security_context.capabilities],
    ["BKS-K8S-IMAGE-PULL-ALWAYS", (_s, c) => (c.image_pull_policy = "IfNotPresent")],
    ["BKS-K8S-LIVENESS-PROBE", (_s, c) => delete c.liveness_probe],
    ["BKS-K8S-READINESS-PROBE", (_s, c) => delete c.readiness_probe],
    ["BKS-K8S-HOST-NAMESPACES", (s) => (s.host_pid = true)],
    ["BKS-K8S-HOST-NAMESPACES", (s) => (s.host_ipc = "true")],
    ["BKS-K8S-HOST-NAMESPACES", (s) => (s.host_network = true)],
    ["BKS-K8S-HOST-PORT", (_s, c) => c.port.push({ container_port: 9090, host_port: 9090 })],
    ["BKS-K8S-PRIVILEGE-ESCALATION", (_s, c) => delete c.security_context.allow_privilege_escalation],
    ["BKS-K8S-PRIVILEGE-ESCALATION", (_s, c) => (c.security_context.allow_privilege_escalation = "false")],
    ["BKS-K8S-SERVICE-ACCOUNT-TOKEN", (s) => delete s.automount_service_account_token],
    ["BKS-K8S-SERVICE-ACCOUNT-TOKEN", (s) => (s.automount_service_account_token = true)],
    ["BKS-K8S-NAMESPACE", (_s, _c, m) => (m.namespace = "default")],
    ["BKS-K8S-NAMESPACE", (_s, _c, m) => delete m.namespace],
    ["BKS-K8S-NON-ROOT", (s) => (s.security_context.run_as_user = 9999)],
    ["BKS-K8S-NON-ROOT", (s) => (s.security_context.run_as_non_root = false)],
    ["BKS-K8S-NON-ROOT", (_s, c) => (c.security_context.run_as_user = 0)],
    ["BKS-K8S-PRIVILEGED", (_s, c) => (c.security_context.privileged = true)],
    ["BKS-K8S-PRIVILEGED", (s, c) => (delete c.security_context.privileged, (s.security_context.privileged = "true"))],
    ["BKS-K8S-PINNED-IMAGE", (_s, c) => (c.image = "registry.example.com/bookstore:latest")],
    ["BKS-K8S-PINNED-IMAGE", (_s, c) => (c.image = 42)],
    ["BKS-K8S-PINNED-IMAGE", (_s, c) => delete c.image],
    ["BKS-K8S-READ-ONLY-ROOT", (_s, c) => (c.security_context.read_only_root_filesystem = false)],
    ["BKS-K8S-READ-ONLY-ROOT", (s, c) => (delete c.security_context.read_only_root_filesystem, (s.security_context.read_only_root_filesystem = true))],
    ["BKS-K8S-SECCOMP", (s) => delete s.security_context.seccomp_profile],
    ["BKS-K8S-SECCOMP", (s) => (s.security_context.seccomp_profile = { type: "Unconfined" })],
    ["BKS-K8S-SECRETS-AS-FILES", (_s, c) => c.env.push({ name: "DB_PASSWORD", value_from: { secret_key_ref: { name: "db", key: "password" } } })],
    ["BKS-K8S-SECRETS-AS-FILES", (_s, c) => (c.env_from = [{ config_map_ref: { name: "c" } }, { secret_ref: { name: "db" } }])],
  ])("fails when %s is broken (case %#)", (ruleId, breakIt) => {
    expect(firedOn(deployment(breakIt))).toEqual([ruleId]);
  });

  test.each<[string, (spec: Block, container: Block) => unknown, string[]]>([
    ["a container without a security context", (_s, c) => delete c.security_context, ["BKS-K8S-CAPABILITIES", "BKS-K8S-PRIVILEGE-ESCALATION", "BKS-K8S-READ-ONLY-ROOT"]],
    ["resources without requests", (_s, c) => delete c.resources.requests, ["BKS-K8S-CPU", "BKS-K8S-MEMORY"]],
    ["resources without limits", (_s, c) => delete c.resources.limits, ["BKS-K8S-CPU", "BKS-K8S-MEMORY"]],
  ])("fails on %s, for every rule that needs it", (_case, breakIt, ruleIds) => {
    expect(firedOn(deployment(breakIt))).toEqual(ruleIds);
  });

  // [case, a variation every rule still accepts]
  test.each<[string, (spec: Block, container: Block) => unknown]>([
    ["a UID of exactly 10000", (s) => (s.security_context.run_as_user = 10000)],
    ["non-root set on the container, not the pod", (s, c) => (delete s.security_context.run_as_non_root, (c.security_context.run_as_non_root = "true"))],
    ["the container's own UID winning over the pod's", (s, c) => ((s.security_context.run_as_user = 0), (c.security_context.run_as_user = 20000))],
    ["seccomp on the container only", (s, c) => (delete s.security_context.seccomp_profile, (c.security_context.seccomp_profile = [{ type: "RuntimeDefault" }]))],
    ["an empty capabilities add list", (_s, c) => (c.security_context.capabilities = [{ drop: ["ALL"], add: [] }])],
    ["a token mount refused as a string", (s) => (s.automount_service_account_token = "false")],
    ["an image pinned by digest", (_s, c) => (c.image = `registry.example.com/bookstore@sha256:${"a".repeat(64)}`)],
    ["an image only known at apply time", (_s, c) => (c.image = "${var.image}")],
    ["environment from a config map, and plain values from a config map", (_s, c) => {
      c.env_from = [{ config_map_ref: { name: "c" } }];
      c.env.push({ name: "MODE", value_from: { config_map_key_ref: { name: "c", key: "mode" } } });
    }],
    ["host namespaces turned off explicitly", (s) => Object.assign(s, { host_pid: false, host_ipc: "false", host_network: false })],
    ["no ports and no environment", (_s, c) => (delete c.port, delete c.env)],
  ])("accepts %s", (_case, vary) => {
    expect(firedOn(deployment(vary))).toEqual([]);
  });

  test("checks init containers as well", () => {
    const block = deployment((s) => s.init_container = [{ ...compliantPodSpec().container[0], image: "migrate:latest" }]);
    expect(firedOn(block)).toEqual(["BKS-K8S-PINNED-IMAGE"]);
  });

  test("checks every container, not only the first", () => {
    const block = deployment((s) => s.container.push({ ...compliantPodSpec().container[0], image_pull_policy: "Never" }));
    expect(firedOn(block)).toEqual(["BKS-K8S-IMAGE-PULL-ALWAYS"]);
  });

  // Where each workload kind keeps its pod spec.
  const WRAP: Record<string, (spec: Block) => Block> = {
    kubernetes_pod_v1: (spec) => ({ spec }),
    kubernetes_cron_job_v1: (spec) => ({ spec: { job_template: { spec: { template: { spec } } } } }),
  };
  // Written out, not imported: a test over the rules' own list would follow any change to it.
  const WORKLOAD_TYPES = [
    "kubernetes_deployment_v1",
    "kubernetes_deployment",
    "kubernetes_stateful_set_v1",
    "kubernetes_daemon_set_v1",
    "kubernetes_job_v1",
    "kubernetes_cron_job_v1",
    "kubernetes_pod_v1",
  ];
  test.each(WORKLOAD_TYPES)("finds the pod spec of a %s", (type) => {
    const spec = compliantPodSpec();
    spec.host_network = true;
    const wrap = WRAP[type] ?? ((s: Block) => ({ spec: { template: { spec: s } } }));
    expect(fired({ [type]: { w: { metadata: { namespace: "shop" }, ...wrap(spec) } } })).toEqual(["BKS-K8S-HOST-NAMESPACES"]);
  });

  test.each(["kubernetes_pod_v1", "kubernetes_cron_job_v1", "kubernetes_deployment_v1"])(
    "a %s without a pod spec has no container to fault, and a pod spec that mounts the token",
    (type) => {
      expect(fired({ [type]: { w: { metadata: { namespace: "shop" } } } })).toEqual(["BKS-K8S-SERVICE-ACCOUNT-TOKEN"]);
    },
  );

  test.each([
    "kubernetes_deployment_v1",
    "kubernetes_service_v1",
    "kubernetes_config_map_v1",
    "kubernetes_secret_v1",
    "kubernetes_ingress_v1",
    "kubernetes_service_account_v1",
    "kubernetes_horizontal_pod_autoscaler_v2",
    "kubernetes_pod_disruption_budget_v1",
    "kubernetes_network_policy_v1",
  ])("fails when a %s lives in the default namespace", (type) => {
    const block = type === "kubernetes_deployment_v1" ? deployment((_s, _c, m) => (m.namespace = "default")) : { metadata: { name: "x", namespace: "default" } };
    expect(fired({ [type]: { x: block } })).toEqual(["BKS-K8S-NAMESPACE"]);
  });

  test("leaves resources that are no workload alone", () => {
    expect(fired({ kubernetes_namespace_v1: { ns: { metadata: { name: "default" } } }, kubernetes_service_v1: { s: { metadata: { namespace: "shop" } } } })).toEqual([]);
  });
});
