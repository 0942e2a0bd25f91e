import { AWS_POLICY_PACK } from "../../lib/policy/packs/aws";
import { PolicyLevel } from "../../lib/policy/rule";
import { C, expectEveryRuleCovered, expectRuleCase, N, NA, RuleCase } from "../support/rule-cases";
import { publicIpv4Blocks } from "../support/public-blocks";

// Every AWS rule on hand-written blocks, no synth; test/policy/aws-pack.test.ts checks
// the same rules against the synthesized bookstore.
const RULES = AWS_POLICY_PACK.rules;

/** Rules a documented prop relaxes: reported, never failing synth. */
const WARNINGS = ["BKS-AWS-ALB-DELETION-PROTECTION", "BKS-AWS-CACHE-FAILOVER", "BKS-AWS-RDS-DELETION-PROTECTION", "BKS-AWS-RDS-MULTI-AZ"];

const ref = (address: string) => `\${${address}.id}`;
const s3Origin = { domain_name: "b.s3.amazonaws.com", origin_id: "s3" };
const customOrigin = (config: Record<string, unknown>) => ({ domain_name: "shop.example.com", origin_id: "lb", custom_origin_config: config });
const ALL_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
/** The internet written without 0.0.0.0/0 (issue #24): its two halves, and 40 blocks that cover 99.5 % of it. */
const HALVES = ["0.0.0.0/1", "128.0.0.0/1"];
const FORTY_BLOCKS = publicIpv4Blocks().slice(0, 40);
/** A policy document as JSON text, or as the jsonencode CDKTF writes when it holds references. */
const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ASSUME = { Effect: "Allow", Action: "sts:AssumeRole" };
const publicRule = (config: Record<string, unknown>) => ({ cidr_ipv4: "0.0.0.0/0", ip_protocol: "tcp", ...config });
const sgIngress = (ingress: Record<string, unknown>) => ({ ingress: [{ protocol: "tcp", cidr_blocks: ["0.0.0.0/0"], ...ingress }] });
/** A rule on the security group `web` (a resource of the stack), and the group with an inline ingress block. */
const onWeb = (config: Record<string, unknown>) => ({ security_group_id: "${aws_security_group.web.id}", ip_protocol: "tcp", ...config });
/** The other resources of a case: the group `web`, and an `aws_security_group_rule` of 13.0.0.0/8 on it (or on `group`). */
const webRule = (config: Record<string, unknown>, group = "web") => ({
  aws_security_group: { web: {} },
  aws_security_group_rule: { other: { type: "ingress", protocol: "tcp", security_group_id: `\${aws_security_group.${group}.id}`, cidr_blocks: ["13.0.0.0/8"], ...config } },
});
const webGroup = (ingress: Record<string, unknown>) => ({ aws_security_group: { web: { ingress: [{ protocol: "tcp", cidr_blocks: ["13.0.0.0/8"], ...ingress }] } } });
/**
 * The other resources of a prefix-list case: the group `web`, and a customer-managed prefix
 * list `pl` with `inline` as its entry blocks, plus `added` as entry resources naming
 * `pl` (or the list `named`, an empty list `other`).
 */
const prefixList = (inline: string[], added: string[] = [], named = "pl") => ({
  aws_security_group: { web: {} },
  aws_ec2_managed_prefix_list: { pl: { name: "pl", address_family: "IPv4", max_entries: 10, entry: inline.map((cidr) => ({ cidr })) }, other: { name: "other", address_family: "IPv4", max_entries: 10 } },
  aws_ec2_managed_prefix_list_entry: Object.fromEntries(added.map((cidr, i) => [`e${i}`, { prefix_list_id: `\${aws_ec2_managed_prefix_list.${named}.id}`, cidr }])),
});
const PL = "${aws_ec2_managed_prefix_list.pl.id}";
/** A rule of the group `web` on TCP `port` from the prefix list `pl` (or `id`). */
const fromList = (port: number, id = PL) => onWeb({ prefix_list_id: id, from_port: port, to_port: port });
const withParameter = (name: string, value: unknown) => ({
  aws_db_parameter_group: { pg: { family: "mysql8.0", parameter: [{ name: "max_connections", value: "100" }, { name, value }] } },
});
const MYSQL = { engine: "mysql", parameter_group_name: "${aws_db_parameter_group.pg.name}" };
/** One bucket-setting resource of a type, naming the subject bucket (or `bucket`) by its `bucket` argument. */
const bucketSetting = (type: string, config: Record<string, unknown>, bucket = "subject") => ({ [type]: { s: { bucket: `\${aws_s3_bucket.${bucket}.id}`, ...config } } });
const BLOCK_ALL = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
const lifecycleRule = (rule: Record<string, unknown>) => bucketSetting("aws_s3_bucket_lifecycle_configuration", { rule: [{ id: "r", status: "Enabled", ...rule }] });
const TLS_ONLY_HCL = '${jsonencode({"Statement" = [{"Effect" = "Deny", "Principal" = "*", "Action" = "s3:*", "Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}}]})}';
const TLS_ONLY_JSON = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] });
const bucketOrigin = (config: Record<string, unknown> = {}) => ({ domain_name: "${aws_s3_bucket.assets.bucket_regional_domain_name}", origin_id: "assets", ...config });

