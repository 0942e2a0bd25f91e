import { Cloud } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { dataSources, onlyResource, resources, TerraformJson } from "../support/synth";

// Issue #12, item 4 on Alibaba Cloud: the cluster's nodes pull the shop's image from ACR
// Enterprise Edition through ACK's managed credential helper.

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
const ACR_IMAGE = "shop-registry.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2";
const HELPER = "managed-aliyun-acr-credential-helper";
const PULL_SECRET = "acr-credential-secret-aggregation";

/** The example bookstore, named `shop`, with the web tier's (and so the pods') image replaced. */
function shopWith(image: string, overrides: object = {}): { json: TerraformJson; workloads: TerraformJson } {
  const props = bookstoreProps(alicloud());
  return synthBookstore(alicloud(), { name: "shop", web: { ...props.web, image }, ...overrides }) as { json: TerraformJson; workloads: TerraformJson };
}

const helperOf = (json: TerraformJson) => (resources(json, "alicloud_cs_kubernetes_addon") as any[]).filter((addOn) => addOn.name === HELPER);
const podSpecOf = (workloads: TerraformJson) => onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec;

describe("Alibaba Cloud: the nodes pull an image of ACR Enterprise Edition", () => {
  let json: TerraformJson;
  let workloads: TerraformJson;
  let helper: Record<string, any>;
  let instanceLookup: string;
  beforeAll(() => {
    // GIVEN an example-like bookstore whose image is in the ACR Enterprise Edition instance `shop`
    ({ json, workloads } = shopWith(ACR_IMAGE));
    [helper] = helperOf(json);
    [instanceLookup] = Object.keys(json.data?.alicloud_cr_ee_instances ?? {});
  });

  test("looks the instance's ID up by its exact name at plan time, without asking for a temporary password", () => {
    // enable_details would call GetAuthorizationToken and keep the password in the state.
    expect(dataSources(json, "alicloud_cr_ee_instances")).toEqual([{ name_regex: "^shop$", enable_details: false }]);
  });

  test("installs ACK's managed credential helper at the catalog's version", () => {
    expect(helperOf(json)).toHaveLength(1);
    expect(helper).toMatchObject({ cluster_id: expect.stringContaining("alicloud_cs_managed_kubernetes."), name: HELPER, version: ALICLOUD_CATALOG.kubernetesAddOns[HELPER].versions[0] });
    expect(ALICLOUD_CATALOG.kubernetesAddOns[HELPER].versions[0]).toBe("v24.01.29.1-5318af4-aliyun");
  });

  test("serves that instance, in its region and on the image's domain, to the bookstore's service account only", () => {
    const config: string = helper.config;
    expect(config).toContain(`"instanceId" = data.alicloud_cr_ee_instances.${instanceLookup}.instances[0].id`);
    expect(config).toContain('"regionId" = "cn-hangzhou"');
    expect(config).toContain('"domains" = "shop-registry.cn-hangzhou.cr.aliyuncs.com"');
    expect(config).toContain('"watchNamespace" = "bookstore"');
    expect(config).toContain('"serviceAccount" = "bookstore"');
    // The same account's instance: no role of another account to assume, no RRSA.
    expect(config).toContain('"enableRRSA" = false');
    expect(config).not.toMatch(/assumeRoleARN|rrsaRoleARN|"all"|\*/);
  });

  test("stops the plan unless exactly one instance has that name, and unless ACK's AliyunCSManagedAcrRole is authorized", () => {
    const [instance, role] = helper.lifecycle.precondition;
    expect(instance.condition).toBe(`\${length(data.alicloud_cr_ee_instances.${instanceLookup}.ids) == 1}`);
    expect(instance.error_message).toContain("no ACR Enterprise Edition instance named shop in cn-hangzhou");
    expect(dataSources(json, "alicloud_ram_roles")).toContainEqual({ name_regex: "(?i)^AliyunCSManagedAcrRole$" });
    expect(role.condition).toMatch(/^\$\{length\(data\.alicloud_ram_roles\.\w+RegistryHelperRole\w*\.roles\) == 1\}$/);
    expect(role.error_message).toContain("AliyunCSManagedAcrRole");
  });

  test("grants the pods' RAM role and the nodes no registry permission: the helper works with ACK's service role", () => {
    const policies = resources(json, "alicloud_ram_policy") as any[];
    const withRegistry = policies.filter((policy) => String(policy.policy_document).includes("cr:"));
    // Only the VMs' instance role, which logs Docker in itself.
    expect(withRegistry.map((policy) => policy.policy_name)).toEqual(["shop-web-cn-hangzhou"]);
  });

  test("the pods name the helper's pull secret, so pods created before the helper bound it to the service account still pull", () => {
    expect(podSpecOf(workloads).image_pull_secrets).toEqual([{ name: PULL_SECRET }]);
    expect(podSpecOf(workloads).service_account_name).toContain("kubernetes_service_account_v1.");
  });

  test("the workloads stack leaves the service account's pull secrets to the helper and holds no credential", () => {
    expect(onlyResource(workloads, "kubernetes_service_account_v1").lifecycle).toEqual({ ignore_changes: ["image_pull_secret"] });
    expect(resources(workloads, "kubernetes_secret_v1")).toEqual([]);
    expect(JSON.stringify(workloads)).not.toMatch(/password|AuthorizationToken|dockerconfigjson/i);
  });
});

