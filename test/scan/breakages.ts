// One breakage per (pack rule, checkov ID) the packs claim: a change to the default
// bookstore's synthesized JSON that the rule must flag and checkov must flag with that ID.
// Where checkov reads only a resource type the bookstore does not write (a CVM instance,
// a CBS disk, a security group rule set, a TLS cipher policy) and the rule inspects that
// type too, the breakage adds one such resource. IDs checkov could not confirm are no longer
// claimed (each rule says why): CKV_AWS_8, CKV_AWS_259, CKV2_AWS_72, CKV_ALI_7, CKV_ALI_26,
// CKV_ALI_32, CKV_K8S_23, CKV_K8S_31, CKV_K8S_38, CKV_K8S_40.

import { publicIpv4Blocks } from "../support/public-blocks";

type Json = Record<string, any>;

export interface Breakage {
  /** The checkov ID the rule claims. */
  readonly check: string;
  /** The pack rule that claims it. */
  readonly rule: string;
  /** `aws`, `alicloud`, `tencentcloud`, or `kubernetes` (the AWS workloads stack). */
  readonly pack: string;
  /** The resource type and, for stacks with several, the name prefix of the resource to break. */
  readonly target: { type: string; name?: string };
  /** Changes the target block in place, or adds the resource (`add`). */
  readonly breakIt?: (block: Json, stack: Json) => void;
  readonly add?: Json;
  /** Where checkov reports it, when not on the target: graph checks report on the resource they start from. */
  readonly reportedOn?: { type: string; name?: string };
}

