import { Testing } from "cdktf";
import { Construct } from "constructs";
import { BookstoreStacks, Cloud, RegistryCredentials } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { newStack, onlyResource, resources, synthJson, TerraformJson } from "../support/synth";

// Issue #12, last item, on Alibaba Cloud: the pods pull the shop's image from a private
// registry (not ACR) with a pull secret that ack-secret-manager makes at run time from the
// KMS secret holding the registry's Docker config.

const SECRET = "shop/registry-login";
const PULL_SECRET = "bookstore-registry";
const CHART = ALICLOUD_CATALOG.kubernetesAddOns["ack-secret-manager"].versions[0];
const alicloud = (region = "cn-hangzhou") => Cloud.alicloud({ region, kmsInstanceId: "kst-hzz00000000000000000" });

/** The example bookstore whose web tier (VMs and pods) logs in to its registry with the secret. */
function withRegistryLogin(region = "cn-hangzhou"): { json: TerraformJson; addOns?: TerraformJson; workloads?: TerraformJson } {
  const props = bookstoreProps(alicloud(region));
  return synthBookstore(alicloud(region), { web: { ...props.web, registryCredentials: RegistryCredentials.fromSecret(SECRET) } });
}

const manifestOf = (workloads: TerraformJson, kind: string) => (resources(workloads, "kubernetes_manifest") as any[]).find((m) => m.manifest.kind === kind);

