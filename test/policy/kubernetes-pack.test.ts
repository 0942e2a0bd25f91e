import { Cloud, evaluate, KUBERNETES_POLICY_PACK } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { TerraformJson } from "../support/synth";

type Blocks = Record<string, Record<string, any>>;
const deployment = (j: TerraformJson) => Object.values((j.resource as Blocks).kubernetes_deployment_v1)[0];
const pod = (j: TerraformJson) => deployment(j).spec.template.spec;
const container = (j: TerraformJson) => pod(j).container[0];

describe("the Kubernetes policy pack", () => {
  let workloads: TerraformJson;
  beforeAll(() => {
    workloads = synthBookstore(Cloud.aws({ region: "eu-central-1" })).workloads!;
  });
  const fresh = (): TerraformJson => JSON.parse(JSON.stringify(workloads));

  test("every rule cites the checkov or trivy rules it mirrors", () => {
    for (const rule of KUBERNETES_POLICY_PACK.rules) {
      expect(rule.id).toMatch(/^BKS-K8S-[A-Z0-9-]+$/);
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV_K8S_\d+|KSV\d{3})$/);
    }
  });

  const BREAKAGES: [string, (j: TerraformJson) => void][] = [
    ["BKS-K8S-LIVENESS-PROBE", (j) => delete container(j).liveness_probe],
    ["BKS-K8S-READINESS-PROBE", (j) => delete container(j).readiness_probe],
    ["BKS-K8S-CPU", (j) => delete container(j).resources.limits.cpu],
    ["BKS-K8S-MEMORY", (j) => delete container(j).resources.requests.memory],
    ["BKS-K8S-PINNED-IMAGE", (j) => (container(j).image = "registry.example.com/bookstore:latest")],
    ["BKS-K8S-IMAGE-PULL-ALWAYS", (j) => (container(j).image_pull_policy = "IfNotPresent")],
    ["BKS-K8S-PRIVILEGED", (j) => (container(j).security_context.privileged = true)],
    ["BKS-K8S-HOST-NAMESPACES", (j) => (pod(j).host_network = true)],
    ["BKS-K8S-PRIVILEGE-ESCALATION", (j) => delete container(j).security_context.allow_privilege_escalation],
    ["BKS-K8S-READ-ONLY-ROOT", (j) => (container(j).security_context.read_only_root_filesystem = false)],
    ["BKS-K8S-NON-ROOT", (j) => (container(j).security_context.run_as_user = "1000")],
    ["BKS-K8S-CAPABILITIES", (j) => (container(j).security_context.capabilities = { drop: ["ALL"], add: ["NET_ADMIN"] })],
    ["BKS-K8S-SECCOMP", (j) => (delete container(j).security_context.seccomp_profile, delete pod(j).security_context.seccomp_profile)],
    ["BKS-K8S-SERVICE-ACCOUNT-TOKEN", (j) => (pod(j).automount_service_account_token = true)],
    ["BKS-K8S-HOST-PORT", (j) => (container(j).port[0].host_port = 8080)],
    ["BKS-K8S-SECRETS-AS-FILES", (j) => (container(j).env = [{ name: "DB_PASSWORD", value_from: { secret_key_ref: { name: "s", key: "password" } } }])],
    ["BKS-K8S-NAMESPACE", (j) => (deployment(j).metadata.namespace = "default")],
  ];

  test("the breakage table covers every rule", () => {
    expect(BREAKAGES.map(([id]) => id).sort()).toEqual(KUBERNETES_POLICY_PACK.rules.map((r) => r.id).sort());
  });

  test.each(BREAKAGES)("fails when %s is broken", (ruleId, breakIt) => {
    const json = fresh();
    breakIt(json);
    expect(evaluate(json, KUBERNETES_POLICY_PACK.rules).findings.map((f) => f.rule.id)).toContain(ruleId);
  });
});