const CASES: RuleCase[] = [
  ["BKS-AWS-ALB-ACCESS-LOGS", "aws_lb", { access_logs: { enabled: true, bucket: "logs" } }, C],
  ["BKS-AWS-ALB-ACCESS-LOGS", "aws_alb", { access_logs: [{ enabled: "true", bucket: "logs" }] }, C],
  ["BKS-AWS-ALB-ACCESS-LOGS", "aws_lb", { access_logs: { enabled: false, bucket: "logs" } }, N],
  ["BKS-AWS-ALB-ACCESS-LOGS", "aws_lb", { access_logs: { enabled: true } }, N],
  ["BKS-AWS-ALB-ACCESS-LOGS", "aws_lb", {}, N],

  ["BKS-AWS-ALB-DELETION-PROTECTION", "aws_lb", { enable_deletion_protection: true }, C],
  ["BKS-AWS-ALB-DELETION-PROTECTION", "aws_alb", {}, N],

  ["BKS-AWS-ALB-DESYNC", "aws_lb", {}, C],
  ["BKS-AWS-ALB-DESYNC", "aws_lb", { desync_mitigation_mode: "defensive" }, C],
  ["BKS-AWS-ALB-DESYNC", "aws_alb", { desync_mitigation_mode: "strictest" }, C],
  ["BKS-AWS-ALB-DESYNC", "aws_lb", { load_balancer_type: "application", desync_mitigation_mode: "monitor" }, N],
  ["BKS-AWS-ALB-DESYNC", "aws_lb", { load_balancer_type: "network", desync_mitigation_mode: "monitor" }, NA],

  ["BKS-AWS-ALB-DROP-INVALID-HEADERS", "aws_lb", { drop_invalid_header_fields: true }, C],
  ["BKS-AWS-ALB-DROP-INVALID-HEADERS", "aws_alb", { drop_invalid_header_fields: "false" }, N],
  ["BKS-AWS-ALB-DROP-INVALID-HEADERS", "aws_lb", { load_balancer_type: "network" }, NA],

  ["BKS-AWS-ALB-WAF", "aws_lb", {}, C, { aws_wafv2_web_acl_association: { a: { resource_arn: "${aws_lb.subject.arn}" } } }],
  ["BKS-AWS-ALB-WAF", "aws_lb", { internal: false }, N, { aws_wafv2_web_acl_association: { a: { resource_arn: "${aws_lb.other.arn}" } } }],
  ["BKS-AWS-ALB-WAF", "aws_alb", { internal: true }, NA],
  ["BKS-AWS-ALB-WAF", "aws_lb", { internal: "true" }, NA],

  ["BKS-AWS-ASG-ELB-HEALTH", "aws_autoscaling_group", {}, C],
  ["BKS-AWS-ASG-ELB-HEALTH", "aws_autoscaling_group", { target_group_arns: [] }, C],
  ["BKS-AWS-ASG-ELB-HEALTH", "aws_autoscaling_group", { target_group_arns: ["arn"], health_check_type: "ELB" }, C],
  ["BKS-AWS-ASG-ELB-HEALTH", "aws_autoscaling_group", { target_group_arns: ["arn"], health_check_type: "EC2" }, N],
  ["BKS-AWS-ASG-ELB-HEALTH", "aws_autoscaling_group", { target_group_arns: ["arn"] }, N],

  ["BKS-AWS-ASG-LAUNCH-TEMPLATE", "aws_autoscaling_group", { launch_template: { id: "lt" } }, C],
  ["BKS-AWS-ASG-LAUNCH-TEMPLATE", "aws_autoscaling_group", { mixed_instances_policy: {} }, C],
  ["BKS-AWS-ASG-LAUNCH-TEMPLATE", "aws_autoscaling_group", { launch_configuration: "lc" }, N],

  ["BKS-AWS-CACHE-ENCRYPTED", "aws_elasticache_replication_group", { at_rest_encryption_enabled: "true" }, C],
  ["BKS-AWS-CACHE-ENCRYPTED", "aws_elasticache_replication_group", { at_rest_encryption_enabled: true }, C],
  ["BKS-AWS-CACHE-ENCRYPTED", "aws_elasticache_replication_group", { at_rest_encryption_enabled: "false" }, N],
  ["BKS-AWS-CACHE-ENCRYPTED", "aws_elasticache_replication_group", {}, N],

  ["BKS-AWS-CACHE-CMK", "aws_elasticache_replication_group", { kms_key_id: "${aws_kms_key.k.arn}" }, C],
  ["BKS-AWS-CACHE-CMK", "aws_elasticache_replication_group", { kms_key_id: "" }, N],
  ["BKS-AWS-CACHE-CMK", "aws_elasticache_replication_group", {}, N],

  ["BKS-AWS-CACHE-TLS", "aws_elasticache_replication_group", { transit_encryption_enabled: true }, C],
  ["BKS-AWS-CACHE-TLS", "aws_elasticache_replication_group", { transit_encryption_enabled: false }, N],
  ["BKS-AWS-CACHE-TLS", "aws_elasticache_replication_group", { transit_encryption_enabled: true, transit_encryption_mode: "required" }, C],
  // "preferred" accepts plain-text clients too: TLS offered is not TLS enforced (issue #24).
  ["BKS-AWS-CACHE-TLS", "aws_elasticache_replication_group", { transit_encryption_enabled: true, transit_encryption_mode: "preferred" }, N],
  ["BKS-AWS-CACHE-TLS", "aws_elasticache_replication_group", { transit_encryption_enabled: "true", transit_encryption_mode: "" }, N],
  ["BKS-AWS-CACHE-TLS", "aws_elasticache_replication_group", {}, N],

  ["BKS-AWS-CACHE-AUTH", "aws_elasticache_replication_group", { transit_encryption_enabled: true, auth_token: "${random_password.p.result}" }, C],
  ["BKS-AWS-CACHE-AUTH", "aws_elasticache_replication_group", { transit_encryption_enabled: "true", user_group_ids: ["g"] }, C],
  ["BKS-AWS-CACHE-AUTH", "aws_elasticache_replication_group", { transit_encryption_enabled: true }, N],
  ["BKS-AWS-CACHE-AUTH", "aws_elasticache_replication_group", { transit_encryption_enabled: true, user_group_ids: [] }, N],
  ["BKS-AWS-CACHE-AUTH", "aws_elasticache_replication_group", { transit_encryption_enabled: false, auth_token: "t" }, N],

  ["BKS-AWS-CACHE-FAILOVER", "aws_elasticache_replication_group", { automatic_failover_enabled: true }, C],
  ["BKS-AWS-CACHE-FAILOVER", "aws_elasticache_replication_group", { automatic_failover_enabled: false }, N],
  ["BKS-AWS-CACHE-FAILOVER", "aws_elasticache_replication_group", {}, N],

  ["BKS-AWS-SECRET-CMK", "aws_secretsmanager_secret", { kms_key_id: "${aws_kms_key.k.arn}" }, C],
  ["BKS-AWS-SECRET-CMK", "aws_secretsmanager_secret", {}, N],

  ["BKS-AWS-ACM-CREATE-BEFORE-DESTROY", "aws_acm_certificate", { lifecycle: { create_before_destroy: true } }, C],
  ["BKS-AWS-ACM-CREATE-BEFORE-DESTROY", "aws_acm_certificate", { lifecycle: {} }, N],
  ["BKS-AWS-ACM-CREATE-BEFORE-DESTROY", "aws_acm_certificate", {}, N],

  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: [customOrigin({})] }, NA],
  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: s3Origin, default_root_object: "index.html" }, C],
  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: [customOrigin({}), s3Origin], default_root_object: "" }, N],
  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: [s3Origin] }, N],
  // Only the origin that serves / matters: the default behavior's, unless an ordered one matches /.
  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: [customOrigin({}), s3Origin], default_cache_behavior: { target_origin_id: "lb" }, ordered_cache_behavior: [{ path_pattern: "/static/*", target_origin_id: "s3" }] }, NA],
  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: [customOrigin({}), s3Origin], default_cache_behavior: { target_origin_id: "s3" } }, N],
  ["BKS-AWS-CDN-ROOT-OBJECT", "aws_cloudfront_distribution", { origin: [customOrigin({}), s3Origin], default_cache_behavior: { target_origin_id: "lb" }, ordered_cache_behavior: [{ path_pattern: "/*", target_origin_id: "s3" }] }, N],

  ["BKS-AWS-CDN-LOGGING", "aws_cloudfront_distribution", { logging_config: { bucket: "logs.s3.amazonaws.com" } }, C],
  ["BKS-AWS-CDN-LOGGING", "aws_cloudfront_distribution", { logging_config: { include_cookies: false } }, N],
  ["BKS-AWS-CDN-LOGGING", "aws_cloudfront_distribution", {}, N],

  ["BKS-AWS-CDN-ORIGIN-HTTPS", "aws_cloudfront_distribution", { origin: [customOrigin({ origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"] })] }, C],
  ["BKS-AWS-CDN-ORIGIN-HTTPS", "aws_cloudfront_distribution", { origin: [customOrigin({ origin_protocol_policy: "https-only" }), s3Origin] }, C],
  ["BKS-AWS-CDN-ORIGIN-HTTPS", "aws_cloudfront_distribution", { origin: [customOrigin({ origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2", "TLSv1.1"] })] }, N],
  ["BKS-AWS-CDN-ORIGIN-HTTPS", "aws_cloudfront_distribution", { origin: [customOrigin({ origin_protocol_policy: "https-only" }), customOrigin({ origin_protocol_policy: "match-viewer" })] }, N],

  ["BKS-AWS-CDN-SECURITY-HEADERS", "aws_cloudfront_distribution", { default_cache_behavior: { response_headers_policy_id: "p" }, ordered_cache_behavior: [{ response_headers_policy_id: "p" }] }, C],
  ["BKS-AWS-CDN-SECURITY-HEADERS", "aws_cloudfront_distribution", { default_cache_behavior: { response_headers_policy_id: "p" }, ordered_cache_behavior: [{}] }, N],
  ["BKS-AWS-CDN-SECURITY-HEADERS", "aws_cloudfront_distribution", { default_cache_behavior: {} }, N],

  ["BKS-AWS-CDN-TLS", "aws_cloudfront_distribution", { viewer_certificate: { acm_certificate_arn: "a", minimum_protocol_version: "TLSv1.2_2021" } }, C],
  ["BKS-AWS-CDN-TLS", "aws_cloudfront_distribution", { viewer_certificate: [{ acm_certificate_arn: "a", minimum_protocol_version: "TLSv1.2_2025" }] }, C],
  ["BKS-AWS-CDN-TLS", "aws_cloudfront_distribution", { viewer_certificate: { acm_certificate_arn: "a", minimum_protocol_version: "TLSv1.3_2025" } }, C],
  ["BKS-AWS-CDN-TLS", "aws_cloudfront_distribution", { viewer_certificate: { acm_certificate_arn: "a", minimum_protocol_version: "TLSv1.2_2019" } }, N],
  ["BKS-AWS-CDN-TLS", "aws_cloudfront_distribution", { viewer_certificate: { cloudfront_default_certificate: true, minimum_protocol_version: "TLSv1.2_2021" } }, N],
  ["BKS-AWS-CDN-TLS", "aws_cloudfront_distribution", {}, N],

  ["BKS-AWS-CDN-VIEWER-HTTPS", "aws_cloudfront_distribution", { default_cache_behavior: { viewer_protocol_policy: "redirect-to-https" }, ordered_cache_behavior: [{ viewer_protocol_policy: "https-only" }] }, C],
  ["BKS-AWS-CDN-VIEWER-HTTPS", "aws_cloudfront_distribution", { default_cache_behavior: { viewer_protocol_policy: "redirect-to-https" }, ordered_cache_behavior: [{ viewer_protocol_policy: "allow-all" }] }, N],
  ["BKS-AWS-CDN-VIEWER-HTTPS", "aws_cloudfront_distribution", { default_cache_behavior: { viewer_protocol_policy: "allow-all" } }, N],

  ["BKS-AWS-CDN-WAF", "aws_cloudfront_distribution", { web_acl_id: "arn:waf" }, C],
  ["BKS-AWS-CDN-WAF", "aws_cloudfront_distribution", { web_acl_id: "" }, N],
  ["BKS-AWS-CDN-WAF", "aws_cloudfront_distribution", {}, N],

  ["BKS-AWS-EKS-LOGS", "aws_eks_cluster", { enabled_cluster_log_types: ALL_LOGS }, C],
  ["BKS-AWS-EKS-LOGS", "aws_eks_cluster", { enabled_cluster_log_types: ALL_LOGS.slice(0, 4) }, N],
  ["BKS-AWS-EKS-LOGS", "aws_eks_cluster", {}, N],

  ["BKS-AWS-EKS-NODE-REMOTE-ACCESS", "aws_eks_node_group", {}, C],
  ["BKS-AWS-EKS-NODE-REMOTE-ACCESS", "aws_eks_node_group", { remote_access: { ec2_ssh_key: "k", source_security_group_ids: ["sg-1"] } }, C],
  ["BKS-AWS-EKS-NODE-REMOTE-ACCESS", "aws_eks_node_group", { remote_access: { ec2_ssh_key: "k", source_security_group_ids: [] } }, N],
  ["BKS-AWS-EKS-NODE-REMOTE-ACCESS", "aws_eks_node_group", { remote_access: { ec2_ssh_key: "k" } }, N],

  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: false } }, C],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: "false" } }, C],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: true, public_access_cidrs: ["203.0.113.0/24"] } }, C],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: {} }, N],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: "true", public_access_cidrs: ["203.0.113.0/24", "0.0.0.0/0"] } }, N],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: true, public_access_cidrs: [] } }, N],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: true, public_access_cidrs: HALVES } }, N],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: true, public_access_cidrs: FORTY_BLOCKS } }, N],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: true, public_access_cidrs: ["11.0.0.0/8", "203.0.113.0/24"] } }, N],
  ["BKS-AWS-EKS-ENDPOINT", "aws_eks_cluster", { vpc_config: { endpoint_public_access: true, public_access_cidrs: ["11.0.0.0/8"] } }, C],

  ["BKS-AWS-EKS-SECRETS-ENCRYPTION", "aws_eks_cluster", { encryption_config: { resources: ["secrets"], provider: { key_arn: "k" } } }, C],
  ["BKS-AWS-EKS-SECRETS-ENCRYPTION", "aws_eks_cluster", { encryption_config: { resources: [], provider: { key_arn: "k" } } }, N],
  ["BKS-AWS-EKS-SECRETS-ENCRYPTION", "aws_eks_cluster", { encryption_config: { resources: ["secrets"], provider: {} } }, N],
  ["BKS-AWS-EKS-SECRETS-ENCRYPTION", "aws_eks_cluster", { encryption_config: { provider: { key_arn: "k" } } }, N],

  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role_policy", { policy: policy({ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: "arn:aws:secretsmanager:eu-central-1:111122223333:secret:db-AbCdEf" }) }, C],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_policy", { policy: policy({ Effect: "Allow", Action: ["ec2:DescribeInstances"], Resource: "*" }, { Effect: "Deny", Action: "*", Resource: "*" }) }, C],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role_policy", { policy: policy({ Effect: "Allow", Action: "*", Resource: "*" }) }, N],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_user_policy", { policy: policy({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }) }, N],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_group_policy", { policy: policy({ Effect: "Allow", Action: "iam:*", Resource: "*" }) }, N],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_policy", { policy: policy({ Effect: "Allow", Action: ["s3:*"], Resource: ["*"] }) }, N],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_policy", { policy: policy({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }) }, N],
  // The jsonencode form, which checkov's CKV_AWS_62 and CKV_AWS_63 do not read.
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role_policy", { policy: '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = "*", "Resource" = "*"}]})}' }, N],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role", { inline_policy: [{ name: "p", policy: policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) }] }, C],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role", { inline_policy: [{ name: "p", policy: policy({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }] }, N],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: { Service: "ec2.amazonaws.com" } }) }, NA],
  ["BKS-AWS-IAM-WILDCARDS", "aws_iam_role_policy", { policy: "${data.aws_iam_policy_document.p.json}" }, NA],

  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: { Service: "ec2.amazonaws.com" } }) }, C],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: { AWS: "arn:aws:iam::111122223333:root" } }) }, C],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }) }, C],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ Effect: "Deny", Action: "sts:AssumeRole", Principal: "*" }) }, C],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: { AWS: "*" } }) }, N],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: { AWS: ["arn:aws:iam::111122223333:root", "*"] } }) }, N],
  // checkov's CKV_AWS_60 passes this form: it looks for the AWS key.
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: policy({ ...ASSUME, Principal: "*" }) }, N],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: '${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = "sts:AssumeRole", "Principal" = {"AWS" = "*"}}]})}' }, N],
  ["BKS-AWS-IAM-TRUST", "aws_iam_role", { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" }, NA],

  ["BKS-AWS-KMS-ROTATION", "aws_kms_key", { enable_key_rotation: true }, C],
  ["BKS-AWS-KMS-ROTATION", "aws_kms_key", { enable_key_rotation: false }, N],

  ["BKS-AWS-EC2-ENCRYPTED-VOLUMES", "aws_launch_template", { block_device_mappings: [{ ebs: { encrypted: "true" } }, { ebs: { encrypted: true } }] }, C],
  ["BKS-AWS-EC2-ENCRYPTED-VOLUMES", "aws_launch_template", { block_device_mappings: [{ ebs: { encrypted: "true" } }, { ebs: { encrypted: "false" } }] }, N],
  ["BKS-AWS-EC2-ENCRYPTED-VOLUMES", "aws_launch_template", { block_device_mappings: [{ device_name: "/dev/xvda" }] }, N],
  ["BKS-AWS-EC2-ENCRYPTED-VOLUMES", "aws_launch_template", {}, N],

  ["BKS-AWS-EC2-IMDSV2", "aws_launch_template", { metadata_options: { http_tokens: "required" } }, C],
  ["BKS-AWS-EC2-IMDSV2", "aws_launch_template", { metadata_options: { http_tokens: "required", http_put_response_hop_limit: "1" } }, C],
  ["BKS-AWS-EC2-IMDSV2", "aws_launch_template", { metadata_options: { http_tokens: "required", http_put_response_hop_limit: 2 } }, N],
  ["BKS-AWS-EC2-IMDSV2", "aws_launch_template", { metadata_options: { http_tokens: "optional" } }, N],
  ["BKS-AWS-EC2-IMDSV2", "aws_launch_template", {}, N],

  ["BKS-AWS-EC2-NO-PUBLIC-IP", "aws_launch_template", {}, C],
  ["BKS-AWS-EC2-NO-PUBLIC-IP", "aws_launch_template", { network_interfaces: [{ associate_public_ip_address: "false" }] }, C],
  ["BKS-AWS-EC2-NO-PUBLIC-IP", "aws_launch_template", { network_interfaces: [{}, { associate_public_ip_address: true }] }, N],

  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "HTTPS" }, C],
  ["BKS-AWS-LISTENER-HTTPS", "aws_alb_listener", { protocol: "tls" }, C],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "TCP" }, NA],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { default_action: { type: "redirect", redirect: { protocol: "HTTPS" } } }, C],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "http", default_action: [{ type: "redirect", redirect: [{ protocol: "HTTPS" }] }] }, C],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "HTTP", default_action: [{ type: "forward" }] }, N],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "HTTP", default_action: [] }, N],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "HTTP", default_action: [{ type: "redirect", redirect: { protocol: "HTTP" } }] }, N],
  ["BKS-AWS-LISTENER-HTTPS", "aws_lb_listener", { protocol: "HTTP", default_action: [{ type: "redirect", redirect: { protocol: "HTTPS" } }, { type: "forward" }] }, N],

  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }, C],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_alb_listener", { protocol: "https", ssl_policy: "ELBSecurityPolicy-TLS-1-2-2017-01" }, C],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "TLS", ssl_policy: "ELBSecurityPolicy-FS-1-2-Res-2020-10" }, C],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-2016-08" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-1-2021-06" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS", ssl_policy: "Custom-ELBSecurityPolicy-TLS13-1-2-2021-06" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTPS" }, N],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", { protocol: "HTTP", ssl_policy: "ELBSecurityPolicy-2016-08" }, NA],
  ["BKS-AWS-LISTENER-TLS-POLICY", "aws_lb_listener", {}, NA],

  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 443, to_port: 443 }), C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 81, to_port: 3388 }), C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ cidr_ipv4: "10.0.0.0/8", from_port: 22, to_port: 22 }), C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 22, to_port: 22 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 3389, to_port: 3389 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 80, to_port: 80 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 21, to_port: 22 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 22, to_port: 23 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ ip_protocol: "-1", from_port: 443, to_port: 443 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({}), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", { cidr_ipv6: "::/0", ip_protocol: "tcp", from_port: 22, to_port: 22 }, N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group_rule", { type: "ingress", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["0.0.0.0/0"] }, N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group_rule", { type: "ingress", protocol: "tcp", from_port: 3389, to_port: 3389, ipv6_cidr_blocks: ["::/0"] }, N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group_rule", { type: "egress", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["0.0.0.0/0"] }, C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group_rule", { type: "ingress", protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: HALVES }, N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ cidr_ipv4: "128.0.0.0/1", from_port: 22, to_port: 22 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", { cidr_ipv6: "2000::/3", ip_protocol: "tcp", from_port: 22, to_port: 22 }, N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", publicRule({ cidr_ipv4: "203.0.113.0/24", from_port: 22, to_port: 22 }), C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group", sgIngress({ from_port: 443, to_port: 443 }), C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group", sgIngress({ from_port: 0, to_port: 65535 }), N],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_security_group", sgIngress({ from_port: 22, to_port: 22, cidr_blocks: [], ipv6_cidr_blocks: ["::/0"] }), N],

  // A group admits the union of its rules (issue #24): a public /8 on 22 is not the internet alone,
  // but with another /8 on a rule of the same group that reaches TCP 22 it is.
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), C],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), N, webRule({ from_port: 0, to_port: 65535 })],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), N, webRule({ protocol: "-1", from_port: 0, to_port: 0 })],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), N, webGroup({ from_port: 20, to_port: 22 })],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), C, webRule({ protocol: "udp", from_port: 22, to_port: 22 })],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), C, webRule({ from_port: 23, to_port: 443 })],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), C, webRule({ from_port: 22, to_port: 22, security_group_id: "sg-other" })],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 22, to_port: 22 }), C, webRule({ type: "egress", from_port: 22, to_port: 22 })],
  // Together on 443 they admit the internet, but 443 is no admin port.
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 443, to_port: 443 }), C, webRule({ from_port: 443, to_port: 443 })],

  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", { cidr_ipv4: "10.0.0.0/8" }, C],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", { cidr_ipv4: "0.0.0.0/0" }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", { cidr_ipv6: "::/0" }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group_rule", { type: "egress", cidr_blocks: ["10.0.0.0/8"] }, C],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group_rule", { type: "egress", cidr_blocks: ["0.0.0.0/0"] }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group_rule", { type: "egress", ipv6_cidr_blocks: ["::/0"] }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group_rule", { type: "ingress", cidr_blocks: ["0.0.0.0/0"] }, NA],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group", {}, C],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group", { egress: [{ cidr_blocks: ["10.0.0.0/8"] }] }, C],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group", { egress: [{ cidr_blocks: ["10.0.0.0/8"] }, { cidr_blocks: ["0.0.0.0/0"] }] }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group", { egress: { ipv6_cidr_blocks: ["::/0"] } }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_security_group_rule", { type: "egress", cidr_blocks: HALVES }, N],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", { cidr_ipv4: "203.0.113.0/24" }, C],

  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", { cidr_ipv4: "10.0.0.0/8", from_port: 443, to_port: 443 }, C],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", publicRule({ from_port: 443, to_port: 443 }), N],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group_rule", { type: "ingress", from_port: 443, to_port: 443, ipv6_cidr_blocks: ["::/0"] }, N],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group", sgIngress({ from_port: 443, to_port: 443 }), N],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group", {}, C],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group_rule", { type: "ingress", from_port: 443, to_port: 443, cidr_blocks: FORTY_BLOCKS }, N],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group", sgIngress({ from_port: 443, to_port: 443, cidr_blocks: HALVES }), N],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group_rule", { type: "ingress", from_port: 443, to_port: 443, cidr_blocks: ["203.0.113.0/24", "198.51.100.0/24"] }, C],

  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 443, to_port: 443 }), N, webRule({ from_port: 443, to_port: 443 })],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 443, to_port: 443 }), C, webRule({ from_port: 80, to_port: 80 })],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group", { ingress: [{ protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["12.0.0.0/8"] }] }, N, webRule({ from_port: 443, to_port: 443 }, "subject")],
  // A rule with only private addresses is no part of the way in, whatever else the group admits.
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "10.0.0.0/8", from_port: 443, to_port: 443 }), C, webRule({ from_port: 443, to_port: 443, cidr_blocks: ["0.0.0.0/0"] })],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", ip_protocol: "tcp", from_port: 443, to_port: 443 }), N, webRule({ type: "egress", from_port: 443, to_port: 443 })],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", ip_protocol: "tcp", from_port: 443, to_port: 443 }), C, webRule({ type: "ingress", from_port: 443, to_port: 443 })],

  // A prefix list of the stack that a rule names adds its CIDRs, inline entries and entry resources alike, to the rule's (issue #24).
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), N, prefixList(HALVES)],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), N, prefixList(["12.0.0.0/8", "13.0.0.0/8"])],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), N, prefixList([], ["12.0.0.0/8", "13.0.0.0/8"])],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), N, prefixList(["12.0.0.0/8"], ["13.0.0.0/8"])],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), C, prefixList(["12.0.0.0/8"])],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), C, prefixList(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"])],
  // Entries added to another list are not this one's.
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443), C, prefixList([], HALVES, "other")],
  // An AWS-managed list (a literal pl- ID, CloudFront's origin-facing list) or a data source's is not in the stack: nothing the pack can judge.
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443, "pl-0123456789abcdef0"), C, prefixList(HALVES)],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", fromList(443, "${data.aws_ec2_managed_prefix_list.cloudfront.id}"), C, prefixList(HALVES)],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group_rule", { type: "ingress", security_group_id: "${aws_security_group.web.id}", protocol: "tcp", from_port: 443, to_port: 443, prefix_list_ids: [PL] }, N, prefixList(HALVES)],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_security_group", { ingress: [{ protocol: "tcp", from_port: 443, to_port: 443, prefix_list_ids: ["pl-0123456789abcdef0", PL] }] }, N, prefixList([], HALVES)],
  // Split over rules: a /8 written in one rule, another in the prefix list a second rule of the group names.
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 443, to_port: 443 }), N, { ...prefixList(["13.0.0.0/8"]), aws_vpc_security_group_ingress_rule: { other: fromList(443) } }],
  ["BKS-AWS-SG-PUBLIC-INGRESS", "aws_vpc_security_group_ingress_rule", onWeb({ cidr_ipv4: "12.0.0.0/8", from_port: 443, to_port: 443 }), C, { ...prefixList(["13.0.0.0/8"]), aws_vpc_security_group_ingress_rule: { other: fromList(8443) } }],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", fromList(22), N, prefixList([], HALVES)],
  ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "aws_vpc_security_group_ingress_rule", fromList(443), C, prefixList([], HALVES)],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", fromList(443), N, prefixList(["12.0.0.0/8"], ["13.0.0.0/8"])],
  ["BKS-AWS-SG-PUBLIC-EGRESS", "aws_vpc_security_group_egress_rule", fromList(443), C, prefixList(["10.0.0.0/8"], ["192.168.0.0/16"])],

  ["BKS-AWS-RDS-BACKUPS", "aws_db_instance", { backup_retention_period: 7 }, C],
  ["BKS-AWS-RDS-BACKUPS", "aws_db_instance", { backup_retention_period: 35 }, C],
  ["BKS-AWS-RDS-BACKUPS", "aws_db_instance", { backup_retention_period: "14" }, C],
  ["BKS-AWS-RDS-BACKUPS", "aws_db_instance", { backup_retention_period: 6 }, N],
  ["BKS-AWS-RDS-BACKUPS", "aws_db_instance", { backup_retention_period: 36 }, N],
  ["BKS-AWS-RDS-BACKUPS", "aws_db_instance", {}, N],

  ["BKS-AWS-RDS-SNAPSHOT-TAGS", "aws_db_instance", { copy_tags_to_snapshot: true }, C],
  ["BKS-AWS-RDS-SNAPSHOT-TAGS", "aws_db_instance", {}, N],

  ["BKS-AWS-RDS-DELETION-PROTECTION", "aws_db_instance", { deletion_protection: "true" }, C],
  ["BKS-AWS-RDS-DELETION-PROTECTION", "aws_db_instance", { deletion_protection: false }, N],

  ["BKS-AWS-RDS-MONITORING", "aws_db_instance", { monitoring_interval: 1 }, C],
  ["BKS-AWS-RDS-MONITORING", "aws_db_instance", { monitoring_interval: 0 }, N],
  ["BKS-AWS-RDS-MONITORING", "aws_db_instance", {}, N],

  ["BKS-AWS-RDS-IAM-AUTH", "aws_db_instance", { iam_database_authentication_enabled: true }, C],
  ["BKS-AWS-RDS-IAM-AUTH", "aws_db_instance", {}, N],

  ["BKS-AWS-RDS-LOG-EXPORTS", "aws_db_instance", { enabled_cloudwatch_logs_exports: ["error"] }, C],
  ["BKS-AWS-RDS-LOG-EXPORTS", "aws_db_instance", { enabled_cloudwatch_logs_exports: [] }, N],
  ["BKS-AWS-RDS-LOG-EXPORTS", "aws_db_instance", { enabled_cloudwatch_logs_exports: "error" }, N],

  ["BKS-AWS-RDS-MINOR-UPGRADES", "aws_db_instance", {}, C],
  ["BKS-AWS-RDS-MINOR-UPGRADES", "aws_db_instance", { auto_minor_version_upgrade: true }, C],
  ["BKS-AWS-RDS-MINOR-UPGRADES", "aws_db_instance", { auto_minor_version_upgrade: false }, N],
  ["BKS-AWS-RDS-MINOR-UPGRADES", "aws_db_instance", { auto_minor_version_upgrade: "false" }, N],

  ["BKS-AWS-RDS-MULTI-AZ", "aws_db_instance", { multi_az: true }, C],
  ["BKS-AWS-RDS-MULTI-AZ", "aws_db_instance", { multi_az: false }, N],

  ["BKS-AWS-RDS-PRIVATE", "aws_db_instance", {}, C],
  ["BKS-AWS-RDS-PRIVATE", "aws_db_instance", { publicly_accessible: "true" }, N],

  ["BKS-AWS-RDS-PERFORMANCE-INSIGHTS", "aws_db_instance", { performance_insights_enabled: true }, C],
  ["BKS-AWS-RDS-PERFORMANCE-INSIGHTS", "aws_db_instance", {}, N],

  ["BKS-AWS-RDS-TLS", "aws_db_instance", MYSQL, C, withParameter("require_secure_transport", "1")],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", MYSQL, C, withParameter("require_secure_transport", "ON")],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", { ...MYSQL, engine: "aurora-mysql" }, C, withParameter("require_secure_transport", "on")],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", MYSQL, C, withParameter("require_secure_transport", 1)],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", MYSQL, N, withParameter("require_secure_transport", "0")],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", MYSQL, N, withParameter("tls_version", "1")],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", { engine: "mysql" }, N, withParameter("require_secure_transport", "1")],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", { engine: "postgres" }, NA],
  ["BKS-AWS-RDS-TLS", "aws_db_instance", {}, NA],

  ["BKS-AWS-RDS-ENCRYPTED", "aws_db_instance", { storage_encrypted: true }, C],
  ["BKS-AWS-RDS-ENCRYPTED", "aws_db_instance", { storage_encrypted: false }, N],

  ["BKS-AWS-SG-DESCRIPTIONS", "aws_security_group", { description: "web servers" }, C],
  ["BKS-AWS-SG-DESCRIPTIONS", "aws_vpc_security_group_ingress_rule", { description: "HTTPS from the CDN" }, C],
  ["BKS-AWS-SG-DESCRIPTIONS", "aws_vpc_security_group_egress_rule", { description: " " }, N],
  ["BKS-AWS-SG-DESCRIPTIONS", "aws_security_group_rule", {}, N],

  ["BKS-AWS-TARGET-GROUP-HEALTH-CHECK", "aws_lb_target_group", { health_check: { path: "/healthz" } }, C],
  ["BKS-AWS-TARGET-GROUP-HEALTH-CHECK", "aws_alb_target_group", { health_check: [{ enabled: true }] }, C],
  ["BKS-AWS-S3-PUBLIC-ACCESS-BLOCK", "aws_s3_bucket", {}, C, bucketSetting("aws_s3_bucket_public_access_block", BLOCK_ALL)],
  ["BKS-AWS-S3-PUBLIC-ACCESS-BLOCK", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_public_access_block", { ...BLOCK_ALL, restrict_public_buckets: false })],
  ["BKS-AWS-S3-PUBLIC-ACCESS-BLOCK", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_public_access_block", BLOCK_ALL, "other")],
  ["BKS-AWS-S3-PUBLIC-ACCESS-BLOCK", "aws_s3_bucket", {}, N],

  ["BKS-AWS-S3-KMS", "aws_s3_bucket", {}, C, bucketSetting("aws_s3_bucket_server_side_encryption_configuration", { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" } }] })],
  ["BKS-AWS-S3-KMS", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_server_side_encryption_configuration", { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] })],
  ["BKS-AWS-S3-KMS", "aws_s3_bucket", {}, N],

  ["BKS-AWS-S3-VERSIONING", "aws_s3_bucket", {}, C, bucketSetting("aws_s3_bucket_versioning", { versioning_configuration: { status: "Enabled" } })],
  ["BKS-AWS-S3-VERSIONING", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_versioning", { versioning_configuration: { status: "Suspended" } })],
  ["BKS-AWS-S3-VERSIONING", "aws_s3_bucket", {}, N],

  ["BKS-AWS-S3-ACCESS-LOGS", "aws_s3_bucket", {}, C, bucketSetting("aws_s3_bucket_logging", { target_bucket: "${aws_s3_bucket.logs.id}", target_prefix: "s3/" })],
  ["BKS-AWS-S3-ACCESS-LOGS", "aws_s3_bucket", { logging: { target_bucket: "logs" } }, C],
  // Being another bucket's logging target is not logging.
  ["BKS-AWS-S3-ACCESS-LOGS", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_logging", { target_bucket: "${aws_s3_bucket.subject.id}", target_prefix: "s3/" }, "other")],
  ["BKS-AWS-S3-ACCESS-LOGS", "aws_s3_bucket", {}, N],

  ["BKS-AWS-S3-LIFECYCLE", "aws_s3_bucket", {}, C, lifecycleRule({ abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] })],
  ["BKS-AWS-S3-LIFECYCLE", "aws_s3_bucket", {}, N, lifecycleRule({ abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }], status: "Disabled" })],
  ["BKS-AWS-S3-LIFECYCLE", "aws_s3_bucket", {}, N, lifecycleRule({ noncurrent_version_expiration: [{ noncurrent_days: 30 }] })],
  ["BKS-AWS-S3-LIFECYCLE", "aws_s3_bucket", {}, N],

  ["BKS-AWS-S3-TLS-ONLY", "aws_s3_bucket", {}, C, bucketSetting("aws_s3_bucket_policy", { policy: TLS_ONLY_HCL })],
  ["BKS-AWS-S3-TLS-ONLY", "aws_s3_bucket", { policy: TLS_ONLY_JSON }, C],
  ["BKS-AWS-S3-TLS-ONLY", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_policy", { policy: TLS_ONLY_HCL.replace("Deny", "Allow") })],
  ["BKS-AWS-S3-TLS-ONLY", "aws_s3_bucket", {}, N, bucketSetting("aws_s3_bucket_policy", { policy: TLS_ONLY_HCL }, "other")],
  ["BKS-AWS-S3-TLS-ONLY", "aws_s3_bucket", {}, N],

  ["BKS-AWS-S3-ACLS-DISABLED", "aws_s3_bucket_ownership_controls", { rule: { object_ownership: "BucketOwnerEnforced" } }, C],
  ["BKS-AWS-S3-ACLS-DISABLED", "aws_s3_bucket_ownership_controls", { rule: [{ object_ownership: "BucketOwnerPreferred" }] }, N],

  ["BKS-AWS-CDN-S3-OAC", "aws_cloudfront_distribution", { origin: [customOrigin({}), bucketOrigin({ origin_access_control_id: "${aws_cloudfront_origin_access_control.o.id}" })] }, C, { aws_s3_bucket: { assets: {} } }],
  ["BKS-AWS-CDN-S3-OAC", "aws_cloudfront_distribution", { origin: [customOrigin({}), bucketOrigin()] }, N, { aws_s3_bucket: { assets: {} } }],
  ["BKS-AWS-CDN-S3-OAC", "aws_cloudfront_distribution", { origin: [customOrigin({})] }, NA],

  ["BKS-AWS-TARGET-GROUP-HEALTH-CHECK", "aws_lb_target_group", { health_check: { enabled: false } }, N],
  ["BKS-AWS-TARGET-GROUP-HEALTH-CHECK", "aws_lb_target_group", { health_check: { enabled: "false" } }, N],
  ["BKS-AWS-TARGET-GROUP-HEALTH-CHECK", "aws_lb_target_group", {}, N],

  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_launch_template", {}, C],
  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_launch_template", { user_data: "echo password" }, C],
  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_launch_template", { user_data: `key=AKIA${"A1B2".repeat(3)}XYZ` }, C],
  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_launch_template", { user_data: `key=AKIA${"A1B2".repeat(4)}` }, N],
  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_instance", { user_data: "export AWS_SECRET_ACCESS_KEY=x" }, N],
  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_instance", { user_data: "db_password = hunter2" }, N],
  ["BKS-AWS-EC2-USER-DATA-SECRETS", "aws_instance", { user_data: "PASSWORD=hunter2" }, N],

  ["BKS-AWS-VPC-DEFAULT-SG", "aws_vpc", {}, C, { aws_default_security_group: { d: { vpc_id: ref("aws_vpc.subject") } } }],
  ["BKS-AWS-VPC-DEFAULT-SG", "aws_vpc", {}, N, { aws_default_security_group: { d: { vpc_id: ref("aws_vpc.subject"), ingress: [] } } }],
  ["BKS-AWS-VPC-DEFAULT-SG", "aws_vpc", {}, N, { aws_default_security_group: { d: { vpc_id: ref("aws_vpc.subject"), egress: [{ protocol: "-1" }] } } }],
  ["BKS-AWS-VPC-DEFAULT-SG", "aws_vpc", {}, N, { aws_default_security_group: { d: { vpc_id: ref("aws_vpc.other") } } }],

  ["BKS-AWS-VPC-FLOW-LOGS", "aws_vpc", {}, C, { aws_flow_log: { f: { vpc_id: ref("aws_vpc.subject") } } }],
  ["BKS-AWS-VPC-FLOW-LOGS", "aws_vpc", {}, N, { aws_flow_log: { f: { vpc_id: ref("aws_vpc.other") } } }],

  ["BKS-AWS-ROUTE53-QUERY-LOGS", "aws_route53_zone", { name: "example.com" }, C, { aws_route53_query_log: { q: { zone_id: "${aws_route53_zone.subject.zone_id}", cloudwatch_log_group_arn: "arn" } } }],
  ["BKS-AWS-ROUTE53-QUERY-LOGS", "aws_route53_zone", { name: "example.com" }, N, { aws_route53_query_log: { q: { zone_id: "${aws_route53_zone.other.zone_id}", cloudwatch_log_group_arn: "arn" } } }],
  ["BKS-AWS-ROUTE53-QUERY-LOGS", "aws_route53_zone", { name: "example.com" }, N],
  ["BKS-AWS-ROUTE53-QUERY-LOGS", "aws_route53_zone", { name: "corp.internal", vpc: [{ vpc_id: "vpc-1" }] }, NA],
];

describe("the AWS rules on hand-written blocks", () => {
  test("every rule has an ID, the scanner rules it mirrors, an explanation, and fails synth unless a prop relaxes it", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^BKS-AWS-[A-Z0-9-]+$/);
      expect(rule.mirrors.length).toBeGreaterThan(0);
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV2?_AWS_\d+|AVD-AWS-\d{4}|KICS [0-9a-f-]{36})$/);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect({ rule: rule.id, level: rule.level }).toEqual({ rule: rule.id, level: WARNINGS.includes(rule.id) ? PolicyLevel.WARNING : PolicyLevel.ERROR });
    }
  });

  test("the cases give every rule a compliant and a non-compliant block", () => {
    expectEveryRuleCovered(RULES, CASES);
  });

  test.each(CASES)("%s on %s %j is %s", (...ruleCase) => {
    expectRuleCase(RULES, ruleCase);
  });
});
