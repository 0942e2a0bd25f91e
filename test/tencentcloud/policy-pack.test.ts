import { Testing } from "cdktf";
import { BookstoreStacks, Cloud, evaluate, PolicyChecks, policyMatchers, TENCENTCLOUD_POLICY_PACK, WebRuntime } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { TerraformJson } from "../support/synth";

expect.extend(policyMatchers);

/**
 * The example bookstore with its web tier on VMs, which holds every resource type the pack
 * checks (the example's web tier on the cluster has no scaling group and no listener of
 * Terraform's); `runtime` puts it back on the cluster.
 */
function defaultBookstore(overrides: Record<string, unknown> = {}, runtime = WebRuntime.vms()) {
  const cloud = Cloud.tencentcloud({ region: "ap-guangzhou" });
  const props = exampleProps(cloud);
  const stacks = new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...props, web: { ...props.web, runtime }, ...overrides, cloud });
  return stacks.infrastructure;
}

type Blocks = Record<string, Record<string, any>>;
const first = (json: TerraformJson, type: string): Record<string, any> => Object.values((json.resource as Blocks)[type])[0];
const all = (json: TerraformJson, type: string): Record<string, any>[] => Object.values((json.resource as Blocks)[type] ?? {});
const remove = (json: TerraformJson, type: string) => delete (json.resource as Blocks)[type];
/** Rule IDs that fire on `json` when no suppression applies. */
const fired = (json: TerraformJson) => evaluate(json, TENCENTCLOUD_POLICY_PACK.rules, []).findings.map((f) => f.rule.id);

// The default bookstore's documented exceptions: [rule, construct path below the stack, reason fragment].
const SUPPRESSIONS: [string, string, RegExp][] = [
  ["BKS-TC-CLB-LISTENER-PROTOCOL", "Bookstore/LoadBalancer/HttpListener", /redirected \(301\) to the HTTPS listener/],
  ["BKS-TC-SG-PUBLIC-INGRESS", "Bookstore/LoadBalancer/IngressHttps", /accepts HTTPS from anyone/],
  ["BKS-TC-SG-PUBLIC-INGRESS", "Bookstore/LoadBalancer/IngressHttp", /redirect|301/],
];

