/**
 * Resource types whose replacement loses data or breaks everything that trusts them:
 * databases, clusters, keys, buckets. A changed construct ID changes their Terraform
 * address, and Terraform then destroys the old one. The guard test keeps a manifest of
 * their addresses per stack (test/stateful-resources.json).
 */
export const STATEFUL_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  // AWS
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_eks_cluster",
  "aws_kms_key",
  "aws_s3_bucket",
  "aws_efs_file_system",
  // Alibaba Cloud
  "alicloud_db_instance",
  "alicloud_db_database",
  "alicloud_cs_managed_kubernetes",
  "alicloud_kms_key",
  "alicloud_kms_secret",
  "alicloud_oss_bucket",
  // Tencent Cloud
  "tencentcloud_mysql_instance",
  "tencentcloud_mysql_database",
  "tencentcloud_kubernetes_cluster",
  "tencentcloud_kms_key",
  "tencentcloud_ssm_secret",
  "tencentcloud_cos_bucket",
]);

/** The Terraform addresses of the stateful resources in one stack's JSON, sorted. */
export function statefulAddresses(stackJson: { resource?: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(stackJson.resource ?? {})
    .filter(([type]) => STATEFUL_RESOURCE_TYPES.has(type))
    .flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `${type}.${name}`))
    .sort();
}
