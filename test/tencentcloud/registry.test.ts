import { Testing } from "cdktf";
import * as fc from "fast-check";
import { BookstoreStacks, Cloud, WebRuntime } from "../../lib";
import { TENCENTCLOUD_CATALOG } from "../../lib/tencentcloud/catalog";
import { isTcrPersonalImage, TcrInstance, tcrEnterpriseImage, vmRegistryLines } from "../../lib/tencentcloud/registry";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { dataSources, onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";
import { warningMessagesUnder } from "../../examples/warnings";

const tencentcloud = () => Cloud.tencentcloud({ region: "ap-guangzhou" });
const TCR_IMAGE = "shop-registry.tencentcloudcr.com/shop/bookstore:1.4.2";
/** The example on VMs, with `image` as its web tier's image. */
const onVmsWith = (image: string) => ({ web: { ...bookstoreProps(tencentcloud()).web, image, runtime: WebRuntime.vms() } });

describe("TCR Enterprise images", () => {
  test.each([
    [TCR_IMAGE, { host: "shop-registry.tencentcloudcr.com", instanceName: "shop-registry", namespace: "shop", repository: "bookstore" }],
    ["shop.tencentcloudcr.com/team/web@sha256:" + "a".repeat(64), { host: "shop.tencentcloudcr.com", instanceName: "shop", namespace: "team", repository: "web" }],
    ["shop.tencentcloudcr.com/team/apps/web", { host: "shop.tencentcloudcr.com", instanceName: "shop", namespace: "team", repository: "apps/web" }],
  ])("reads %s", (image, expected) => {
    expect(tcrEnterpriseImage(image)).toEqual(expected);
  });

  test.each([
    "registry.example.com/bookstore:1.4.2",
    "ccr.ccs.tencentyun.com/shop/bookstore:1.4.2",
    "shop.tencentcloudcr.com/bookstore:1.4.2",
    "shop.tencentcloudcr.com.evil.example/shop/bookstore:1.4.2",
    "-shop.tencentcloudcr.com/shop/bookstore:1.4.2",
  ])("leaves %s alone (not a TCR Enterprise repository)", (image) => {
    expect(tcrEnterpriseImage(image)).toBeUndefined();
  });

  test.each([
    ["ccr.ccs.tencentyun.com/shop/bookstore:1.4.2", true],
    [TCR_IMAGE, false],
    ["ccr.ccs.tencentyun.com.evil.example/shop/bookstore:1", false],
  ])("knows %s for TCR Personal: %s", (image, personal) => {
    expect(isTcrPersonalImage(image)).toBe(personal);
  });

  test("reads the namespace and repository of any Enterprise reference, whatever its tag", () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(label, label, label, fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), (instance, namespace, repository, tag) => {
        expect(tcrEnterpriseImage(`${instance}.tencentcloudcr.com/${namespace}/${repository}:${tag}`)).toEqual({
          host: `${instance}.tencentcloudcr.com`,
          instanceName: instance,
          namespace,
          repository,
        });
      }),
    );
  });

  test("logs in with the CVM role and a one-hour credential, without a double quote, backslash or template sequence", () => {
    // GIVEN an instance looked up at plan time
    const instance: TcrInstance = {
      image: tcrEnterpriseImage(TCR_IMAGE)!,
      registryId: "tcr-abcd1234",
      precondition: { condition: "true", errorMessage: "" },
    };
    // WHEN the boot script's lines are written
    const lines = vmRegistryLines({ image: TCR_IMAGE, instance, region: "ap-guangzhou", cli: TENCENTCLOUD_CATALOG.tencentcloud.tccli });
    // THEN the Terraform string around them stays valid, the CLI is pinned and the credential is never kept
    expect(lines.join("\n")).not.toMatch(/["\\]/);
    expect(lines.join("\n")).not.toMatch(/[$%]\{/);
    expect(lines).toEqual([
      expect.stringMatching(/^# Docker logs in to shop-registry\.tencentcloudcr\.com/),
      expect.stringContaining("python3"),
      "python3 -m venv /opt/tccli && /opt/tccli/bin/pip install --quiet tccli==3.1.189.1 tencentcloud-sdk-python==3.1.189",
      "(umask 077 && /opt/tccli/bin/tccli tcr CreateInstanceToken --use-cvm-role --region ap-guangzhou --RegistryId tcr-abcd1234 --TokenType temp > /run/bookstore-tcr-token.json)",
      expect.stringMatching(/ Token < \/run\/bookstore-tcr-token\.json \| docker login --username \$\(.* Username < \/run\/bookstore-tcr-token\.json\) --password-stdin shop-registry\.tencentcloudcr\.com$/),
      "rm -f /run/bookstore-tcr-token.json",
    ]);
  });

  describe("on the VMs", () => {
    let json: TerraformJson;
    let policy: Record<string, any>;
    beforeAll(() => {
      // GIVEN the example on VMs with its image in a TCR Enterprise instance WHEN synthesized
      json = synthBookstore(tencentcloud(), onVmsWith(TCR_IMAGE)).json;
      policy = resourceAt(json, "tencentcloud_cam_policy", "Web/PullImage");
    });

    test("looks the instance up by name at plan time and refuses to go on unless exactly that one is found", () => {
      expect(dataSources(json, "tencentcloud_tcr_instances")).toEqual([{ name: "shop-registry" }]);
      const [precondition] = policy.lifecycle.precondition;
      expect(precondition.condition).toMatch(/^\$\{length\(data\.tencentcloud_tcr_instances\.Bookstore_Web_Registry_\w+\.instance_list\) == 1 && try\(data\.tencentcloud_tcr_instances\.Bookstore_Web_Registry_\w+\.instance_list\[0\]\.name, ""\) == "shop-registry"\}$/);
      expect(precondition.error_message).toContain("no TCR Enterprise instance named shop-registry");
    });

    test("the instance role may get a credential of that instance and pull that repository only", () => {
      const document: string = policy.document;
      expect(document).toContain('"action" = ["tcr:CreateInstanceToken"]');
      expect(document).toMatch(/"resource" = \["qcs::tcr:ap-guangzhou:uin\/\$\{data\.tencentcloud_user_info\.Bookstore_Web_Account_\w+\.owner_uin\}:instance\/\$\{data\.tencentcloud_tcr_instances\.Bookstore_Web_Registry_\w+\.instance_list\[0\]\.id\}"\]/);
      expect(document).toContain('"action" = ["tcr:PullRepository"]');
      expect(document).toMatch(/:repository\/\$\{data\.tencentcloud_tcr_instances\.Bookstore_Web_Registry_\w+\.instance_list\[0\]\.id\}\/shop\/bookstore", "qcs::tcr:ap-guangzhou:uin\/\$\{[^}]+\}:repository\/\$\{[^}]+\}\/shop\/bookstore\/\*"\]/);
      expect(document).not.toMatch(/tcr:\*|PushRepository/);
      const attachment = resourceAt(json, "tencentcloud_cam_role_policy_attachment", "Web/InstanceRoleRegistryPolicy");
      expect(attachment.role_id).toContain("tencentcloud_cam_role.Bookstore_Web_InstanceRole");
      expect(attachment.policy_id).toContain("tencentcloud_cam_policy.Bookstore_Web_PullImage");
    });

    test("the boot script logs Docker in with the instance role before it runs the container, and keeps no password", () => {
      const userData: string = onlyResource(json, "tencentcloud_as_scaling_config").user_data;
      expect(userData).toContain("--use-cvm-role --region ap-guangzhou --RegistryId ${data.tencentcloud_tcr_instances.Bookstore_Web_Registry_");
      expect(userData.indexOf("docker login")).toBeGreaterThan(0);
      expect(userData.indexOf("docker login")).toBeLessThan(userData.indexOf("docker run"));
      expect(userData).not.toMatch(/password=|SecretKey|secret_key/i);
    });
  });

  test.each([
    ["a public registry", "registry.example.com/bookstore:1.4.2"],
    ["TCR Personal, which has no credential for a role", "ccr.ccs.tencentyun.com/shop/bookstore:1.4.2"],
  ])("gives the VMs no registry permission or login for %s", (_what, image) => {
    const json = synthBookstore(tencentcloud(), onVmsWith(image)).json;
    expect(dataSources(json, "tencentcloud_tcr_instances")).toEqual([]);
    expect(resources(json, "tencentcloud_cam_policy").map((p: any) => p.name)).not.toContainEqual(expect.stringMatching(/pull-image/));
    expect(onlyResource(json, "tencentcloud_as_scaling_config").user_data).not.toContain("docker login");
  });

  test.each([
    ["TCR Personal", "ccr.ccs.tencentyun.com/shop/bookstore:1.4.2", 1],
    ["TCR Enterprise", TCR_IMAGE, 0],
    ["a public registry", "registry.example.com/bookstore:1.4.2", 0],
  ])("warns at synth that the VMs cannot log in to %s", (_what, image, count) => {
    const stacks = new BookstoreStacks(Testing.app(), "bookstore-tencentcloud", { ...bookstoreProps(tencentcloud(), onVmsWith(image)), cloud: tencentcloud() });
    const warnings = warningMessagesUnder(stacks.infrastructure);
    expect(warnings.filter((w) => w.includes("TCR Personal"))).toHaveLength(count);
  });
});
