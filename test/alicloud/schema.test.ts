import { Cloud, validateAgainstSchemas, WebRuntime } from "../../lib";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { alicloudRemovedAttributes, committedSchema } from "../support/schemas";
import { TerraformJson } from "../support/synth";

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });

// Every alicloud_* block (and the provider block) against the committed provider schema:
// known type, known attributes, every required one, no computed-only one, none removed.
describe("the Alibaba Cloud bookstore against the alicloud provider schema", () => {
  const schema = committedSchema("alicloud");
  const removed = alicloudRemovedAttributes();

  test.each([
    ["the example", {}],
    ["without high availability, CDN or cluster", { database: { highlyAvailable: false }, cdn: { enabled: false }, kubernetes: { enabled: false }, web: { ...bookstoreProps(alicloud()).web, runtime: WebRuntime.vms() } }],
    ["on the cluster alone, with an image in ACR Enterprise Edition", { web: { ...bookstoreProps(alicloud()).web, image: "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2", runtime: WebRuntime.kubernetes() } }],
    ["on VMs alone, with an image in ACR Enterprise Edition and a RAM user as administrator", { web: { ...bookstoreProps(alicloud()).web, image: "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2", runtime: WebRuntime.vms() }, kubernetes: { ...bookstoreProps(alicloud()).kubernetes, administrators: ["acs:ram::1234567890123456:user/ci.deployer"] } }],
  ])("%s sets only attributes the provider accepts", (_name, overrides) => {
    const { json } = synthBookstore(alicloud(), overrides);
    expect(validateAgainstSchemas(json as Record<string, unknown>, [schema], removed)).toEqual([]);
  });

  test("uses only alicloud and random resource types", () => {
    const { json } = synthBookstore(alicloud());
    const types = [...Object.keys(json.resource ?? {}), ...Object.keys((json as TerraformJson).data ?? {})];
    expect(types.filter((type) => !/^(alicloud|random)_/.test(type))).toEqual([]);
  });

  test("sets no deprecated attribute", () => {
    const { json } = synthBookstore(alicloud());
    const provider = Object.values(schema.provider_schemas)[0];
    const found: string[] = [];
    for (const [kind, schemas] of [
      ["resource", provider.resource_schemas ?? {}],
      ["data", provider.data_source_schemas ?? {}],
    ] as const) {
      const blocks = ((json as Record<string, unknown>)[kind] ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
      for (const [type, instances] of Object.entries(blocks)) {
        const attributes = (schemas[type]?.block.attributes ?? {}) as Record<string, { deprecated?: boolean }>;
        for (const [name, config] of Object.entries(instances)) {
          for (const key of Object.keys(config)) if (attributes[key]?.deprecated) found.push(`${type}.${name}.${key}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