const first = (stack: Json, type: string, name?: string): Json => {
  const blocks = stack.resource?.[type] ?? {};
  const key = Object.keys(blocks).find((k) => name === undefined || k.startsWith(name));
  if (!key) throw new Error(`no ${type} ${name ?? ""} in the stack`);
  return blocks[key];
};
/** The name of the first resource of a type whose name starts with `name`. */
const key = (stack: Json, type: string, name: string): string => {
  const found = Object.keys(stack.resource?.[type] ?? {}).find((k) => k.startsWith(name));
  if (!found) throw new Error(`no ${type} ${name} in the stack`);
  return found;
};
const ASSETS = { type: "aws_s3_bucket", name: "Bookstore_Assets" };
const container = (d: Json) => d.spec.template.spec.container[0];
const pod = (d: Json) => d.spec.template.spec;
const behaviours = (d: Json) => [d.default_cache_behavior, ...d.ordered_cache_behavior];
const publicIngress = (port: number): Json => ({
  description: "breakage",
  security_group_id: "sg-0123456789abcdef0",
  cidr_ipv4: "0.0.0.0/0",
  ip_protocol: "tcp",
  from_port: port,
  to_port: port,
});
const aliIngress = (port: number): Json => ({
  type: "ingress",
  ip_protocol: "tcp",
  nic_type: "intranet",
  policy: "accept",
  port_range: `${port}/${port}`,
  cidr_ip: "0.0.0.0/0",
  security_group_id: "sg-breakage",
  description: "breakage",
});
/** A policy document as JSON text: checkov reads policies only in that form. */
const policyJson = (...statements: Json[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const WEB_POLICY = { type: "aws_iam_role_policy", name: "Bookstore_Web_ReadCacheCredentials" };
const WEB_ROLE = { type: "aws_iam_role", name: "Bookstore_Web_InstanceRole" };
const tencentInstance = (extra: Json): Json => ({
  instance_name: "breakage",
  availability_zone: "ap-guangzhou-3",
  image_id: "img-breakage",
  instance_type: "S5.MEDIUM4",
  vpc_id: "vpc-breakage",
  subnet_id: "subnet-breakage",
  orderly_security_groups: ["sg-breakage"],
  allocate_public_ip: false,
  disable_monitor_service: false,
  ...extra,
});

export const BREAKAGES: readonly Breakage[] = [
  // AWS: the load balancer
  { check: "CKV_AWS_91", rule: "BKS-AWS-ALB-ACCESS-LOGS", pack: "aws", target: { type: "aws_lb" }, breakIt: (b) => (b.access_logs.enabled = false) },
  { check: "CKV_AWS_150", rule: "BKS-AWS-ALB-DELETION-PROTECTION", pack: "aws", target: { type: "aws_lb" }, breakIt: (b) => (b.enable_deletion_protection = false) },
  { check: "CKV_AWS_328", rule: "BKS-AWS-ALB-DESYNC", pack: "aws", target: { type: "aws_lb" }, breakIt: (b) => (b.desync_mitigation_mode = "monitor") },
  { check: "CKV_AWS_131", rule: "BKS-AWS-ALB-DROP-INVALID-HEADERS", pack: "aws", target: { type: "aws_lb" }, breakIt: (b) => (b.drop_invalid_header_fields = false) },
  // Behind the CDN the ALB is internal and has no web ACL of its own; made internet-facing, it needs one.
  { check: "CKV2_AWS_28", rule: "BKS-AWS-ALB-WAF", pack: "aws", target: { type: "aws_lb" }, breakIt: (b) => (b.internal = false) },
  { check: "CKV_AWS_2", rule: "BKS-AWS-LISTENER-HTTPS", pack: "aws", target: { type: "aws_lb_listener", name: "Bookstore_LoadBalancer_HttpListener" }, breakIt: (b, s) => (b.default_action = first(s, "aws_lb_listener", "Bookstore_LoadBalancer_HttpsListener").default_action) },
  {
    check: "CKV2_AWS_20",
    rule: "BKS-AWS-LISTENER-HTTPS",
    pack: "aws",
    target: { type: "aws_lb_listener", name: "Bookstore_LoadBalancer_HttpListener" },
    breakIt: (b, s) => (b.default_action = first(s, "aws_lb_listener", "Bookstore_LoadBalancer_HttpsListener").default_action),
    reportedOn: { type: "aws_lb" },
  },
  { check: "CKV_AWS_103", rule: "BKS-AWS-LISTENER-TLS-POLICY", pack: "aws", target: { type: "aws_lb_listener", name: "Bookstore_LoadBalancer_HttpsListener" }, breakIt: (b) => (b.ssl_policy = "ELBSecurityPolicy-2016-08") },
  { check: "CKV2_AWS_74", rule: "BKS-AWS-LISTENER-TLS-POLICY", pack: "aws", target: { type: "aws_lb_listener", name: "Bookstore_LoadBalancer_HttpsListener" }, breakIt: (b) => (b.ssl_policy = "ELBSecurityPolicy-2016-08") },
  { check: "CKV_AWS_261", rule: "BKS-AWS-TARGET-GROUP-HEALTH-CHECK", pack: "aws", target: { type: "aws_lb_target_group" }, breakIt: (b) => delete b.health_check },
  { check: "CKV_AWS_233", rule: "BKS-AWS-ACM-CREATE-BEFORE-DESTROY", pack: "aws", target: { type: "aws_acm_certificate", name: "Bookstore_LoadBalancer" }, breakIt: (b) => delete b.lifecycle },
  // AWS: the web tier
  {
    // checkov reads only the attachment shape: the group attached by aws_autoscaling_attachment.
    check: "CKV2_AWS_15",
    rule: "BKS-AWS-ASG-ELB-HEALTH",
    pack: "aws",
    target: { type: "aws_autoscaling_group" },
    breakIt: (b, s) => {
      const group = Object.keys(s.resource.aws_autoscaling_group)[0];
      const targetGroup = Object.keys(s.resource.aws_lb_target_group)[0];
      delete b.target_group_arns;
      b.health_check_type = "EC2";
      s.resource.aws_autoscaling_attachment = {
        Breakage: { autoscaling_group_name: `\${aws_autoscaling_group.${group}.name}`, lb_target_group_arn: `\${aws_lb_target_group.${targetGroup}.arn}` },
      };
    },
    reportedOn: { type: "aws_autoscaling_attachment", name: "Breakage" },
  },
  { check: "CKV_AWS_315", rule: "BKS-AWS-ASG-LAUNCH-TEMPLATE", pack: "aws", target: { type: "aws_autoscaling_group" }, breakIt: (b) => (delete b.launch_template, (b.launch_configuration = "bookstore-web")) },
  { check: "CKV_AWS_79", rule: "BKS-AWS-EC2-IMDSV2", pack: "aws", target: { type: "aws_launch_template", name: "Bookstore_Web_LaunchTemplate" }, breakIt: (b) => (b.metadata_options.http_tokens = "optional") },
  { check: "CKV_AWS_341", rule: "BKS-AWS-EC2-IMDSV2", pack: "aws", target: { type: "aws_launch_template", name: "Bookstore_Web_LaunchTemplate" }, breakIt: (b) => (b.metadata_options.http_put_response_hop_limit = 2) },
  { check: "CKV_AWS_88", rule: "BKS-AWS-EC2-NO-PUBLIC-IP", pack: "aws", target: { type: "aws_launch_template", name: "Bookstore_Web_LaunchTemplate" }, breakIt: (b) => (b.network_interfaces[0].associate_public_ip_address = "true") },
  {
    check: "CKV_AWS_46",
    rule: "BKS-AWS-EC2-USER-DATA-SECRETS",
    pack: "aws",
    target: { type: "aws_launch_template", name: "Bookstore_Web_LaunchTemplate" },
    // AWS's documented example key pair, as a careless script would export it.
    breakIt: (b) => (b.user_data = "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"),
  },
  // AWS: security groups
  { check: "CKV_AWS_24", rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS", pack: "aws", target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" }, add: publicIngress(22) },
  { check: "CKV_AWS_25", rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS", pack: "aws", target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" }, add: publicIngress(3389) },
  { check: "CKV_AWS_260", rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS", pack: "aws", target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" }, add: publicIngress(80) },
  // checkov 3.3.30 passes an all-traffic aws_vpc_security_group_ingress_rule (ip_protocol -1, no
  // ports, as the provider wants it); the pack flags that shape too. checkov does read this one.
  {
    check: "CKV_AWS_277",
    rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS",
    pack: "aws",
    target: { type: "aws_security_group_rule", name: "Breakage" },
    add: { type: "ingress", security_group_id: "sg-0123456789abcdef0", protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"], description: "breakage" },
  },
  { check: "CKV_AWS_23", rule: "BKS-AWS-SG-DESCRIPTIONS", pack: "aws", target: { type: "aws_vpc_security_group_ingress_rule", name: "Bookstore_Web_IngressFromLoadBalancer" }, breakIt: (b) => delete b.description },
  // AWS: the network
  { check: "CKV2_AWS_11", rule: "BKS-AWS-VPC-FLOW-LOGS", pack: "aws", target: { type: "aws_vpc" }, breakIt: (_b, s) => delete s.resource.aws_flow_log },
  { check: "CKV2_AWS_12", rule: "BKS-AWS-VPC-DEFAULT-SG", pack: "aws", target: { type: "aws_vpc" }, breakIt: (_b, s) => delete s.resource.aws_default_security_group },
  // AWS: a public hosted zone (the global domain's) without query logging
  { check: "CKV2_AWS_39", rule: "BKS-AWS-ROUTE53-QUERY-LOGS", pack: "aws", target: { type: "aws_route53_zone", name: "Breakage" }, add: { name: "breakage.example.com" } },
  // AWS: the CDN
  { check: "CKV_AWS_305", rule: "BKS-AWS-CDN-ROOT-OBJECT", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => (delete b.origin[0].vpc_origin_config, (b.origin[0].s3_origin_config = { origin_access_identity: "" })) },
  { check: "CKV_AWS_86", rule: "BKS-AWS-CDN-LOGGING", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => delete b.logging_config },
  // The load balancer is a VPC origin (its protocols on aws_cloudfront_vpc_origin, which checkov does not read): planted back as a custom origin with SSLv3.
  {
    check: "CKV2_AWS_54",
    rule: "BKS-AWS-CDN-ORIGIN-HTTPS",
    pack: "aws",
    target: { type: "aws_cloudfront_distribution" },
    breakIt: (b) => {
      delete b.origin[0].vpc_origin_config;
      b.origin[0].custom_origin_config = { http_port: 80, https_port: 443, origin_protocol_policy: "https-only", origin_ssl_protocols: ["SSLv3", "TLSv1.2"] };
    },
  },
  { check: "CKV2_AWS_32", rule: "BKS-AWS-CDN-SECURITY-HEADERS", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => behaviours(b).forEach((x) => delete x.response_headers_policy_id) },
  { check: "CKV_AWS_174", rule: "BKS-AWS-CDN-TLS", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => (b.viewer_certificate.minimum_protocol_version = "TLSv1") },
  { check: "CKV2_AWS_42", rule: "BKS-AWS-CDN-TLS", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => (b.viewer_certificate = { cloudfront_default_certificate: true }) },
  { check: "CKV_AWS_34", rule: "BKS-AWS-CDN-VIEWER-HTTPS", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => (b.default_cache_behavior.viewer_protocol_policy = "allow-all") },
  { check: "CKV_AWS_68", rule: "BKS-AWS-CDN-WAF", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => delete b.web_acl_id },
  { check: "CKV2_AWS_46", rule: "BKS-AWS-CDN-S3-OAC", pack: "aws", target: { type: "aws_cloudfront_distribution" }, breakIt: (b) => b.origin.forEach((o: Json) => delete o.origin_access_control_id) },
  // AWS: the asset bucket (the log bucket suppresses what its nature forbids)
  { check: "CKV2_AWS_6", rule: "BKS-AWS-S3-PUBLIC-ACCESS-BLOCK", pack: "aws", target: ASSETS, breakIt: (_b, s) => delete s.resource.aws_s3_bucket_public_access_block[key(s, "aws_s3_bucket_public_access_block", "Bookstore_Assets")] },
  ...(
    [
      ["CKV_AWS_53", "block_public_acls"],
      ["CKV_AWS_54", "block_public_policy"],
      ["CKV_AWS_55", "ignore_public_acls"],
      ["CKV_AWS_56", "restrict_public_buckets"],
    ] as const
  ).map(([check, setting]): Breakage => ({
    check,
    rule: "BKS-AWS-S3-PUBLIC-ACCESS-BLOCK",
    pack: "aws",
    target: ASSETS,
    breakIt: (_b, s) => (first(s, "aws_s3_bucket_public_access_block", "Bookstore_Assets")[setting] = false),
    reportedOn: { type: "aws_s3_bucket_public_access_block", name: "Bookstore_Assets" },
  })),
  {
    check: "CKV_AWS_145",
    rule: "BKS-AWS-S3-KMS",
    pack: "aws",
    target: ASSETS,
    breakIt: (_b, s) => (first(s, "aws_s3_bucket_server_side_encryption_configuration", "Bookstore_Assets").rule[0].apply_server_side_encryption_by_default = { sse_algorithm: "AES256" }),
  },
  { check: "CKV_AWS_21", rule: "BKS-AWS-S3-VERSIONING", pack: "aws", target: ASSETS, breakIt: (_b, s) => (first(s, "aws_s3_bucket_versioning", "Bookstore_Assets").versioning_configuration.status = "Suspended") },
  { check: "CKV_AWS_18", rule: "BKS-AWS-S3-ACCESS-LOGS", pack: "aws", target: ASSETS, breakIt: (_b, s) => delete s.resource.aws_s3_bucket_logging },
  { check: "CKV2_AWS_61", rule: "BKS-AWS-S3-LIFECYCLE", pack: "aws", target: ASSETS, breakIt: (_b, s) => delete s.resource.aws_s3_bucket_lifecycle_configuration[key(s, "aws_s3_bucket_lifecycle_configuration", "Bookstore_Assets")] },
  {
    check: "CKV_AWS_300",
    rule: "BKS-AWS-S3-LIFECYCLE",
    pack: "aws",
    target: ASSETS,
    breakIt: (_b, s) => delete first(s, "aws_s3_bucket_lifecycle_configuration", "Bookstore_Assets").rule[0].abort_incomplete_multipart_upload,
    reportedOn: { type: "aws_s3_bucket_lifecycle_configuration", name: "Bookstore_Assets" },
  },
  { check: "CKV2_AWS_65", rule: "BKS-AWS-S3-ACLS-DISABLED", pack: "aws", target: { type: "aws_s3_bucket_ownership_controls", name: "Bookstore_Assets" }, breakIt: (b) => (b.rule.object_ownership = "BucketOwnerPreferred") },
  // AWS: Kubernetes
  { check: "CKV_AWS_37", rule: "BKS-AWS-EKS-LOGS", pack: "aws", target: { type: "aws_eks_cluster" }, breakIt: (b) => (b.enabled_cluster_log_types = ["api", "audit"]) },
  { check: "CKV_AWS_39", rule: "BKS-AWS-EKS-ENDPOINT", pack: "aws", target: { type: "aws_eks_cluster" }, breakIt: (b) => (b.vpc_config.endpoint_public_access = true) },
  { check: "CKV_AWS_38", rule: "BKS-AWS-EKS-ENDPOINT", pack: "aws", target: { type: "aws_eks_cluster" }, breakIt: (b) => ((b.vpc_config.endpoint_public_access = true), (b.vpc_config.public_access_cidrs = ["0.0.0.0/0"])) },
  { check: "CKV_AWS_58", rule: "BKS-AWS-EKS-SECRETS-ENCRYPTION", pack: "aws", target: { type: "aws_eks_cluster" }, breakIt: (b) => delete b.encryption_config },
  { check: "CKV_AWS_100", rule: "BKS-AWS-EKS-NODE-REMOTE-ACCESS", pack: "aws", target: { type: "aws_eks_node_group" }, breakIt: (b) => (b.remote_access = { ec2_ssh_key: "bookstore" }) },
  // AWS: IAM
  { check: "CKV_AWS_62", rule: "BKS-AWS-IAM-WILDCARDS", pack: "aws", target: WEB_POLICY, breakIt: (b) => (b.policy = policyJson({ Effect: "Allow", Action: "*", Resource: "*" })) },
  { check: "CKV_AWS_63", rule: "BKS-AWS-IAM-WILDCARDS", pack: "aws", target: WEB_POLICY, breakIt: (b) => (b.policy = policyJson({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::bookstore-assets/*" })) },
  { check: "CKV2_AWS_40", rule: "BKS-AWS-IAM-WILDCARDS", pack: "aws", target: WEB_POLICY, breakIt: (b) => (b.policy = policyJson({ Effect: "Allow", Action: "iam:*", Resource: "*" })) },
  { check: "CKV_AWS_60", rule: "BKS-AWS-IAM-TRUST", pack: "aws", target: WEB_ROLE, breakIt: (b) => (b.assume_role_policy = policyJson({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" })) },
  { check: "CKV_AWS_7", rule: "BKS-AWS-KMS-ROTATION", pack: "aws", target: { type: "aws_kms_key" }, breakIt: (b) => (b.enable_key_rotation = false) },
  // AWS: the cache
  { check: "CKV_AWS_29", rule: "BKS-AWS-CACHE-ENCRYPTED", pack: "aws", target: { type: "aws_elasticache_replication_group" }, breakIt: (b) => (b.at_rest_encryption_enabled = "false") },
  { check: "CKV_AWS_191", rule: "BKS-AWS-CACHE-CMK", pack: "aws", target: { type: "aws_elasticache_replication_group" }, breakIt: (b) => delete b.kms_key_id },
  { check: "CKV_AWS_30", rule: "BKS-AWS-CACHE-TLS", pack: "aws", target: { type: "aws_elasticache_replication_group" }, breakIt: (b) => (b.transit_encryption_enabled = false) },
  { check: "CKV_AWS_31", rule: "BKS-AWS-CACHE-AUTH", pack: "aws", target: { type: "aws_elasticache_replication_group" }, breakIt: (b) => delete b.auth_token },
  { check: "CKV2_AWS_50", rule: "BKS-AWS-CACHE-FAILOVER", pack: "aws", target: { type: "aws_elasticache_replication_group" }, breakIt: (b) => (b.automatic_failover_enabled = false) },
  { check: "CKV_AWS_149", rule: "BKS-AWS-SECRET-CMK", pack: "aws", target: { type: "aws_secretsmanager_secret" }, breakIt: (b) => delete b.kms_key_id },
  // AWS: the database
  { check: "CKV_AWS_133", rule: "BKS-AWS-RDS-BACKUPS", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.backup_retention_period = 0) },
  { check: "CKV2_AWS_60", rule: "BKS-AWS-RDS-SNAPSHOT-TAGS", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.copy_tags_to_snapshot = false) },
  { check: "CKV_AWS_293", rule: "BKS-AWS-RDS-DELETION-PROTECTION", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.deletion_protection = false) },
  { check: "CKV_AWS_118", rule: "BKS-AWS-RDS-MONITORING", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.monitoring_interval = 0) },
  { check: "CKV_AWS_161", rule: "BKS-AWS-RDS-IAM-AUTH", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.iam_database_authentication_enabled = false) },
  { check: "CKV_AWS_129", rule: "BKS-AWS-RDS-LOG-EXPORTS", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => delete b.enabled_cloudwatch_logs_exports },
  { check: "CKV_AWS_226", rule: "BKS-AWS-RDS-MINOR-UPGRADES", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.auto_minor_version_upgrade = false) },
  { check: "CKV_AWS_157", rule: "BKS-AWS-RDS-MULTI-AZ", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.multi_az = false) },
  { check: "CKV_AWS_17", rule: "BKS-AWS-RDS-PRIVATE", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.publicly_accessible = true) },
  { check: "CKV_AWS_353", rule: "BKS-AWS-RDS-PERFORMANCE-INSIGHTS", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.performance_insights_enabled = false) },
  { check: "CKV_AWS_16", rule: "BKS-AWS-RDS-ENCRYPTED", pack: "aws", target: { type: "aws_db_instance" }, breakIt: (b) => (b.storage_encrypted = false) },
  {
    check: "CKV2_AWS_69",
    rule: "BKS-AWS-RDS-TLS",
    pack: "aws",
    target: { type: "aws_db_instance" },
    breakIt: (_b, s) => (first(s, "aws_db_parameter_group").parameter.find((p: Json) => p.name === "require_secure_transport").value = "0"),
  },

  // Alibaba Cloud
  { check: "CKV_ALI_27", rule: "BKS-ALI-KMS-ROTATION", pack: "alicloud", target: { type: "alicloud_kms_key" }, breakIt: (b) => (b.automatic_rotation = "Disabled") },
  { check: "CKV_ALI_2", rule: "BKS-ALI-SG-ADMIN-PORTS", pack: "alicloud", target: { type: "alicloud_security_group_rule", name: "Breakage" }, add: aliIngress(22) },
  { check: "CKV_ALI_3", rule: "BKS-ALI-SG-ADMIN-PORTS", pack: "alicloud", target: { type: "alicloud_security_group_rule", name: "Breakage" }, add: aliIngress(3389) },
  { check: "CKV_ALI_31", rule: "BKS-ALI-ACK-AUTO-REPAIR", pack: "alicloud", target: { type: "alicloud_cs_kubernetes_node_pool" }, breakIt: (b) => (b.management.auto_repair = false) },
  { check: "CKV_ALI_30", rule: "BKS-ALI-RDS-MINOR-UPGRADES", pack: "alicloud", target: { type: "alicloud_db_instance" }, breakIt: (b) => (b.auto_upgrade_minor_version = "Manual") },
  { check: "CKV_ALI_9", rule: "BKS-ALI-RDS-WHITELIST", pack: "alicloud", target: { type: "alicloud_db_instance" }, breakIt: (b) => (b.security_ips = ["0.0.0.0/0"]) },
  { check: "CKV_ALI_25", rule: "BKS-ALI-RDS-SQL-AUDIT", pack: "alicloud", target: { type: "alicloud_db_instance" }, breakIt: (b) => (b.sql_collector_status = "Disabled") },
  { check: "CKV_ALI_20", rule: "BKS-ALI-RDS-SSL", pack: "alicloud", target: { type: "alicloud_db_instance" }, breakIt: (b) => (b.ssl_action = "Close") },
  { check: "CKV_ALI_22", rule: "BKS-ALI-RDS-TDE", pack: "alicloud", target: { type: "alicloud_db_instance" }, breakIt: (b) => (b.tde_status = "Disabled") },
  {
    check: "CKV_ALI_33",
    rule: "BKS-ALI-SLB-TLS",
    pack: "alicloud",
    target: { type: "alicloud_slb_tls_cipher_policy", name: "Breakage" },
    add: { tls_cipher_policy_name: "breakage", tls_versions: ["TLSv1.0", "TLSv1.2"], ciphers: ["ECDHE-RSA-AES128-GCM-SHA256"] },
  },

  { check: "CKV_ALI_1", rule: "BKS-ALI-OSS-PRIVATE", pack: "alicloud", target: { type: "alicloud_oss_bucket" }, breakIt: (_b, s) => (first(s, "alicloud_oss_bucket_acl").acl = "public-read") },
  { check: "CKV_ALI_10", rule: "BKS-ALI-OSS-VERSIONING", pack: "alicloud", target: { type: "alicloud_oss_bucket" }, breakIt: (b) => (b.versioning.status = "Suspended") },

  // Tencent Cloud
  { check: "CKV_TC_11", rule: "BKS-TC-CLB-ACCESS-LOGS", pack: "tencentcloud", target: { type: "tencentcloud_clb_instance" }, breakIt: (b) => (delete b.log_set_id, delete b.log_topic_id) },
  // The example's web tier is on the cluster, where TKE owns the CLB's listener: the breakage adds one.
  { check: "CKV_TC_12", rule: "BKS-TC-CLB-LISTENER-PROTOCOL", pack: "tencentcloud", target: { type: "tencentcloud_clb_listener", name: "Breakage" }, add: { clb_id: "lb-breakage", listener_name: "breakage", port: 8080, protocol: "TCP" } },
  { check: "CKV_TC_9", rule: "BKS-TC-MYSQL-NO-INTERNET", pack: "tencentcloud", target: { type: "tencentcloud_mysql_instance" }, breakIt: (b) => (b.internet_service = 1) },
  { check: "CKV_TC_10", rule: "BKS-TC-MYSQL-PORT", pack: "tencentcloud", target: { type: "tencentcloud_mysql_instance" }, breakIt: (b) => (b.intranet_port = 3306) },
  { check: "CKV_TC_6", rule: "BKS-TC-TKE-LOG-AGENT", pack: "tencentcloud", target: { type: "tencentcloud_kubernetes_cluster" }, breakIt: (b) => (b.log_agent.enabled = false) },
  { check: "CKV_TC_7", rule: "BKS-TC-TKE-NO-PUBLIC-IP", pack: "tencentcloud", target: { type: "tencentcloud_kubernetes_cluster" }, breakIt: (b) => (b.worker_config = [{ instance_type: "S5.MEDIUM4", subnet_id: "subnet-breakage", public_ip_assigned: true }]) },
  { check: "CKV_TC_1", rule: "BKS-TC-DISK-ENCRYPTED", pack: "tencentcloud", target: { type: "tencentcloud_cbs_storage", name: "Breakage" }, add: { storage_name: "breakage", storage_type: "CLOUD_SSD", storage_size: 50, availability_zone: "ap-guangzhou-3", encrypt: false } },
  { check: "CKV_TC_2", rule: "BKS-TC-CVM-NO-PUBLIC-IP", pack: "tencentcloud", target: { type: "tencentcloud_instance", name: "Breakage" }, add: tencentInstance({ allocate_public_ip: true, internet_max_bandwidth_out: 10 }) },
  { check: "CKV_TC_3", rule: "BKS-TC-CVM-MONITORING", pack: "tencentcloud", target: { type: "tencentcloud_instance", name: "Breakage" }, add: tencentInstance({ disable_monitor_service: true }) },
  { check: "CKV_TC_4", rule: "BKS-TC-NOT-DEFAULT-SG", pack: "tencentcloud", target: { type: "tencentcloud_instance", name: "Breakage" }, add: tencentInstance({ orderly_security_groups: ["${tencentcloud_security_group.default.id}"] }) },
  { check: "CKV_TC_5", rule: "BKS-TC-NOT-DEFAULT-VPC", pack: "tencentcloud", target: { type: "tencentcloud_instance", name: "Breakage" }, add: tencentInstance({ vpc_id: "${tencentcloud_vpc.default.id}" }) },
  { check: "CKV_TC_13", rule: "BKS-TC-USER-DATA-SECRETS", pack: "tencentcloud", target: { type: "tencentcloud_instance", name: "Breakage" }, add: tencentInstance({ user_data_raw: "#!/bin/bash\nexport TENCENTCLOUD_SECRET_ID=placeholder\n" }) },
  {
    check: "CKV_TC_8",
    rule: "BKS-TC-SG-PUBLIC-INGRESS",
    pack: "tencentcloud",
    target: { type: "tencentcloud_security_group_rule_set", name: "Breakage" },
    add: { security_group_id: "sg-breakage", ingress: [{ action: "ACCEPT", cidr_block: "0.0.0.0/0", protocol: "TCP", port: "443", description: "breakage" }] },
  },
  { check: "CKV_TC_14", rule: "BKS-TC-VPC-FLOW-LOGS", pack: "tencentcloud", target: { type: "tencentcloud_vpc_flow_log_config", name: "Breakage" }, add: { flow_log_id: "fl-breakage", enable: false } },

  // Kubernetes (the AWS workloads stack; the others hold the same objects)
  { check: "CKV_K8S_8", rule: "BKS-K8S-LIVENESS-PROBE", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).liveness_probe },
  { check: "CKV_K8S_9", rule: "BKS-K8S-READINESS-PROBE", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).readiness_probe },
  { check: "CKV_K8S_10", rule: "BKS-K8S-CPU", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).resources.requests.cpu },
  { check: "CKV_K8S_11", rule: "BKS-K8S-CPU", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).resources.limits.cpu },
  // checkov's Terraform checks swap the manifest meanings: 12 is the memory limit, 13 the request.
  { check: "CKV_K8S_12", rule: "BKS-K8S-MEMORY", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).resources.limits.memory },
  { check: "CKV_K8S_13", rule: "BKS-K8S-MEMORY", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).resources.requests.memory },
  { check: "CKV_K8S_14", rule: "BKS-K8S-PINNED-IMAGE", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).image = "registry.example.com/bookstore:latest") },
  { check: "CKV_K8S_15", rule: "BKS-K8S-IMAGE-PULL-ALWAYS", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).image_pull_policy = "IfNotPresent") },
  { check: "CKV_K8S_16", rule: "BKS-K8S-PRIVILEGED", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).security_context.privileged = true) },
  { check: "CKV_K8S_17", rule: "BKS-K8S-HOST-NAMESPACES", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (pod(d).host_pid = true) },
  { check: "CKV_K8S_18", rule: "BKS-K8S-HOST-NAMESPACES", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (pod(d).host_ipc = true) },
  { check: "CKV_K8S_19", rule: "BKS-K8S-HOST-NAMESPACES", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (pod(d).host_network = true) },
  { check: "CKV_K8S_20", rule: "BKS-K8S-PRIVILEGE-ESCALATION", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).security_context.allow_privilege_escalation = true) },
  { check: "CKV_K8S_21", rule: "BKS-K8S-NAMESPACE", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (d.metadata.namespace = "default") },
  { check: "CKV_K8S_22", rule: "BKS-K8S-READ-ONLY-ROOT", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).security_context.read_only_root_filesystem = false) },
  { check: "CKV_K8S_25", rule: "BKS-K8S-CAPABILITIES", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).security_context.capabilities = { drop: ["ALL"], add: ["SYS_ADMIN"] }) },
  { check: "CKV_K8S_28", rule: "BKS-K8S-CAPABILITIES", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => delete container(d).security_context.capabilities },
  // CKV_K8S_37 passes a container without a capabilities block; it fails a drop list without ALL.
  { check: "CKV_K8S_37", rule: "BKS-K8S-CAPABILITIES", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).security_context.capabilities = { drop: ["NET_RAW"] }) },
  { check: "CKV_K8S_26", rule: "BKS-K8S-HOST-PORT", pack: "kubernetes", target: { type: "kubernetes_deployment_v1" }, breakIt: (d) => (container(d).port[0].host_port = 8080) },
  {
    check: "CKV_K8S_35",
    rule: "BKS-K8S-SECRETS-AS-FILES",
    pack: "kubernetes",
    target: { type: "kubernetes_deployment_v1" },
    breakIt: (d) => (container(d).env = [{ name: "DB_PASSWORD", value_from: { secret_key_ref: { name: "database", key: "password" } } }]),
  },
];

/**
 * A way around a rule that compared literals (issue #24): the same opening written so that
 * no `0.0.0.0/0` or `true` appears. The rule must flag it. checkov is run on it too (with
 * `npm run scan`) and must raise exactly `checkov` of the IDs the rule mirrors: most
 * bypasses are the gap the rule closes, and checkov passes them.
 */
export interface Bypass {
  /** What is planted, for the test's name. */
  readonly what: string;
  readonly rule: string;
  readonly pack: string;
  readonly target: { type: string; name?: string };
  readonly breakIt?: (block: Json, stack: Json) => void;
  readonly add?: Json;
  /** The IDs the rule mirrors that checkov raises on the target all the same; none when absent. */
  readonly checkov?: readonly string[];
}

/** The internet without 0.0.0.0/0: its two halves. */
const HALVES = ["0.0.0.0/1", "128.0.0.0/1"];
const sshFrom = (cidrs: string[]): Json => ({ type: "ingress", security_group_id: "sg-0123456789abcdef0", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: cidrs, description: "breakage" });

/** Two public /8s, the halves of 12.0.0.0/7: neither is more than one registry allocation, together they are (issue #24). */
const TWO_SLASH_8S = ["12.0.0.0/8", "13.0.0.0/8"];
/** Thirty public /8s, 11.0.0.0/8 to 40.0.0.0/8. */
const THIRTY_SLASH_8S = Array.from({ length: 30 }, (_, i) => `${11 + i}.0.0.0/8`);

/**
 * Puts the planted rule on one of the bookstore's security groups, with the first address,
 * and adds a copy of it (`BreakageMore<n>`) for each other address: one group, one port,
 * several resources whose addresses add up to the internet though none does alone.
 */
const spreadOver =
  (type: string, groupType: string, groupName: string, addressField: string, addresses: readonly string[], wrap: (cidr: string) => unknown = (cidr) => cidr) =>
  (b: Json, stack: Json): void => {
    b.security_group_id = `\${${groupType}.${key(stack, groupType, groupName)}.id}`;
    addresses.forEach((cidr, i) => {
      if (i === 0) b[addressField] = wrap(cidr);
      else stack.resource[type][`BreakageMore${i}`] = { ...b, [addressField]: wrap(cidr) };
    });
  };

/**
 * Adds a customer-managed prefix list `name` holding `cidrs` to the stack, as inline entries
 * or as entry resources that name it (the provider does not mix the two on one list), and
 * returns the reference a rule names it by.
 */
const prefixListOf = (stack: Json, name: string, cidrs: readonly string[], asEntryResources = false): string => {
  const list = `\${aws_ec2_managed_prefix_list.${name}.id}`;
  const entries = cidrs.map((cidr) => ({ cidr, description: "breakage" }));
  (stack.resource.aws_ec2_managed_prefix_list ??= {})[name] = { name: "breakage", address_family: "IPv4", max_entries: cidrs.length, ...(!asEntryResources && { entry: entries }) };
  if (asEntryResources) entries.forEach((entry, i) => ((stack.resource.aws_ec2_managed_prefix_list_entry ??= {})[`${name}Entry${i}`] = { prefix_list_id: list, ...entry }));
  return list;
};

/** Adds an address template `name` holding `addresses` to the stack and returns the reference a rule names it by. */
const addressTemplateOf = (stack: Json, name: string, addresses: readonly string[]): string => {
  (stack.resource.tencentcloud_address_template ??= {})[name] = { name: "breakage", addresses: [...addresses] };
  return `\${tencentcloud_address_template.${name}.id}`;
};

export const BYPASSES: readonly Bypass[] = [
  { what: "SSH from the two halves of IPv4 in one rule", rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS", pack: "aws", target: { type: "aws_security_group_rule", name: "Breakage" }, add: sshFrom(HALVES) },
  { what: "SSH from one half of IPv4", rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS", pack: "aws", target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" }, add: { ...publicIngress(22), cidr_ipv4: "128.0.0.0/1" } },
  { what: "HTTPS from 40 blocks covering 99.5 % of public IPv4", rule: "BKS-AWS-SG-PUBLIC-INGRESS", pack: "aws", target: { type: "aws_security_group_rule", name: "Breakage" }, add: { ...sshFrom(publicIpv4Blocks().slice(0, 40)), from_port: 443, to_port: 443 } },
  // CKV_AWS_39 refuses any public endpoint; CKV_AWS_38, which reads the CIDRs, passes these.
  {
    what: "a public EKS endpoint open to the two halves of IPv4",
    rule: "BKS-AWS-EKS-ENDPOINT",
    pack: "aws",
    target: { type: "aws_eks_cluster" },
    breakIt: (b) => ((b.vpc_config.endpoint_public_access = true), (b.vpc_config.public_access_cidrs = HALVES)),
    checkov: ["CKV_AWS_39"],
  },
  {
    what: "a public EKS endpoint open to 40 blocks covering 99.5 % of public IPv4",
    rule: "BKS-AWS-EKS-ENDPOINT",
    pack: "aws",
    target: { type: "aws_eks_cluster" },
    breakIt: (b) => ((b.vpc_config.endpoint_public_access = true), (b.vpc_config.public_access_cidrs = publicIpv4Blocks().slice(0, 40))),
    checkov: ["CKV_AWS_39"],
  },
  { what: "a cache whose TLS is only preferred", rule: "BKS-AWS-CACHE-TLS", pack: "aws", target: { type: "aws_elasticache_replication_group" }, breakIt: (b) => (b.transit_encryption_mode = "preferred") },
  // IAM, RAM and CAM wildcards the scanners pass: checkov reads IAM documents only as JSON
  // text (CDKTF writes jsonencode when one holds references), CKV_AWS_60 only the AWS key,
  // and it has no check of RAM or CAM documents.
  { what: "Principal * on the web role's trust policy", rule: "BKS-AWS-IAM-TRUST", pack: "aws", target: WEB_ROLE, breakIt: (b) => (b.assume_role_policy = policyJson({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" })) },
  { what: "every S3 action on every resource", rule: "BKS-AWS-IAM-WILDCARDS", pack: "aws", target: WEB_POLICY, breakIt: (b) => (b.policy = policyJson({ Effect: "Allow", Action: ["s3:*"], Resource: "*" })) },
  { what: "all but IAM on every resource (NotAction)", rule: "BKS-AWS-IAM-WILDCARDS", pack: "aws", target: WEB_POLICY, breakIt: (b) => (b.policy = policyJson({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })) },
  // CKV2_AWS_40, a graph check, reads the jsonencode form; CKV_AWS_62 and CKV_AWS_63 do not.
  {
    what: "every action on every resource, written as CDKTF's jsonencode",
    rule: "BKS-AWS-IAM-WILDCARDS",
    pack: "aws",
    target: WEB_POLICY,
    breakIt: (b) => (b.policy = '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = "*", "Resource" = "*"}]})}'),
    checkov: ["CKV2_AWS_40"],
  },
  { what: "every action on every resource in the web tier's RAM policy", rule: "BKS-ALI-RAM-WILDCARDS", pack: "alicloud", target: { type: "alicloud_ram_policy", name: "Bookstore_Web" }, breakIt: (b) => (b.policy_document = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] })) },
  {
    what: "a RAM trust policy open to every account",
    rule: "BKS-ALI-RAM-TRUST",
    pack: "alicloud",
    target: { type: "alicloud_ram_role", name: "Bookstore_Web" },
    breakIt: (b) => (b.assume_role_policy_document = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: ["acs:ram::*:root"] } }] })),
  },
  {
    what: "every CAM action on every resource",
    rule: "BKS-TC-CAM-WILDCARDS",
    pack: "tencentcloud",
    target: { type: "tencentcloud_cam_policy", name: "Bookstore_Kubernetes_WorkloadReadCacheCredentials" },
    breakIt: (b) => (b.document = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["name/cam:*"], resource: ["*"] }] })),
  },
  {
    what: "a CAM trust policy open to anyone",
    rule: "BKS-TC-CAM-TRUST",
    pack: "tencentcloud",
    target: { type: "tencentcloud_cam_role" },
    breakIt: (b) => (b.document = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["name/sts:AssumeRole"], principal: { qcs: ["qcs::cam::anyone:anyone"] } }] })),
  },
  { what: "a database whitelist of the two halves of IPv4", rule: "BKS-ALI-RDS-WHITELIST", pack: "alicloud", target: { type: "alicloud_db_instance" }, breakIt: (b) => (b.security_ips = HALVES) },
  { what: "a cache whitelist of the two halves of IPv4", rule: "BKS-ALI-REDIS-WHITELIST", pack: "alicloud", target: { type: "alicloud_kvstore_instance" }, breakIt: (b) => (b.security_ips = [...b.security_ips, ...HALVES]) },
  { what: "SSH from one half of IPv4", rule: "BKS-ALI-SG-ADMIN-PORTS", pack: "alicloud", target: { type: "alicloud_security_group_rule", name: "Breakage" }, add: { ...aliIngress(22), cidr_ip: "128.0.0.0/1" } },
  // A group admits the union of its rules (issue #24): addresses spread over several rules of one group and port.
  {
    what: "SSH from two public /8s in two rules of the web tier's group",
    rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS",
    pack: "aws",
    target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" },
    add: publicIngress(22),
    breakIt: spreadOver("aws_vpc_security_group_ingress_rule", "aws_security_group", "Bookstore_Web_SecurityGroup", "cidr_ipv4", TWO_SLASH_8S),
  },
  {
    what: "HTTPS from thirty public /8s in thirty rules of the web tier's group",
    rule: "BKS-AWS-SG-PUBLIC-INGRESS",
    pack: "aws",
    target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" },
    add: publicIngress(443),
    breakIt: spreadOver("aws_vpc_security_group_ingress_rule", "aws_security_group", "Bookstore_Web_SecurityGroup", "cidr_ipv4", THIRTY_SLASH_8S),
  },
  {
    what: "HTTPS to two public /8s in two rules of the database's group",
    rule: "BKS-AWS-SG-PUBLIC-EGRESS",
    pack: "aws",
    target: { type: "aws_vpc_security_group_egress_rule", name: "Breakage" },
    add: publicIngress(443),
    breakIt: spreadOver("aws_vpc_security_group_egress_rule", "aws_security_group", "Bookstore_Database_SecurityGroup", "cidr_ipv4", TWO_SLASH_8S),
  },
  {
    what: "SSH from two public /8s in two rules of the web tier's group",
    rule: "BKS-ALI-SG-ADMIN-PORTS",
    pack: "alicloud",
    target: { type: "alicloud_security_group_rule", name: "Breakage" },
    add: aliIngress(22),
    breakIt: spreadOver("alicloud_security_group_rule", "alicloud_security_group", "Bookstore_Web_SecurityGroup", "cidr_ip", TWO_SLASH_8S),
  },
  {
    what: "a database whitelist of two public /8s, one in security_ips and one in an attached whitelist template",
    rule: "BKS-ALI-RDS-WHITELIST",
    pack: "alicloud",
    target: { type: "alicloud_db_instance" },
    breakIt: (b, stack) => {
      b.security_ips = [...b.security_ips, TWO_SLASH_8S[0]];
      stack.resource.alicloud_rds_whitelist_template = { Breakage: { template_name: "breakage", ip_white_list: TWO_SLASH_8S[1] } };
      b.template_id_list = ["${alicloud_rds_whitelist_template.Breakage.id}"];
    },
  },
  {
    what: "MySQL accepted from two public /8s in two rules of the database's group",
    rule: "BKS-TC-SG-PUBLIC-INGRESS",
    pack: "tencentcloud",
    target: { type: "tencentcloud_security_group_rule", name: "Breakage" },
    add: { type: "ingress", policy: "ACCEPT", ip_protocol: "TCP", port_range: "3306", description: "breakage" },
    breakIt: spreadOver("tencentcloud_security_group_rule", "tencentcloud_security_group", "Bookstore_Database_SecurityGroup", "cidr_ip", TWO_SLASH_8S),
  },
  // Addresses held in a list the rule names (issue #24): a prefix list, an address template or a template group of the stack.
  // checkov's CKV_AWS_24 passes a rule with prefix_list_ids whatever the lists hold. (It reads no
  // prefix_list_id, the singular of aws_vpc_security_group_ingress_rule, and flags such a rule
  // as one with no source, whatever its list holds: so this bypass is an aws_security_group_rule.)
  {
    what: "SSH from a prefix list whose entry resources hold the two halves of IPv4",
    rule: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS",
    pack: "aws",
    target: { type: "aws_security_group_rule", name: "Breakage" },
    add: sshFrom([]),
    breakIt: (b, stack) => {
      delete b.cidr_blocks;
      b.prefix_list_ids = [prefixListOf(stack, "BreakageList", HALVES, true)];
    },
  },
  {
    what: "HTTPS from two public /8s, one in a rule of the web tier's group and one in the prefix list another rule of the group names",
    rule: "BKS-AWS-SG-PUBLIC-INGRESS",
    pack: "aws",
    target: { type: "aws_vpc_security_group_ingress_rule", name: "Breakage" },
    add: { ...publicIngress(443), cidr_ipv4: TWO_SLASH_8S[0] },
    breakIt: (b, stack) => {
      b.security_group_id = `\${aws_security_group.${key(stack, "aws_security_group", "Bookstore_Web_SecurityGroup")}.id}`;
      const other: Json = { ...b, prefix_list_id: prefixListOf(stack, "BreakageList", [TWO_SLASH_8S[1]]) };
      delete other.cidr_ipv4;
      stack.resource.aws_vpc_security_group_ingress_rule.BreakageMore = other;
    },
  },
  {
    what: "HTTPS to a prefix list of two public /8s from the database's group",
    rule: "BKS-AWS-SG-PUBLIC-EGRESS",
    pack: "aws",
    target: { type: "aws_vpc_security_group_egress_rule", name: "Breakage" },
    add: publicIngress(443),
    breakIt: (b, stack) => {
      b.security_group_id = `\${aws_security_group.${key(stack, "aws_security_group", "Bookstore_Database_SecurityGroup")}.id}`;
      delete b.cidr_ipv4;
      b.prefix_list_id = prefixListOf(stack, "BreakageList", TWO_SLASH_8S);
    },
  },
  {
    what: "MySQL accepted from an address template of the two halves of IPv4, by a rule of the database's group",
    rule: "BKS-TC-SG-PUBLIC-INGRESS",
    pack: "tencentcloud",
    target: { type: "tencentcloud_security_group_rule", name: "Breakage" },
    add: { type: "ingress", policy: "ACCEPT", ip_protocol: "TCP", port_range: "3306", description: "breakage" },
    breakIt: (b, stack) => {
      b.security_group_id = `\${tencentcloud_security_group.${key(stack, "tencentcloud_security_group", "Bookstore_Database_SecurityGroup")}.id}`;
      b.address_template = [{ template_id: addressTemplateOf(stack, "BreakageTemplate", HALVES) }];
    },
  },
  {
    what: "HTTPS accepted through a template group of two address templates, one public /8 each (one written as a range), in a rule set",
    rule: "BKS-TC-SG-PUBLIC-INGRESS",
    pack: "tencentcloud",
    target: { type: "tencentcloud_security_group_rule_set", name: "Breakage" },
    add: { security_group_id: "sg-breakage", ingress: [{ action: "ACCEPT", protocol: "TCP", port: "443", description: "breakage" }] },
    breakIt: (b, stack) => {
      const templates = [addressTemplateOf(stack, "BreakageTemplate", [TWO_SLASH_8S[0]]), addressTemplateOf(stack, "BreakageRange", ["13.0.0.0-13.255.255.255"])];
      (stack.resource.tencentcloud_address_template_group ??= {}).BreakageGroup = { name: "breakage", template_ids: templates };
      b.ingress[0].address_template_group = "${tencentcloud_address_template_group.BreakageGroup.id}";
    },
  },
  {
    what: "HTTPS accepted from the two halves of IPv4",
    rule: "BKS-TC-SG-PUBLIC-INGRESS",
    pack: "tencentcloud",
    target: { type: "tencentcloud_security_group_rule_set", name: "Breakage" },
    add: { security_group_id: "sg-breakage", ingress: HALVES.map((cidr) => ({ action: "ACCEPT", cidr_block: cidr, protocol: "TCP", port: "443", description: "breakage" })) },
  },
];
