#!/usr/bin/env node
/*
 * Builds the trimmed provider schemas in scripts/provider-schemas/ that
 * scripts/generate-providers.js turns into TypeScript bindings, from the real provider
 * binaries' own `terraform providers schema -json`.
 *
 * Run by hand, when a pinned version or the lists below change:
 *
 *   node scripts/trim-provider-schemas.js                 binaries from the tools cache
 *   node scripts/trim-provider-schemas.js --schema FILE   an existing `terraform providers
 *                                                         schema -json` output; a provider
 *                                                         it lacks keeps its committed file
 *
 * Binaries: <cache>/providers/terraform-provider-<type>_v<version>, the cache that
 * `npm run validate:providers` fills ($BOOKSTORE_TOOLS_CACHE, default
 * ~/.cache/multicloud-bookstore); a provider whose binary is absent keeps its committed
 * schema. Terraform (on the PATH, or TERRAFORM=<path>) is run with
 * dev_overrides, from a CLI config file of its own, in a temporary directory holding a
 * minimal configuration that requires both providers; nothing needs `init` or a registry.
 *
 * Output: for each provider, the resources and data sources listed below (a name the
 * provider lacks is an error), `terraform providers schema -json` format, every object's
 * keys sorted, 2-space indentation and a trailing newline, so that diffs are reviewable.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { cacheDir, providerBinary, devOverridesConfig } = require("./validate-providers");

// ---------------------------------------------------------------------------
// Data: what the bookstore uses of each provider.
// ---------------------------------------------------------------------------
const PROVIDERS = [
  {
    name: "alicloud",
    source: "aliyun/alicloud",
    version: "1.289.0",
    resources: [
      "alicloud_alb_listener",
      "alicloud_alidns_domain",
      "alicloud_alidns_record",
      "alicloud_alb_load_balancer",
      "alicloud_alb_server_group",
      "alicloud_cdn_domain_config",
      "alicloud_cdn_domain_new",
      "alicloud_cs_autoscaling_config",
      "alicloud_cs_kubernetes_addon",
      "alicloud_cs_kubernetes_node_pool",
      "alicloud_cs_kubernetes_permissions",
      "alicloud_cs_managed_kubernetes",
      "alicloud_db_account",
      "alicloud_db_account_privilege",
      "alicloud_db_backup_policy",
      "alicloud_db_database",
      "alicloud_db_instance",
      "alicloud_eip_address",
      "alicloud_eip_association",
      "alicloud_ess_alb_server_group_attachment",
      "alicloud_ess_scaling_configuration",
      "alicloud_ess_scaling_group",
      "alicloud_ess_scaling_rule",
      "alicloud_ess_scalinggroup_vserver_groups",
      "alicloud_ess_server_group_attachment",
      "alicloud_instance",
      "alicloud_kms_key",
      "alicloud_kms_secret",
      "alicloud_kvstore_instance",
      "alicloud_log_project",
      "alicloud_log_store",
      "alicloud_nat_gateway",
      "alicloud_oos_parameter",
      "alicloud_oss_bucket",
      "alicloud_oss_bucket_acl",
      "alicloud_oss_bucket_public_access_block",
      "alicloud_ram_policy",
      "alicloud_ram_role",
      "alicloud_ram_role_policy_attachment",
      "alicloud_rds_account",
      "alicloud_route_table",
      "alicloud_route_table_attachment",
      "alicloud_security_group",
      "alicloud_security_group_rule",
      "alicloud_slb_acl",
      "alicloud_slb_acl_entry_attachment",
      "alicloud_slb_listener",
      "alicloud_slb_load_balancer",
      "alicloud_slb_rule",
      "alicloud_slb_server_certificate",
      "alicloud_slb_server_group",
      "alicloud_slb_tls_cipher_policy",
      "alicloud_snat_entry",
      "alicloud_ssl_certificates_service_certificate",
      "alicloud_vpc",
      "alicloud_vpc_flow_log",
      "alicloud_vswitch",
    ],
    dataSources: [
      "alicloud_account",
      "alicloud_alidns_domains",
      "alicloud_cr_ee_instances",
      "alicloud_cs_cluster_credential",
      "alicloud_cs_kubernetes_version",
      "alicloud_cs_managed_kubernetes_clusters",
      "alicloud_db_instance_classes",
      "alicloud_db_zones",
      "alicloud_images",
      "alicloud_instance_types",
      "alicloud_kms_keys",
      "alicloud_kms_secret_versions",
      "alicloud_oos_parameters",
      "alicloud_ram_roles",
      "alicloud_ram_users",
      "alicloud_ssl_certificates_service_certificates",
      "alicloud_vpcs",
      "alicloud_zones",
    ],
  },
  {
    name: "tencentcloud",
    source: "tencentcloudstack/tencentcloud",
    version: "1.83.25",
    resources: [
      "tencentcloud_as_attachment",
      "tencentcloud_as_load_balancer",
      "tencentcloud_as_scaling_config",
      "tencentcloud_as_scaling_group",
      "tencentcloud_cam_policy",
      "tencentcloud_cam_role",
      "tencentcloud_cam_role_policy_attachment",
      "tencentcloud_cdn_domain",
      "tencentcloud_clb_attachment",
      "tencentcloud_clb_instance",
      "tencentcloud_clb_listener",
      "tencentcloud_clb_listener_rule",
      "tencentcloud_clb_log_set",
      "tencentcloud_clb_log_topic",
      "tencentcloud_clb_redirection",
      "tencentcloud_cls_logset",
      "tencentcloud_cls_topic",
      "tencentcloud_cos_bucket",
      "tencentcloud_dnspod_domain_instance",
      "tencentcloud_dnspod_record",
      "tencentcloud_eip",
      "tencentcloud_instance",
      "tencentcloud_kms_key",
      "tencentcloud_kubernetes_addon",
      "tencentcloud_kubernetes_auth_attachment",
      "tencentcloud_kubernetes_cluster",
      "tencentcloud_kubernetes_cluster_endpoint",
      "tencentcloud_kubernetes_encryption_protection",
      "tencentcloud_kubernetes_node_pool",
      "tencentcloud_kubernetes_user_permissions",
      "tencentcloud_mysql_account",
      "tencentcloud_mysql_backup_policy",
      "tencentcloud_mysql_database",
      "tencentcloud_mysql_instance",
      "tencentcloud_mysql_privilege",
      "tencentcloud_mysql_ssl",
      "tencentcloud_nat_gateway",
      "tencentcloud_nat_gateway_snat",
      "tencentcloud_redis_backup_config",
      "tencentcloud_redis_instance",
      "tencentcloud_redis_ssl",
      "tencentcloud_route_table",
      "tencentcloud_route_table_association",
      "tencentcloud_route_table_entry",
      "tencentcloud_security_group",
      "tencentcloud_security_group_rule",
      "tencentcloud_security_group_rule_set",
      "tencentcloud_ssl_certificate",
      "tencentcloud_ssm_secret",
      "tencentcloud_ssm_secret_version",
      "tencentcloud_subnet",
      "tencentcloud_vpc",
      "tencentcloud_vpc_flow_log",
    ],
    dataSources: [
      "tencentcloud_availability_zones_by_product",
      "tencentcloud_cam_roles",
      "tencentcloud_cdn_domains",
      "tencentcloud_images",
      "tencentcloud_instance_types",
      "tencentcloud_kubernetes_charts",
      "tencentcloud_kubernetes_clusters",
      "tencentcloud_mysql_zone_config",
      "tencentcloud_ssm_secret_versions",
      "tencentcloud_tcr_instances",
      "tencentcloud_user_info",
    ],
  },
];

const OUT_DIR = path.join(__dirname, "provider-schemas");

/** Deep copy with every object's keys in sorted order (arrays keep their order). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** `terraform providers schema -json` of the given providers, run against their binaries. */
function schemaFromBinaries(providers, env = process.env) {
  const terraform = env.TERRAFORM || "terraform";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-provider-schemas-"));
  try {
    const required = Object.fromEntries(providers.map((p) => [p.name, { source: `registry.terraform.io/${p.source}`, version: p.version }]));
    const config = devOverridesConfig(work, Object.fromEntries(providers.map((p) => [p.source, binaryOf(p, env)])));
    const root = path.join(work, "config");
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, "main.tf.json"), JSON.stringify({ terraform: { required_providers: required } }));
    const result = spawnSync(terraform, ["providers", "schema", "-json"], {
      cwd: root,
      env: { ...env, TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`${terraform} providers schema -json failed: ${result.stderr || result.stdout}`);
    return JSON.parse(result.stdout);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function binaryOf(spec, env = process.env) {
  return providerBinary(cacheDir(env), spec.source, spec.version);
}

function trim(schema, spec) {
  const fqpn = `registry.terraform.io/${spec.source}`;
  const src = schema.provider_schemas && schema.provider_schemas[fqpn];
  if (!src) throw new Error(`the schema has no provider_schemas["${fqpn}"]`);
  const out = { provider: src.provider, resource_schemas: {}, data_source_schemas: {} };
  const absent = [];
  for (const [kind, names] of [
    ["resource_schemas", spec.resources],
    ["data_source_schemas", spec.dataSources],
  ]) {
    for (const name of names) {
      if (src[kind] && src[kind][name]) out[kind][name] = src[kind][name];
      else absent.push(`${kind === "data_source_schemas" ? "data." : ""}${name}`);
    }
  }
  if (absent.length) throw new Error(`${spec.source} ${spec.version} has no ${absent.join(", ")}`);
  const outFile = path.join(OUT_DIR, `${spec.name}.json`);
  const result = { format_version: schema.format_version, provider_schemas: { [fqpn]: out } };
  fs.writeFileSync(outFile, JSON.stringify(sortKeys(result), null, 2) + "\n");
  console.log(`${path.relative(process.cwd(), outFile)}: ${spec.resources.length} resources, ${spec.dataSources.length} data sources`);
}

function main(argv) {
  const i = argv.indexOf("--schema");
  let schema;
  let providers = PROVIDERS;
  if (i >= 0) {
    schema = JSON.parse(fs.readFileSync(argv[i + 1], "utf8"));
    // A provider the file does not hold keeps its committed schema.
    const has = (p) => Boolean(schema.provider_schemas && schema.provider_schemas[`registry.terraform.io/${p.source}`]);
    for (const p of PROVIDERS.filter((q) => !has(q))) console.log(`${p.source}: not in ${argv[i + 1]}; scripts/provider-schemas/${p.name}.json left as it is`);
    providers = PROVIDERS.filter(has);
  } else {
    // A provider whose binary is absent keeps its committed schema.
    providers = PROVIDERS.filter((p) => fs.existsSync(binaryOf(p)));
    for (const p of PROVIDERS.filter((q) => !providers.includes(q))) {
      console.log(`${p.source} ${p.version}: no ${binaryOf(p)}; scripts/provider-schemas/${p.name}.json left as it is`);
    }
    if (!providers.length) throw new Error("no provider binary: build them first (npm run validate:providers tries), or pass --schema FILE");
    schema = schemaFromBinaries(providers);
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const spec of providers) trim(schema, spec);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
