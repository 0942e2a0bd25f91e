import fc from "fast-check";
import { Cloud } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { flowLogProjectPrefix } from "../../lib/alicloud/flow-logs";
import { synthBookstore } from "../support/bookstore";
import { onlyResource, resourceAt, TerraformJson } from "../support/synth";

// Alibaba Cloud's VPC flow logs go to a Simple Log Service logstore of the stack's own
// project (issue #24): every flow, kept a year, encrypted at rest.

describe("the Alibaba Cloud network's flow logs", () => {
  let json: TerraformJson;
  beforeAll(() => {
    json = synthBookstore(Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" })).json;
  });

  test("record every flow of the whole VPC, accepted or rejected", () => {
    const flowLog = onlyResource(json, "alicloud_vpc_flow_log");
    const vpcAddress = Object.keys(json.resource!.alicloud_vpc)[0];
    expect(flowLog).toMatchObject({ resource_type: "VPC", resource_id: `\${alicloud_vpc.${vpcAddress}.id}`, traffic_type: "All", traffic_path: ["all"] });
    const store = Object.keys(json.resource!.alicloud_log_store)[0];
    const project = Object.keys(json.resource!.alicloud_log_project)[0];
    expect(flowLog.log_store_name).toBe(`\${alicloud_log_store.${store}.logstore_name}`);
    expect(flowLog.project_name).toBe(`\${alicloud_log_project.${project}.project_name}`);
  });

  test("are kept the catalog's days and encrypted at rest", () => {
    expect(onlyResource(json, "alicloud_log_store")).toMatchObject({ retention_period: ALICLOUD_CATALOG.alicloud.flowLogRetentionDays, encrypt_conf: { enable: true, encrypt_type: "default" } });
    expect(ALICLOUD_CATALOG.alicloud.flowLogRetentionDays).toBeGreaterThanOrEqual(365);
  });

  test("live in a project whose name ends in a random part drawn once (SLS project names are shared by every account)", () => {
    const suffix = Object.keys(json.resource!.random_id).find((name) => name.includes("FlowLogsNameSuffix"))!;
    expect(onlyResource(json, "alicloud_log_project").project_name).toBe(`bookstore-flow-\${random_id.${suffix}.hex}`);
    expect(resourceAt(json, "random_id", "Network/FlowLogsNameSuffix")).toEqual({ byte_length: 4 });
  });
});

describe("flowLogProjectPrefix", () => {
  test.each<[string, string]>([
    ["bookstore", "bookstore"],
    ["Shop_Prod", "shop-prod"],
    ["-x-", "x"],
    ["___", "vpc"],
    ["a".repeat(80), "a".repeat(49)],
  ])("%j starts a project name as %j", (name, prefix) => {
    expect(flowLogProjectPrefix(name)).toBe(prefix);
  });

  test("always makes a name SLS takes: lowercase letters, digits and hyphens, a letter or digit at each end, at most 63 characters with its end (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (name) => {
        const projectName = `${flowLogProjectPrefix(name)}-flow-0123abcd`;
        expect(projectName).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
        expect(projectName.length).toBeLessThanOrEqual(63);
      }),
    );
  });
});
