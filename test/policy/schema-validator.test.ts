import { parseRemovedAttributes, validateAgainstSchemas } from "../../lib/policy/schema-validator";
import { alicloudRemovedAttributes, committedSchema } from "../support/schemas";

const alicloud = committedSchema("alicloud");
const tencentcloud = committedSchema("tencentcloud");

function errorsOf(stack: Record<string, unknown>): string[] {
  return validateAgainstSchemas(stack, [alicloud, tencentcloud], alicloudRemovedAttributes()).map((e) => `${e.path} ${e.message}`);
}

describe("schema validation without terraform", () => {
  test("passes a well-formed stack, references included", () => {
    const stack = {
      provider: { alicloud: [{ region: "cn-hangzhou" }] },
      resource: {
        alicloud_vpc: { net: { cidr_block: "10.0.0.0/16", vpc_name: "shop", "//": { metadata: {} } } },
        alicloud_vswitch: { a: { vpc_id: "${alicloud_vpc.net.id}", cidr_block: "10.0.0.0/24", zone_id: "cn-hangzhou-h", depends_on: [] } },
        tencentcloud_vpc: { net: { name: "shop", cidr_block: "10.1.0.0/16", tags: { app: "shop" } } },
        aws_vpc: { ignored: { anything: true } },
      },
    };
    expect(errorsOf(stack)).toEqual([]);
  });

  test("fails on an unknown resource type of a known provider", () => {
    expect(errorsOf({ resource: { alicloud_teleporter: { x: {} } } })).toEqual(["alicloud_teleporter unknown resource type alicloud_teleporter"]);
  });

  test("fails on an unknown attribute", () => {
    expect(errorsOf({ resource: { alicloud_vpc: { net: { cidr_blok: "10.0.0.0/16" } } } })).toEqual([
      "alicloud_vpc.net.cidr_blok is not an argument or block of this type",
    ]);
  });

  test("fails on a missing required attribute", () => {
    expect(errorsOf({ resource: { alicloud_slb_listener: { l: { frontend_port: 443, protocol: "https" } } } })).toEqual([
      "alicloud_slb_listener.l.load_balancer_id is required",
    ]);
  });

  test("fails on a computed-only attribute set", () => {
    expect(errorsOf({ resource: { alicloud_vswitch: { a: { vpc_id: "v", cidr_block: "10.0.0.0/24", status: "Available" } } } })).toEqual([
      "alicloud_vswitch.a.status is computed by the provider and cannot be set",
    ]);
  });

  test("fails on a removed attribute set", () => {
    expect(errorsOf({ resource: { alicloud_nat_gateway: { n: { vpc_id: "v", bandwidth: 5 } } } })).toContain(
      "alicloud_nat_gateway.n.bandwidth is removed from the provider and refused when set",
    );
  });

  test("fails on too many blocks", () => {
    const listener = { load_balancer_id: "lb", frontend_port: 443, protocol: "https", x_forwarded_for: [{}, {}] };
    expect(errorsOf({ resource: { alicloud_slb_listener: { l: listener } } })).toEqual([
      "alicloud_slb_listener.l.x_forwarded_for has 2 block(s); allowed 0 to 1",
    ]);
  });

  test("fails on literals of the wrong type", () => {
    const errors = errorsOf({
      resource: {
        alicloud_vswitch: { a: { vpc_id: "v", cidr_block: "10.0.0.0/24", enable_ipv6: "sometimes", ipv6_cidr_block_mask: "x" } },
        tencentcloud_vpc: { net: { name: "shop", cidr_block: "10.1.0.0/16", tags: ["app"] } },
      },
    });
    expect(errors).toEqual([
      'alicloud_vswitch.a.enable_ipv6 must be a bool, got "sometimes"',
      'alicloud_vswitch.a.ipv6_cidr_block_mask must be a number, got "x"',
      'tencentcloud_vpc.net.tags must be a map, got ["app"]',
    ]);
  });

  test("checks provider blocks too", () => {
    expect(errorsOf({ provider: { tencentcloud: [{ region: "ap-guangzhou", regoin: "x" }] } })).toEqual([
      "provider.tencentcloud[0].regoin is not an argument or block of this type",
    ]);
  });

  test("reads the removed-attributes list format", () => {
    const removed = parseRemovedAttributes("alicloud_x: old_field -- Field `old_field` has been removed.\nnot a line\n");
    expect([...removed.get("alicloud_x")!]).toEqual(["old_field"]);
  });
});
