import { ALICLOUD_POLICY_PACK } from "../../lib/policy/packs/alicloud";
import { Compliance } from "../../lib/policy/rule";
import { C, expectEveryRuleCovered, expectRuleCase, N, NA, RuleCase } from "../support/rule-cases";

// Every Alibaba Cloud rule on hand-written blocks, no synth; test/alicloud/policy-pack.test.ts
// checks the same rules against the synthesized bookstore.
const RULES = ALICLOUD_POLICY_PACK.rules;

/** The library's own rules, where no scanner has one to mirror. */
// The pod-network and disk-encryption rules claim no checkov ID: CKV_ALI_7, 26 and 32
// read resource types the bookstore does not emit (see the rules' comments).
const OWN_RULES = [
  "BKS-ALI-ACK-NETWORK-POLICY",
  "BKS-ALI-ACK-POD-NETWORK",
  "BKS-ALI-ACK-PRIVATE-API",
  "BKS-ALI-ACK-SECRETS-ENCRYPTION",
  "BKS-ALI-CDN-HTTPS",
  "BKS-ALI-DISK-ENCRYPTED",
  "BKS-ALI-NO-PUBLIC-IP",
  // CKV_ALI_6 asks for a customer master key, which the bookstore's OSS bucket does not use.
  "BKS-ALI-OSS-ENCRYPTED",
  "BKS-ALI-OSS-TLS-ONLY",
  "BKS-ALI-RAM-TRUST",
  "BKS-ALI-RDS-DELETION-PROTECTION",
  // CKV_ALI_20 asks for ssl_action only, which still accepts plain text.
  "BKS-ALI-RDS-FORCE-TLS",
  "BKS-ALI-REDIS-AUTH",
  "BKS-ALI-REDIS-RELEASE-PROTECTION",
  "BKS-ALI-REDIS-SSL",
  "BKS-ALI-REDIS-WHITELIST",
  "BKS-ALI-SLB-HTTPS",
  "BKS-ALI-SLB-LISTENER-ACL",
];

