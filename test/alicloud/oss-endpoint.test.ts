import { Bookstore, Cloud } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { contains, parseCidr } from "../../lib/core/cidr";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { newStack, onlyResource, resourceAt, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

// The pods let HTTPS out only to Alibaba Cloud's service range; an OSS SDK's default endpoint is the
// public one, outside it. The adapters tell the container the region's internal endpoint instead.
const specifics = ALICLOUD_CATALOG.alicloud;
const alicloud = (region = "cn-hangzhou") => Cloud.alicloud({ region, kmsInstanceId: "kst-hzz00000000000000000" });
const userDataOf = (json: TerraformJson): string => onlyResource(json, "alicloud_ess_scaling_configuration").user_data;

describe("Alibaba Cloud: the asset bucket's OSS endpoint", () => {
  test.each(Object.keys(ALICLOUD_CATALOG.regions))("in %s OSS's internal endpoint resolves inside the range the pods' NetworkPolicy lets HTTPS out to", (region) => {
    // GIVEN the internal VIP blocks OSS publishes for the region
    const blocks = specifics.ossInternalEndpoint.vipCidrs[region] ?? [];
    expect(blocks.length).toBeGreaterThan(0);
    // THEN each lies inside Alibaba Cloud's service range, the pods' egress on 443
    const range = parseCidr(specifics.cloudServiceVpcEndpointCidr)!;
    for (const block of blocks) expect({ block, inside: contains(range, parseCidr(block)!) }).toEqual({ block, inside: true });
  });

  describe("the example bookstore", () => {
    let json: TerraformJson;
    let workloads: TerraformJson;
    beforeAll(() => {
      ({ json, workloads } = synthBookstore(alicloud()) as { json: TerraformJson; workloads: TerraformJson });
    });

    test("the pods read ASSET_BUCKET_ENDPOINT, the region's internal endpoint, beside the bucket's name and region", () => {
      const data = onlyResource(workloads, "kubernetes_config_map_v1").data;
      expect(data).toEqual(expect.objectContaining({ ASSET_BUCKET_ENDPOINT: "oss-cn-hangzhou-internal.aliyuncs.com", ASSET_BUCKET_REGION: "cn-hangzhou" }));
      expect(data.ASSET_BUCKET).toContain("alicloud_oss_bucket");
      // AND the NetworkPolicy lets HTTPS out to the range the endpoint resolves in
      const egress = resourceAt(workloads, "kubernetes_network_policy_v1", "NetworkPolicy").spec.egress;
      expect(egress).toContainEqual({ to: [{ ip_block: { cidr: specifics.cloudServiceVpcEndpointCidr } }], ports: [{ port: "443", protocol: "TCP" }] });
    });

    test("the VMs read the same variable, from their boot script's environment", () => {
      expect(userDataOf(json)).toContain("ASSET_BUCKET_ENDPOINT=oss-cn-hangzhou-internal.aliyuncs.com");
    });
  });

  test("in another region the endpoint is that region's", () => {
    const { workloads } = synthBookstore(alicloud("eu-central-1")) as { workloads: TerraformJson };
    expect(onlyResource(workloads, "kubernetes_config_map_v1").data.ASSET_BUCKET_ENDPOINT).toBe("oss-eu-central-1-internal.aliyuncs.com");
  });

  test("without an asset bucket neither the pods nor the VMs get the variable", () => {
    const { json, workloads } = synthBookstore(alicloud(), { assets: { enabled: false }, cdn: { enabled: false } }) as { json: TerraformJson; workloads: TerraformJson };
    expect(onlyResource(workloads, "kubernetes_config_map_v1").data.ASSET_BUCKET_ENDPOINT).toBeUndefined();
    expect(userDataOf(json)).not.toContain("ASSET_BUCKET_ENDPOINT");
  });

  test("fails when the VMs' environment sets ASSET_BUCKET_ENDPOINT itself", () => {
    const { stack } = newStack();
    const props = bookstoreProps(alicloud());
    expectValidationError(() => new Bookstore(stack, "Shop", { ...props, web: { ...props.web, environment: { ASSET_BUCKET_ENDPOINT: "oss-cn-hangzhou.aliyuncs.com" } } }), {
      constructPath: "test/Shop/Web",
      field: "web.environment.ASSET_BUCKET_ENDPOINT",
      value: "oss-cn-hangzhou.aliyuncs.com",
    });
  });
});