describe("Alibaba Cloud: images the credential helper is not for", () => {
  test.each([
    ["a registry of someone else", "registry.example.com/bookstore:1.4.2"],
    ["ACR Personal Edition (a Personal Edition instance's domain)", "crpi-abc123.cn-hangzhou.personal.cr.aliyuncs.com/shop/bookstore:1.4.2"],
    ["ACR Personal Edition (the shared regional domain)", "registry.cn-hangzhou.aliyuncs.com/shop/bookstore:1.4.2"],
  ])("%s: no helper, no lookup, no pull secret named", (_what, image) => {
    const { json, workloads } = shopWith(image);
    expect(helperOf(json)).toEqual([]);
    expect(dataSources(json, "alicloud_cr_ee_instances")).toEqual([]);
    expect(dataSources(json, "alicloud_ram_roles")).not.toContainEqual({ name_regex: "(?i)^AliyunCSManagedAcrRole$" });
    expect(podSpecOf(workloads).image_pull_secrets).toBeUndefined();
    expect(onlyResource(workloads, "kubernetes_service_account_v1").lifecycle).toBeUndefined();
  });

  test("the example app's own image, in no ACR instance, leaves the cluster as it was", () => {
    const { json } = synthBookstore(alicloud());
    expect(helperOf(json)).toEqual([]);
  });
});

describe("Alibaba Cloud: which image the helper serves", () => {
  test("the pods' own image when kubernetes.workloads.image replaces the web tier's", () => {
    // GIVEN VMs on a public image and pods on an ACR Enterprise Edition image
    const props = bookstoreProps(alicloud());
    const { json, workloads } = synthBookstore(alicloud(), { kubernetes: { ...props.kubernetes, workloads: { image: "pods-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/web@sha256:" + "b".repeat(64) } } }) as {
      json: TerraformJson;
      workloads: TerraformJson;
    };
    // THEN the helper serves the pods' instance, on its VPC domain
    expect(dataSources(json, "alicloud_cr_ee_instances")).toEqual([{ name_regex: "^pods$", enable_details: false }]);
    expect(helperOf(json)[0].config).toContain('"domains" = "pods-registry-vpc.cn-hangzhou.cr.aliyuncs.com"');
    expect(podSpecOf(workloads).image_pull_secrets).toEqual([{ name: PULL_SECRET }]);
  });

  test("an instance of another region is looked up with a provider of that region", () => {
    // GIVEN the cluster in cn-hangzhou and the image in an instance in cn-shanghai
    const { json } = shopWith("shop-registry.cn-shanghai.cr.aliyuncs.com/shop/bookstore:1.4.2");
    // THEN the lookup runs in cn-shanghai, the stack's own provider stays in cn-hangzhou, and the helper is told the region
    const providers = json.provider?.alicloud ?? [];
    expect(providers).toContainEqual(expect.objectContaining({ region: "cn-hangzhou" }));
    expect(providers.find((p) => p.alias === undefined)?.region).toBe("cn-hangzhou");
    expect(providers).toContainEqual({ alias: "cn-shanghai", region: "cn-shanghai" });
    expect(dataSources(json, "alicloud_cr_ee_instances")).toEqual([{ name_regex: "^shop$", enable_details: false, provider: "alicloud.cn-shanghai" }]);
    expect(helperOf(json)[0].config).toContain('"regionId" = "cn-shanghai"');
  });

  test("an instance of the stack's region uses the stack's provider", () => {
    const { json } = shopWith(ACR_IMAGE);
    expect(json.provider?.alicloud).toHaveLength(1);
  });
});
