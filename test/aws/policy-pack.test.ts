import { Testing } from "cdktf";
import { AWS_POLICY_PACK, BookstoreStacks, Cloud, evaluate, PolicyChecks, policyMatchers, ValidationError } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { TerraformJson } from "../support/synth";

expect.extend(policyMatchers);

function defaultBookstore(overrides: Record<string, unknown> = {}) {
  const app = Testing.app();
  const cloud = Cloud.aws({ region: "eu-central-1" });
  const stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...overrides, cloud });
  return stacks.infrastructure;
}

/** The default bookstore's JSON as the policy sees it (metadata with construct paths kept); built once, copied per test. */
let defaultJson: TerraformJson | undefined;
function stackJson(): TerraformJson {
  defaultJson ??= defaultBookstore({ policyChecks: false }).toTerraform();
  return JSON.parse(JSON.stringify(defaultJson));
}

type Blocks = Record<string, Record<string, any>>;
const first = (json: TerraformJson, type: string): Record<string, any> => Object.values((json.resource as Blocks)[type])[0];
const all = (json: TerraformJson, type: string): Record<string, any>[] => Object.values((json.resource as Blocks)[type] ?? {});
const remove = (json: TerraformJson, type: string) => delete (json.resource as Blocks)[type];
/** The VMs' launch template (the nodes' is the cluster's, `Bookstore_Kubernetes_NodeLaunchTemplate`). */
const vmTemplate = (json: TerraformJson): Record<string, any> => Object.entries((json.resource as Blocks).aws_launch_template).find(([name]) => name.startsWith("Bookstore_Web_"))![1];
/** The asset bucket's block of a type (its name starts with the construct path's `Bookstore_Assets`). */
const assets = (json: TerraformJson, type: string): Record<string, any> => Object.entries((json.resource as Blocks)[type]).find(([name]) => name.startsWith("Bookstore_Assets"))![1];
const removeAssets = (json: TerraformJson, type: string) => {
  const blocks = (json.resource as Blocks)[type];
  for (const name of Object.keys(blocks)) if (name.startsWith("Bookstore_Assets")) delete blocks[name];
};