// A CLB and a listener of it that forwards only a whitelist: the other listeners of that CLB are judged against it.
const WHITELIST = { acl_status: "on", acl_type: "white", acl_ids: ["${alicloud_slb_acl.clients.id}"] };
const CLB = { alicloud_slb_load_balancer: { lb: { load_balancer_name: "shop" } } };
const withListener = (listener: Record<string, unknown>) => ({ ...CLB, alicloud_slb_listener: { https: { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", frontend_port: 443, ...listener } } });

// A CDN domain's settings live in alicloud_cdn_domain_config blocks that reference it.
const cdnFunction = (name: string, args: Record<string, string>, domain = "subject") => ({
  domain_name: `\${alicloud_cdn_domain_new.${domain}.domain_name}`,
  function_name: name,
  function_args: Object.entries(args).map(([arg_name, arg_value]) => ({ arg_name, arg_value })),
});
const HTTPS_FORCE = cdnFunction("https_force", { enable: "on" });
const TLS_VERSIONS = cdnFunction("https_tls_version", { tls10: "off", tls11: "off", tls12: "on" });
const FORWARD_SCHEME = cdnFunction("forward_scheme", { enable: "on", scheme_origin: "https" });
const cdnCase = (expected: Compliance, certificate: unknown, ...configs: Record<string, unknown>[]): RuleCase => [
  "BKS-ALI-CDN-HTTPS",
  "alicloud_cdn_domain_new",
  { certificate_config: certificate },
  expected,
  { alicloud_cdn_domain_config: Object.fromEntries(configs.map((c, i) => [`c${i}`, c])) },
];
const CERTIFICATE_ON = { server_certificate_status: "on" };

const ramDocument = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "1", Statement: statements });
const ASSUME = { Effect: "Allow", Action: "sts:AssumeRole" };
const sgRule = (config: Record<string, unknown>): Record<string, unknown> => ({ type: "ingress", ip_protocol: "tcp", cidr_ip: "0.0.0.0/0", ...config });

const ossAcl = (acl: string) => ({ alicloud_oss_bucket_acl: { a: { bucket: "${alicloud_oss_bucket.subject.bucket}", acl } } });
const ossBlock = (block: unknown, bucket = "subject") => ({ alicloud_oss_bucket_public_access_block: { b: { bucket: `\${alicloud_oss_bucket.${bucket}.bucket}`, block_public_access: block } } });
const OSS_TLS_ONLY = '${jsonencode({"Version" = "1", "Statement" = [{"Effect" = "Deny", "Action" = ["oss:*"], "Principal" = ["*"], "Condition" = {"Bool" = {"acs:SecureTransport" = ["false"]}}}]})}';

/** An accepting ingress rule of 12.0.0.0/8 (one public /8) on the group `web` of the stack; another of 13.0.0.0/8 on it. */
const aliRule = (config: Record<string, unknown>) => sgRule({ security_group_id: "${alicloud_security_group.web.id}", cidr_ip: "12.0.0.0/8", ...config });
const aliOther = (config: Record<string, unknown>) => ({ alicloud_security_group: { web: {} }, alicloud_security_group_rule: { other: aliRule({ cidr_ip: "13.0.0.0/8", ...config }) } });
const templateRef = (name: string) => `\${alicloud_rds_whitelist_template.${name}.id}`;
const templates = (lists: Record<string, string>) => ({ alicloud_rds_whitelist_template: Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, { template_name: name, ip_white_list: list }])) });
/** A second listener's whitelist, `wide`, and its entries as separate attachments. */
const WIDE_WHITELIST = { frontend_port: 80, acl_status: "on", acl_type: "white", acl_ids: ["${alicloud_slb_acl.wide.id}"] };
const wideEntries = (...entries: string[]) => ({
  alicloud_slb_acl: { clients: {}, wide: {} },
  alicloud_slb_acl_entry_attachment: Object.fromEntries(entries.map((entry, i) => [`e${i}`, { acl_id: "${alicloud_slb_acl.wide.id}", entry }])),
});
const otherListener = (aclIds: string[]) => ({
  alicloud_slb_listener: {
    ...withListener(WHITELIST).alicloud_slb_listener,
    http: { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", ...WIDE_WHITELIST, acl_ids: aclIds },
  },
});
const wideListener = otherListener(["${alicloud_slb_acl.wide.id}"]);

const CASES: RuleCase[] = [
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "terway-eniip", config: '{"NetworkPolicy":"true"}' }] }, C],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "metrics-server" }, { name: "terway-eniip", config: '{"IPVlan":"false","NetworkPolicy":"true"}', disabled: false }] }, C],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "terway-eniip", config: '{"NetworkPolicy":"false"}' }] }, N],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "terway-eniip" }] }, N],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "terway-eniip", config: "not json" }] }, N],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "terway-eniip", config: '{"NetworkPolicy":"true"}', disabled: "true" }] }, N],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", { addons: [{ name: "flannel", config: '{"NetworkPolicy":"true"}' }] }, N],
  ["BKS-ALI-ACK-NETWORK-POLICY", "alicloud_cs_managed_kubernetes", {}, N],
  ["BKS-ALI-OSS-PRIVATE", "alicloud_oss_bucket", {}, C, { ...ossAcl("private"), ...ossBlock(true) }],
  ["BKS-ALI-OSS-PRIVATE", "alicloud_oss_bucket", { acl: "private" }, C, ossBlock("true")],
  ["BKS-ALI-OSS-PRIVATE", "alicloud_oss_bucket", {}, N, { ...ossAcl("public-read"), ...ossBlock(true) }],
  ["BKS-ALI-OSS-PRIVATE", "alicloud_oss_bucket", { acl: "public-read-write" }, N, ossBlock(true)],
  ["BKS-ALI-OSS-PRIVATE", "alicloud_oss_bucket", {}, N, { ...ossAcl("private"), ...ossBlock(false) }],
  ["BKS-ALI-OSS-PRIVATE", "alicloud_oss_bucket", {}, N, { ...ossAcl("private"), ...ossBlock(true, "other") }],

  ["BKS-ALI-OSS-VERSIONING", "alicloud_oss_bucket", { versioning: { status: "Enabled" } }, C],
  ["BKS-ALI-OSS-VERSIONING", "alicloud_oss_bucket", { versioning: [{ status: "Suspended" }] }, N],
  ["BKS-ALI-OSS-VERSIONING", "alicloud_oss_bucket", {}, N],

  ["BKS-ALI-OSS-ENCRYPTED", "alicloud_oss_bucket", { server_side_encryption_rule: { sse_algorithm: "AES256" } }, C],
  ["BKS-ALI-OSS-ENCRYPTED", "alicloud_oss_bucket", { server_side_encryption_rule: [{ sse_algorithm: "KMS", kms_master_key_id: "key" }] }, C],
  ["BKS-ALI-OSS-ENCRYPTED", "alicloud_oss_bucket", {}, N],

  ["BKS-ALI-OSS-TLS-ONLY", "alicloud_oss_bucket", { policy: OSS_TLS_ONLY }, C],
  ["BKS-ALI-OSS-TLS-ONLY", "alicloud_oss_bucket", { policy: JSON.stringify({ Statement: [{ Effect: "Deny", Condition: { Bool: { "acs:SecureTransport": ["false"] } } }] }) }, C],
  ["BKS-ALI-OSS-TLS-ONLY", "alicloud_oss_bucket", { policy: OSS_TLS_ONLY.replace("Deny", "Allow") }, N],
  ["BKS-ALI-OSS-TLS-ONLY", "alicloud_oss_bucket", {}, N],

  ["BKS-ALI-ACK-POD-NETWORK", "alicloud_cs_managed_kubernetes", { pod_cidr: "172.20.0.0/16" }, C],
  ["BKS-ALI-ACK-POD-NETWORK", "alicloud_cs_managed_kubernetes", { pod_vswitch_ids: ["vsw-1"] }, C],
  ["BKS-ALI-ACK-POD-NETWORK", "alicloud_cs_managed_kubernetes", { pod_cidr: "", pod_vswitch_ids: [] }, N],
  ["BKS-ALI-ACK-POD-NETWORK", "alicloud_cs_managed_kubernetes", {}, N],

  ["BKS-ALI-ACK-PRIVATE-API", "alicloud_cs_managed_kubernetes", { slb_internet_enabled: false }, C],
  ["BKS-ALI-ACK-PRIVATE-API", "alicloud_cs_managed_kubernetes", { slb_internet_enabled: "false" }, C],
  ["BKS-ALI-ACK-PRIVATE-API", "alicloud_cs_managed_kubernetes", { slb_internet_enabled: true }, N],
  ["BKS-ALI-ACK-PRIVATE-API", "alicloud_cs_managed_kubernetes", {}, N],

  ["BKS-ALI-ACK-SECRETS-ENCRYPTION", "alicloud_cs_managed_kubernetes", { encryption_provider_key: "key-1" }, C],
  ["BKS-ALI-ACK-SECRETS-ENCRYPTION", "alicloud_cs_managed_kubernetes", { encryption_provider_key: "" }, N],

  cdnCase(C, CERTIFICATE_ON, HTTPS_FORCE, TLS_VERSIONS, FORWARD_SCHEME),
  cdnCase(C, [CERTIFICATE_ON], FORWARD_SCHEME, TLS_VERSIONS, HTTPS_FORCE),
  cdnCase(N, { server_certificate_status: "off" }, HTTPS_FORCE, TLS_VERSIONS, FORWARD_SCHEME),
  cdnCase(N, undefined, HTTPS_FORCE, TLS_VERSIONS, FORWARD_SCHEME),
  cdnCase(N, CERTIFICATE_ON, TLS_VERSIONS, FORWARD_SCHEME),
  cdnCase(N, CERTIFICATE_ON, cdnFunction("https_force", { enable: "off" }), TLS_VERSIONS, FORWARD_SCHEME),
  cdnCase(N, CERTIFICATE_ON, HTTPS_FORCE, cdnFunction("https_tls_version", { tls10: "on", tls11: "off" }), FORWARD_SCHEME),
  cdnCase(N, CERTIFICATE_ON, HTTPS_FORCE, cdnFunction("https_tls_version", { tls10: "off", tls11: "on" }), FORWARD_SCHEME),
  cdnCase(N, CERTIFICATE_ON, HTTPS_FORCE, TLS_VERSIONS, cdnFunction("forward_scheme", { enable: "on", scheme_origin: "http" })),
  cdnCase(N, CERTIFICATE_ON, HTTPS_FORCE, TLS_VERSIONS, cdnFunction("forward_scheme", { enable: "off", scheme_origin: "https" })),
  cdnCase(N, CERTIFICATE_ON, HTTPS_FORCE, TLS_VERSIONS, cdnFunction("forward_scheme", { enable: "on", scheme_origin: "https" }, "other")),
  cdnCase(N, CERTIFICATE_ON, HTTPS_FORCE, TLS_VERSIONS, { ...FORWARD_SCHEME, function_args: undefined }),

  ["BKS-ALI-KMS-ROTATION", "alicloud_kms_key", { automatic_rotation: "Enabled" }, C],
  ["BKS-ALI-KMS-ROTATION", "alicloud_kms_key", { automatic_rotation: "Disabled" }, N],

  ["BKS-ALI-NO-PUBLIC-IP", "alicloud_ess_scaling_configuration", {}, C],
  ["BKS-ALI-NO-PUBLIC-IP", "alicloud_ess_scaling_configuration", { internet_max_bandwidth_out: 0 }, C],
  ["BKS-ALI-NO-PUBLIC-IP", "alicloud_ess_scaling_configuration", { internet_max_bandwidth_out: 1 }, N],
  ["BKS-ALI-NO-PUBLIC-IP", "alicloud_cs_kubernetes_node_pool", { internet_max_bandwidth_out: "5" }, N],

  ["BKS-ALI-ACK-AUTO-REPAIR", "alicloud_cs_kubernetes_node_pool", { management: { auto_repair: true } }, C],
  ["BKS-ALI-ACK-AUTO-REPAIR", "alicloud_cs_kubernetes_node_pool", { management: [{ auto_repair: "true" }] }, C],
  ["BKS-ALI-ACK-AUTO-REPAIR", "alicloud_cs_kubernetes_node_pool", { management: { auto_repair: false } }, N],
  ["BKS-ALI-ACK-AUTO-REPAIR", "alicloud_cs_kubernetes_node_pool", {}, N],

  ["BKS-ALI-RDS-DELETION-PROTECTION", "alicloud_db_instance", { deletion_protection: true }, C],
  ["BKS-ALI-RDS-DELETION-PROTECTION", "alicloud_db_instance", { deletion_protection: "true" }, C],
  ["BKS-ALI-RDS-DELETION-PROTECTION", "alicloud_db_instance", { deletion_protection: false }, N],
  ["BKS-ALI-RDS-DELETION-PROTECTION", "alicloud_db_instance", {}, N],

  ["BKS-ALI-RDS-MINOR-UPGRADES", "alicloud_db_instance", { auto_upgrade_minor_version: "Auto" }, C],
  ["BKS-ALI-RDS-MINOR-UPGRADES", "alicloud_db_instance", { auto_upgrade_minor_version: "Manual" }, N],

  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["10.0.0.0/8"] }, C],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", {}, C],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["10.0.0.0/8", "0.0.0.0"] }, N],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["0.0.0.0/0"] }, N],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["::/0"] }, N],
  // The internet without 0.0.0.0/0 (issue #24): two halves, or one of them.
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["0.0.0.0/1", "128.0.0.0/1"] }, N],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["10.0.0.0/8", "128.0.0.0/1"] }, N],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["10.0.0.0/8", "203.0.113.7"] }, C],

  ["BKS-ALI-RDS-SQL-AUDIT", "alicloud_db_instance", { sql_collector_status: "Enabled", sql_collector_config_value: 180 }, C],
  ["BKS-ALI-RDS-SQL-AUDIT", "alicloud_db_instance", { sql_collector_status: "Enabled", sql_collector_config_value: "365" }, C],
  ["BKS-ALI-RDS-SQL-AUDIT", "alicloud_db_instance", { sql_collector_status: "Enabled", sql_collector_config_value: 179 }, N],
  ["BKS-ALI-RDS-SQL-AUDIT", "alicloud_db_instance", { sql_collector_status: "Disabled", sql_collector_config_value: 365 }, N],

  ["BKS-ALI-RDS-SSL", "alicloud_db_instance", { ssl_action: "Open" }, C],
  ["BKS-ALI-RDS-SSL", "alicloud_db_instance", { ssl_action: "Update" }, C],
  ["BKS-ALI-RDS-SSL", "alicloud_db_instance", { ssl_action: "Close" }, N],

  ["BKS-ALI-RDS-FORCE-TLS", "alicloud_db_instance", { engine: "MySQL", ssl_action: "Open", force_encryption: 1 }, C],
  ["BKS-ALI-RDS-FORCE-TLS", "alicloud_db_instance", { engine: "MySQL", ssl_action: "Open" }, N],
  ["BKS-ALI-RDS-FORCE-TLS", "alicloud_db_instance", { engine: "MySQL", ssl_action: "Open", force_encryption: 0 }, N],
  ["BKS-ALI-RDS-FORCE-TLS", "alicloud_db_instance", { engine: "PostgreSQL" }, NA],

  ["BKS-ALI-RDS-TDE", "alicloud_db_instance", { tde_status: "Enabled" }, C],
  ["BKS-ALI-RDS-TDE", "alicloud_db_instance", {}, N],

  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", policy: "accept", cidr_ip: "0.0.0.0" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "3389/3389" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "20/22" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "3389/4000" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ ip_protocol: "all", port_range: "-1/-1" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({}), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "any/1" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "80/80" }), C],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "1/21" }), C],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "23/3388" }), C],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "443" }), C],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", policy: "drop" }), NA],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", type: "egress" }), NA],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", cidr_ip: "10.0.0.0/8" }), NA],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", ip_protocol: "udp" }), NA],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", cidr_ip: "128.0.0.0/1" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", cidr_ip: undefined, ipv6_cidr_ip: "::/0" }), N],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", sgRule({ port_range: "22/22", cidr_ip: "203.0.113.0/24" }), NA],

  // A group admits the union of what it accepts (issue #24): a public /8 is not the internet alone, two are.
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), NA],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), N, aliOther({ port_range: "22/22" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), N, aliOther({ port_range: "1/65535" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), N, aliOther({ ip_protocol: "all", port_range: "-1/-1" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "443/443" }), C, aliOther({ port_range: "1/65535" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), NA, aliOther({ port_range: "3389/3389" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), NA, aliOther({ port_range: "22/22", ip_protocol: "udp" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), NA, aliOther({ port_range: "22/22", policy: "drop" })],
  ["BKS-ALI-SG-ADMIN-PORTS", "alicloud_security_group_rule", aliRule({ port_range: "22/22" }), NA, aliOther({ port_range: "22/22", security_group_id: "sg-other" })],

  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["12.0.0.0/8"] }, C],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["12.0.0.0/8,13.0.0.0/8"] }, N],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["12.0.0.0/8"], template_id_list: [templateRef("t")] }, N, templates({ t: "10.0.0.0/8,13.0.0.0/8" })],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["10.0.0.0/8"], template_id_list: [templateRef("t"), templateRef("u")] }, N, templates({ t: "12.0.0.0/8", u: "13.0.0.0/8" })],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_db_instance", { security_ips: ["12.0.0.0/8"], template_id_list: [templateRef("t")] }, C, templates({ t: "10.0.0.0/8", u: "13.0.0.0/8" })],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_rds_whitelist_template", { ip_white_list: "13.0.0.0/8" }, N, { alicloud_db_instance: { db: { security_ips: ["12.0.0.0/8"], template_id_list: [templateRef("subject")] } } }],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_rds_whitelist_template", { ip_white_list: "10.0.0.0/8" }, C, { alicloud_db_instance: { db: { security_ips: ["0.0.0.0/0"], template_id_list: [templateRef("subject")] } } }],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_rds_whitelist_template", { ip_white_list: "13.0.0.0/8" }, C, { alicloud_db_instance: { db: { security_ips: ["12.0.0.0/8"] } } }],
  ["BKS-ALI-RDS-WHITELIST", "alicloud_rds_whitelist_template", { ip_white_list: "0.0.0.0/1,128.0.0.0/1" }, N],

  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", { security_ips: ["12.0.0.0/8"] }, C],
  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", { security_ips: ["12.0.0.0/8,13.0.0.0/8"] }, N],

  // A whitelist whose entries, as separate resources, add up to the internet is none.
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", ...WIDE_WHITELIST }, N, { ...withListener(WHITELIST), ...wideEntries("12.0.0.0/8", "13.0.0.0/8") }],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", ...WIDE_WHITELIST }, C, { ...withListener(WHITELIST), ...wideEntries("12.0.0.0/8", "10.0.0.0/8") }],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", ...WIDE_WHITELIST }, NA, { ...CLB, ...wideEntries("12.0.0.0/8", "13.0.0.0/8") }],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_acl_entry_attachment", { acl_id: "${alicloud_slb_acl.wide.id}", entry: "13.0.0.0/8" }, N, { ...withListener(WHITELIST), ...wideListener, ...wideEntries("12.0.0.0/8") }],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_acl_entry_attachment", { acl_id: "${alicloud_slb_acl.wide.id}", entry: "10.0.0.0/8" }, C, { ...withListener(WHITELIST), ...wideListener, ...wideEntries("0.0.0.0/0") }],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_acl_entry_attachment", { acl_id: "${alicloud_slb_acl.wide.id}", entry: "13.0.0.0/8" }, C, { ...withListener(WHITELIST), ...wideListener, ...wideEntries("10.0.0.0/8") }],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_acl_entry_attachment", { acl_id: "${alicloud_slb_acl.wide.id}", entry: "13.0.0.0/8" }, NA, wideEntries("12.0.0.0/8")],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_acl", { entry_list: [{ entry: "13.0.0.0/8" }] }, N, { ...withListener(WHITELIST), ...otherListener(["${alicloud_slb_acl.subject.id}"]), alicloud_slb_acl_entry_attachment: { e: { acl_id: "${alicloud_slb_acl.subject.id}", entry: "12.0.0.0/8" } } }],

  ["BKS-ALI-SLB-HTTPS", "alicloud_slb_listener", { protocol: "https" }, C],
  ["BKS-ALI-SLB-HTTPS", "alicloud_slb_listener", { protocol: "http", listener_forward: "on", forward_port: 443 }, C],
  ["BKS-ALI-SLB-HTTPS", "alicloud_slb_listener", { protocol: "http", listener_forward: "on", forward_port: "443" }, C],
  ["BKS-ALI-SLB-HTTPS", "alicloud_slb_listener", { protocol: "http", listener_forward: "off", forward_port: 443 }, N],
  ["BKS-ALI-SLB-HTTPS", "alicloud_slb_listener", { protocol: "http", listener_forward: "on", forward_port: 8443 }, N],
  ["BKS-ALI-SLB-HTTPS", "alicloud_slb_listener", { protocol: "tcp" }, NA],

  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", ...WHITELIST }, C, withListener(WHITELIST)],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}" }, N, withListener(WHITELIST)],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", acl_status: "off", acl_type: "white", acl_ids: ["x"] }, N, withListener(WHITELIST)],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}", acl_status: "on", acl_type: "black", acl_ids: ["x"] }, N, withListener(WHITELIST)],
  // No listener of the CLB holds a whitelist: nothing to go around.
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}" }, NA, withListener({})],
  ["BKS-ALI-SLB-LISTENER-ACL", "alicloud_slb_listener", { load_balancer_id: "${alicloud_slb_load_balancer.lb.id}" }, NA, CLB],

  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https", tls_cipher_policy: "tls_cipher_policy_1_2" }, C],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https", tls_cipher_policy: "tls_cipher_policy_1_2_strict" }, C],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https", tls_cipher_policy: "tls_cipher_policy_1_2_strict_with_1_3" }, C],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https", tls_cipher_policy: "${alicloud_slb_tls_cipher_policy.p.id}" }, C],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https", tls_cipher_policy: "${alicloud_other.p.id}" }, N],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https", tls_cipher_policy: "tls_cipher_policy_1_1" }, N],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "https" }, N],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_listener", { protocol: "http", tls_cipher_policy: "tls_cipher_policy_1_0" }, NA],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_tls_cipher_policy", { tls_versions: ["TLSv1.2", "TLSv1.3"] }, C],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_tls_cipher_policy", {}, C],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_tls_cipher_policy", { tls_versions: ["TLSv1.2", "TLSv1.1"] }, N],
  ["BKS-ALI-SLB-TLS", "alicloud_slb_tls_cipher_policy", { tls_versions: ["TLSv1.0"] }, N],

  ["BKS-ALI-REDIS-SSL", "alicloud_kvstore_instance", { ssl_enable: "Enable" }, C],
  ["BKS-ALI-REDIS-SSL", "alicloud_kvstore_instance", { ssl_enable: "Update" }, C],
  ["BKS-ALI-REDIS-SSL", "alicloud_kvstore_instance", { ssl_enable: "Disable" }, N],
  ["BKS-ALI-REDIS-SSL", "alicloud_kvstore_instance", {}, N],

  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", { security_ips: ["10.0.0.0/18", "10.0.64.0/18"] }, C],
  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", {}, C],
  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", { security_ips: ["10.0.0.0/18", "0.0.0.0/0"] }, N],
  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", { security_ips: ["0.0.0.0"] }, N],
  ["BKS-ALI-REDIS-WHITELIST", "alicloud_kvstore_instance", { security_ips: ["0.0.0.0/1", "128.0.0.0/1"] }, N],

  ["BKS-ALI-RAM-WILDCARDS", "alicloud_ram_policy", { policy_document: ramDocument({ Effect: "Allow", Action: ["kms:GetSecretValue"], Resource: ["acs:kms:cn-hangzhou:*:secret/db"] }) }, C],
  ["BKS-ALI-RAM-WILDCARDS", "alicloud_ram_policy", { policy_document: ramDocument({ Effect: "Allow", Action: "*", Resource: "*" }) }, N],
  ["BKS-ALI-RAM-WILDCARDS", "alicloud_ram_policy", { document: ramDocument({ Effect: "Allow", Action: ["ram:*"], Resource: ["*"] }) }, N],
  ["BKS-ALI-RAM-WILDCARDS", "alicloud_ram_policy", { policy_document: '${jsonencode({"Version" = "1", "Statement" = [{"Effect" = "Allow", "Action" = ["oss:*"], "Resource" = ["*"]}]})}' }, N],
  ["BKS-ALI-RAM-WILDCARDS", "alicloud_ram_policy", { policy_document: ramDocument({ Effect: "Allow", Action: ["oss:*"], Resource: ["acs:oss:*:*:bucket/*"] }) }, C],

  ["BKS-ALI-RAM-TRUST", "alicloud_ram_role", { assume_role_policy_document: ramDocument({ ...ASSUME, Principal: { Service: ["ecs.aliyuncs.com"] } }) }, C],
  ["BKS-ALI-RAM-TRUST", "alicloud_ram_role", { assume_role_policy_document: ramDocument({ ...ASSUME, Principal: { RAM: ["acs:ram::1234567890123456:root"] } }) }, C],
  ["BKS-ALI-RAM-TRUST", "alicloud_ram_role", { assume_role_policy_document: ramDocument({ ...ASSUME, Principal: { RAM: ["acs:ram::*:root"] }, Condition: { StringEquals: { "acs:SourceAccount": "1234567890123456" } } }) }, C],
  ["BKS-ALI-RAM-TRUST", "alicloud_ram_role", { assume_role_policy_document: ramDocument({ ...ASSUME, Principal: { RAM: ["acs:ram::*:root"] } }) }, N],
  ["BKS-ALI-RAM-TRUST", "alicloud_ram_role", { document: ramDocument({ ...ASSUME, Principal: { RAM: "*" } }) }, N],
  ["BKS-ALI-RAM-TRUST", "alicloud_ram_role", { assume_role_policy_document: ramDocument({ ...ASSUME, Principal: "*" }) }, N],

  ["BKS-ALI-REDIS-AUTH", "alicloud_kvstore_instance", { vpc_auth_mode: "Open" }, C],
  ["BKS-ALI-REDIS-AUTH", "alicloud_kvstore_instance", {}, C],
  ["BKS-ALI-REDIS-AUTH", "alicloud_kvstore_instance", { vpc_auth_mode: "Close" }, N],

  ["BKS-ALI-REDIS-RELEASE-PROTECTION", "alicloud_kvstore_instance", { instance_release_protection: true }, C],
  ["BKS-ALI-REDIS-RELEASE-PROTECTION", "alicloud_kvstore_instance", { instance_release_protection: false }, N],
  ["BKS-ALI-REDIS-RELEASE-PROTECTION", "alicloud_kvstore_instance", {}, N],

  ["BKS-ALI-DISK-ENCRYPTED", "alicloud_ess_scaling_configuration", { system_disk_encrypted: true }, C],
  ["BKS-ALI-DISK-ENCRYPTED", "alicloud_cs_kubernetes_node_pool", { system_disk_encrypted: "true" }, C],
  ["BKS-ALI-DISK-ENCRYPTED", "alicloud_cs_kubernetes_node_pool", { system_disk_encrypted: false }, N],
  ["BKS-ALI-DISK-ENCRYPTED", "alicloud_ess_scaling_configuration", {}, N],
];

describe("the Alibaba Cloud rules on hand-written blocks", () => {
  test("every rule has an ID, an explanation, and mirrors scanner rules unless it is the library's own", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^BKS-ALI-[A-Z0-9-]+$/);
      expect(rule.mirrors.length > 0).toBe(!OWN_RULES.includes(rule.id));
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV_ALI_\d+|KICS [0-9a-f-]{36})$/);
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
