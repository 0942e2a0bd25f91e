import { Cloud } from "../../lib";
import { validateAgainstSchemas } from "../../lib/policy/schema-validator";
import { synthBookstore } from "../support/bookstore";
import { committedSchema } from "../support/schemas";
import { TerraformJson } from "../support/synth";

// Every tencentcloud_* block may only set what the provider's schema (the committed,
// trimmed copy of `terraform providers schema -json`) defines for its type: known
// attributes and block types, every required one, none computed-only.
describe("the Tencent Cloud bookstore against the tencentcloud provider schema", () => {
  const schema = committedSchema("tencentcloud");
  const variants: [string, TerraformJson][] = [
    ["the example bookstore", synthBookstore(Cloud.tencentcloud({ region: "ap-guangzhou" })).json],
    [
      "a variant with a public API server, no HA and no deletion protection",
      synthBookstore(Cloud.tencentcloud({ region: "ap-singapore" }), {
        database: { highlyAvailable: false, deletionProtection: false },
        kubernetes: { publicApiAllowedCidrs: ["203.0.113.0/24"] },
        loadBalancer: { deletionProtection: false },
      }).json,
    ],
  ];

  test.each(variants)("%s sets only attributes the schema defines, and every required one", (_name, json) => {
    const errors = validateAgainstSchemas(json as Record<string, unknown>, [schema]);
    expect(errors).toEqual([]);
  });

  test.each(variants)("%s uses only resource types of the trimmed schema", (_name, json) => {
    const types = [...Object.keys(json.resource ?? {}), ...Object.keys(json.data ?? {}).map((t) => `data.${t}`)].filter((t) => t.replace(/^data\./, "").startsWith("tencentcloud_"));
    expect(types.length).toBeGreaterThan(10);
    const provider = Object.values(schema.provider_schemas)[0];
    for (const type of types) {
      const known = type.startsWith("data.") ? provider.data_source_schemas?.[type.slice(5)] : provider.resource_schemas?.[type];
      expect({ type, known: known !== undefined }).toEqual({ type, known: true });
    }
  });

  test("the check fails on an unknown attribute, a missing required one and a computed-only one", () => {
    const bad = {
      resource: {
        tencentcloud_vpc: { x: { name: "n", cidr_block: "10.0.0.0/16", no_such_attribute: true } },
        tencentcloud_subnet: { y: { name: "s", vpc_id: "v", cidr_block: "10.0.0.0/24" } },
        tencentcloud_eip: { z: { public_ip: "1.2.3.4" } },
      },
    };
    const paths = validateAgainstSchemas(bad, [schema]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["tencentcloud_vpc.x.no_such_attribute", "tencentcloud_eip.z.public_ip"]));
    expect(paths.some((p) => p.startsWith("tencentcloud_subnet.y"))).toBe(true);
  });
});
