import { parseRemovedAttributes, ProvidersSchemaJson, validateAgainstSchemas } from "../../lib/policy/schema-validator";
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

describe("schema validation, rule by rule, against a hand-written schema", () => {
  const number = { type: "number", optional: true } as const;
  const SHOP: ProvidersSchemaJson = {
    provider_schemas: {
      "registry.terraform.io/example/shop": {
        provider: { block: { attributes: { region: { type: "string", required: true } } } },
        resource_schemas: {
          shop_thing: {
            block: {
              attributes: {
                name: { type: "string", required: true },
                size: number,
                enabled: { type: "bool", optional: true },
                id: { type: "string", computed: true },
                arn: { type: "string", computed: true, optional: true },
                owner: { type: "string", computed: true, required: true },
                zones: { type: ["list", "string"], optional: true },
                ports: { type: ["set", "number"], optional: true },
                labels: { type: ["map", "string"], optional: true },
                spec: { type: ["object", { cpu: "number", name: "string" }], optional: true },
                anything: { type: "dynamic", optional: true },
                untyped: { optional: true },
                pair_of: { type: ["tuple", ["string", "number"]], optional: true },
                rule: { nested_type: { nesting_mode: "list", attributes: { port: { type: "number", required: true } } }, optional: true },
                target: { nested_type: { nesting_mode: "single", attributes: { host: { type: "string", required: true } } }, optional: true },
              },
              block_types: {
                disk: { nesting_mode: "list", block: { attributes: { size: { type: "number", required: true } } }, min_items: 1, max_items: 2 },
                timeouts: { nesting_mode: "single", block: { attributes: { create: { type: "string", optional: true } } } },
                placement: { nesting_mode: "group", block: { attributes: { zone: { type: "string", optional: true } } } },
                tag: { nesting_mode: "map", block: { attributes: { value: { type: "string", optional: true } } } },
                peer: { nesting_mode: "set", block: { attributes: { cidr: { type: "string", optional: true } } }, min_items: 0, max_items: 0 },
                pair: { nesting_mode: "set", block: { attributes: {} }, min_items: 2 },
              },
            },
          },
        },
        data_source_schemas: { shop_lookup: { block: { attributes: { name: { type: "string", required: true } } } } },
      },
    },
  };
  const REMOVED = parseRemovedAttributes("shop_thing: legacy -- gone in 2.0\n");
  const VALID_THING = { name: "a", owner: "o", disk: { size: 10 }, pair: [{}, {}] };

  function thingErrors(config: Record<string, unknown> | unknown): string[] {
    const thing = typeof config === "object" && config !== null && !Array.isArray(config) ? { ...VALID_THING, ...config } : config;
    return validateAgainstSchemas({ resource: { shop_thing: { t: thing } } }, [SHOP], REMOVED).map((e) => `${e.path} ${e.message}`);
  }

  test("passes a valid block with every kind of argument and meta-argument", () => {
    expect(
      thingErrors({
        size: "12",
        enabled: "true",
        arn: "arn:x",
        zones: ["a", 1, true],
        ports: [80, "443"],
        labels: { app: "shop" },
        spec: { cpu: 2, name: "web" },
        anything: [{ deep: true }],
        rule: [{ port: 80 }, { port: 443 }],
        target: { host: "h" },
        disk: [{ size: 10 }, { size: "${var.size}" }],
        timeouts: { create: "5m" },
        placement: [{ zone: "z" }],
        tag: { a: { value: "1" }, b: { value: "2" } },
        peer: [{ cidr: "a" }, { cidr: "b" }, { cidr: "c" }],
        pair: [{}, {}],
        count: 1,
        for_each: "${var.things}",
        provider: "shop.eu",
        depends_on: [],
        lifecycle: {},
        provisioner: [],
        connection: {},
        "//": { metadata: {} },
      }),
    ).toEqual([]);
  });

  test("passes bools as booleans or their strings, an attribute without a type, and tuples unchecked", () => {
    expect(thingErrors({ enabled: false, untyped: { any: "thing" }, pair_of: ["a", 1] })).toEqual([]);
    expect(thingErrors({ enabled: true })).toEqual([]);
    expect(thingErrors({ enabled: "false" })).toEqual([]);
  });

  test("passes references and nulls wherever a value or block goes", () => {
    expect(thingErrors({ size: "${var.size}", zones: "${var.zones}", labels: null, disk: "${var.disks}", timeouts: "${var.t}", tag: "${var.tags}" })).toEqual([]);
    expect(validateAgainstSchemas({ resource: { shop_thing: { t: "${var.thing}" } } }, [SHOP])).toEqual([]);
  });

  // [case, config merged over a valid block, errors]
  test.each<[string, unknown, string[]]>([
    ["a block that is no object", ["a"], ['shop_thing.t must be a block (object), got ["a"]']],
    ["a block that is null", null, ["shop_thing.t must be a block (object), got null"]],
    ["a removed attribute", { legacy: 1 }, ["shop_thing.t.legacy is removed from the provider and refused when set"]],
    ["a computed-only attribute", { id: "x" }, ["shop_thing.t.id is computed by the provider and cannot be set"]],
    ["an unknown argument", { colour: "red" }, ["shop_thing.t.colour is not an argument or block of this type"]],
    ["a string that is a block", { name: { a: 1 } }, ['shop_thing.t.name must be a string, got {"a":1}']],
    ["a number that is no number", { size: "12x" }, ['shop_thing.t.size must be a number, got "12x"']],
    ["a number that is blank", { size: " " }, ['shop_thing.t.size must be a number, got " "']],
    ["a number that is a bool", { size: true }, ["shop_thing.t.size must be a number, got true"]],
    ["a bool that is a word", { enabled: "yes" }, ['shop_thing.t.enabled must be a bool, got "yes"']],
    ["a bool that is a number", { enabled: 1 }, ["shop_thing.t.enabled must be a bool, got 1"]],
    ["a list that is a string", { zones: "a" }, ['shop_thing.t.zones must be a list, got "a"']],
    ["a list item of the wrong type", { zones: ["a", {}] }, ["shop_thing.t.zones[1] must be a string, got {}"]],
    ["a set that is an object", { ports: { a: 1 } }, ['shop_thing.t.ports must be a set, got {"a":1}']],
    ["a set item of the wrong type", { ports: [80, "x"] }, ['shop_thing.t.ports[1] must be a number, got "x"']],
    ["a map that is a list", { labels: ["a"] }, ['shop_thing.t.labels must be a map, got ["a"]']],
    ["a map value of the wrong type", { labels: { app: [1] } }, ["shop_thing.t.labels.app must be a string, got [1]"]],
    ["an object that is a string", { spec: "big" }, ['shop_thing.t.spec must be an object, got "big"']],
    ["an object with an unknown field", { spec: { cpu: 1, ram: 2 } }, ["shop_thing.t.spec.ram is not a field of this object"]],
    ["an object field of the wrong type", { spec: { cpu: "two" } }, ['shop_thing.t.spec.cpu must be a number, got "two"']],
    ["a nested list attribute without its required field", { rule: [{ port: 1 }, {}] }, ["shop_thing.t.rule[1].port is required"]],
    ["a nested single attribute given twice", { target: [{ host: "a" }, { host: "b" }] }, ["shop_thing.t.target has 2 block(s); allowed 0 to 1"]],
    ["too few blocks", { disk: [] }, ["shop_thing.t.disk has 0 block(s); allowed 1 to 2"]],
    ["too many blocks", { disk: [{ size: 1 }, { size: 2 }, { size: 3 }] }, ["shop_thing.t.disk has 3 block(s); allowed 1 to 2"]],
    ["a single block given twice", { timeouts: [{}, {}] }, ["shop_thing.t.timeouts has 2 block(s); allowed 0 to 1"]],
    ["a group block given twice", { placement: [{}, {}] }, ["shop_thing.t.placement has 2 block(s); allowed 0 to 1"]],
    ["fewer blocks than an unbounded minimum", { pair: [{}] }, ["shop_thing.t.pair has 1 block(s); allowed 2 to any number"]],
    ["a nested block's wrong value, one block", { disk: { size: "big" } }, ['shop_thing.t.disk.size must be a number, got "big"']],
    ["a nested block's wrong value, two blocks", { disk: [{ size: 1 }, { size: "big" }] }, ['shop_thing.t.disk[1].size must be a number, got "big"']],
    ["a meta-argument inside a nested block", { timeouts: { count: 1 } }, ["shop_thing.t.timeouts.count is not an argument or block of this type"]],
    ["a map of blocks that is a list", { tag: [{ value: "1" }] }, ["shop_thing.t.tag must be a map of blocks"]],
    ["a map of blocks with a wrong value", { tag: { a: { value: {} } } }, ["shop_thing.t.tag.a.value must be a string, got {}"]],
    ["a nested block that is no object", { timeouts: "soon" }, ['shop_thing.t.timeouts must be a block (object), got "soon"']],
  ])("fails on %s", (_case, config, errors) => {
    expect(thingErrors(config)).toEqual(errors);
  });

  test("fails on a missing required attribute, and on missing blocks that must be there", () => {
    expect(validateAgainstSchemas({ resource: { shop_thing: { t: {} } } }, [SHOP]).map((e) => `${e.path} ${e.message}`)).toEqual([
      "shop_thing.t.name is required",
      "shop_thing.t.owner is required",
      "shop_thing.t.disk needs at least 1 block(s)",
      "shop_thing.t.pair needs at least 2 block(s)",
    ]);
  });

  test("checks data sources with their own meta-arguments, and knows unknown types of a known provider", () => {
    const errors = validateAgainstSchemas(
      {
        data: {
          shop_lookup: {
            l: { name: "a", count: 1, provisioner: [] },
            m: { name: "b", for_each: "${var.x}", provider: "shop.eu", depends_on: [], lifecycle: {}, "//": {} },
          },
          shop_nothing: { n: {} },
        },
        resource: { shop_nothing: { n: {} }, other_thing: { o: { anything: 1 } } },
      },
      [SHOP],
    ).map((e) => `${e.path} ${e.message}`);
    expect(errors).toEqual([
      "shop_nothing unknown resource type shop_nothing",
      "data.shop_lookup.l.provisioner is not an argument or block of this type",
      "data.shop_nothing unknown data source type shop_nothing",
    ]);
  });

  test("knows a provider whose schema has no data sources, nor a provider block", () => {
    const tiny: ProvidersSchemaJson = { provider_schemas: { "example/tiny": { resource_schemas: { tiny_box: { block: {} } } } } };
    const errors = validateAgainstSchemas({ data: { tiny_box: { b: {} } }, resource: { tiny_box: { b: {} } }, provider: { tiny: [{ any: 1 }] } }, [tiny]);
    expect(errors.map((e) => `${e.path} ${e.message}`)).toEqual(["data.tiny_box unknown data source type tiny_box"]);
  });

  test("applies removed attributes to their own resource type only", () => {
    const removed = parseRemovedAttributes("shop_other: name -- not this one\n");
    expect(validateAgainstSchemas({ resource: { shop_thing: { t: VALID_THING } } }, [SHOP], removed)).toEqual([]);
  });

  test("checks every provider block by index, with the provider's meta-arguments", () => {
    const errors = validateAgainstSchemas(
      { provider: { shop: [{ region: "eu", alias: "eu", version: "1", "//": {} }, { alias: "us", count: 1 }], other: [{ x: 1 }] } },
      [SHOP],
    ).map((e) => `${e.path} ${e.message}`);
    expect(errors).toEqual(["provider.shop[1].count is not an argument or block of this type", "provider.shop[1].region is required"]);
  });

  test("reads every line of a removed-attributes list, several per type, and skips the rest", () => {
    const removed = parseRemovedAttributes("  shop_a: one -- why\nshop_a:two\nshop_b: three_3 extra\n# comment\nShop_c: four\nshop_d four\n");
    expect(Object.fromEntries([...removed].map(([type, names]) => [type, [...names]]))).toEqual({ shop_a: ["one", "two"], shop_b: ["three_3"] });
  });
});
