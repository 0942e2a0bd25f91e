import { Testing } from "cdktf";
import { ALICLOUD_POLICY_PACK, BookstoreStacks, Cloud, evaluate } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { TerraformJson } from "../support/synth";

type Blocks = Record<string, Record<string, any>>;

/** The default bookstore's JSON as the policy sees it (construct paths kept). */
function stackJson(overrides: Record<string, unknown> = {}): TerraformJson {
  const cloud = Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
  const stacks = new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...overrides, cloud });
  return stacks.infrastructure.toTerraform();
}
const first = (json: TerraformJson, type: string): Record<string, any> => Object.values((json.resource as Blocks)[type])[0];
const findings = (json: TerraformJson) => evaluate(json, ALICLOUD_POLICY_PACK.rules).findings.map((f) => f.rule.id);

describe("the Alibaba Cloud policy pack", () => {
  let pristine: string;
  let json: TerraformJson;
  beforeAll(() => {
    pristine = JSON.stringify(stackJson());
  });
  beforeEach(() => {
    json = JSON.parse(pristine) as TerraformJson;
  });

  test("every rule has an ID, an explanation and cites what it mirrors where a scanner has the rule", () => {
    const ids = ALICLOUD_POLICY_PACK.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALICLOUD_POLICY_PACK.rules) {
      expect(rule.id).toMatch(/^BKS-ALI-[A-Z0-9-]+$/);
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV_ALI_\d+|KICS [0-9a-f-]{36})$/);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
  });

  test("the default bookstore has no finding", () => {
    expect(findings(json)).toEqual([]);
    expect(findings(stackJson({ database: { highlyAvailable: false }, cdn: { enabled: false } }))).toEqual([]);
  });

  test.each<[string, (json: TerraformJson) => void, string]>([
    ["a public RDS whitelist", (j) => (first(j, "alicloud_db_instance").security_ips = ["0.0.0.0/0"]), "BKS-ALI-RDS-WHITELIST"],
    ["RDS without TLS", (j) => (first(j, "alicloud_db_instance").ssl_action = "Close"), "BKS-ALI-RDS-SSL"],
    ["RDS that accepts plain text besides TLS", (j) => delete first(j, "alicloud_db_instance").force_encryption, "BKS-ALI-RDS-FORCE-TLS"],
    ["RDS without TDE", (j) => delete first(j, "alicloud_db_instance").tde_status, "BKS-ALI-RDS-TDE"],
    ["a short SQL audit", (j) => (first(j, "alicloud_db_instance").sql_collector_config_value = 30), "BKS-ALI-RDS-SQL-AUDIT"],
    ["manual minor upgrades", (j) => (first(j, "alicloud_db_instance").auto_upgrade_minor_version = "Manual"), "BKS-ALI-RDS-MINOR-UPGRADES"],
    ["an unprotected database", (j) => (first(j, "alicloud_db_instance").deletion_protection = false), "BKS-ALI-RDS-DELETION-PROTECTION"],
    [
      "SSH from anywhere",
      (j) => Object.assign(first(j, "alicloud_security_group_rule"), { type: "ingress", policy: "accept", ip_protocol: "tcp", port_range: "22/22", cidr_ip: "0.0.0.0/0" }),
      "BKS-ALI-SG-ADMIN-PORTS",
    ],
    ["an unencrypted system disk", (j) => (first(j, "alicloud_ess_scaling_configuration").system_disk_encrypted = false), "BKS-ALI-DISK-ENCRYPTED"],
    ["instances with public addresses", (j) => (first(j, "alicloud_ess_scaling_configuration").internet_max_bandwidth_out = 10), "BKS-ALI-NO-PUBLIC-IP"],
    ["an HTTPS listener allowing TLS 1.0", (j) => Object.values((j.resource as Blocks).alicloud_slb_listener).forEach((l) => l.protocol === "https" && delete l.tls_cipher_policy), "BKS-ALI-SLB-TLS"],
    ["an HTTP listener that forwards", (j) => Object.values((j.resource as Blocks).alicloud_slb_listener).forEach((l) => l.protocol === "http" && (l.listener_forward = "off")), "BKS-ALI-SLB-HTTPS"],
    ["a cluster on Flannel, which enforces no NetworkPolicy", (j) => (first(j, "alicloud_cs_managed_kubernetes").addons = [{ name: "flannel" }]), "BKS-ALI-ACK-NETWORK-POLICY"],
    ["a cluster without a pod network", (j) => delete first(j, "alicloud_cs_managed_kubernetes").pod_vswitch_ids, "BKS-ALI-ACK-POD-NETWORK"],
    ["a public API server", (j) => (first(j, "alicloud_cs_managed_kubernetes").slb_internet_enabled = true), "BKS-ALI-ACK-PRIVATE-API"],
    ["plain-text Kubernetes secrets", (j) => delete first(j, "alicloud_cs_managed_kubernetes").encryption_provider_key, "BKS-ALI-ACK-SECRETS-ENCRYPTION"],
    ["a node pool without auto repair", (j) => (first(j, "alicloud_cs_kubernetes_node_pool").management = { enable: true, auto_repair: false }), "BKS-ALI-ACK-AUTO-REPAIR"],
    ["a system node pool without auto repair", (j) => (Object.values((j.resource as Blocks).alicloud_cs_kubernetes_node_pool).find((p) => p.node_pool_name.endsWith("-sys")).management.auto_repair = false), "BKS-ALI-ACK-AUTO-REPAIR"],
    ["a key that never rotates", (j) => (first(j, "alicloud_kms_key").automatic_rotation = "Disabled"), "BKS-ALI-KMS-ROTATION"],
    ["a public cache whitelist", (j) => (first(j, "alicloud_kvstore_instance").security_ips = ["0.0.0.0/0"]), "BKS-ALI-REDIS-WHITELIST"],
    ["a cache without TLS", (j) => (first(j, "alicloud_kvstore_instance").ssl_enable = "Disable"), "BKS-ALI-REDIS-SSL"],
    ["a cache without a password", (j) => (first(j, "alicloud_kvstore_instance").vpc_auth_mode = "Close"), "BKS-ALI-REDIS-AUTH"],
    ["an unprotected cache", (j) => (first(j, "alicloud_kvstore_instance").instance_release_protection = false), "BKS-ALI-REDIS-RELEASE-PROTECTION"],
    [
      "a CDN that serves HTTP",
      (j) => Object.entries((j.resource as Blocks).alicloud_cdn_domain_config).forEach(([name, c]) => name.startsWith("Bookstore_Cdn_ForceHttps") && (c.function_name = "gzip")),
      "BKS-ALI-CDN-HTTPS",
    ],
    [
      "an asset domain that serves HTTP",
      (j) => Object.entries((j.resource as Blocks).alicloud_cdn_domain_config).forEach(([name, c]) => name.startsWith("Bookstore_Cdn_AssetsForceHttps") && (c.function_name = "gzip")),
      "BKS-ALI-CDN-HTTPS",
    ],
    ["a public asset bucket", (j) => (first(j, "alicloud_oss_bucket_acl").acl = "public-read"), "BKS-ALI-OSS-PRIVATE"],
    ["an asset bucket open to public policies", (j) => (first(j, "alicloud_oss_bucket_public_access_block").block_public_access = false), "BKS-ALI-OSS-PRIVATE"],
    ["an unversioned asset bucket", (j) => delete first(j, "alicloud_oss_bucket").versioning, "BKS-ALI-OSS-VERSIONING"],
    ["an unencrypted asset bucket", (j) => delete first(j, "alicloud_oss_bucket").server_side_encryption_rule, "BKS-ALI-OSS-ENCRYPTED"],
    ["an asset bucket open to HTTP", (j) => delete first(j, "alicloud_oss_bucket").policy, "BKS-ALI-OSS-TLS-ONLY"],
    ["a RAM policy granting every action", (j) => (first(j, "alicloud_ram_policy").policy_document = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] })), "BKS-ALI-RAM-WILDCARDS"],
    ["a RAM role any account may assume", (j) => (first(j, "alicloud_ram_role").assume_role_policy_document = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: ["acs:ram::*:root"] } }] })), "BKS-ALI-RAM-TRUST"],
  ])("fails when given %s", (_what, breakIt, ruleId) => {
    // GIVEN the default bookstore WHEN one setting is broken THEN exactly its rule reports it
    breakIt(json);
    expect(findings(json)).toEqual([ruleId]);
  });
});
