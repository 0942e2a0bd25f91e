import { TENCENTCLOUD_POLICY_PACK } from "../../lib/policy/packs/tencentcloud";
import { C, expectEveryRuleCovered, expectRuleCase, N, RuleCase } from "../support/rule-cases";

// Every Tencent Cloud rule on hand-written blocks, no synth; test/tencentcloud/policy-pack.test.ts
// checks the same rules against the synthesized bookstore.
const RULES = TENCENTCLOUD_POLICY_PACK.rules;
/** The library's own rules, where no scanner has one to mirror: checkov and KICS have no check of tencentcloud_redis_* or TKE add-ons, and checkov 3.3.30 none of COS. */
const OWN_RULES = ["BKS-TC-CAM-TRUST", "BKS-TC-CAM-WILDCARDS", "BKS-TC-REDIS-AUTH", "BKS-TC-REDIS-BACKUPS", "BKS-TC-REDIS-NO-PUBLIC-ADDRESS", "BKS-TC-REDIS-SSL", "BKS-TC-COS-ENCRYPTED", "BKS-TC-COS-PRIVATE", "BKS-TC-COS-VERSIONING", "BKS-TC-TKE-NETWORK-POLICY"];
const redisRef = (instance = "subject") => `\${tencentcloud_redis_instance.${instance}.id}`;
const base64 = (text: string) => Buffer.from(text).toString("base64");
const SECRET_ID = `AKID${"a1B2".repeat(8)}`;

const camDocument = (...statement: Record<string, unknown>[]) => JSON.stringify({ version: "2.0", statement });
const ASSUME = { effect: "allow", action: ["name/sts:AssumeRole"] };

/** An ACCEPT ingress rule of 12.0.0.0/8 (one public /8) on the group `web` of the stack. */
const tcRule = (config: Record<string, unknown>) => ({ security_group_id: "${tencentcloud_security_group.web.id}", type: "ingress", policy: "ACCEPT", ip_protocol: "TCP", cidr_ip: "12.0.0.0/8", ...config });
/** The other resources of a case: the group `web`, with a rule set and lite rules on it. */
const tcOthers = (ruleSet?: Record<string, unknown>, lite?: string[]) => ({
  tencentcloud_security_group: { web: { name: "web" } },
  ...(ruleSet && { tencentcloud_security_group_rule_set: { set: { security_group_id: "${tencentcloud_security_group.web.id}", ...ruleSet } } }),
  ...(lite && { tencentcloud_security_group_lite_rule: { lite: { security_group_id: "${tencentcloud_security_group.web.id}", ingress: lite } } }),
});

/**
 * The other resources of an address-template case: the group `web`, address templates `t1`
 * (with `first`) and `t2` (with `second`), and a template group `g` of both.
 */
const templates = (first: string[], second: string[] = []) => ({
  tencentcloud_security_group: { web: { name: "web" } },
  tencentcloud_address_template: { t1: { name: "t1", addresses: first }, t2: { name: "t2", addresses: second } },
  tencentcloud_address_template_group: { g: { name: "g", template_ids: ["${tencentcloud_address_template.t1.id}", "${tencentcloud_address_template.t2.id}"] } },
});
const T1 = "${tencentcloud_address_template.t1.id}";
/** The internet without 0.0.0.0/0: its two halves. */
const HALVES = ["0.0.0.0/1", "128.0.0.0/1"];
const GROUP = "${tencentcloud_address_template_group.g.id}";
/** An ACCEPT ingress rule on TCP 443 of the group `web` from an address template (`template_id`) or template group (`group_id`). */
const fromTemplate = (template: Record<string, string>, port = "443") => tcRule({ cidr_ip: undefined, port_range: port, address_template: [template] });
/** A rule set on the group `web` accepting TCP 443 from the block's address arguments. */
const ruleSetFrom = (addresses: Record<string, string>) => ({ security_group_id: "${tencentcloud_security_group.web.id}", ingress: [{ action: "ACCEPT", protocol: "TCP", port: "443", ...addresses }] });
const liteFrom = (source: string) => ({ security_group_id: "${tencentcloud_security_group.web.id}", ingress: [`ACCEPT#${source}#443#TCP`] });

