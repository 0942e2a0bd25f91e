import { Cloud } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { blocksMentioning, dataSources, onlyResource, resourceAt, resources, resourceTypes, TerraformJson } from "../support/synth";

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
const rulesOf = (json: TerraformJson, group: string) => resources(json, "alicloud_security_group_rule").filter((r: any) => String(r.security_group_id).includes(group)) as any[];

describe("the bookstore on Alibaba Cloud", () => {
  let json: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore WHEN it is synthesized for Alibaba Cloud
    json = synthBookstore(alicloud()).json;
  });

  test("holds every capability's resources", () => {
    expect(resourceTypes(json)).toEqual(
      expect.arrayContaining([
        "alicloud_vpc",
        "alicloud_vswitch",
        "alicloud_nat_gateway",
        "alicloud_eip_address",
        "alicloud_snat_entry",
        "alicloud_ess_scaling_group",
        "alicloud_ess_scaling_configuration",
        "alicloud_db_instance",
        "alicloud_kms_secret",
        "alicloud_slb_load_balancer",
        "alicloud_slb_listener",
        "alicloud_cdn_domain_new",
        "alicloud_cs_managed_kubernetes",
        "alicloud_cs_kubernetes_node_pool",
        "alicloud_kms_key",
      ]),
    );
  });

  test("configures the provider once, in the cloud's region", () => {
    expect(json.provider?.alicloud).toEqual([{ region: "cn-hangzhou" }]);
  });

  describe("network", () => {
    test("has a public and a private vSwitch in each of two zones, planned from the CIDR", () => {
      const vswitches = resources(json, "alicloud_vswitch") as { cidr_block: string; zone_id: string }[];
      expect(vswitches.map((s) => [s.zone_id, s.cidr_block]).sort()).toEqual([
        ["cn-hangzhou-h", "10.20.0.0/18"],
        ["cn-hangzhou-h", "10.20.128.0/18"],
        ["cn-hangzhou-i", "10.20.192.0/18"],
        ["cn-hangzhou-i", "10.20.64.0/18"],
      ]);
    });

    test("sends the private vSwitches out through an enhanced NAT gateway in a public vSwitch", () => {
      expect(onlyResource(json, "alicloud_nat_gateway")).toEqual(
        expect.objectContaining({ nat_type: "Enhanced", network_type: "internet", payment_type: "PayAsYouGo", vswitch_id: expect.stringContaining("PublicSubnet1") }),
      );
      expect(onlyResource(json, "alicloud_eip_association")).toEqual(expect.objectContaining({ instance_type: "Nat", instance_id: expect.stringContaining("alicloud_nat_gateway.") }));
      expect((resources(json, "alicloud_snat_entry") as any[]).map((e) => e.source_cidr).sort()).toEqual(["10.20.0.0/18", "10.20.64.0/18"]);
    });

    test.each([
      ["alicloud_ess_scaling_group", "Web/Resource"],
      ["alicloud_cs_managed_kubernetes", "Kubernetes/Resource"],
      ["alicloud_cs_kubernetes_node_pool", "Kubernetes/NodePool"],
      ["alicloud_cs_kubernetes_node_pool", "Kubernetes/SystemNodePool"],
    ])("creates %s %s only once the SNAT entries give the private vSwitches the internet", (type, path) => {
      const snat = Object.keys(json.resource?.alicloud_snat_entry ?? {}).map((name) => `alicloud_snat_entry.${name}`);
      expect(snat).toHaveLength(2);
      expect(resourceAt(json, type, path).depends_on).toEqual(expect.arrayContaining(snat));
    });
  });

  describe("compute group", () => {
    test("has no public address and an encrypted ESSD system disk", () => {
      const config = onlyResource(json, "alicloud_ess_scaling_configuration");
      expect(config).toEqual(expect.objectContaining({ system_disk_category: "cloud_essd", system_disk_encrypted: true, active: true, instance_type: "ecs.c7.large" }));
      expect(config.internet_max_bandwidth_out).toBeUndefined();
      expect(config.key_name).toBeUndefined();
      expect(config.password).toBeUndefined();
      expect(dataSources(json, "alicloud_images")).toEqual([expect.objectContaining({ owners: "system", most_recent: true })]);
    });

    test("runs the pinned container image with the database connection but no password", () => {
      const userData: string = onlyResource(json, "alicloud_ess_scaling_configuration").user_data;
      expect(userData).toMatch(/^\$\{base64encode\(/);
      expect(userData).toContain("registry.example.com/bookstore:1.4.2");
      expect(userData).toContain("DB_HOST=${alicloud_db_instance.");
      expect(userData).toContain("DB_CREDENTIALS_SECRET=${alicloud_kms_secret.");
      expect(userData).not.toMatch(/password|random_password/i);
    });

    test("installs Docker CE from Docker's repository on Alibaba Cloud Linux 3 before it starts docker, not the distribution's docker package", () => {
      // GIVEN the image the VMs boot: Alibaba Cloud Linux 3
      expect(dataSources(json, "alicloud_images")).toEqual([expect.objectContaining({ name_regex: "^aliyun_3_x64_20G_alibase_.*" })]);
      // WHEN the boot script is read line by line (a Terraform string: its newlines are written \n)
      const userData: string = onlyResource(json, "alicloud_ess_scaling_configuration").user_data;
      const lines = userData.replace(/^\$\{base64encode\("/, "").replace(/"\)\}$/, "").split("\\n");
      // THEN Docker CE comes from Docker's CentOS repository on Alibaba's mirror over HTTPS, with the
      // adapter that maps the distribution's release to the repository's, all under set -e
      const install = [
        "dnf config-manager --add-repo=https://mirrors.aliyun.com/docker-ce/linux/centos/docker-ce.repo",
        "dnf -y install dnf-plugin-releasever-adapter --repo alinux3-plus",
        "dnf -y install docker-ce",
      ];
      expect(lines.slice(0, 6)).toEqual(["#!/bin/bash", "set -euo pipefail", ...install, "systemctl enable --now docker"]);
      expect(userData).not.toContain("install -y docker;");
      expect(userData).not.toContain("docker.io");
    });

    test("sits in the private vSwitches, joins the load balancer's server group and scales on CPU", () => {
      const group = onlyResource(json, "alicloud_ess_scaling_group");
      expect(group.vswitch_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect([group.min_size, group.max_size]).toEqual([2, 6]);
      expect(group.removal_policies).toEqual(["OldestScalingConfiguration", "OldestInstance"]);
      expect(group.health_check_types).toEqual(["ECS", "LOAD_BALANCER"]);
      // A CLB vServer group attaches by the load balancer's ID and the group's.
      expect(onlyResource(json, "alicloud_ess_scalinggroup_vserver_groups")).toEqual(
        expect.objectContaining({
          scaling_group_id: expect.stringContaining("alicloud_ess_scaling_group."),
          vserver_groups: [
            {
              loadbalancer_id: expect.stringContaining("alicloud_slb_load_balancer.Bookstore_LoadBalancer_"),
              // The example is 90/10: the two VMs at the group's minimum size weigh 90 together.
              vserver_attributes: [{ vserver_group_id: expect.stringContaining("alicloud_slb_server_group."), port: 8080, weight: 45 }],
            },
          ],
        }),
      );
      expect(json.resource?.alicloud_ess_server_group_attachment).toBeUndefined();
      expect(onlyResource(json, "alicloud_ess_scaling_rule")).toEqual(expect.objectContaining({ scaling_rule_type: "TargetTrackingScalingRule", metric_name: "CpuUtilization" }));
    });

    test("may read only the database's credentials secret and the asset bucket's objects, through its RAM role", () => {
      expect(onlyResource(json, "alicloud_ess_scaling_configuration").role_name).toContain("alicloud_ram_role.Bookstore_Web_InstanceRole");
      const role = (resources(json, "alicloud_ram_role") as any[]).find((r) => r.role_name === "bookstore-web-cn-hangzhou");
      expect(role.assume_role_policy_document).toContain("ecs.aliyuncs.com");
      const policy: string = (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === "bookstore-web-cn-hangzhou").policy_document;
      expect(policy).toContain("kms:GetSecretValue");
      // No registry permission for an image outside ACR.
      expect(policy).not.toContain("cr:");
      expect(policy).toContain("acs:kms:cn-hangzhou:${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${alicloud_kms_secret.");
      expect(policy).toContain('"Action" = ["oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts"], "Resource" = ["acs:oss:*:*:${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.bucket}/*"]');
      expect(policy).not.toMatch(/"Resource"\s*=\s*\["\*"\]|"oss:\*"|oss:ListObjects|oss:PutBucket/);
    });

    test("admits the application port only from the CLB's source range", () => {
      const ingress = rulesOf(json, "Bookstore_Web_SecurityGroup").filter((r) => r.type === "ingress");
      expect(ingress).toEqual([expect.objectContaining({ ip_protocol: "tcp", port_range: "8080/8080", cidr_ip: "100.64.0.0/10", policy: "accept" })]);
    });

    test("lets out only HTTPS, internal services, MySQL and the cache, and drops the rest", () => {
      const egress = rulesOf(json, "Bookstore_Web_SecurityGroup").filter((r) => r.type === "egress");
      const accepted = egress.filter((r) => r.policy === "accept").map((r) => [r.port_range, r.cidr_ip]);
      expect(accepted.sort()).toEqual([
        ["-1/-1", "100.100.0.0/16"],
        ["3306/3306", "10.20.0.0/16"],
        ["443/443", "0.0.0.0/0"],
        ["6379/6379", "10.20.0.0/16"],
      ]);
      expect(egress.filter((r) => r.policy === "drop")).toEqual([expect.objectContaining({ ip_protocol: "all", cidr_ip: "0.0.0.0/0", priority: 100 })]);
    });
  });

  describe("database", () => {
    test("meets the Alibaba Cloud checks: TLS, TDE, SQL audit, minor upgrades, deletion protection", () => {
      const db = onlyResource(json, "alicloud_db_instance");
      expect(db).toEqual(
        expect.objectContaining({
          engine: "MySQL",
          engine_version: "8.0",
          instance_type: "mysql.n2.medium.2c",
          instance_storage: 50,
          db_instance_storage_type: "cloud_essd",
          category: "HighAvailability",
          ssl_action: "Open",
          tde_status: "Enabled",
          sql_collector_status: "Enabled",
          auto_upgrade_minor_version: "Auto",
          deletion_protection: true,
          zone_id: "cn-hangzhou-h",
          zone_id_slave_a: "cn-hangzhou-i",
        }),
      );
      expect(db.sql_collector_config_value).toBeGreaterThanOrEqual(180);
      expect(db.lifecycle).toEqual({ prevent_destroy: true });
    });

    test("whitelists only the private vSwitches, never 0.0.0.0/0", () => {
      const db = onlyResource(json, "alicloud_db_instance");
      expect(db.security_ips).toEqual(["10.20.0.0/18", "10.20.64.0/18"]);
      expect(JSON.stringify(db.security_ips)).not.toContain("0.0.0.0");
      expect(db.vswitch_id).toMatch(/PrivateSubnet1.*,.*PrivateSubnet2/);
    });

    test("admits the web tier's and the cluster's security groups", () => {
      expect(onlyResource(json, "alicloud_db_instance").security_group_ids).toEqual([
        expect.stringContaining("alicloud_security_group.Bookstore_Web_SecurityGroup"),
        expect.stringContaining("alicloud_cs_managed_kubernetes.Bookstore_Kubernetes"),
      ]);
    });

    test("keeps backups for the retention asked", () => {
      expect(onlyResource(json, "alicloud_db_backup_policy")).toEqual(expect.objectContaining({ backup_retention_period: 7, log_backup_retention_period: 7, enable_backup_log: true }));
    });

    test("generates the password and keeps it in a KMS secret, never as a literal", () => {
      const password = resourceAt(json, "random_password", "Database/Password");
      expect(password.length).toBeGreaterThanOrEqual(16);
      const account = resourceAt(json, "alicloud_rds_account", "Database/Account");
      expect(account).toEqual(expect.objectContaining({ account_name: "bookstoreadmin", account_type: "Normal", account_password: expect.stringContaining("random_password.") }));
      expect(resourceAt(json, "alicloud_kms_secret", "Database/CredentialsSecret").secret_data).toContain("random_password.Bookstore_Database_Password");
      expect(resourceAt(json, "alicloud_db_account_privilege", "Database/AccountPrivilege")).toEqual(expect.objectContaining({ privilege: "DMLOnly" }));
      expect((json.output as any)?.Bookstore_DatabaseCredentialsSecret_D60EF9EA?.value).toContain("alicloud_kms_secret.");
    });

    test("refuses plain-text connections: TLS open and forced", () => {
      expect(onlyResource(json, "alicloud_db_instance")).toEqual(expect.objectContaining({ ssl_action: "Open", force_encryption: 1 }));
    });

    test("keeps schema changes to a second account, read/write with DDL on the shop's database only, in its own secret", () => {
      const schema = resourceAt(json, "alicloud_rds_account", "Database/SchemaAccess/Account");
      expect(schema).toEqual(expect.objectContaining({ account_name: "bookstoreadmin_ddl", account_type: "Normal", account_password: expect.stringContaining("random_password.Bookstore_Database_SchemaAccess_Password") }));
      const privilege = resourceAt(json, "alicloud_db_account_privilege", "Database/SchemaAccess/AccountPrivilege");
      expect(privilege).toEqual(expect.objectContaining({ privilege: "ReadWrite", db_names: [expect.stringContaining("alicloud_db_database.")] }));
      const secret = resourceAt(json, "alicloud_kms_secret", "Database/SchemaAccess/CredentialsSecret");
      expect(secret).toEqual(expect.objectContaining({ secret_name: "bookstore-db-schema-credentials" }));
      expect(secret.secret_data).toContain("bookstoreadmin_ddl");
      // The grants to read secrets name the application's secret, never the schema account's.
      const grants = blocksMentioning(json, "kms:GetSecretValue");
      expect(grants.some((grant) => grant.includes("alicloud_kms_secret.Bookstore_Database_CredentialsSecret"))).toBe(true);
      expect(grants.filter((grant) => grant.includes("SchemaAccess"))).toEqual([]);
    });

    test("is a single-zone Basic Edition only when asked", () => {
      const db = onlyResource(synthBookstore(alicloud(), { database: { highlyAvailable: false } }).json, "alicloud_db_instance");
      expect(db).toEqual(expect.objectContaining({ category: "Basic", instance_type: "mysql.n2.medium.1" }));
      expect(db.zone_id_slave_a).toBeUndefined();
      expect(db.vswitch_id).not.toContain(",");
    });
  });

  describe("load balancer", () => {
    test("is an internet CLB over two zones, deletion protected", () => {
      expect(onlyResource(json, "alicloud_slb_load_balancer")).toEqual(
        expect.objectContaining({ address_type: "internet", master_zone_id: "cn-hangzhou-h", slave_zone_id: "cn-hangzhou-i", delete_protection: "on" }),
      );
    });

    test("is pay-as-you-go by LCU, with no instance specification (pay-by-specification is no longer sold)", () => {
      const clb = onlyResource(json, "alicloud_slb_load_balancer");
      expect(clb).toEqual(expect.objectContaining({ payment_type: "PayAsYouGo", instance_charge_type: "PayByCLCU", internet_charge_type: "PayByTraffic" }));
      // The provider sends a set load_balancer_spec (or the deprecated specification) to CreateLoadBalancer.
      expect(clb.load_balancer_spec).toBeUndefined();
      expect(clb.specification).toBeUndefined();
      expect(clb.bandwidth).toBeUndefined();
    });

    test("serves HTTPS with the CAS certificate and a TLS 1.2-only policy, and health-checks the targets", () => {
      const https = (resources(json, "alicloud_slb_listener") as any[]).find((l) => l.protocol === "https");
      expect(https).toEqual(
        expect.objectContaining({
          frontend_port: 443,
          backend_port: 8080,
          tls_cipher_policy: "tls_cipher_policy_1_2_strict",
          health_check: "on",
          health_check_uri: "/healthz",
          server_certificate_id: expect.stringContaining("alicloud_slb_server_certificate."),
        }),
      );
      expect(onlyResource(json, "alicloud_slb_server_certificate")).toEqual(expect.objectContaining({ alicloud_certificate_id: "14368012", alicloud_certificate_region_id: "cn-hangzhou" }));
    });

    test("names the CAS certificate to UploadServerCertificate, read by its ID from CAS without its private key", () => {
      // GIVEN the CAS certificate 14368012 of the example
      const [lookup] = Object.keys(json.data?.alicloud_ssl_certificates_service_certificates ?? {});
      // THEN CAS is asked for that certificate only, without enable_details (which would read the key into the state)
      expect(dataSources(json, "alicloud_ssl_certificates_service_certificates")).toEqual([
        {
          ids: ["14368012"],
          lifecycle: { postcondition: [{ condition: "${length(self.certificates) == 1}", error_message: expect.stringContaining("lists no active certificate 14368012") }] },
        },
      ]);
      // AND the CLB's copy carries its name, which matters only when the copy is made
      const certificate = onlyResource(json, "alicloud_slb_server_certificate");
      expect(certificate.alicloud_certificate_name).toBe(`\${data.alicloud_ssl_certificates_service_certificates.${lookup}.certificates[0].certificate_name}`);
      expect(certificate.lifecycle).toEqual({ ignore_changes: ["alicloud_certificate_name"] });
    });

    test("redirects HTTP to HTTPS and forwards nothing", () => {
      const http = (resources(json, "alicloud_slb_listener") as any[]).find((l) => l.protocol === "http");
      expect(http).toEqual(expect.objectContaining({ frontend_port: 80, listener_forward: "on", forward_port: 443 }));
      expect(http.server_group_id).toBeUndefined();
    });
  });

  describe("CDN", () => {
    test("fetches from the load balancer over HTTPS and shows viewers the CAS certificate", () => {
      const domain = resourceAt(json, "alicloud_cdn_domain_new", "Bookstore/Cdn/Resource");
      expect(domain.domain_name).toBe("shop.example.com");
      expect(domain.sources).toEqual([expect.objectContaining({ port: 443, content: expect.stringContaining("alicloud_slb_load_balancer.") })]);
      expect(domain.certificate_config).toEqual(expect.objectContaining({ cert_id: "14368012", cert_type: "cas", server_certificate_status: "on" }));
    });

    test("forces HTTPS, TLS 1.2+ and an HTTPS origin, and caches only the static paths", () => {
      const configs = Object.fromEntries(
        (resources(json, "alicloud_cdn_domain_config") as any[]).filter((c) => !String(c.domain_name).includes("AssetsDomain")).map((c) => [
          `${c.function_name}:${c.function_args.find((a: any) => a.arg_name === "path")?.arg_value ?? ""}`,
          Object.fromEntries(c.function_args.map((a: any) => [a.arg_name, a.arg_value])),
        ]),
      );
      expect(configs["https_force:"]).toEqual({ enable: "on" });
      expect(configs["https_tls_version:"]).toEqual({ tls10: "off", tls11: "off", tls12: "on", tls13: "on" });
      expect(configs["forward_scheme:"]).toEqual(expect.objectContaining({ scheme_origin: "https" }));
      expect(configs["path_based_ttl_set:/"]).toEqual(expect.objectContaining({ ttl: "0" }));
      expect(configs["path_based_ttl_set:/static"]).toEqual(expect.objectContaining({ ttl: "86400" }));
      expect(configs["path_based_ttl_set:/covers"]).toEqual(expect.objectContaining({ ttl: "86400" }));
    });
  });

  describe("asset bucket", () => {
    test("is a private OSS bucket: private ACL, Block Public Access, only HTTPS", () => {
      const bucket = onlyResource(json, "alicloud_oss_bucket");
      expect(bucket.acl).toBeUndefined(); // deprecated since provider 1.220.0: alicloud_oss_bucket_acl instead
      expect(onlyResource(json, "alicloud_oss_bucket_acl")).toEqual({ bucket: "${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.bucket}", acl: "private" });
      expect(onlyResource(json, "alicloud_oss_bucket_public_access_block")).toEqual({ bucket: "${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.bucket}", block_public_access: true });
      expect(bucket.policy).toContain('"Effect" = "Deny", "Action" = ["oss:*"], "Principal" = ["*"]');
      expect(bucket.policy).toContain('"Condition" = {"Bool" = {"acs:SecureTransport" = ["false"]}}');
    });

    test("is encrypted, versioned, expires old versions after 30 days and interrupted uploads after 7, and is deletion protected", () => {
      const bucket = onlyResource(json, "alicloud_oss_bucket");
      expect(bucket).toEqual(
        expect.objectContaining({
          bucket: "bookstore-assets-${random_id.Bookstore_Assets_NameSuffix_4D8E9024.hex}",
          server_side_encryption_rule: { sse_algorithm: "AES256" },
          versioning: { status: "Enabled" },
          force_destroy: false,
          lifecycle: { prevent_destroy: true },
        }),
      );
      expect(bucket.lifecycle_rule).toEqual([
        expect.objectContaining({ enabled: true, prefix: "", noncurrent_version_expiration: [{ days: 30 }], abort_multipart_upload: [{ days: 7 }], expiration: [{ expired_object_delete_marker: true }] }),
      ]);
    });

    test("is served on a CDN domain of its own, static. and the shop's domain, as a private OSS origin over HTTPS", () => {
      const domain = resourceAt(json, "alicloud_cdn_domain_new", "Bookstore/Cdn/AssetsDomain");
      expect(domain.domain_name).toBe("static.shop.example.com");
      expect(domain.sources).toEqual([{ content: "${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.bucket}.${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.extranet_endpoint}", type: "oss", port: 443, priority: 20, weight: 10 }]);
      expect(domain.certificate_config).toEqual(expect.objectContaining({ cert_id: "14368012", server_certificate_status: "on" }));
      const configs = Object.fromEntries(
        (resources(json, "alicloud_cdn_domain_config") as any[])
          .filter((c) => String(c.domain_name).includes("AssetsDomain"))
          .map((c) => [c.function_name, Object.fromEntries(c.function_args.map((a: any) => [a.arg_name, a.arg_value]))]),
      );
      expect(configs).toEqual(
        expect.objectContaining({
          l2_oss_key: { private_oss_auth: "on" },
          https_force: { enable: "on" },
          forward_scheme: expect.objectContaining({ scheme_origin: "https" }),
          set_req_host_header: { domain_name: "${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.bucket}.${alicloud_oss_bucket.Bookstore_Assets_F24C6A99.extranet_endpoint}" },
          path_based_ttl_set: { path: "/", ttl: "86400", weight: "1" },
        }),
      );
      expect(Object.entries(json.output!).find(([id]) => id.startsWith("Bookstore_AssetsCdnDomainName"))?.[1]).toEqual(
        expect.objectContaining({ value: expect.stringMatching(/^\$\{alicloud_cdn_domain_new\.Bookstore_Cdn_AssetsDomain_[0-9A-F]+\.cname\}$/), description: "Point static.shop.example.com here with a CNAME" }),
      );
    });
  });

  describe("Kubernetes", () => {
    test("keeps the API server private, encrypts secrets with a rotating KMS key and logs the control plane", () => {
      const cluster = onlyResource(json, "alicloud_cs_managed_kubernetes");
      expect(cluster).toEqual(
        expect.objectContaining({
          slb_internet_enabled: false,
          version: "1.36.1-aliyun.1",
          cluster_spec: "ack.pro.small",
          encryption_provider_key: expect.stringContaining("alicloud_kms_key."),
          audit_log_config: { enabled: true },
        }),
      );
      expect(cluster.control_plane_log_components.length).toBeGreaterThan(0);
      expect(resourceAt(json, "alicloud_kms_key", "Kubernetes/SecretsKey").automatic_rotation).toBe("Enabled");
    });

    test("refuses at plan a catalog patch version ACK no longer offers", () => {
      // THEN the cluster's precondition looks the catalog's version up in ACK's own list
      const cluster = onlyResource(json, "alicloud_cs_managed_kubernetes");
      const [offered] = Object.keys(json.data?.alicloud_cs_kubernetes_version ?? {});
      expect(dataSources(json, "alicloud_cs_kubernetes_version")).toEqual([{ cluster_type: "ManagedKubernetes", kubernetes_version: "1.36.1-aliyun.1" }]);
      expect(cluster.lifecycle.precondition).toEqual([
        {
          condition: `\${contains(data.alicloud_cs_kubernetes_version.${offered}.metadata[*].version, "1.36.1-aliyun.1")}`,
          error_message: expect.stringContaining("ACK does not create clusters of version 1.36.1-aliyun.1"),
        },
      ]);
    });

    test("puts pods on the private vSwitches (Terway) and services in a range outside the VPC", () => {
      const cluster = onlyResource(json, "alicloud_cs_managed_kubernetes");
      expect(cluster.pod_cidr).toBeUndefined();
      expect(cluster.pod_vswitch_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect(cluster.service_cidr).toBe("172.21.0.0/20");
      const in172 = onlyResource(synthBookstore(alicloud(), { network: { cidr: "172.21.0.0/16" } }).json, "alicloud_cs_managed_kubernetes");
      expect(in172.service_cidr).toBe("10.241.0.0/20");
    });

    test("runs an auto-repaired, autoscaled node pool in the private vSwitches without public addresses", () => {
      const pool = resourceAt(json, "alicloud_cs_kubernetes_node_pool", "Kubernetes/NodePool");
      expect(pool.node_pool_name).toBe("bookstore-k8s-np");
      expect(pool.management).toEqual(expect.objectContaining({ enable: true, auto_repair: true }));
      expect(pool.scaling_config).toEqual(expect.objectContaining({ enable: true, min_size: 2, max_size: 5 }));
      expect(pool).toEqual(expect.objectContaining({ system_disk_encrypted: true, instance_types: ["ecs.g7.xlarge"] }));
      expect(pool.instance_metadata_options).toEqual({ http_tokens: "required" });
      expect(pool.internet_max_bandwidth_out).toBeUndefined();
      expect(pool.vswitch_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
    });

    test("runs a fixed-size system node pool of two 4-vCPU nodes across the zones, not autoscaled, so ACK's components have nodes without k8s.aliyun.com=true", () => {
      // GIVEN the two node pools of the example cluster
      expect(resources(json, "alicloud_cs_kubernetes_node_pool")).toHaveLength(2);
      const system = resourceAt(json, "alicloud_cs_kubernetes_node_pool", "Kubernetes/SystemNodePool");
      // THEN the system pool keeps two nodes of the smallest types ACK takes, balanced over both private vSwitches
      expect(system).toEqual(
        expect.objectContaining({
          node_pool_name: "bookstore-k8s-sys",
          cluster_id: expect.stringContaining("alicloud_cs_managed_kubernetes.Bookstore_Kubernetes_"),
          desired_size: "2",
          multi_az_policy: "BALANCE",
          instance_types: ["ecs.c7.xlarge", "ecs.g7.xlarge"],
          image_type: "AliyunLinux3",
          system_disk_encrypted: true,
          instance_metadata_options: { http_tokens: "required" },
          management: expect.objectContaining({ enable: true, auto_repair: true }),
        }),
      );
      // AND nothing scales it: no scaling_config, so ACK never labels its nodes as autoscaled
      expect(system.scaling_config).toBeUndefined();
      // AND no taint keeps ACK's components off it, and it has no public address
      expect(system.taints).toBeUndefined();
      expect(system.internet_max_bandwidth_out).toBeUndefined();
      expect(system.vswitch_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
    });

    test("keeps the workload node pool's address and autoscaling when the system pool is added", () => {
      // The workload pool's construct ID is unchanged, so its Terraform address (and its nodes) stay.
      expect(Object.keys(json.resource?.alicloud_cs_kubernetes_node_pool ?? {}).sort()).toEqual([
        expect.stringMatching(/^Bookstore_Kubernetes_NodePool_[0-9A-F]{8}$/),
        expect.stringMatching(/^Bookstore_Kubernetes_SystemNodePool_[0-9A-F]{8}$/),
      ]);
    });

    test("reports the internal API endpoint", () => {
      expect((json.output as any)?.Bookstore_KubernetesEndpoint_9CA58DC0?.value).toContain('connections["api_server_intranet"]');
    });
  });

  test("tags every taggable resource", () => {
    for (const type of ["alicloud_vpc", "alicloud_db_instance", "alicloud_cs_managed_kubernetes", "alicloud_slb_load_balancer"]) {
      expect({ type, tags: onlyResource(json, type).tags }).toEqual({ type, tags: expect.objectContaining({ app: "bookstore", team: "platform" }) });
    }
  });
});