describe("Alibaba Cloud: the pods pull from a private registry with a pull secret from KMS Secrets Manager", () => {
  let json: TerraformJson;
  let addOns: TerraformJson;
  let workloads: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore (cluster enabled) with web.registryCredentials
    const out = withRegistryLogin();
    json = out.json;
    addOns = out.addOns!;
    workloads = out.workloads!;
  });

  describe("the operator's RRSA role (infrastructure stack)", () => {
    const role = (j: TerraformJson) => (resources(j, "alicloud_ram_role") as any[]).find((r) => r.role_name === "bookstore-k8s-registry-sync-cn-hangzhou");

    test("may be assumed only by ack-secret-manager's service account of this cluster, for STS's audience", () => {
      const trust: string = role(json).assume_role_policy_document;
      expect(trust).toMatch(/"Federated" = \[alicloud_cs_managed_kubernetes\.\w+\.rrsa_metadata\[0\]\.ram_oidc_provider_arn\]/);
      expect(trust).toContain('"oidc:sub" = "system:serviceaccount:kube-system:ack-secret-manager"');
      expect(trust).toContain('"oidc:aud" = "sts.aliyuncs.com"');
      expect(trust).toMatch(/"oidc:iss" = alicloud_cs_managed_kubernetes\.\w+\.rrsa_metadata\[0\]\.rrsa_oidc_issuer_url/);
      expect(trust).not.toContain("ecs.aliyuncs.com");
    });

    test("may read that one secret and nothing else", () => {
      const policy = (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === "bookstore-k8s-registry-sync-cn-hangzhou").policy_document;
      expect(policy).toBe(
        `\${jsonencode({"Version" = "1", "Statement" = [{"Effect" = "Allow", "Action" = ["kms:GetSecretValue"], "Resource" = ["acs:kms:cn-hangzhou:\${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${SECRET}"]}]})}`,
      );
      const attachments = (resources(json, "alicloud_ram_role_policy_attachment") as any[]).filter((a) => String(a.role_name).includes("RegistrySyncRole"));
      expect(attachments).toEqual([expect.objectContaining({ policy_type: "Custom", policy_name: expect.stringContaining("RegistrySyncRolePolicy") })]);
    });

    test("leaves the pods' own role without the registry secret (the VMs' role pulls with it itself)", () => {
      const policies = resources(json, "alicloud_ram_policy") as any[];
      const pods = policies.filter((p) => p.policy_name.includes("-pods-"));
      expect(pods).toHaveLength(1);
      expect(pods[0].policy_document).not.toContain(SECRET);
      const vms = policies.filter((p) => p.policy_name.includes("-web-"));
      expect(vms).toHaveLength(1);
      expect(vms[0].policy_document).toContain(`acs:kms:cn-hangzhou:\${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${SECRET}`);
    });
  });

  test.each([
    ["cn-hangzhou", 40],
    ["ap-southeast-1", 50],
  ])("GIVEN a long shop name in %s (%i characters) THEN every RAM role still has a name of its own, the operator's ending in -registry-sync-<region>", (region, length) => {
    const name = `s${"a".repeat(length - 1)}`;
    const props = bookstoreProps(alicloud(region));
    const long = synthBookstore(alicloud(region), { name, web: { ...props.web, registryCredentials: RegistryCredentials.fromSecret(SECRET) } }).json;
    const names = (resources(long, "alicloud_ram_role") as any[]).map((role) => role.role_name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);
    for (const roleName of names) expect(roleName.length).toBeLessThanOrEqual(64);
    expect(names).toContainEqual(expect.stringMatching(new RegExp(`^s[a-z-]+-registry-sync-${region}$`)));
  });

  describe("the add-ons stack", () => {
    test("is bookstore-alicloud-addons, with the operator's Helm release at the catalog's pinned version from ACK's marketplace repository of the region", () => {
      const release = onlyResource(addOns, "helm_release");
      expect(release).toEqual(
        expect.objectContaining({
          name: "ack-secret-manager",
          chart: "ack-secret-manager",
          repository: "https://aliacs-k8s-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/app/charts-incubator/",
          version: CHART,
          namespace: "kube-system",
          wait: true,
        }),
      );
      expect(CHART).toBe("0.5.12");
      expect((addOns["//"] as any).metadata.stackName).toBe("bookstore-alicloud-addons");
    });

    test("turns RRSA's projected token on and the worker role off, and never takes an AccessKey", () => {
      const [values] = onlyResource(addOns, "helm_release").values as string[];
      expect(values).toContain('"command" = {"region" = "cn-hangzhou", "enableWorkerRole" = false, "pollingInterval" = "120s"}');
      expect(values).toContain('"rrsa" = {"enable" = true}');
      expect(values).toContain('"serviceAccount" = {"create" = true, "name" = "ack-secret-manager"}');
      expect(values).not.toMatch(/envVarsFromSecret|ACCESS_KEY|accessKey/);
    });

    test.each(["eu-central-1", "cn-beijing"])("takes the chart from the marketplace repository of %s", (region) => {
      const { addOns: other } = withRegistryLogin(region);
      expect(onlyResource(other!, "helm_release").repository).toBe(`https://aliacs-k8s-${region}.oss-${region}.aliyuncs.com/app/charts-incubator/`);
    });
  });

  describe("the workloads stack", () => {
    test("has a SecretStore with the operator's role and the cluster's OIDC provider, both from the infrastructure stack's outputs", () => {
      const store = manifestOf(workloads, "SecretStore").manifest;
      expect(store.apiVersion).toBe("alibabacloud.com/v1alpha1");
      expect(store.metadata).toEqual({ name: PULL_SECRET, namespace: expect.stringContaining("kubernetes_namespace_v1.") });
      const auth = store.spec.KMS.KMSAuth;
      expect(Object.keys(auth).sort()).toEqual(["oidcProviderARN", "ramRoleARN"]);
      expect(auth.ramRoleARN).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-bookstore-alicloud\.outputs\.cross-stack-output-alicloud_ram_roleBookstore_Kubernetes_RegistrySyncRole_\w+arn\}$/);
      expect(auth.oidcProviderARN).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-bookstore-alicloud\.outputs\.\S+rrsa_metadata0ram_oidc_provider_arn\}$/);
    });

    test("has an ExternalSecret that makes the pull secret: type kubernetes.io/dockerconfigjson, key .dockerconfigjson, the KMS secret's whole value", () => {
      const external = manifestOf(workloads, "ExternalSecret");
      const namespace = manifestOf(workloads, "SecretStore").manifest.metadata.namespace;
      expect(external.manifest).toEqual({
        apiVersion: "alibabacloud.com/v1alpha1",
        kind: "ExternalSecret",
        metadata: { name: PULL_SECRET, namespace },
        spec: {
          provider: "kms",
          type: "kubernetes.io/dockerconfigjson",
          data: [{ key: SECRET, name: ".dockerconfigjson", secretStoreRef: { name: PULL_SECRET, namespace } }],
        },
      });
      expect(external.depends_on).toEqual([expect.stringContaining("kubernetes_manifest.")]);
    });

    test("has the Deployment name the pull secret, and holds no Secret or credential of its own", () => {
      expect(onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec.image_pull_secrets).toEqual([{ name: PULL_SECRET }]);
      expect(resources(workloads, "kubernetes_secret_v1")).toEqual([]);
      expect(JSON.stringify(workloads)).not.toMatch(/"auths"|dockerconfigjson"\s*:\s*"ey/);
    });

    test("comes after the add-ons stack, which comes after the infrastructure stack", () => {
      const app = Testing.app();
      const props = bookstoreProps(alicloud());
      const stacks = new BookstoreStacks(app, "bookstore-alicloud", { ...props, web: { ...props.web, registryCredentials: RegistryCredentials.fromSecret(SECRET) }, cloud: alicloud() });
      expect(stacks.stacks.map((s) => s.node.id)).toEqual(["bookstore-alicloud", "bookstore-alicloud-addons", "bookstore-alicloud-workloads"]);
      expect(stacks.addOns!.dependencies).toContain(stacks.infrastructure);
      expect(stacks.workloads!.dependencies).toContain(stacks.addOns);
    });
  });

  describe("without registry credentials", () => {
    test("there is no add-ons stack, no operator role and no sync objects", () => {
      const app = Testing.app();
      const stacks = new BookstoreStacks(app, "bookstore-alicloud", { ...bookstoreProps(alicloud()), cloud: alicloud() });
      expect(stacks.addOns).toBeUndefined();
      expect(stacks.stacks.map((s) => s.node.id)).toEqual(["bookstore-alicloud", "bookstore-alicloud-workloads"]);
      const { json: plain, workloads: plainWorkloads } = synthBookstore(alicloud(), { name: "plain" });
      expect((resources(plain, "alicloud_ram_role") as any[]).map((r) => r.role_name)).not.toContainEqual(expect.stringContaining("registry-sync"));
      expect(resources(plainWorkloads!, "kubernetes_manifest")).toEqual([]);
    });

    test("the access needs no add-ons, and installs none when asked", () => {
      const access = alicloud().kubernetesAccess;
      expect(access.needsAddOns({})).toBe(false);
      expect(access.needsAddOns({ registryCredentials: RegistryCredentials.fromSecret(SECRET) })).toBe(true);
      const { stack } = newStack();
      access.installAddOns(new Construct(stack, "AddOns"), { name: "k8s", clusterId: "c-123" }, { "ack-secret-manager": CHART }, {});
      expect(resources(synthJson(stack), "helm_release")).toEqual([]);
    });
  });

  test("fails when the workloads ask for a pull secret of a cluster built without registry credentials", () => {
    const access = alicloud().kubernetesAccess;
    const { stack } = newStack();
    expect(() =>
      access.registryPullSecret(new Construct(stack, "Pull"), {
        namespace: "bookstore",
        name: PULL_SECRET,
        credentials: RegistryCredentials.fromSecret(SECRET),
        cluster: { name: "k8s", clusterId: "c-123" },
      }),
    ).toThrow(/k8s was built without workloadIdentity\.registryCredentials/);
  });

  test("a chart version the catalog does not list is refused", () => {
    const props = bookstoreProps(alicloud());
    expect(() =>
      synthBookstore(alicloud(), {
        web: { ...props.web, registryCredentials: RegistryCredentials.fromSecret(SECRET) },
        kubernetes: { ...props.kubernetes, addOnVersions: { "ack-secret-manager": "0.5.8" } },
      }),
    ).toThrow(/0\.5\.8[\s\S]*0\.5\.12/);
  });
});