const CASES: RuleCase[] = [
  ["BKS-TC-CAM-WILDCARDS", "tencentcloud_cam_policy", { document: camDocument({ effect: "allow", action: ["name/cos:GetObject"], resource: ["qcs::cos:ap-guangzhou:uid/1250000000:b/*"] }) }, C],
  ["BKS-TC-CAM-WILDCARDS", "tencentcloud_cam_policy", { document: camDocument({ effect: "allow", action: ["*"], resource: ["*"] }) }, N],
  ["BKS-TC-CAM-WILDCARDS", "tencentcloud_cam_policy", { document: camDocument({ effect: "allow", action: ["name/cam:*"], resource: ["*"] }) }, N],
  ["BKS-TC-CAM-WILDCARDS", "tencentcloud_cam_policy", { document: '${jsonencode({"version" = "2.0", "statement" = [{"effect" = "allow", "action" = ["cos:*"], "resource" = ["*"]}]})}' }, N],
  ["BKS-TC-CAM-WILDCARDS", "tencentcloud_cam_policy", { document: camDocument({ effect: "deny", action: ["*"], resource: ["*"] }) }, C],

  ["BKS-TC-CAM-TRUST", "tencentcloud_cam_role", { document: camDocument({ ...ASSUME, principal: { service: ["cvm.qcloud.com"] } }) }, C],
  ["BKS-TC-CAM-TRUST", "tencentcloud_cam_role", { document: camDocument({ ...ASSUME, principal: { qcs: ["qcs::cam::uin/100000000001:root"] } }) }, C],
  ["BKS-TC-CAM-TRUST", "tencentcloud_cam_role", { document: camDocument({ ...ASSUME, principal: { qcs: ["qcs::cam::anyone:anyone"] } }) }, N],
  ["BKS-TC-CAM-TRUST", "tencentcloud_cam_role", { document: camDocument({ ...ASSUME, principal: { qcs: ["qcs::cam::uin/*:root"] } }) }, N],
  ["BKS-TC-CAM-TRUST", "tencentcloud_cam_role", { document: camDocument({ ...ASSUME, principal: "*" }) }, N],
  ["BKS-TC-CAM-TRUST", "tencentcloud_cam_role", { document: camDocument({ ...ASSUME, principal: "*", condition: { ip_equal: { "qcs:ip": ["203.0.113.0/24"] } } }) }, C],

  ["BKS-TC-COS-PRIVATE", "tencentcloud_cos_bucket", { acl: "private" }, C],
  ["BKS-TC-COS-PRIVATE", "tencentcloud_cos_bucket", {}, C],
  ["BKS-TC-COS-PRIVATE", "tencentcloud_cos_bucket", { acl: "public-read" }, N],
  ["BKS-TC-COS-PRIVATE", "tencentcloud_cos_bucket", { acl: "private", acl_body: "<AccessControlPolicy/>" }, N],

  ["BKS-TC-COS-ENCRYPTED", "tencentcloud_cos_bucket", { encryption_algorithm: "AES256" }, C],
  ["BKS-TC-COS-ENCRYPTED", "tencentcloud_cos_bucket", { encryption_algorithm: "KMS" }, C],
  ["BKS-TC-COS-ENCRYPTED", "tencentcloud_cos_bucket", {}, N],

  ["BKS-TC-COS-VERSIONING", "tencentcloud_cos_bucket", { versioning_enable: true }, C],
  ["BKS-TC-COS-VERSIONING", "tencentcloud_cos_bucket", { versioning_enable: false }, N],
  ["BKS-TC-COS-VERSIONING", "tencentcloud_cos_bucket", {}, N],

  ["BKS-TC-CLB-ACCESS-LOGS", "tencentcloud_clb_instance", { log_set_id: "ls", log_topic_id: "lt" }, C],
  ["BKS-TC-CLB-ACCESS-LOGS", "tencentcloud_clb_instance", { log_set_id: "ls" }, N],
  ["BKS-TC-CLB-ACCESS-LOGS", "tencentcloud_clb_instance", { log_topic_id: "lt" }, N],

  ["BKS-TC-CLB-LISTENER-PROTOCOL", "tencentcloud_clb_listener", { protocol: "https" }, C],
  ["BKS-TC-CLB-LISTENER-PROTOCOL", "tencentcloud_clb_listener", { protocol: "TCP_SSL" }, C],
  ["BKS-TC-CLB-LISTENER-PROTOCOL", "tencentcloud_clb_listener", { protocol: "QUIC" }, C],
  ["BKS-TC-CLB-LISTENER-PROTOCOL", "tencentcloud_clb_listener", { protocol: "HTTP" }, N],
  ["BKS-TC-CLB-LISTENER-PROTOCOL", "tencentcloud_clb_listener", { protocol: "TCP" }, N],

  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_cbs_storage", { encrypt: true }, C],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_cbs_storage", {}, N],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_instance", { system_disk_encrypt: "true", data_disks: [{ encrypt: true }, { encrypt: "true" }] }, C],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_instance", { system_disk_encrypt: true }, C],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_instance", { system_disk_encrypt: false, data_disks: [{ encrypt: true }] }, N],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_instance", { system_disk_encrypt: true, data_disks: [{ encrypt: true }, { encrypt: false }] }, N],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: { data_disk: [{ encrypt: true }] } }, C],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: { data_disk: [{ encrypt: false }] } }, N],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_kubernetes_cluster", { master_config: [{ data_disk: { encrypt: true } }], worker_config: [{ data_disk: [{ encrypt: true }] }] }, C],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_kubernetes_cluster", { worker_config: [{ data_disk: [{ encrypt: true }] }, { data_disk: [{}] }] }, N],
  ["BKS-TC-DISK-ENCRYPTED", "tencentcloud_kubernetes_cluster", { master_config: [{ data_disk: [{ encrypt: false }] }] }, N],

  ["BKS-TC-CVM-MONITORING", "tencentcloud_instance", {}, C],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_instance", { disable_monitor_service: false, enhanced_monitor_service: true }, C],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_instance", { disable_monitor_service: true }, N],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_instance", { enhanced_monitor_service: false }, N],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_as_scaling_config", { enhanced_monitor_service: "false" }, N],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: [{ disable_monitor_service: "true" }] }, N],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_kubernetes_cluster", { worker_config: [{}, { disable_monitor_service: true }] }, N],
  ["BKS-TC-CVM-MONITORING", "tencentcloud_kubernetes_cluster", { master_config: { enhanced_monitor_service: false }, worker_config: [{}] }, N],

  ["BKS-TC-CVM-NO-PUBLIC-IP", "tencentcloud_instance", { allocate_public_ip: false, internet_max_bandwidth_out: 0 }, C],
  ["BKS-TC-CVM-NO-PUBLIC-IP", "tencentcloud_instance", { allocate_public_ip: true }, N],
  ["BKS-TC-CVM-NO-PUBLIC-IP", "tencentcloud_instance", { internet_max_bandwidth_out: 1 }, N],
  ["BKS-TC-CVM-NO-PUBLIC-IP", "tencentcloud_as_scaling_config", { public_ip_assigned: "true" }, N],
  ["BKS-TC-CVM-NO-PUBLIC-IP", "tencentcloud_as_scaling_config", { internet_max_bandwidth_out: "10" }, N],
  ["BKS-TC-CVM-NO-PUBLIC-IP", "tencentcloud_as_scaling_config", {}, C],

  ["BKS-TC-MYSQL-BACKUP-POLICY", "tencentcloud_mysql_instance", {}, C, { tencentcloud_mysql_backup_policy: { p: { mysql_id: "${tencentcloud_mysql_instance.subject.id}" } } }],
  ["BKS-TC-MYSQL-BACKUP-POLICY", "tencentcloud_mysql_instance", {}, C, { tencentcloud_mysql_backup_policy: { p: { mysql_id: "${tencentcloud_mysql_instance.subject.id}", retention_period: 1 } } }],
  ["BKS-TC-MYSQL-BACKUP-POLICY", "tencentcloud_mysql_instance", {}, N, { tencentcloud_mysql_backup_policy: { p: { mysql_id: "${tencentcloud_mysql_instance.subject.id}", retention_period: 0 } } }],
  ["BKS-TC-MYSQL-BACKUP-POLICY", "tencentcloud_mysql_instance", {}, N, { tencentcloud_mysql_backup_policy: { p: { mysql_id: "${tencentcloud_mysql_instance.other.id}" } } }],
  ["BKS-TC-MYSQL-BACKUP-POLICY", "tencentcloud_mysql_instance", {}, N],

  ["BKS-TC-MYSQL-NO-INTERNET", "tencentcloud_mysql_instance", {}, C],
  ["BKS-TC-MYSQL-NO-INTERNET", "tencentcloud_mysql_instance", { internet_service: 0 }, C],
  ["BKS-TC-MYSQL-NO-INTERNET", "tencentcloud_mysql_instance", { internet_service: 1 }, N],
  ["BKS-TC-MYSQL-NO-INTERNET", "tencentcloud_mysql_instance", { internet_service: "1" }, N],

  ["BKS-TC-MYSQL-PORT", "tencentcloud_mysql_instance", { intranet_port: 3307 }, C],
  ["BKS-TC-MYSQL-PORT", "tencentcloud_mysql_instance", { intranet_port: "3306" }, N],
  ["BKS-TC-MYSQL-PORT", "tencentcloud_mysql_instance", {}, N],

  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "accept", cidr_ip: "0.0.0.0/0" }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "ACCEPT", cidr_ip: "0.0.0.0" }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "ACCEPT", cidr_ip: "::/0" }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "ACCEPT", cidr_ip: "10.0.0.0/8" }, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "DROP", cidr_ip: "0.0.0.0/0" }, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", cidr_ip: "0.0.0.0/0" }, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "egress", policy: "ACCEPT", cidr_ip: "0.0.0.0/0" }, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", { ingress: [{ action: "ACCEPT", cidr_block: "10.0.0.0/8" }, { action: "accept", ipv6_cidr_block: "::/0" }] }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", { ingress: { action: "ACCEPT", cidr_block: "0.0.0.0/0" } }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", { ingress: [{ action: "DROP", cidr_block: "0.0.0.0/0" }, { action: "ACCEPT", cidr_block: "10.0.0.0/8" }] }, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", {}, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", { ingress: ["DROP#0.0.0.0/0#ALL#ALL", "accept#0.0.0.0/0#80#TCP"] }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", { ingress: ["DROP#0.0.0.0/0#ALL#ALL", "ACCEPT#10.0.0.0/8#22#TCP"] }, C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", {}, C],
  // The internet without 0.0.0.0/0 (issue #24).
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "ACCEPT", cidr_ip: "128.0.0.0/1" }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", { ingress: [{ action: "ACCEPT", cidr_block: "0.0.0.0/1" }, { action: "ACCEPT", cidr_block: "128.0.0.0/1" }] }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", { ingress: ["ACCEPT#0.0.0.0/1#22#TCP"] }, N],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", { type: "ingress", policy: "ACCEPT", cidr_ip: "203.0.113.0/24" }, C],

  // A group admits the union of what it accepts (issue #24): a public /8 is not the internet alone, two are.
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), C],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), N, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "TCP", port: "80,443" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), N, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "TCP", port: "400-500" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), N, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "ALL", port: "ALL" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ ip_protocol: undefined, port_range: undefined }), N, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "UDP", port: "53" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), N, tcOthers(undefined, ["ACCEPT#13.0.0.0/8#443#TCP"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), C, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "TCP", port: "80,8443" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), C, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "UDP", port: "443" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), C, tcOthers({ ingress: [{ action: "DROP", cidr_block: "13.0.0.0/8", protocol: "TCP", port: "443" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), C, tcOthers({ egress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "TCP", port: "443" }] })],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443", security_group_id: "sg-other" }), C, tcOthers({ ingress: [{ action: "ACCEPT", cidr_block: "13.0.0.0/8", protocol: "TCP", port: "443" }] })],

  // An address template or template group of the stack that a rule names adds its addresses to the rule's (issue #24).
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: T1 }), N, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: T1 }), N, templates(["12.0.0.0/8", "13.0.0.0/8"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: T1 }), N, templates(["1.0.0.0-126.255.255.255"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: T1 }), C, templates(["12.0.0.0/8"], ["13.0.0.0/8"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: T1 }), C, templates(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "10.0.0.1-10.255.255.255"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ group_id: GROUP }), N, templates(["12.0.0.0/8"], ["13.0.0.0/8"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ group_id: GROUP }), C, templates(["12.0.0.0/8"], ["10.0.0.0/8"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ group_id: GROUP }), N, { ...templates(["12.0.0.0/8"]), tencentcloud_address_template_group: { g: { name: "g", template_ids: [T1, "${tencentcloud_address_extra_template.x.id}", "ipm-12345678"] } }, tencentcloud_address_extra_template: { x: { name: "x", addresses_extra: [{ address: "13.0.0.0-13.255.255.255", description: "partner" }] } } }],
  // A template named by its literal ID (ipm-, ipmg-) or read from a data source is not in the stack: nothing the pack can judge.
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: "ipm-12345678" }), C, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ group_id: "ipmg-12345678" }), C, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", fromTemplate({ template_id: "${data.tencentcloud_address_templates.t.template_list[0].id}" }), C, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", ruleSetFrom({ address_template_id: T1 }), N, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", ruleSetFrom({ address_template_group: GROUP }), N, templates(["12.0.0.0/8"], ["13.0.0.0/8"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule_set", ruleSetFrom({ address_template_id: "ipm-12345678" }), C, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", liteFrom(T1), N, templates(HALVES)],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", liteFrom(GROUP), N, templates(["12.0.0.0/8"], ["13.0.0.0/8"])],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_lite_rule", liteFrom("ipm-12345678"), C, templates(HALVES)],
  // Split over rules: a /8 written in one rule, another in the template a rule set of the group names; not on another port.
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "443" }), N, { ...templates(["13.0.0.0/8"]), tencentcloud_security_group_rule_set: { set: ruleSetFrom({ address_template_id: T1 }) } }],
  ["BKS-TC-SG-PUBLIC-INGRESS", "tencentcloud_security_group_rule", tcRule({ port_range: "8443" }), C, { ...templates(["13.0.0.0/8"]), tencentcloud_security_group_rule_set: { set: ruleSetFrom({ address_template_id: T1 }) } }],

  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_instance", { orderly_security_groups: ["sg-1"] }, C],
  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_instance", { security_groups: ["sg-1"] }, C],
  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_as_scaling_config", { security_group_ids: ["sg-1"] }, C],
  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: { orderly_security_group_ids: ["sg-1"] } }, C],
  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_instance", {}, N],
  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: {} }, N],
  ["BKS-TC-NOT-DEFAULT-SG", "tencentcloud_instance", { orderly_security_groups: ["sg-1", "sg-Default"] }, N],

  ["BKS-TC-NOT-DEFAULT-VPC", "tencentcloud_instance", { vpc_id: "vpc-1" }, C],
  ["BKS-TC-NOT-DEFAULT-VPC", "tencentcloud_as_scaling_group", { vpc_id: "${tencentcloud_vpc.v.id}" }, C],
  ["BKS-TC-NOT-DEFAULT-VPC", "tencentcloud_kubernetes_cluster", {}, N],
  ["BKS-TC-NOT-DEFAULT-VPC", "tencentcloud_kubernetes_node_pool", { vpc_id: "" }, N],
  ["BKS-TC-NOT-DEFAULT-VPC", "tencentcloud_mysql_instance", { vpc_id: "vpc-DEFAULT" }, N],
  ["BKS-TC-NOT-DEFAULT-VPC", "tencentcloud_clb_instance", { vpc_id: "vpc-2" }, C],

  ["BKS-TC-TKE-LOG-AGENT", "tencentcloud_kubernetes_cluster", { log_agent: { enabled: true } }, C],
  ["BKS-TC-TKE-LOG-AGENT", "tencentcloud_kubernetes_cluster", { log_agent: [{ enabled: false }] }, N],
  ["BKS-TC-TKE-LOG-AGENT", "tencentcloud_kubernetes_cluster", {}, N],

  ["BKS-TC-TKE-NO-PUBLIC-IP", "tencentcloud_kubernetes_cluster", { master_config: [{}], worker_config: [{ internet_max_bandwidth_out: 0 }] }, C],
  ["BKS-TC-TKE-NO-PUBLIC-IP", "tencentcloud_kubernetes_cluster", { worker_config: [{ public_ip_assigned: true }] }, N],
  ["BKS-TC-TKE-NO-PUBLIC-IP", "tencentcloud_kubernetes_cluster", { master_config: [{ internet_max_bandwidth_out: 5 }] }, N],
  ["BKS-TC-TKE-NO-PUBLIC-IP", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: { public_ip_assigned: "true" } }, N],
  ["BKS-TC-TKE-NO-PUBLIC-IP", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: { public_ip_assigned: false } }, C],

  ["BKS-TC-TKE-SECRETS-ENCRYPTION", "tencentcloud_kubernetes_cluster", {}, C, {
    tencentcloud_kubernetes_encryption_protection: { p: { cluster_id: "${tencentcloud_kubernetes_cluster.subject.id}", kms_configuration: { key_id: "k" } } },
  }],
  ["BKS-TC-TKE-SECRETS-ENCRYPTION", "tencentcloud_kubernetes_cluster", {}, N, {
    tencentcloud_kubernetes_encryption_protection: { p: { cluster_id: "${tencentcloud_kubernetes_cluster.subject.id}", kms_configuration: { key_id: "" } } },
  }],
  ["BKS-TC-TKE-SECRETS-ENCRYPTION", "tencentcloud_kubernetes_cluster", {}, N],

  ["BKS-TC-TKE-NETWORK-POLICY", "tencentcloud_kubernetes_cluster", {}, C, {
    tencentcloud_kubernetes_addon: { np: { cluster_id: "${tencentcloud_kubernetes_cluster.subject.id}", addon_name: "networkpolicy" } },
  }],
  ["BKS-TC-TKE-NETWORK-POLICY", "tencentcloud_kubernetes_cluster", {}, N, {
    tencentcloud_kubernetes_addon: { cos: { cluster_id: "${tencentcloud_kubernetes_cluster.subject.id}", addon_name: "cos" } },
  }],
  ["BKS-TC-TKE-NETWORK-POLICY", "tencentcloud_kubernetes_cluster", {}, N, {
    tencentcloud_kubernetes_addon: { np: { cluster_id: "${tencentcloud_kubernetes_cluster.other.id}", addon_name: "networkpolicy" } },
  }],
  ["BKS-TC-TKE-NETWORK-POLICY", "tencentcloud_kubernetes_cluster", {}, N],

  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_instance", { user_data_raw: "echo hello" }, C],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_instance", { user_data_raw: "export TENCENTCLOUD_SECRET_ID=x" }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_instance", { user_data: "TENCENTCLOUD_SECRET_KEY=y" }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_instance", { user_data_raw: `id=${SECRET_ID}` }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_instance", { user_data_raw: `id=${SECRET_ID.slice(0, -1)}` }, C],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_as_scaling_config", { user_data: base64("export TENCENTCLOUD_SECRET_KEY=y") }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_as_scaling_config", { user_data: base64("export TENCENTCLOUD_SECRET_KEY=1").replace(/=+$/, "") }, C],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_as_scaling_config", { user_data: base64("echo hello") }, C],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_kubernetes_node_pool", { node_config: { user_data: base64(`id=${SECRET_ID}`) } }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_kubernetes_node_pool", { auto_scaling_config: { user_data: base64("TENCENTCLOUD_SECRET_ID=1") } }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_kubernetes_cluster", { worker_config: [{ user_data: base64("TENCENTCLOUD_SECRET_ID=1") }] }, N],
  ["BKS-TC-USER-DATA-SECRETS", "tencentcloud_kubernetes_cluster", { node_config: { user_data: base64("TENCENTCLOUD_SECRET_ID=1") } }, C],

  ["BKS-TC-REDIS-NO-PUBLIC-ADDRESS", "tencentcloud_redis_instance", {}, C],
  ["BKS-TC-REDIS-NO-PUBLIC-ADDRESS", "tencentcloud_redis_instance", { wan_address_switch: "close" }, C],
  ["BKS-TC-REDIS-NO-PUBLIC-ADDRESS", "tencentcloud_redis_instance", { wan_address_switch: "open" }, N],

  ["BKS-TC-REDIS-AUTH", "tencentcloud_redis_instance", { password: "${random_password.p.result}" }, C],
  ["BKS-TC-REDIS-AUTH", "tencentcloud_redis_instance", { password: "${random_password.p.result}", no_auth: false }, C],
  ["BKS-TC-REDIS-AUTH", "tencentcloud_redis_instance", { no_auth: true }, N],
  ["BKS-TC-REDIS-AUTH", "tencentcloud_redis_instance", { password: "p", no_auth: "true" }, N],

  ["BKS-TC-REDIS-SSL", "tencentcloud_redis_instance", {}, C, { tencentcloud_redis_ssl: { s: { instance_id: redisRef(), ssl_config: "enabled" } } }],
  ["BKS-TC-REDIS-SSL", "tencentcloud_redis_instance", {}, N, { tencentcloud_redis_ssl: { s: { instance_id: redisRef(), ssl_config: "disabled" } } }],
  ["BKS-TC-REDIS-SSL", "tencentcloud_redis_instance", {}, N, { tencentcloud_redis_ssl: { s: { instance_id: redisRef("other"), ssl_config: "enabled" } } }],
  ["BKS-TC-REDIS-SSL", "tencentcloud_redis_instance", {}, N],

  ["BKS-TC-REDIS-BACKUPS", "tencentcloud_redis_instance", {}, C, { tencentcloud_redis_backup_config: { b: { redis_id: redisRef(), backup_time: "02:00-03:00" } } }],
  ["BKS-TC-REDIS-BACKUPS", "tencentcloud_redis_instance", {}, N, { tencentcloud_redis_backup_config: { b: { redis_id: redisRef("other"), backup_time: "02:00-03:00" } } }],
  ["BKS-TC-REDIS-BACKUPS", "tencentcloud_redis_instance", {}, N],

  ["BKS-TC-VPC-FLOW-LOGS", "tencentcloud_vpc", {}, C, { tencentcloud_vpc_flow_log: { f: { resource_id: "${tencentcloud_vpc.subject.id}" } } }],
  ["BKS-TC-VPC-FLOW-LOGS", "tencentcloud_vpc", {}, N, { tencentcloud_vpc_flow_log: { f: { resource_id: "${tencentcloud_vpc.other.id}" } } }],
];

describe("the Tencent Cloud rules on hand-written blocks", () => {
  test("every rule has an ID, an explanation, and mirrors scanner rules unless it is the library's own", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^BKS-TC-[A-Z0-9-]+$/);
      expect(rule.mirrors.length > 0).toBe(!OWN_RULES.includes(rule.id));
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV_TC_\d+|KICS [0-9a-f-]{36})$/);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
  });

  test("the cases give every rule a compliant and a non-compliant block", () => {
    expectEveryRuleCovered(RULES, CASES);
  });

  test.each(CASES)("%s on %s %j is %s", (...ruleCase) => {
    expectRuleCase(RULES, ruleCase);
  });
});