describe("the AWS policy pack", () => {
  test("every rule has an ID, the scanner rules it mirrors, an explanation and a level", () => {
    const ids = AWS_POLICY_PACK.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of AWS_POLICY_PACK.rules) {
      expect(rule.id).toMatch(/^BKS-AWS-[A-Z0-9-]+$/);
      expect(rule.mirrors.length).toBeGreaterThan(0);
      for (const mirrored of rule.mirrors) expect(mirrored).toMatch(/^(CKV2?_AWS_\d+|AVD-AWS-\d{4}|KICS [0-9a-f-]{36})$/);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
  });

  test("the default bookstore has no finding; what it suppresses carries a reason", () => {
    const stack = defaultBookstore({ policyChecks: false });
    expect(stack).toHaveNoPolicyFindings(AWS_POLICY_PACK);
    const report = evaluate(stack.toTerraform(), AWS_POLICY_PACK.rules, []);
    // Without its suppressions, exactly the documented exceptions show up: the web tier's
    // HTTPS egress, and what the log bucket's nature forbids (the ALB behind the CDN is
    // internal, so its web ACL rule does not apply).
    expect(report.findings.map((f) => `${f.rule.id} ${f.resource.constructPath}`).sort()).toEqual([
      "BKS-AWS-S3-ACCESS-LOGS bookstore-aws/AwsLogBucket/Resource",
      "BKS-AWS-S3-ACLS-DISABLED bookstore-aws/AwsLogBucket/OwnershipControls",
      "BKS-AWS-S3-KMS bookstore-aws/AwsLogBucket/Resource",
      "BKS-AWS-SG-PUBLIC-EGRESS bookstore-aws/Bookstore/Web/EgressHttps",
    ]);
  });

  test("a bookstore without a CDN gets a web ACL of its own and documents its public ports", () => {
    const stack = defaultBookstore({ cdn: { enabled: false }, policyChecks: false });
    expect(stack).toHaveNoPolicyFindings(AWS_POLICY_PACK);
    expect(Object.keys(stack.toTerraform().resource)).toEqual(expect.arrayContaining(["aws_wafv2_web_acl_association"]));
  });

  // [rule, how to break the default bookstore so that it fires]
  const BREAKAGES: [string, (json: TerraformJson) => void][] = [
    ["BKS-AWS-RDS-ENCRYPTED", (j) => (first(j, "aws_db_instance").storage_encrypted = false)],
    ["BKS-AWS-RDS-PRIVATE", (j) => (first(j, "aws_db_instance").publicly_accessible = true)],
    ["BKS-AWS-RDS-DELETION-PROTECTION", (j) => (first(j, "aws_db_instance").deletion_protection = false)],
    ["BKS-AWS-RDS-BACKUPS", (j) => (first(j, "aws_db_instance").backup_retention_period = 2)],
    ["BKS-AWS-RDS-MULTI-AZ", (j) => (first(j, "aws_db_instance").multi_az = false)],
    ["BKS-AWS-RDS-MINOR-UPGRADES", (j) => (first(j, "aws_db_instance").auto_minor_version_upgrade = false)],
    ["BKS-AWS-RDS-IAM-AUTH", (j) => delete first(j, "aws_db_instance").iam_database_authentication_enabled],
    ["BKS-AWS-RDS-LOG-EXPORTS", (j) => (first(j, "aws_db_instance").enabled_cloudwatch_logs_exports = [])],
    ["BKS-AWS-RDS-MONITORING", (j) => (first(j, "aws_db_instance").monitoring_interval = 0)],
    ["BKS-AWS-RDS-PERFORMANCE-INSIGHTS", (j) => (first(j, "aws_db_instance").performance_insights_enabled = false)],
    ["BKS-AWS-RDS-SNAPSHOT-TAGS", (j) => delete first(j, "aws_db_instance").copy_tags_to_snapshot],
    ["BKS-AWS-RDS-TLS", (j) => (first(j, "aws_db_parameter_group").parameter = [])],
    ["BKS-AWS-ALB-DROP-INVALID-HEADERS", (j) => (first(j, "aws_lb").drop_invalid_header_fields = false)],
    ["BKS-AWS-ALB-DELETION-PROTECTION", (j) => (first(j, "aws_lb").enable_deletion_protection = false)],
    ["BKS-AWS-ALB-DESYNC", (j) => (first(j, "aws_lb").desync_mitigation_mode = "monitor")],
    ["BKS-AWS-ALB-ACCESS-LOGS", (j) => delete first(j, "aws_lb").access_logs],
    // The ALB behind the CDN is internal; made internet-facing without a web ACL, it fires.
    ["BKS-AWS-ALB-WAF", (j) => (first(j, "aws_lb").internal = false)],
    ["BKS-AWS-TARGET-GROUP-HEALTH-CHECK", (j) => (first(j, "aws_lb_target_group").health_check = { enabled: false })],
    ["BKS-AWS-LISTENER-HTTPS", (j) => all(j, "aws_lb_listener").forEach((l) => l.protocol === "HTTP" && (l.default_action = [{ type: "forward" }]))],
    ["BKS-AWS-LISTENER-TLS-POLICY", (j) => all(j, "aws_lb_listener").forEach((l) => (l.ssl_policy = "ELBSecurityPolicy-2016-08"))],
    ["BKS-AWS-CDN-VIEWER-HTTPS", (j) => (first(j, "aws_cloudfront_distribution").default_cache_behavior.viewer_protocol_policy = "allow-all")],
    ["BKS-AWS-CDN-TLS", (j) => (first(j, "aws_cloudfront_distribution").viewer_certificate = { cloudfront_default_certificate: true })],
    ["BKS-AWS-CDN-WAF", (j) => delete first(j, "aws_cloudfront_distribution").web_acl_id],
    ["BKS-AWS-CDN-ORIGIN-HTTPS", (j) => (first(j, "aws_cloudfront_vpc_origin").vpc_origin_endpoint_config[0].origin_protocol_policy = "match-viewer")],
    ["BKS-AWS-CDN-SECURITY-HEADERS", (j) => delete first(j, "aws_cloudfront_distribution").default_cache_behavior.response_headers_policy_id],
    ["BKS-AWS-CDN-LOGGING", (j) => delete first(j, "aws_cloudfront_distribution").logging_config],
    ["BKS-AWS-CDN-ROOT-OBJECT", (j) => (first(j, "aws_cloudfront_distribution").origin[0] = { domain_name: "b.s3.amazonaws.com", origin_id: "s3" })],
    ["BKS-AWS-CDN-S3-OAC", (j) => first(j, "aws_cloudfront_distribution").origin.forEach((o: Record<string, unknown>) => delete o.origin_access_control_id)],
    ["BKS-AWS-S3-PUBLIC-ACCESS-BLOCK", (j) => (assets(j, "aws_s3_bucket_public_access_block").block_public_policy = false)],
    ["BKS-AWS-S3-KMS", (j) => (assets(j, "aws_s3_bucket_server_side_encryption_configuration").rule[0].apply_server_side_encryption_by_default.sse_algorithm = "AES256")],
    ["BKS-AWS-S3-VERSIONING", (j) => removeAssets(j, "aws_s3_bucket_versioning")],
    ["BKS-AWS-S3-ACCESS-LOGS", (j) => removeAssets(j, "aws_s3_bucket_logging")],
    ["BKS-AWS-S3-LIFECYCLE", (j) => delete assets(j, "aws_s3_bucket_lifecycle_configuration").rule[0].abort_incomplete_multipart_upload],
    ["BKS-AWS-S3-TLS-ONLY", (j) => removeAssets(j, "aws_s3_bucket_policy")],
    ["BKS-AWS-S3-ACLS-DISABLED", (j) => (assets(j, "aws_s3_bucket_ownership_controls").rule.object_ownership = "ObjectWriter")],
    ["BKS-AWS-EKS-ENDPOINT", (j) => Object.assign(first(j, "aws_eks_cluster").vpc_config, { endpoint_public_access: true })],
    ["BKS-AWS-EKS-SECRETS-ENCRYPTION", (j) => delete first(j, "aws_eks_cluster").encryption_config],
    ["BKS-AWS-EKS-LOGS", (j) => (first(j, "aws_eks_cluster").enabled_cluster_log_types = ["api"])],
    ["BKS-AWS-EKS-NODE-REMOTE-ACCESS", (j) => (first(j, "aws_eks_node_group").remote_access = { ec2_ssh_key: "k" })],
    ["BKS-AWS-SG-PUBLIC-ADMIN-PORTS", (j) => Object.assign(all(j, "aws_vpc_security_group_ingress_rule")[0], { cidr_ipv4: "0.0.0.0/0", from_port: 22, to_port: 22 })],
    ["BKS-AWS-SG-PUBLIC-INGRESS", (j) => Object.assign(all(j, "aws_vpc_security_group_ingress_rule")[0], { cidr_ipv4: "0.0.0.0/0" })],
    // Fires on the default bookstore once its documented suppression is left out.
    ["BKS-AWS-SG-PUBLIC-EGRESS", () => undefined],
    ["BKS-AWS-SG-DESCRIPTIONS", (j) => delete first(j, "aws_security_group").description],
    ["BKS-AWS-EC2-IMDSV2", (j) => (vmTemplate(j).metadata_options.http_tokens = "optional")],
    ["BKS-AWS-EC2-NO-PUBLIC-IP", (j) => (vmTemplate(j).network_interfaces[0].associate_public_ip_address = "true")],
    ["BKS-AWS-EC2-ENCRYPTED-VOLUMES", (j) => (vmTemplate(j).block_device_mappings[0].ebs.encrypted = "false")],
    ["BKS-AWS-EC2-USER-DATA-SECRETS", (j) => (vmTemplate(j).user_data = "export PASSWORD=hunter2\npassword = hunter2")],
    ["BKS-AWS-ASG-LAUNCH-TEMPLATE", (j) => delete first(j, "aws_autoscaling_group").launch_template],
    ["BKS-AWS-ASG-ELB-HEALTH", (j) => (first(j, "aws_autoscaling_group").health_check_type = "EC2")],
    ["BKS-AWS-KMS-ROTATION", (j) => (first(j, "aws_kms_key").enable_key_rotation = false)],
    ["BKS-AWS-IAM-WILDCARDS", (j) => (first(j, "aws_iam_role_policy").policy = '${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = "*", "Resource" = "*"}]})}')],
    ["BKS-AWS-IAM-TRUST", (j) => (first(j, "aws_iam_role").assume_role_policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }] }))],
    ["BKS-AWS-CACHE-ENCRYPTED", (j) => (first(j, "aws_elasticache_replication_group").at_rest_encryption_enabled = "false")],
    ["BKS-AWS-CACHE-CMK", (j) => delete first(j, "aws_elasticache_replication_group").kms_key_id],
    ["BKS-AWS-CACHE-TLS", (j) => (first(j, "aws_elasticache_replication_group").transit_encryption_enabled = false)],
    ["BKS-AWS-CACHE-AUTH", (j) => delete first(j, "aws_elasticache_replication_group").auth_token],
    ["BKS-AWS-CACHE-FAILOVER", (j) => (first(j, "aws_elasticache_replication_group").automatic_failover_enabled = false)],
    ["BKS-AWS-SECRET-CMK", (j) => delete first(j, "aws_secretsmanager_secret").kms_key_id],
    ["BKS-AWS-ACM-CREATE-BEFORE-DESTROY", (j) => all(j, "aws_acm_certificate").forEach((c) => delete c.lifecycle)],
    ["BKS-AWS-VPC-DEFAULT-SG", (j) => remove(j, "aws_default_security_group")],
    ["BKS-AWS-VPC-FLOW-LOGS", (j) => remove(j, "aws_flow_log")],
    ["BKS-AWS-ROUTE53-QUERY-LOGS", (j) => ((j.resource as Blocks).aws_route53_zone = { Breakage: { name: "example.com" } })],
  ];

  test("the breakage table covers every rule", () => {
    expect(BREAKAGES.map(([id]) => id).sort()).toEqual(AWS_POLICY_PACK.rules.map((r) => r.id).sort());
  });

  test.each(BREAKAGES)("fails when %s is broken", (ruleId, breakIt) => {
    // GIVEN the default bookstore, without its suppressions, broken in one place
    const json = stackJson();
    breakIt(json);
    // WHEN the pack checks it THEN the rule fires
    const fired = evaluate(json, AWS_POLICY_PACK.rules, []).findings.map((f) => f.rule.id);
    expect(fired).toContain(ruleId);
  });

  test("a violation fails synth with a readable report", () => {
    const stack = defaultBookstore();
    const db = stack.node.findAll().find((c) => (c as any).terraformResourceType === "aws_db_instance") as any;
    // A raw override is the only way past the typed props: exactly what the pack guards against.
    db.addOverride("storage_encrypted", false);
    expect(() => Testing.synth(stack, true)).toThrow(/ERROR BKS-AWS-RDS-ENCRYPTED \(CKV_AWS_16, AVD-AWS-0080\) bookstore-aws\/Bookstore\/Database\/Resource/);
  });

  test("a suppression turns a finding off below its construct, and the report shows its reason", () => {
    const stack = defaultBookstore();
    const db = stack.node.findAll().find((c) => (c as any).terraformResourceType === "aws_db_instance") as any;
    db.addOverride("storage_encrypted", false);
    PolicyChecks.of(db).suppress("BKS-AWS-RDS-ENCRYPTED", "Test data only, deleted every night by the test harness.");
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(PolicyChecks.reportOf(stack)!.suppressed.map((s) => s.suppression.reason)).toContain("Test data only, deleted every night by the test harness.");
  });

  test("fails when a suppression gives no real reason", () => {
    const stack = defaultBookstore();
    expect(() => PolicyChecks.of(stack).suppress("BKS-AWS-RDS-ENCRYPTED", "because")).toThrow(ValidationError);
  });
});
