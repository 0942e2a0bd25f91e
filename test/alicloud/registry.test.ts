import * as fc from "fast-check";
import { Cloud, WebRuntime } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { vmBackendWeight } from "../../lib/alicloud/load-balancer";
import { acrEnterpriseImage, vmRegistryLines } from "../../lib/alicloud/registry";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { onlyResource, resources, TerraformJson } from "../support/synth";

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
const ACR_IMAGE = "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2";

describe("ACR Enterprise Edition images", () => {
  test.each([
    [ACR_IMAGE, { host: "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com", instanceName: "shop", region: "cn-hangzhou", namespace: "shop", repository: "bookstore" }],
    ["my-shop-registry.eu-central-1.cr.aliyuncs.com/team/web@sha256:" + "a".repeat(64), { host: "my-shop-registry.eu-central-1.cr.aliyuncs.com", instanceName: "my-shop", region: "eu-central-1", namespace: "team", repository: "web" }],
  ])("reads %s", (image, expected) => {
    expect(acrEnterpriseImage(image)).toEqual(expected);
  });

  test.each([
    "registry.example.com/bookstore:1.4.2",
    "registry.cn-hangzhou.aliyuncs.com/shop/bookstore:1.4.2",
    "crpi-abc123.cn-hangzhou.personal.cr.aliyuncs.com/shop/bookstore:1.4.2",
    "shop-registry.cn-hangzhou.cr.aliyuncs.com/bookstore:1.4.2",
    "shop-registry.cn-hangzhou.cr.aliyuncs.com.evil.example/shop/bookstore:1.4.2",
  ])("leaves %s alone (not an Enterprise Edition repository)", (image) => {
    expect(acrEnterpriseImage(image)).toBeUndefined();
  });

  test("logs in without a double quote or backslash, which the user data's Terraform string would read as syntax", () => {
    const lines = vmRegistryLines({ image: ACR_IMAGE, acrImage: acrEnterpriseImage(ACR_IMAGE)!, region: "cn-hangzhou", roleName: "bookstore-web-cn-hangzhou", cli: ALICLOUD_CATALOG.alicloud.aliyunCli });
    expect(lines.join("\n")).not.toMatch(/["\\]/);
    expect(lines.join("\n")).not.toMatch(/[$%]\{/);
    expect(lines).toEqual(
      expect.arrayContaining([
        "curl -fsSL --retry 5 -o /tmp/aliyun-cli.tgz https://aliyuncli.alicdn.com/aliyun-cli-linux-3.4.11-amd64.tgz",
        "aliyun configure set --profile bookstore --mode EcsRamRole --ram-role-name bookstore-web-cn-hangzhou --region cn-hangzhou",
        expect.stringMatching(/cr ListInstance --version 2018-12-01 --RegionId cn-hangzhou --InstanceName shop /),
        expect.stringMatching(/cr GetAuthorizationToken --version 2018-12-01 --RegionId cn-hangzhou --InstanceId \$ACR_INSTANCE_ID > /),
        expect.stringMatching(/\| docker login --username \$\(.* TempUsername < \/run\/bookstore-acr-token\.json\) --password-stdin shop-registry-vpc\.cn-hangzhou\.cr\.aliyuncs\.com$/),
      ]),
    );
  });

  describe("on the VMs", () => {
    let json: TerraformJson;
    let policy: string;
    beforeAll(() => {
      // GIVEN the example with its image in an ACR Enterprise Edition instance
      json = synthBookstore(alicloud(), { web: { ...bookstoreProps(alicloud()).web, image: ACR_IMAGE } }).json;
      policy = (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === "bookstore-web-cn-hangzhou").policy_document;
    });

    test("the instance role may get a temporary password and pull that repository only", () => {
      expect(policy).toContain('"Action" = ["cr:GetAuthorizationToken", "cr:ListInstance"]');
      expect(policy).toContain('"Action" = ["cr:PullRepository"], "Resource" = ["acs:cr:cn-hangzhou:*:repository/*/shop/bookstore"]');
    });

    test("the boot script logs Docker in with the instance role before it runs the container", () => {
      const userData: string = onlyResource(json, "alicloud_ess_scaling_configuration").user_data;
      expect(userData).toContain("--ram-role-name ${alicloud_ram_role.Bookstore_Web_InstanceRole_");
      expect(userData.indexOf("docker login")).toBeGreaterThan(0);
      expect(userData.indexOf("docker login")).toBeLessThan(userData.indexOf("docker run"));
      expect(userData).not.toMatch(/password=|AccessKey/i);
    });
  });
});

describe("VM weights in the shared vServer group", () => {
  test.each([
    ["VMs alone", WebRuntime.vms(), 2, 100],
    ["90/10", WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 10 }), 2, 45],
    ["10/90 over many VMs", WebRuntime.weighted({ vmsPercent: 10, kubernetesPercent: 90 }), 30, 1],
    ["99/1 on one VM", WebRuntime.weighted({ vmsPercent: 99, kubernetesPercent: 1 }), 1, 99],
  ])("%s, with %i VMs at least: %i each", (_what, runtime, minInstances, weight) => {
    expect(vmBackendWeight(runtime, minInstances)).toBe(weight);
  });

  test("a weighted split holds at the group's minimum size, to within rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 100 }), (vmsPercent, minInstances) => {
        const weight = vmBackendWeight(WebRuntime.weighted({ vmsPercent, kubernetesPercent: 100 - vmsPercent }), minInstances);
        expect(Number.isInteger(weight) && weight >= 1 && weight <= 100).toBe(true);
        // Either the rounding error of the VMs' total, or the floor of 1 per VM.
        const total = weight * minInstances;
        expect(Math.abs(total - vmsPercent) <= minInstances / 2 || weight === 1).toBe(true);
      }),
    );
  });
});
