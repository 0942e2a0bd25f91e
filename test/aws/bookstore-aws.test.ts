import { Cloud, MysqlVersion } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { synthBookstore } from "../support/bookstore";
import { dataSources, onlyResource, resourceAt, resources, resourceTypes, TerraformJson } from "../support/synth";

const aws = () => Cloud.aws({ region: "eu-central-1" });

describe("the bookstore on AWS", () => {
  let json: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore WHEN it is synthesized for AWS
    json = synthBookstore(aws()).json;
  });

  test("holds every capability's resources", () => {
    expect(resourceTypes(json)).toEqual(
      expect.arrayContaining([
        "aws_vpc",
        "aws_subnet",
        "aws_internet_gateway",
        "aws_nat_gateway",
        "aws_route_table",
        "aws_launch_template",
        "aws_autoscaling_group",
        "aws_db_instance",
        "aws_db_parameter_group",
        "aws_lb",
        "aws_lb_listener",
        "aws_lb_target_group",
        "aws_acm_certificate",
        "aws_cloudfront_distribution",
        "aws_eks_cluster",
        "aws_eks_node_group",
        "aws_kms_key",
      ]),
    );
  });

  describe("network", () => {
    test("has a public and a private subnet in each of two zones, planned from the CIDR", () => {
      const subnets = resources(json, "aws_subnet") as { cidr_block: string; availability_zone: string; map_public_ip_on_launch: boolean }[];
      expect(subnets.map((s) => [s.availability_zone, s.cidr_block]).sort()).toEqual([
        ["eu-central-1a", "10.20.0.0/18"],
        ["eu-central-1a", "10.20.128.0/18"],
        ["eu-central-1b", "10.20.192.0/18"],
        ["eu-central-1b", "10.20.64.0/18"],
      ]);
      expect(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
    });

    test("gives each private subnet a route through its own zone's NAT gateway", () => {
      expect(resources(json, "aws_nat_gateway")).toHaveLength(2);
      const natRoutes = resources(json, "aws_route").filter((r: any) => r.nat_gateway_id);
      expect(natRoutes).toHaveLength(2);
      expect(resources(json, "aws_route").filter((r: any) => r.gateway_id)).toHaveLength(1);
    });

    test("encrypts every log group with the stack's rotating log key, which only this account's CloudWatch Logs may use (CKV_AWS_158)", () => {
      const groups = resources(json, "aws_cloudwatch_log_group");
      expect(groups.length).toBeGreaterThanOrEqual(2);
      const keyArns = new Set(groups.map((g: any) => g.kms_key_id));
      expect([...keyArns]).toEqual([expect.stringMatching(/^\$\{aws_kms_key\.AwsLogKey_[0-9A-F]+\.arn\}$/)]);
      const key = Object.entries(json.resource!.aws_kms_key).find(([name]) => name.startsWith("AwsLogKey_"))![1] as any;
      expect(key.enable_key_rotation).toBe(true);
      expect(key.policy).toContain('"Service" = "logs.${data.aws_region.');
      expect(key.policy).toContain('"kms:EncryptionContext:aws:logs:arn" = "arn:${data.aws_partition.');
    });

    test("lets the flow logs service assume its role only for this account's flow logs in this region (confused deputy)", () => {
      const role = resourceAt(json, "aws_iam_role", "Network/FlowLogsRole");
      const [statement] = JSON.parse(role.assume_role_policy).Statement;
      expect(statement.Principal).toEqual({ Service: "vpc-flow-logs.amazonaws.com" });
      expect(statement.Condition).toEqual({
        StringEquals: { "aws:SourceAccount": expect.stringMatching(/^\$\{data\.aws_caller_identity\.[^.]+\.account_id\}$/) },
        ArnLike: { "aws:SourceArn": expect.stringMatching(/^arn:\$\{data\.aws_partition\..+\}:ec2:\$\{data\.aws_region\..+\}:\$\{data\.aws_caller_identity\..+\}:vpc-flow-log\/\*$/) },
      });
    });

    test("closes the VPC's default security group", () => {
      const group = onlyResource(json, "aws_default_security_group");
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
    });
  });

  describe("compute group", () => {
    test("requires IMDSv2 with a hop limit of 1, no public address and encrypted disks", () => {
      const template = resourceAt(json, "aws_launch_template", "Web/LaunchTemplate");
      expect(template.metadata_options).toEqual(expect.objectContaining({ http_tokens: "required", http_put_response_hop_limit: 1 }));
      expect(template.network_interfaces).toEqual([expect.objectContaining({ associate_public_ip_address: "false" })]);
      expect(template.block_device_mappings.every((m: any) => m.ebs.encrypted === "true")).toBe(true);
      expect(template.instance_type).toBe("t3.medium");
    });

    test("runs the pinned container image with the database connection but no password", () => {
      const userData: string = resourceAt(json, "aws_launch_template", "Web/LaunchTemplate").user_data;
      expect(userData).toContain("docker run");
      expect(userData).toContain("registry.example.com/bookstore:1.4.2");
      expect(userData).toContain("DB_HOST=${aws_db_instance.");
      expect(userData).toContain("DB_CREDENTIALS_SECRET=${aws_db_instance.");
      expect(userData).not.toMatch(/password/i);
    });

    test("sits in the private subnets, uses the load balancer's health check and scales on CPU", () => {
      const group = onlyResource(json, "aws_autoscaling_group");
      expect(group.vpc_zone_identifier).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect(group.health_check_type).toBe("ELB");
      expect(group.target_group_arns).toEqual([expect.stringContaining("aws_lb_target_group.")]);
      expect([group.min_size, group.max_size]).toEqual([2, 6]);
      expect(onlyResource(json, "aws_autoscaling_policy").policy_type).toBe("TargetTrackingScaling");
    });

    test("propagates the bookstore's tags to instances", () => {
      const tags = onlyResource(json, "aws_autoscaling_group").tag as { key: string; propagate_at_launch: boolean }[];
      expect(tags).toEqual(expect.arrayContaining([expect.objectContaining({ key: "team", propagate_at_launch: true })]));
    });

    test("admits the application port only from the load balancer's security group", () => {
      const ingress = resources(json, "aws_vpc_security_group_ingress_rule").filter((r: any) =>
        String(r.security_group_id).includes("Bookstore_Web_SecurityGroup"),
      );
      expect(ingress).toEqual([
        expect.objectContaining({ from_port: 8080, to_port: 8080, referenced_security_group_id: expect.stringContaining("Bookstore_LoadBalancer_SecurityGroup") }),
      ]);
    });

    test("may read only the database's and the cache's credentials secrets, and only the asset bucket's objects with its key", () => {
      const policies = (resources(json, "aws_iam_role_policy") as any[]).filter((p) => String(p.role).includes("Bookstore_Web_InstanceRole"));
      expect(policies.map((p) => p.name).sort()).toEqual(["read-cache-credentials", "read-database-credentials", "read-write-assets"]);
      const database = policies.find((p) => p.name === "read-database-credentials").policy as string;
      expect(database).toContain("secretsmanager:GetSecretValue");
      expect(database).toContain("master_user_secret[0].secret_arn");
      const cache = policies.find((p) => p.name === "read-cache-credentials").policy as string;
      expect(cache).toContain("secretsmanager:GetSecretValue");
      expect(cache).toContain("aws_secretsmanager_secret.Bookstore_Cache_CredentialsSecret");
      const assets = policies.find((p) => p.name === "read-write-assets").policy as string;
      expect(assets).toContain('"Action" = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], "Resource" = "${aws_s3_bucket.Bookstore_Assets_F24C6A99.arn}/*"');
      expect(assets).toContain('"Action" = ["kms:GenerateDataKey", "kms:Decrypt"], "Resource" = aws_kms_key.Bookstore_Assets_Key_A3820AC0.arn');
      // No listing, no bucket configuration, no wildcard resource.
      expect(assets).not.toMatch(/s3:ListBucket|s3:\*|s3:Put(Bucket|Lifecycle)|"Resource" = "\*"/);
    });
  });

  describe("database", () => {
    test("is encrypted, private, deletion protected and backed up for 7 days in two zones", () => {
      const db = onlyResource(json, "aws_db_instance");
      expect(db).toEqual(
        expect.objectContaining({
          engine: "mysql",
          engine_version: "8.4",
          storage_encrypted: true,
          publicly_accessible: false,
          deletion_protection: true,
          backup_retention_period: 7,
          multi_az: true,
          skip_final_snapshot: false,
          copy_tags_to_snapshot: true,
          auto_minor_version_upgrade: true,
          iam_database_authentication_enabled: true,
          performance_insights_enabled: true,
          allocated_storage: 50,
          instance_class: "db.t4g.medium",
        }),
      );
      expect(db.monitoring_interval).toBeGreaterThan(0);
      expect(db.enabled_cloudwatch_logs_exports.length).toBeGreaterThan(0);
      expect(db.lifecycle).toEqual({ prevent_destroy: true });
    });

    test("keeps the password out of the configuration: RDS manages it in Secrets Manager", () => {
      const db = onlyResource(json, "aws_db_instance");
      expect(db.manage_master_user_password).toBe(true);
      expect(db.password).toBeUndefined();
      expect(JSON.stringify(json)).not.toMatch(/"password"\s*:/);
    });

    test("requires TLS through its parameter group", () => {
      const group = onlyResource(json, "aws_db_parameter_group");
      expect(group.family).toBe("mysql8.4");
      expect(group.parameter).toEqual(expect.arrayContaining([{ name: "require_secure_transport", value: "1" }]));
    });

    test("writes the slow query log to a file, the only form RDS exports to CloudWatch Logs", () => {
      const db = onlyResource(json, "aws_db_instance");
      expect(db.enabled_cloudwatch_logs_exports).toContain("slowquery");
      const group = onlyResource(json, "aws_db_parameter_group");
      expect(group.parameter).toEqual(expect.arrayContaining([{ name: "slow_query_log", value: "1" }, { name: "log_output", value: "FILE" }]));
    });

    test("admits 3306 only from the web tier's and the cluster's security groups", () => {
      const ingress = resources(json, "aws_vpc_security_group_ingress_rule").filter((r: any) =>
        String(r.security_group_id).includes("Bookstore_Database_SecurityGroup"),
      ) as any[];
      expect(ingress).toHaveLength(2);
      for (const rule of ingress) {
        expect([rule.from_port, rule.to_port]).toEqual([3306, 3306]);
        expect(rule.referenced_security_group_id).toBeDefined();
        expect(rule.cidr_ipv4).toBeUndefined();
      }
    });

    test("maps MySQL 8.4 to its own engine version and parameter family", () => {
      const db84 = synthBookstore(aws(), { database: { version: MysqlVersion.V8_4 } }).json;
      expect(onlyResource(db84, "aws_db_instance").engine_version).toBe("8.4");
      expect(onlyResource(db84, "aws_db_parameter_group").family).toBe("mysql8.4");
    });

    test("is single-zone only when asked", () => {
      const single = synthBookstore(aws(), { database: { highlyAvailable: false } }).json;
      expect(onlyResource(single, "aws_db_instance").multi_az).toBe(false);
    });
  });

  describe("load balancer", () => {
    test("drops invalid headers, mitigates desync and is deletion protected", () => {
      expect(onlyResource(json, "aws_lb")).toEqual(
        expect.objectContaining({
          load_balancer_type: "application",
          drop_invalid_header_fields: true,
          desync_mitigation_mode: "defensive",
          enable_deletion_protection: true,
        }),
      );
    });

    test("serves HTTPS with a TLS 1.2+ policy and redirects HTTP to HTTPS", () => {
      const listeners = resources(json, "aws_lb_listener") as any[];
      const https = listeners.find((l) => l.protocol === "HTTPS");
      const http = listeners.find((l) => l.protocol === "HTTP");
      expect(https).toEqual(expect.objectContaining({ port: 443, ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }));
      expect(https.certificate_arn).toContain("aws_acm_certificate_validation.");
      expect(http.default_action).toEqual([
        expect.objectContaining({ type: "redirect", redirect: expect.objectContaining({ protocol: "HTTPS", port: "443", status_code: "HTTP_301" }) }),
      ]);
    });

    test("checks the targets' health, the VMs' and the pods'", () => {
      const groups = resources(json, "aws_lb_target_group") as any[];
      expect(groups).toHaveLength(2);
      for (const group of groups) expect(group.health_check).toEqual(expect.objectContaining({ enabled: true, path: "/healthz" }));
    });

    test("issues its certificate with DNS validation when none is given", () => {
      const certificates = resources(json, "aws_acm_certificate") as any[];
      expect(certificates.every((c) => c.validation_method === "DNS" && c.lifecycle?.create_before_destroy === true)).toBe(true);
    });

    test("uses an existing certificate as given", () => {
      const arn = "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
      const cloud = aws();
      const given = synthBookstore(cloud, { certificate: cloud.certificate.existing(arn), cdn: { enabled: false } }).json;
      const https = (resources(given, "aws_lb_listener") as any[]).find((l) => l.protocol === "HTTPS");
      expect(https.certificate_arn).toBe(arn);
      expect(resources(given, "aws_acm_certificate")).toHaveLength(0);
    });

    test("with a CDN in front, is internal in the private subnets and admits HTTPS only from this account's CloudFront VPC origins", () => {
      // GIVEN the default bookstore (CDN on) THEN the ALB has no public address
      expect(onlyResource(json, "aws_lb")).toEqual(
        expect.objectContaining({ internal: true, subnets: [expect.stringContaining("aws_subnet.Bookstore_Network_PrivateSubnet"), expect.stringContaining("aws_subnet.Bookstore_Network_PrivateSubnet")] }),
      );
      // AND CloudFront reaches it through a VPC origin of its own, HTTPS only, TLS 1.2
      expect(onlyResource(json, "aws_cloudfront_vpc_origin").vpc_origin_endpoint_config).toEqual([
        {
          name: "bookstore-lb",
          arn: "${aws_lb.Bookstore_LoadBalancer_F8ED9FEF.arn}",
          http_port: 80,
          https_port: 443,
          origin_protocol_policy: "https-only",
          origin_ssl_protocols: [{ items: ["TLSv1.2"], quantity: 1 }],
        },
      ]);
      // AND it is made once the VPC has its internet gateway, which CloudFront requires, with time for CloudFront's deploy
      const vpcOrigin = onlyResource(json, "aws_cloudfront_vpc_origin");
      expect(vpcOrigin.depends_on).toEqual(expect.arrayContaining(["aws_internet_gateway.Bookstore_Network_InternetGateway_363600B4"]));
      expect(vpcOrigin.timeouts).toEqual({ create: "30m", update: "30m", delete: "30m" });
      // AND the ALB's group has one ingress rule, whose only source is CloudFront's VPC-origin group in this VPC, looked up once the VPC origin exists
      const serviceGroup = Object.entries(json.data?.aws_security_group ?? {}) as [string, any][];
      expect(serviceGroup).toHaveLength(1);
      const [groupName, lookup] = serviceGroup[0];
      expect(lookup).toEqual(
        expect.objectContaining({
          name: "CloudFront-VPCOrigins-Service-SG",
          vpc_id: "${aws_vpc.Bookstore_Network_66EFDE9D.id}",
          depends_on: ["aws_cloudfront_vpc_origin.Bookstore_LoadBalancer_CdnVpcOrigin_4D4280F3"],
        }),
      );
      const lbIngress = resources(json, "aws_vpc_security_group_ingress_rule").filter((r: any) => String(r.security_group_id).includes("Bookstore_LoadBalancer_SecurityGroup")) as any[];
      expect(lbIngress).toEqual([
        expect.objectContaining({ ip_protocol: "tcp", from_port: 443, to_port: 443, referenced_security_group_id: `\${data.aws_security_group.${groupName}.id}` }),
      ]);
      const sources = ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"].filter((key) => lbIngress[0][key] !== undefined);
      expect(sources).toEqual(["referenced_security_group_id"]);
      expect(dataSources(json, "aws_ec2_managed_prefix_list")).toEqual([]);
    });

    test("without a CDN, admits HTTPS and HTTP from anywhere", () => {
      const direct = synthBookstore(aws(), { cdn: { enabled: false } }).json;
      const ports = (resources(direct, "aws_vpc_security_group_ingress_rule") as any[])
        .filter((r) => r.cidr_ipv4 === "0.0.0.0/0")
        .map((r) => r.from_port)
        .sort((a, b) => a - b);
      expect(ports).toEqual([80, 443]);
      expect(resources(direct, "aws_cloudfront_distribution")).toHaveLength(0);
    });
  });

  describe("CDN", () => {
    test("is HTTPS only to viewers and to the origin, with TLS 1.2 at least", () => {
      const cdn = onlyResource(json, "aws_cloudfront_distribution");
      const behaviours = [cdn.default_cache_behavior, ...cdn.ordered_cache_behavior];
      expect(behaviours.every((b: any) => b.viewer_protocol_policy === "redirect-to-https")).toBe(true);
      // The load balancer's VPC origin holds the origin protocol (HTTPS only, TLS 1.2: see the load balancer's tests).
      expect(cdn.origin[0]).toEqual(
        expect.objectContaining({ vpc_origin_config: { vpc_origin_id: "${aws_cloudfront_vpc_origin.Bookstore_LoadBalancer_CdnVpcOrigin_4D4280F3.id}" } }),
      );
      expect(cdn.origin[0].custom_origin_config).toBeUndefined();
      expect(cdn.viewer_certificate).toEqual(expect.objectContaining({ minimum_protocol_version: "TLSv1.2_2021", ssl_support_method: "sni-only" }));
      expect(cdn.viewer_certificate.cloudfront_default_certificate).toBeUndefined();
    });

    test("caches the static paths and nothing else", () => {
      const cdn = onlyResource(json, "aws_cloudfront_distribution");
      expect(cdn.ordered_cache_behavior.map((b: any) => b.path_pattern)).toEqual(["/static/*", "/covers/*"]);
      expect(cdn.ordered_cache_behavior.every((b: any) => String(b.cache_policy_id).includes("aws_cloudfront_cache_policy."))).toBe(true);
      expect(cdn.default_cache_behavior.cache_policy_id).toBe("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    });

    test("sends the static paths to the asset bucket through origin access control, and everything else to the load balancer", () => {
      const cdn = onlyResource(json, "aws_cloudfront_distribution");
      expect(cdn.origin).toEqual([
        expect.objectContaining({ origin_id: "load-balancer", domain_name: "${aws_lb.Bookstore_LoadBalancer_F8ED9FEF.dns_name}" }),
        {
          origin_id: "asset-bucket",
          domain_name: "${aws_s3_bucket.Bookstore_Assets_F24C6A99.bucket_regional_domain_name}",
          origin_access_control_id: "${aws_cloudfront_origin_access_control.Bookstore_Cdn_AssetsOriginAccessControl_2042571E.id}",
        },
      ]);
      expect(cdn.default_cache_behavior.target_origin_id).toBe("load-balancer");
      expect(cdn.ordered_cache_behavior.map((b: any) => b.target_origin_id)).toEqual(["asset-bucket", "asset-bucket"]);
      // S3 finds the bucket by its own Host: no viewer header may reach it.
      expect(cdn.ordered_cache_behavior.every((b: any) => b.origin_request_policy_id === undefined && b.allowed_methods.join() === "GET,HEAD")).toBe(true);
      expect(onlyResource(json, "aws_cloudfront_origin_access_control")).toEqual(
        expect.objectContaining({ origin_access_control_origin_type: "s3", signing_behavior: "always", signing_protocol: "sigv4" }),
      );
    });

    test("takes its certificate and web ACL from us-east-1, as CloudFront requires", () => {
      const globalProvider = json.provider!.aws.find((p) => p.alias === "global");
      expect(globalProvider).toEqual({ alias: "global", region: "us-east-1" });
      const cdnCertificate = (resources(json, "aws_acm_certificate") as any[]).filter((c) => c.provider === "aws.global");
      expect(cdnCertificate).toHaveLength(1);
      expect(onlyResource(json, "aws_wafv2_web_acl")).toEqual(expect.objectContaining({ provider: "aws.global", scope: "CLOUDFRONT" }));
      expect(onlyResource(json, "aws_cloudfront_distribution").web_acl_id).toContain("aws_wafv2_web_acl.");
    });
  });

  describe("asset bucket", () => {
    const assets = (type: string, name = "") => resourceAt(json, type, `Bookstore/Assets/${name || "Resource"}`);

    test("is private: every public access blocked, ACLs off, only TLS, and only this distribution may read its objects", () => {
      expect(assets("aws_s3_bucket_public_access_block", "PublicAccessBlock")).toEqual(
        expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
      );
      expect(assets("aws_s3_bucket_ownership_controls", "OwnershipControls").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
      const policy = assets("aws_s3_bucket_policy", "Policy").policy as string;
      expect(policy).toContain('"Effect" = "Deny", "Principal" = "*", "Action" = "s3:*"');
      expect(policy).toContain('"Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}');
      expect(policy).toContain('"Principal" = {"Service" = "cloudfront.amazonaws.com"}, "Action" = "s3:GetObject"');
      expect(policy).toContain('"Condition" = {"StringEquals" = {"AWS:SourceArn" = aws_cloudfront_distribution.Bookstore_Cdn_BBAD0543.arn}}');
    });

    test("is encrypted with its own rotating KMS key, which CloudFront may use to decrypt for this distribution only", () => {
      const encryption = assets("aws_s3_bucket_server_side_encryption_configuration", "Encryption");
      expect(encryption.rule).toEqual([
        { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.Bookstore_Assets_Key_A3820AC0.arn}" }, bucket_key_enabled: true },
      ]);
      const key = assets("aws_kms_key", "Key");
      expect(key).toEqual(expect.objectContaining({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } }));
      expect(key.policy).toContain('"Principal" = {"Service" = "cloudfront.amazonaws.com"}, "Action" = "kms:Decrypt", "Resource" = "*", "Condition" = {"StringEquals" = {"AWS:SourceArn" = aws_cloudfront_distribution.Bookstore_Cdn_BBAD0543.arn}}');
    });

    test("is versioned, expires old versions after 30 days and interrupted uploads after 7, and logs access to the log bucket", () => {
      expect(assets("aws_s3_bucket_versioning", "Versioning").versioning_configuration).toEqual({ status: "Enabled" });
      expect(assets("aws_s3_bucket_lifecycle_configuration", "Lifecycle").rule).toEqual([
        expect.objectContaining({
          status: "Enabled",
          noncurrent_version_expiration: [{ noncurrent_days: 30 }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
          expiration: [{ expired_object_delete_marker: true }],
        }),
      ]);
      const logging = assets("aws_s3_bucket_logging", "AccessLogs");
      expect(logging).toEqual(expect.objectContaining({ target_bucket: "${aws_s3_bucket.AwsLogBucket_AF93A5F2.id}", target_prefix: "s3/" }));
      // The log bucket admits S3's log delivery for this bucket of this account only.
      const logPolicy = resourceAt(json, "aws_s3_bucket_policy", "AwsLogBucket/Policy").policy as string;
      expect(logPolicy).toContain('"Principal" = {"Service" = "logging.s3.amazonaws.com"}, "Action" = "s3:PutObject", "Resource" = "${aws_s3_bucket.AwsLogBucket_AF93A5F2.arn}/s3/*"');
      expect(logPolicy).toContain('"ArnLike" = {"aws:SourceArn" = aws_s3_bucket.Bookstore_Assets_F24C6A99.arn}, "StringEquals" = {"aws:SourceAccount" = data.aws_caller_identity.Bookstore_Assets_Account_0CC0FEB0.account_id}');
    });

    test("cannot be destroyed by a plan, and is never emptied by one", () => {
      expect(assets("aws_s3_bucket")).toEqual(expect.objectContaining({ force_destroy: false, lifecycle: { prevent_destroy: true } }));
    });

    test("is named after the shop with 8 random characters drawn once, and output", () => {
      expect(assets("aws_s3_bucket").bucket).toBe("bookstore-assets-${random_id.Bookstore_Assets_NameSuffix_4D8E9024.hex}");
      expect(Object.values(json.output!).map((o) => o.value)).toContain("${aws_s3_bucket.Bookstore_Assets_F24C6A99.bucket}");
    });
  });

  describe("Kubernetes", () => {
    test("encrypts secrets with a rotating KMS key and logs every control-plane component", () => {
      const cluster = onlyResource(json, "aws_eks_cluster");
      expect(cluster.encryption_config).toEqual({ resources: ["secrets"], provider: { key_arn: expect.stringContaining("aws_kms_key.") } });
      expect(cluster.enabled_cluster_log_types).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
      const secretsKey = cluster.encryption_config.provider.key_arn.match(/aws_kms_key\.([A-Za-z0-9_]+)\./)[1];
      expect(json.resource!.aws_kms_key[secretsKey]).toEqual(expect.objectContaining({ enable_key_rotation: true }));
    });

    test("stays on standard support, and its vpc-cni add-on takes over the copy EKS installs", () => {
      expect(onlyResource(json, "aws_eks_cluster").upgrade_policy).toEqual({ support_type: "STANDARD" });
      const vpcCni = (resources(json, "aws_eks_addon") as any[]).filter((a) => a.addon_name === "vpc-cni");
      expect(vpcCni).toEqual([
        expect.objectContaining({ addon_name: "vpc-cni", resolve_conflicts_on_create: "OVERWRITE", resolve_conflicts_on_update: "OVERWRITE" }),
      ]);
    });

    test("keeps the API endpoint private by default", () => {
      const vpc = onlyResource(json, "aws_eks_cluster").vpc_config;
      expect(vpc).toEqual(expect.objectContaining({ endpoint_private_access: true, endpoint_public_access: false }));
      expect(vpc.public_access_cidrs).toBeUndefined();
    });

    test("opens the API endpoint only to the given CIDRs", () => {
      const open = synthBookstore(aws(), { kubernetes: { ...exampleProps(aws()).kubernetes, publicApiAllowedCidrs: ["203.0.113.0/24"] } }).json;
      expect(onlyResource(open, "aws_eks_cluster").vpc_config).toEqual(
        expect.objectContaining({ endpoint_public_access: true, public_access_cidrs: ["203.0.113.0/24"] }),
      );
    });

    test("launches the nodes from a template of its own: an encrypted gp3 root volume, IMDSv2 with a hop limit of 1 (#24)", () => {
      const template = resourceAt(json, "aws_launch_template", "Kubernetes/NodeLaunchTemplate");
      expect(template.metadata_options).toEqual({ http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1, instance_metadata_tags: "disabled" });
      expect(template.block_device_mappings).toEqual([{ device_name: "/dev/xvda", ebs: { volume_size: 20, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" } }]);
      const nodes = onlyResource(json, "aws_eks_node_group");
      expect(nodes.launch_template).toEqual({ id: expect.stringMatching(/^\$\{aws_launch_template\.Bookstore_Kubernetes_NodeLaunchTemplate_\w+\.id\}$/), version: expect.stringContaining(".latest_version}") });
    });

    test("puts nothing in the nodes' template that a managed node group refuses or sets itself", () => {
      // No instance profile, subnet or shutdown behaviour (refused); no AMI, so the node group's AMI type
      // stands and EKS merges its own bootstrap user data; no instance type, key or security group, so the
      // node group's instance type and the cluster security group (the ALB's rule to the pods) apply.
      const template = resourceAt(json, "aws_launch_template", "Kubernetes/NodeLaunchTemplate");
      for (const refused of ["iam_instance_profile", "network_interfaces", "instance_initiated_shutdown_behavior", "hibernation_options", "image_id", "user_data", "instance_type", "key_name", "vpc_security_group_ids", "security_group_names"]) {
        expect({ [refused]: template[refused] }).toEqual({ [refused]: undefined });
      }
      const nodes = onlyResource(json, "aws_eks_node_group");
      expect(nodes.ami_type).toBe("AL2023_x86_64_STANDARD");
      expect(nodes.disk_size).toBeUndefined();
    });

    test("runs a managed node group in the private subnets without remote access", () => {
      const nodes = onlyResource(json, "aws_eks_node_group");
      expect(nodes.subnet_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect(nodes.remote_access).toBeUndefined();
      expect(nodes.scaling_config).toEqual({ min_size: 2, max_size: 5, desired_size: 2 });
      expect(nodes.instance_types).toEqual(["m6i.large"]);
    });
  });

  test("tags every taggable resource with the bookstore's tags", () => {
    for (const [type, blocks] of Object.entries(json.resource!)) {
      for (const block of Object.values(blocks)) {
        if ("tags" in block) expect({ type, tags: block.tags }).toEqual({ type, tags: expect.objectContaining({ app: "bookstore", team: "platform" }) });
      }
    }
    expect(onlyResource(json, "aws_vpc").tags).toEqual(expect.objectContaining({ Name: "bookstore", environment: "production" }));
  });
});