describe("the Tencent Cloud policy pack", () => {
  let pristine: string;
  let json: TerraformJson;
  beforeAll(() => {
    pristine = JSON.stringify(defaultBookstore({ policyChecks: false }).toTerraform());
  });
  beforeEach(() => {
    json = JSON.parse(pristine) as TerraformJson;
  });

  test("every rule has an ID, the scanner rules it mirrors (unless the library's own, for the cache), an explanation and a level", () => {
    const ids = TENCENTCLOUD_POLICY_PACK.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of TENCENTCLOUD_POLICY_PACK.rules) {
      expect(rule.id).toMatch(/^BKS-TC-[A-Z0-9-]+$/);
      // checkov and KICS have no check of tencentcloud_redis_*, COS buckets, TKE add-ons or CAM documents: those rules are the library's own.
      const own = rule.id.startsWith("BKS-TC-REDIS-") || rule.id.startsWith("BKS-TC-COS-") || rule.id.startsWith("BKS-TC-CAM-") || rule.id === "BKS-TC-TKE-NETWORK-POLICY";
      expect(rule.mirrors.length > 0).toBe(!own);
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV_TC_\d+|KICS [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(["error", "warning"]).toContain(rule.level);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  test("the default bookstore has no finding, with and without its options", () => {
    expect(defaultBookstore({ policyChecks: false })).toHaveNoPolicyFindings(TENCENTCLOUD_POLICY_PACK);
    expect(defaultBookstore({ policyChecks: false, database: { highlyAvailable: false }, cdn: { enabled: false } })).toHaveNoPolicyFindings(TENCENTCLOUD_POLICY_PACK);
    expect(defaultBookstore({ policyChecks: false }, WebRuntime.kubernetes())).toHaveNoPolicyFindings(TENCENTCLOUD_POLICY_PACK);
  });

  test("with the web tier on the cluster, only public HTTPS is a documented exception (TKE owns the listener, no HTTP:80)", () => {
    const stack = defaultBookstore({}, WebRuntime.kubernetes());
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const report = PolicyChecks.reportOf(stack)!;
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s) => [s.rule.id, s.resource.constructPath.replace(/^[^/]+\//, "")])).toEqual([["BKS-TC-SG-PUBLIC-INGRESS", "Bookstore/LoadBalancer/IngressHttps"]]);
  });

  test("the default bookstore synthesizes with the pack applied, and reports only its documented suppressions", () => {
    const stack = defaultBookstore();
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const report = PolicyChecks.reportOf(stack)!;
    expect(report.findings).toEqual([]);
    const suppressed = report.suppressed.map((s) => [s.rule.id, s.resource.constructPath.replace(/^[^/]+\//, ""), s.suppression.reason] as const);
    expect(suppressed).toHaveLength(SUPPRESSIONS.length);
    for (const [ruleId, path, reason] of SUPPRESSIONS) {
      expect(suppressed).toContainEqual([ruleId, path, expect.stringMatching(reason)]);
    }
  });

  test("without its suppressions, exactly the documented exceptions show up", () => {
    expect(fired(json).sort()).toEqual(SUPPRESSIONS.map(([id]) => id).sort());
  });

  // [rule, how to break the default bookstore so that it fires]
  const BREAKAGES: [string, (json: TerraformJson) => void][] = [
    ["BKS-TC-MYSQL-NO-INTERNET", (j) => (first(j, "tencentcloud_mysql_instance").internet_service = 1)],
    ["BKS-TC-MYSQL-PORT", (j) => delete first(j, "tencentcloud_mysql_instance").intranet_port],
    ["BKS-TC-MYSQL-BACKUP-POLICY", (j) => remove(j, "tencentcloud_mysql_backup_policy")],
    ["BKS-TC-CLB-LISTENER-PROTOCOL", (j) => all(j, "tencentcloud_clb_listener").forEach((l) => (l.protocol = "TCP"))],
    ["BKS-TC-CLB-ACCESS-LOGS", (j) => delete first(j, "tencentcloud_clb_instance").log_topic_id],
    ["BKS-TC-CVM-NO-PUBLIC-IP", (j) => Object.assign(first(j, "tencentcloud_as_scaling_config"), { public_ip_assigned: true, internet_max_bandwidth_out: 10 })],
    ["BKS-TC-TKE-NO-PUBLIC-IP", (j) => (first(j, "tencentcloud_kubernetes_node_pool").auto_scaling_config.public_ip_assigned = true)],
    ["BKS-TC-CVM-MONITORING", (j) => (first(j, "tencentcloud_as_scaling_config").enhanced_monitor_service = false)],
    ["BKS-TC-USER-DATA-SECRETS", (j) => (first(j, "tencentcloud_as_scaling_config").user_data = '${base64encode("export TENCENTCLOUD_SECRET_KEY=abc")}')],
    ["BKS-TC-DISK-ENCRYPTED", (j) => (first(j, "tencentcloud_kubernetes_node_pool").auto_scaling_config.data_disk = [{ disk_type: "CLOUD_PREMIUM", disk_size: 100 }])],
    ["BKS-TC-SG-PUBLIC-INGRESS", (j) => Object.assign(all(j, "tencentcloud_security_group_rule").find((r) => r.type === "ingress" && r.source_sgid)!, { cidr_ip: "0.0.0.0/0" })],
    ["BKS-TC-TKE-LOG-AGENT", (j) => (first(j, "tencentcloud_kubernetes_cluster").log_agent = { enabled: false })],
    ["BKS-TC-TKE-SECRETS-ENCRYPTION", (j) => remove(j, "tencentcloud_kubernetes_encryption_protection")],
    ["BKS-TC-TKE-NETWORK-POLICY", (j) => remove(j, "tencentcloud_kubernetes_addon")],
    ["BKS-TC-VPC-FLOW-LOGS", (j) => remove(j, "tencentcloud_vpc_flow_log")],
    ["BKS-TC-NOT-DEFAULT-SG", (j) => (first(j, "tencentcloud_as_scaling_config").security_group_ids = [])],
    ["BKS-TC-COS-PRIVATE", (j) => (first(j, "tencentcloud_cos_bucket").acl = "public-read")],
    ["BKS-TC-COS-ENCRYPTED", (j) => delete first(j, "tencentcloud_cos_bucket").encryption_algorithm],
    ["BKS-TC-COS-VERSIONING", (j) => (first(j, "tencentcloud_cos_bucket").versioning_enable = false)],
    ["BKS-TC-NOT-DEFAULT-VPC", (j) => (first(j, "tencentcloud_mysql_instance").vpc_id = "${tencentcloud_vpc.default.id}")],
    ["BKS-TC-REDIS-NO-PUBLIC-ADDRESS", (j) => (first(j, "tencentcloud_redis_instance").wan_address_switch = "open")],
    ["BKS-TC-REDIS-AUTH", (j) => Object.assign(first(j, "tencentcloud_redis_instance"), { no_auth: true, password: undefined })],
    ["BKS-TC-REDIS-SSL", (j) => (first(j, "tencentcloud_redis_ssl").ssl_config = "disabled")],
    ["BKS-TC-REDIS-BACKUPS", (j) => remove(j, "tencentcloud_redis_backup_config")],
    ["BKS-TC-CAM-WILDCARDS", (j) => (first(j, "tencentcloud_cam_policy").document = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["*"], resource: ["*"] }] }))],
    ["BKS-TC-CAM-TRUST", (j) => (first(j, "tencentcloud_cam_role").document = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["name/sts:AssumeRole"], principal: "*" }] }))],
  ];

  test("the breakage table covers every rule", () => {
    expect(BREAKAGES.map(([id]) => id).sort()).toEqual(TENCENTCLOUD_POLICY_PACK.rules.map((r) => r.id).sort());
  });

  test.each(BREAKAGES)("fails when %s is broken", (ruleId, breakIt) => {
    // GIVEN the default bookstore, without its suppressions, broken in one place
    const before = fired(json).filter((id) => id === ruleId).length;
    breakIt(json);
    // WHEN the pack checks it THEN the rule fires where it did not before
    expect(fired(json).filter((id) => id === ruleId).length).toBeGreaterThan(before);
  });

  test("a violation fails synth with a readable report", () => {
    const stack = defaultBookstore();
    const db = stack.node.findAll().find((c) => (c as any).terraformResourceType === "tencentcloud_mysql_instance") as any;
    // A raw override is the only way past the typed props: exactly what the pack guards against.
    db.addOverride("internet_service", 1);
    expect(() => Testing.synth(stack, true)).toThrow(/ERROR BKS-TC-MYSQL-NO-INTERNET \(CKV_TC_9, KICS 5d820574-4a60-4916-b049-0810b8629731\) bookstore-tencentcloud\/Bookstore\/Database\/Resource/);
  });
});
