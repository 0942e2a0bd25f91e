#!/usr/bin/env node
/*
 * Builds the trimmed provider schemas in scripts/provider-schemas/ that
 * scripts/generate-providers.js turns into TypeScript bindings.
 *
 * Run by hand, only when the lists below change:
 *
 *   node scripts/trim-provider-schemas.js
 *
 * It reads ../shared/provider-schemas/ (relative to the repository root): for each
 * provider, the trimmed schema there (`base`), plus the resources and data sources
 * listed below copied from the provider's full schema (`full`) when `base` lacks them.
 * Names that the full schema does not have either are reported and skipped (several
 * lists name alternatives, "whichever exists").
 *
 * Output: `terraform providers schema -json` format, every object's keys sorted,
 * 2-space indentation and a trailing newline, so that diffs are reviewable and the
 * output does not depend on the key order of the input files.
 */
"use strict";

const fs = require("fs");
const path = require("path");

// ---------------------------------------------------------------------------
// Data: what to add on top of the shared trimmed schemas.
// ---------------------------------------------------------------------------
const PROVIDERS = [
  {
    name: "alicloud",
    fqpn: "registry.terraform.io/aliyun/alicloud",
    base: "alicloud.json",
    full: "alicloud-1.289.0-full.static.json",
    resources: [
      "alicloud_snat_entry",
      "alicloud_slb_tls_cipher_policy",
      "alicloud_slb_server_certificate",
      "alicloud_ssl_certificates_service_certificate",
      "alicloud_slb_rule",
      "alicloud_ess_alb_server_group_attachment",
      "alicloud_ess_server_group_attachment",
      "alicloud_route_table",
      "alicloud_route_table_attachment",
      "alicloud_db_database",
      "alicloud_db_account",
      "alicloud_rds_account",
      "alicloud_db_account_privilege",
      "alicloud_db_backup_policy",
      "alicloud_rds_backup_policy",
      "alicloud_kms_key",
      "alicloud_log_project",
      "alicloud_log_store",
      "alicloud_eip_association",
      "alicloud_kms_secret",
      "alicloud_cdn_domain_config",
      "alicloud_ess_scaling_rule",
      "alicloud_ram_role",
      "alicloud_ram_policy",
      "alicloud_ram_role_policy_attachment",
    ],
    dataSources: [
      "alicloud_cs_cluster_credential",
      "alicloud_kms_secret_versions",
      "alicloud_zones",
      "alicloud_images",
      "alicloud_instance_types",
    ],
  },
  {
    name: "tencentcloud",
    fqpn: "registry.terraform.io/tencentcloudstack/tencentcloud",
    base: "tencentcloud.json",
    full: "tencentcloud-1.83.25-full.terraform.json",
    resources: [
      "tencentcloud_clb_redirection",
      "tencentcloud_nat_gateway_snat",
      "tencentcloud_route_table",
      "tencentcloud_route_table_entry",
      "tencentcloud_route_table_association",
      "tencentcloud_ssl_certificate",
      "tencentcloud_kubernetes_encryption_protection",
      "tencentcloud_mysql_database",
      "tencentcloud_mysql_account",
      "tencentcloud_mysql_privilege",
      "tencentcloud_mysql_backup_policy",
      "tencentcloud_kms_key",
      "tencentcloud_clb_attachment",
      "tencentcloud_as_attachment",
      "tencentcloud_as_load_balancer",
      "tencentcloud_cls_logset",
      "tencentcloud_cls_topic",
      "tencentcloud_clb_listener_rule",
      "tencentcloud_ssm_secret",
      "tencentcloud_ssm_secret_version",
      "tencentcloud_vpc_flow_log",
      "tencentcloud_kubernetes_cluster_endpoint",
      "tencentcloud_mysql_ssl",
      "tencentcloud_cam_role",
      "tencentcloud_cam_policy",
      "tencentcloud_cam_role_policy_attachment",
    ],
    dataSources: [
      "tencentcloud_kubernetes_clusters",
      "tencentcloud_ssm_secret_versions",
      "tencentcloud_availability_zones_by_product",
      "tencentcloud_images",
      "tencentcloud_user_info",
    ],
  },
];

const REPO_ROOT = path.resolve(__dirname, "..");
const SHARED_DIR = path.resolve(REPO_ROOT, "..", "shared", "provider-schemas");
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

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function providerOf(schema, fqpn, file) {
  const provider = schema.provider_schemas && schema.provider_schemas[fqpn];
  if (!provider) throw new Error(`${file}: no provider_schemas["${fqpn}"]`);
  return provider;
}

function trim(spec) {
  const baseFile = path.join(SHARED_DIR, spec.base);
  const fullFile = path.join(SHARED_DIR, spec.full);
  const base = readJson(baseFile);
  const full = readJson(fullFile);
  const out = providerOf(base, spec.fqpn, baseFile);
  const src = providerOf(full, spec.fqpn, fullFile);

  const report = { added: [], present: [], absent: [] };
  for (const [kind, names] of [
    ["resource_schemas", spec.resources],
    ["data_source_schemas", spec.dataSources],
  ]) {
    out[kind] = out[kind] || {};
    const label = kind === "resource_schemas" ? "" : "data.";
    for (const name of names) {
      if (out[kind][name]) report.present.push(label + name);
      else if (src[kind] && src[kind][name]) {
        out[kind][name] = src[kind][name];
        report.added.push(label + name);
      } else report.absent.push(label + name);
    }
  }

  const result = {
    format_version: base.format_version,
    provider_schemas: { [spec.fqpn]: out },
  };
  const outFile = path.join(OUT_DIR, `${spec.name}.json`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(sortKeys(result), null, 2) + "\n");

  console.log(`${path.relative(REPO_ROOT, outFile)}:`);
  console.log(`  resources: ${Object.keys(out.resource_schemas).length}, data sources: ${Object.keys(out.data_source_schemas).length}`);
  console.log(`  added from ${spec.full}: ${report.added.join(" ") || "(none)"}`);
  console.log(`  already in ${spec.base}: ${report.present.join(" ") || "(none)"}`);
  if (report.absent.length) console.log(`  not in either file (skipped): ${report.absent.join(" ")}`);
}

if (!fs.existsSync(SHARED_DIR)) {
  console.error(`Cannot find ${SHARED_DIR}; this script needs the shared provider schemas.`);
  process.exit(1);
}
for (const spec of PROVIDERS) trim(spec);
