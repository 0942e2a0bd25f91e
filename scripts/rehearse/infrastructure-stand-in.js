/*
 * What stands in for a cloud's infrastructure stack (`bookstore-<cloud>`) in the rehearsal:
 * no cloud is reachable here and the hashicorp/aws provider cannot be built, so the stack
 * is replaced, in the synthesized folder, by a configuration holding only the outputs that
 * the add-ons and workloads stacks read (`cross-stack-output-*`), each set to a value of
 * the attribute's real shape (an ARN, a cluster ID, a host name). Its apply writes a local
 * state whose outputs the other stacks' `terraform_remote_state` reads, as they read the
 * real stack's. Every output must have a value here: one this table does not know stops
 * the rehearsal, naming it, rather than feeding a guess into the workloads.
 * Pure functions, no I/O.
 */
"use strict";

/**
 * A value of each attribute's real shape, by `<resource type>.<attribute>` (data sources
 * `data.<type>.<attribute>`, list indexes as written in the output, e.g. `[0]`).
 * ref: the providers' documented formats (ARNs: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html;
 * ACS ARNs: https://www.alibabacloud.com/help/en/ram/user-guide/ram-role-overview; TKE cluster IDs cls-xxxxxxxx)
 */
const STAND_IN_VALUES = Object.freeze({
  // AWS
  "aws_db_instance.address": "bookstore-db.c0rehearsal.eu-central-1.rds.amazonaws.com",
  "aws_db_instance.master_user_secret[0].secret_arn": "arn:aws:secretsmanager:eu-central-1:000000000000:secret:rds!db-00000000-0000-0000-0000-000000000000-AbCdEf",
  "aws_elasticache_replication_group.primary_endpoint_address": "master.bookstore-cache.rehears.euc1.cache.amazonaws.com",
  "aws_lb_target_group.arn": "arn:aws:elasticloadbalancing:eu-central-1:000000000000:targetgroup/bookstore-pods/0123456789abcdef",
  "aws_s3_bucket.bucket": "bookstore-assets-rehearsal",
  "aws_secretsmanager_secret.arn": "arn:aws:secretsmanager:eu-central-1:000000000000:secret:bookstore-cache-auth-AbCdEf",
  "aws_vpc.id": "vpc-0123456789abcdef0",
  // ref: https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html (an interface endpoint's
  // regional and zonal names, in the order DescribeVpcEndpoints happens to list them)
  "aws_vpc_endpoint.dns_entry": [
    { dns_name: "*.vpce-0123456789abcdef0-rehearsa-eu-central-1a.s3.eu-central-1.vpce.amazonaws.com", hosted_zone_id: "Z273ZU8SZ5RJPC" },
    { dns_name: "*.vpce-0123456789abcdef0-rehearsa.s3.eu-central-1.vpce.amazonaws.com", hosted_zone_id: "Z273ZU8SZ5RJPC" },
    { dns_name: "*.vpce-0123456789abcdef0-rehearsa-eu-central-1b.s3.eu-central-1.vpce.amazonaws.com", hosted_zone_id: "Z273ZU8SZ5RJPC" },
  ],
  "aws_cloudfront_distribution.domain_name": "d0rehearsal.cloudfront.net",
  // Alibaba Cloud
  "alicloud_cs_managed_kubernetes.id": "c0123456789abcdef0123456789abcdef",
  "alicloud_cs_managed_kubernetes.rrsa_metadata[0].ram_oidc_provider_arn": "acs:ram::1234567890123456:oidc-provider/ack-rrsa-c0123456789abcdef0123456789abcdef",
  "alicloud_db_instance.connection_string": "rm-rehearsal0123456.mysql.rds.aliyuncs.com",
  "alicloud_kms_secret.secret_name": "bookstore-credentials-rehearsal",
  "alicloud_kvstore_instance.connection_domain": "r-rehearsal0123456.redis.rds.aliyuncs.com",
  "alicloud_oss_bucket.bucket": "bookstore-assets-rehearsa",
  "alicloud_ram_role.arn": "acs:ram::1234567890123456:role/bookstore-workload-rehearsal",
  "alicloud_slb_load_balancer.id": "lb-rehearsal0123456789abcd",
  "alicloud_slb_server_group.id": "rsp-rehearsal01",
  "alicloud_cdn_domain_new.cname": "shop.example.com.w.kunlunsl.com",
  // Tencent Cloud
  "data.tencentcloud_user_info.owner_uin": "100000000001",
  "tencentcloud_cam_role.name": "bookstore-workload-rehearsal",
  "tencentcloud_clb_instance.id": "lb-rehears1",
  "tencentcloud_cos_bucket.bucket": "bookstore-assets-1250000000",
  "tencentcloud_kubernetes_cluster.id": "cls-rehears1",
  "tencentcloud_mysql_instance.intranet_ip": "10.20.64.10",
  // DescribeSSLStatus's certificate download link (an address, known after deploy).
  "tencentcloud_mysql_ssl.url": "https://ssl-ca.rehearsal.example/cdb-rehears1.zip",
  "tencentcloud_redis_instance.ip": "10.20.64.11",
  "tencentcloud_ssm_secret.secret_name": "bookstore-credentials-rehearsal",
  "tencentcloud_cdn_domain.cname": "shop.example.com.cdn.dnsv1.com",
});

/** `${aws_db_instance.Name.master_user_secret[0].secret_arn}` -> `aws_db_instance.master_user_secret[0].secret_arn`. */
function standInKey(expression) {
  const match = /^\$\{(data\.)?([a-z0-9_]+)\.[A-Za-z0-9_-]+\.(.+)\}$/.exec(expression);
  return match ? `${match[1] || ""}${match[2]}.${match[3]}` : undefined;
}

/**
 * The stand-in for an infrastructure stack's synthesized JSON: its backend, and only the
 * outputs that other stacks read, each with its table value. Throws naming every output
 * the table cannot stand in for.
 */
function standInStack(stack, values = STAND_IN_VALUES) {
  const outputs = {};
  const unknown = [];
  for (const [name, output] of Object.entries(stack.output || {})) {
    if (!name.startsWith("cross-stack-output-")) continue;
    const key = standInKey(output.value);
    if (key === undefined || !(key in values)) {
      unknown.push(`${name} = ${output.value}${key ? ` (key ${key})` : ""}`);
      continue;
    }
    outputs[name] = { value: values[key], ...(output.sensitive ? { sensitive: true } : {}) };
  }
  if (unknown.length > 0) {
    throw new Error(`no rehearsal value for ${unknown.length} output(s) other stacks read; add each to STAND_IN_VALUES in scripts/rehearse/infrastructure-stand-in.js:\n  ${unknown.join("\n  ")}`);
  }
  const terraform = stack.terraform && stack.terraform.backend ? { backend: stack.terraform.backend } : {};
  return {
    // cdktf reads its own metadata here (the stack's name, its version): kept, with a note.
    "//": { ...(stack["//"] || {}), rehearsal: "stand-in of the infrastructure stack: its outputs that other stacks read, with values of their real shape (scripts/rehearse/infrastructure-stand-in.js)" },
    terraform,
    ...(Object.keys(outputs).length > 0 ? { output: outputs } : {}),
  };
}

module.exports = { STAND_IN_VALUES, standInKey, standInStack };
