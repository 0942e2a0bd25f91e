import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Cloud, MysqlVersion, WebRuntime } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { cacheRuleTarget } from "../../lib/tencentcloud/cdn";
import { synthBookstore } from "../support/bookstore";
import { blocksMentioning, dataSources, onlyResource, resourceAt, resources, resourceTypes, TerraformJson } from "../support/synth";

const tencentcloud = () => Cloud.tencentcloud({ region: "ap-guangzhou" });
/** The example's web tier, on VMs instead of the cluster. */
const onVms = () => ({ web: { ...exampleProps(tencentcloud()).web, runtime: WebRuntime.vms() } });


/** Security group rules of one group, found by the group's construct path. */
function rulesOf(json: TerraformJson, groupPath: string): Record<string, any>[] {
  return resources(json, "tencentcloud_security_group_rule").filter((r: any) => String(r.security_group_id).includes(groupPath));
}

describe("the bookstore on Tencent Cloud", () => {
  let json: TerraformJson;
  let vmsJson: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore (web tier on the cluster) WHEN it is synthesized for Tencent Cloud
    json = synthBookstore(tencentcloud()).json;
    // and the same bookstore with its web tier on VMs
    vmsJson = synthBookstore(tencentcloud(), onVms()).json;
  });

  test("holds every capability's resources", () => {
    expect(resourceTypes(json)).toEqual(
      expect.arrayContaining([
        "tencentcloud_vpc",
        "tencentcloud_subnet",
        "tencentcloud_nat_gateway",
        "tencentcloud_eip",
        "tencentcloud_route_table",
        "tencentcloud_route_table_entry",
        "tencentcloud_route_table_association",
        "tencentcloud_mysql_instance",
        "tencentcloud_mysql_backup_policy",
        "tencentcloud_mysql_database",
        "tencentcloud_mysql_account",
        "tencentcloud_mysql_privilege",
        "tencentcloud_ssm_secret",
        "tencentcloud_ssm_secret_version",
        "tencentcloud_clb_instance",
        "tencentcloud_cdn_domain",
        "tencentcloud_kubernetes_cluster",
        "tencentcloud_kubernetes_node_pool",
        "tencentcloud_kubernetes_encryption_protection",
        "tencentcloud_kms_key",
      ]),
    );
    expect(JSON.stringify(json)).not.toContain("aws_");
    expect(resourceTypes(vmsJson)).toEqual(
      expect.arrayContaining(["tencentcloud_as_scaling_config", "tencentcloud_as_scaling_group", "tencentcloud_clb_listener", "tencentcloud_clb_listener_rule", "tencentcloud_clb_redirection"]),
    );
  });

  test("configures one provider for the cloud's region", () => {
    expect(json.provider?.tencentcloud).toEqual([{ region: "ap-guangzhou" }]);
  });

  describe("network", () => {
    test("has a public and a private subnet in each of two zones, planned from the CIDR", () => {
      const subnets = resources(json, "tencentcloud_subnet") as { cidr_block: string; availability_zone: string }[];
      expect(subnets.map((s) => [s.availability_zone, s.cidr_block]).sort()).toEqual([
        ["ap-guangzhou-3", "10.20.0.0/18"],
        ["ap-guangzhou-3", "10.20.128.0/18"],
        ["ap-guangzhou-4", "10.20.192.0/18"],
        ["ap-guangzhou-4", "10.20.64.0/18"],
      ]);
    });

    test("routes the private subnets, and only them, to the internet through the NAT gateway", () => {
      const entry = onlyResource(json, "tencentcloud_route_table_entry");
      expect(entry).toEqual(expect.objectContaining({ destination_cidr_block: "0.0.0.0/0", next_type: "NAT", next_hub: expect.stringContaining("tencentcloud_nat_gateway.") }));
      const associated = resources(json, "tencentcloud_route_table_association").map((a: any) => a.subnet_id);
      expect(associated).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect(onlyResource(json, "tencentcloud_nat_gateway").assigned_eip_set).toHaveLength(2);
    });

    test("records every flow of the VPC in CLS (CKV_TC_14)", () => {
      const flowLog = onlyResource(json, "tencentcloud_vpc_flow_log");
      expect(flowLog).toEqual(expect.objectContaining({ resource_type: "VPC", traffic_type: "ALL", storage_type: "cls" }));
    });
  });

  describe("compute group (web tier on VMs)", () => {
    test("exists only when the runtime sends requests to VMs", () => {
      expect(resources(json, "tencentcloud_as_scaling_group")).toEqual([]);
      expect(resources(vmsJson, "tencentcloud_as_scaling_group")).toHaveLength(1);
    });

    test("launches instances with no public address or bandwidth, monitoring on, in their own security group", () => {
      const config = onlyResource(vmsJson, "tencentcloud_as_scaling_config");
      expect(config).toEqual(
        expect.objectContaining({
          public_ip_assigned: false,
          internet_max_bandwidth_out: 0,
          enhanced_monitor_service: true,
          instance_types: ["S5.MEDIUM4"],
          system_disk_type: "CLOUD_PREMIUM",
          security_group_ids: [expect.stringContaining("Bookstore_Web_SecurityGroup")],
        }),
      );
      expect(config.password).toBeUndefined();
      expect(config.key_ids).toBeUndefined();
      expect(config.image_id).toContain("data.tencentcloud_images.");
      expect(dataSources(vmsJson, "tencentcloud_images")).toEqual([expect.objectContaining({ image_type: ["PUBLIC_IMAGE"] })]);
    });

    test("runs the pinned container image with the database connection but no password or cloud key", () => {
      const userData: string = onlyResource(vmsJson, "tencentcloud_as_scaling_config").user_data;
      expect(userData).toMatch(/^\$\{base64encode\(/);
      expect(userData).toContain("docker run");
      expect(userData).toContain("registry.example.com/bookstore:1.4.2");
      expect(userData).toContain("DB_HOST=${tencentcloud_mysql_instance.");
      expect(userData).toContain("DB_PORT=3307");
      expect(userData).toContain("DB_CREDENTIALS_SECRET=${tencentcloud_ssm_secret.");
      // SSM's GetSecretValue reads by name and version ID, and the instances may not list versions.
      expect(userData).toContain("DB_CREDENTIALS_SECRET_VERSION=v1");
      expect(userData).toContain("CACHE_CREDENTIALS_SECRET_VERSION=v1");
      // The same application contract as the pods: cloud, region (also for the SDK), port, the application account.
      for (const line of ["CLOUD=tencentcloud", "CLOUD_REGION=ap-guangzhou", "TENCENTCLOUD_REGION=ap-guangzhou", "PORT=8080", "DB_NAME=bookstore", "DB_USER=bookstoreadmin"]) {
        expect(userData).toContain(line);
      }
      expect(userData).not.toMatch(/password|TENCENTCLOUD_SECRET/i);
    });

    test("installs Docker CE from Docker's repository on Tencent's mirror before it starts docker, not the distribution's docker package", () => {
      // GIVEN the image the VMs boot: TencentOS Server 3.1
      expect(dataSources(vmsJson, "tencentcloud_images")).toEqual([expect.objectContaining({ image_name_regex: "^TencentOS Server 3\\.1" })]);
      // WHEN the boot script is read line by line (a Terraform string: its newlines are written \n)
      const userData: string = onlyResource(vmsJson, "tencentcloud_as_scaling_config").user_data;
      const lines = userData.replace(/^\$\{base64encode\("/, "").replace(/"\)\}$/, "").split("\\n");
      // THEN Docker CE comes from Docker's CentOS 8 repository on Tencent's mirror over HTTPS, all under set -e
      const install = [
        "dnf config-manager --add-repo=https://mirrors.cloud.tencent.com/docker-ce/linux/centos/docker-ce.repo",
        "sed -i -e 's+download.docker.com+mirrors.cloud.tencent.com/docker-ce+g' -e 's+[$]releasever+8+g' /etc/yum.repos.d/docker-ce.repo",
        "dnf -y install --allowerasing docker-ce",
      ];
      expect(lines.slice(0, 6)).toEqual(["#!/bin/bash", "set -euo pipefail", ...install, "systemctl enable --now docker"]);
      expect(userData).not.toContain("install -y docker;");
      expect(userData).not.toContain("docker.io");
      // AND the mirror is reached through the NAT gateway on 443, which the instances' egress admits
      expect(rulesOf(vmsJson, "Bookstore_Web_SecurityGroup")).toContainEqual(expect.objectContaining({ type: "egress", ip_protocol: "TCP", port_range: "443", cidr_ip: "0.0.0.0/0" }));
    });

    test("points Docker's repository file at Tencent's mirror and at CentOS 8, whose packages TencentOS Server 3.1 takes", () => {
      // GIVEN Docker's repository file as Docker publishes it (its stable section)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docker-repo-"));
      const repo = path.join(dir, "docker-ce.repo");
      fs.writeFileSync(
        repo,
        ["[docker-ce-stable]", "name=Docker CE Stable - $basearch", "baseurl=https://download.docker.com/linux/centos/$releasever/$basearch/stable", "enabled=1", "gpgcheck=1", "gpgkey=https://download.docker.com/linux/centos/gpg", ""].join("\n"),
      );
      // WHEN the boot script's sed line runs on it
      const sed = Cloud.tencentcloud({ region: "ap-guangzhou" }).catalog.tencentcloud.dockerInstallCommands.find((line) => line.startsWith("sed "))!;
      execFileSync("bash", ["-c", sed.replace("/etc/yum.repos.d/docker-ce.repo", repo)]);
      // THEN packages and key come from the mirror over HTTPS, for CentOS 8
      const rewritten = fs.readFileSync(repo, "utf8");
      fs.rmSync(dir, { recursive: true });
      expect(rewritten).toContain("baseurl=https://mirrors.cloud.tencent.com/docker-ce/linux/centos/8/$basearch/stable\n");
      expect(rewritten).toContain("gpgkey=https://mirrors.cloud.tencent.com/docker-ce/linux/centos/gpg\n");
      expect(rewritten).not.toMatch(/download\.docker\.com|\$releasever/);
    });

    test("sits in the private subnets and registers with the HTTPS rule; CLB-unhealthy instances are replaced", () => {
      const group = onlyResource(vmsJson, "tencentcloud_as_scaling_group");
      expect(group.subnet_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect([group.min_size, group.max_size]).toEqual([2, 6]);
      expect(group.replace_load_balancer_unhealthy).toBe(true);
      expect(group.health_check_type).toBe("CLB");
      expect(group.forward_balancer_ids).toEqual([
        {
          load_balancer_id: expect.stringContaining("tencentcloud_clb_instance.Bookstore_LoadBalancer"),
          listener_id: expect.stringContaining("Bookstore_LoadBalancer_HttpsListener"),
          rule_id: expect.stringContaining("Bookstore_LoadBalancer_HttpsRule"),
          target_attribute: [{ port: 8080, weight: 10 }],
        },
      ]);
    });

    test("may read only the database's and the cache's credentials secrets and the asset bucket's objects, through a CAM role of the instances", () => {
      expect(onlyResource(vmsJson, "tencentcloud_as_scaling_config").cam_role_name).toContain("tencentcloud_cam_role.Bookstore_Web_InstanceRole");
      expect(resourceAt(vmsJson, "tencentcloud_cam_role", "Web/InstanceRole").document).toContain("cvm.qcloud.com");
      for (const [policyAt, secret] of [
        ["Web/ReadDatabaseCredentials", "Bookstore_Database_CredentialsSecret"],
        ["Web/ReadCacheCredentials", "Bookstore_Cache_CredentialsSecret"],
      ]) {
        const policy: string = resourceAt(vmsJson, "tencentcloud_cam_policy", policyAt).document;
        expect(policy).toContain("ssm:GetSecretValue");
        expect(policy).toContain("qcs::ssm:ap-guangzhou:uin/${data.tencentcloud_user_info.");
        expect(policy).toContain(`secret/creatorUin/*/\${tencentcloud_ssm_secret.${secret}`);
        expect(policy).not.toMatch(/"ssm:\*"|"\*"/);
      }
      const attached = (resources(vmsJson, "tencentcloud_cam_role_policy_attachment") as any[])
        .map((a) => [a.role_id, a.policy_id])
        .filter(([role]) => String(role).includes("Bookstore_Web_InstanceRole"));
      expect(attached).toHaveLength(3);
      expect(attached).toEqual(
        expect.arrayContaining([
          [expect.stringContaining("Bookstore_Web_InstanceRole"), expect.stringContaining("Bookstore_Web_ReadDatabaseCredentials")],
          [expect.stringContaining("Bookstore_Web_InstanceRole"), expect.stringContaining("Bookstore_Web_ReadCacheCredentials")],
        ]),
      );
      const assets: string = resourceAt(vmsJson, "tencentcloud_cam_policy", "Bookstore/Web/ReadWriteAssets").document;
      expect(assets).toContain('"resource" = ["qcs::cos:ap-guangzhou:uid/${data.tencentcloud_user_info.Bookstore_Assets_Account_');
      expect(assets).toContain(':${tencentcloud_cos_bucket.Bookstore_Assets_F24C6A99.bucket}/*"]');
      expect(assets).toContain('"name/cos:GetObject", "name/cos:HeadObject", "name/cos:PutObject", "name/cos:DeleteObject"');
      expect(assets).not.toMatch(/"name\/cos:\*"|GetBucket|PutBucket/);
    });

    test("admits the application port only from the load balancer's security group", () => {
      const ingress = rulesOf(vmsJson, "Bookstore_Web_SecurityGroup").filter((r) => r.type === "ingress");
      expect(ingress).toEqual([
        expect.objectContaining({ policy: "ACCEPT", port_range: "8080", source_sgid: expect.stringContaining("Bookstore_LoadBalancer_SecurityGroup") }),
      ]);
      expect(ingress[0].cidr_ip).toBeUndefined();
    });
  });

  describe("database", () => {
    test("is private, on a port other than 3306, highly available across two zones and destroy protected", () => {
      const db = onlyResource(json, "tencentcloud_mysql_instance");
      expect(db).toEqual(
        expect.objectContaining({
          engine_version: "8.0",
          mem_size: 4000,
          volume_size: 50,
          internet_service: 0,
          intranet_port: 3307,
          slave_deploy_mode: 1,
          availability_zone: "ap-guangzhou-3",
          first_slave_zone: "ap-guangzhou-4",
          destroy_protect: "on",
          subnet_id: expect.stringContaining("PrivateSubnet1"),
          security_groups: [expect.stringContaining("Bookstore_Database_SecurityGroup")],
        }),
      );
      expect(db.lifecycle).toEqual({ prevent_destroy: true });
    });

    test("requires TLS", () => {
      expect(onlyResource(json, "tencentcloud_mysql_instance").parameters).toEqual({ require_secure_transport: "ON" });
      expect(onlyResource(json, "tencentcloud_mysql_ssl")).toEqual(expect.objectContaining({ status: "ON" }));
    });

    test("runs one job at a time on the instance, after the restart that turns SSL on", () => {
      // CDB refuses a job while another runs, and SSL restarts the instance: each waits for the one before.
      const address = (type: string, path: string) => {
        const [name] = Object.entries((json.resource?.[type] ?? {}) as Record<string, any>).find(([, block]) => block["//"]?.metadata?.path?.endsWith(`/Database/${path}`))!;
        return `${type}.${name}`;
      };
      const chain: [string, string][] = [
        ["tencentcloud_mysql_ssl", "Tls"],
        ["tencentcloud_mysql_backup_policy", "BackupPolicy"],
        ["tencentcloud_mysql_database", "Schema"],
        ["tencentcloud_mysql_account", "Account"],
        ["tencentcloud_mysql_privilege", "AccountPrivileges"],
        ["tencentcloud_mysql_account", "SchemaAccount"],
      ];
      for (let i = 1; i < chain.length; i++) {
        const [type, path] = chain[i];
        const waitsFor = [...(resourceAt(json, type, `Database/${path}`).depends_on ?? []), ...JSON.stringify(resourceAt(json, type, `Database/${path}`)).matchAll(/\$\{(tencentcloud_[a-z_]+\.[A-Za-z0-9_]+)\./g)].map((d) => (typeof d === "string" ? d : d[1]));
        expect(waitsFor).toContain(address(...chain[i - 1]));
      }
    });

    test("keeps backups for the configured days", () => {
      expect(onlyResource(json, "tencentcloud_mysql_backup_policy")).toEqual(expect.objectContaining({ retention_period: 7, binlog_period: 7 }));
    });

    test("generates every password, and keeps the application's in SSM", () => {
      const db = onlyResource(json, "tencentcloud_mysql_instance");
      expect(db.root_password).toMatch(/^\$\{random_password\./);
      const account = resourceAt(json, "tencentcloud_mysql_account", "Database/Account");
      expect(account).toEqual(expect.objectContaining({ name: "bookstoreadmin", password: expect.stringMatching(/^\$\{random_password\./) }));
      expect(resourceAt(json, "tencentcloud_ssm_secret_version", "Database/CredentialsSecretVersion").secret_string).toContain("random_password.Bookstore_Database_AccountPassword");
      expect(json.provider?.random).toHaveLength(1);
    });

    test("grants the application account rows of its own database only: no DDL", () => {
      const privilege = resourceAt(json, "tencentcloud_mysql_privilege", "Database/AccountPrivileges");
      expect(privilege.global).toEqual([]);
      expect(privilege.database).toEqual([expect.objectContaining({ database_name: expect.stringContaining("tencentcloud_mysql_database.") })]);
      expect([...privilege.database[0].privileges].sort()).toEqual(
        ["CREATE TEMPORARY TABLES", "DELETE", "EXECUTE", "INSERT", "LOCK TABLES", "SELECT", "SHOW VIEW", "UPDATE"],
      );
    });

    test("keeps schema changes to a second account with DDL on the same database only, in its own SSM secret the runtimes cannot read", () => {
      const account = resourceAt(json, "tencentcloud_mysql_account", "Database/SchemaAccount");
      expect(account).toEqual(expect.objectContaining({ name: "bookstoreadmin_ddl", host: "%", password: expect.stringContaining("random_password.Bookstore_Database_SchemaAccountPassword") }));
      const privilege = resourceAt(json, "tencentcloud_mysql_privilege", "Database/SchemaAccountPrivileges");
      expect(privilege.global).toEqual([]);
      expect(privilege.database[0].privileges).toEqual(expect.arrayContaining(["CREATE", "ALTER", "DROP", "INDEX", "SELECT", "INSERT"]));
      expect(privilege.database[0].privileges).not.toContain("GRANT OPTION");
      expect(resourceAt(json, "tencentcloud_ssm_secret", "Database/SchemaCredentialsSecret")).toEqual(expect.objectContaining({ secret_name: "bookstore-db-schema-credentials" }));
      expect(resourceAt(json, "tencentcloud_ssm_secret_version", "Database/SchemaCredentialsSecretVersion").secret_string).toContain("random_password.Bookstore_Database_SchemaAccountPassword");
      const grants = blocksMentioning(json, "ssm:GetSecretValue");
      expect(grants.some((grant) => grant.includes("tencentcloud_ssm_secret.Bookstore_Database_CredentialsSecret"))).toBe(true);
      expect(grants.filter((grant) => grant.includes("SchemaCredentialsSecret"))).toEqual([]);
    });

    test("admits its port only from the nodes' security group and the cluster's pod range when the web tier is on the cluster", () => {
      const ingress = rulesOf(json, "Bookstore_Database_SecurityGroup");
      expect(ingress.map((r) => [r.type, r.port_range, r.cidr_ip ?? r.source_sgid])).toEqual(
        expect.arrayContaining([
          ["ingress", "3307", expect.stringContaining("Bookstore_Kubernetes_NodeSecurityGroup")],
          ["ingress", "3307", "172.20.0.0/16"],
        ]),
      );
      expect(ingress).toHaveLength(2);
    });

    test("admits its port only from the web tier's and the nodes' security groups, and the cluster's pod range", () => {
      const ingress = rulesOf(vmsJson, "Bookstore_Database_SecurityGroup");
      // GlobalRouter pods reach the database from their own addresses, in the cluster range.
      expect(ingress.map((r) => [r.type, r.port_range, r.cidr_ip]).sort()).toEqual([
        ["ingress", "3307", undefined],
        ["ingress", "3307", undefined],
        ["ingress", "3307", "172.20.0.0/16"],
      ]);
      expect(onlyResource(vmsJson, "tencentcloud_kubernetes_cluster").cluster_cidr).toBe("172.20.0.0/16");
      expect(ingress.filter((r) => r.source_sgid !== undefined).map((r) => r.source_sgid).sort()).toEqual([
        expect.stringContaining("Bookstore_Kubernetes_NodeSecurityGroup"),
        expect.stringContaining("Bookstore_Web_SecurityGroup"),
      ]);
    });
  });

  describe("load balancer", () => {
    test("is public, deletion protected, filtered by its own security group and logs to CLS (CKV_TC_11)", () => {
      const clb = onlyResource(json, "tencentcloud_clb_instance");
      expect(clb).toEqual(
        expect.objectContaining({
          network_type: "OPEN",
          delete_protect: true,
          load_balancer_pass_to_target: true,
          security_groups: [expect.stringContaining("Bookstore_LoadBalancer_SecurityGroup")],
          log_set_id: expect.stringMatching(/^\$\{tencentcloud_clb_log_topic\.[\w-]+\.log_set_id\}$/),
          log_topic_id: expect.stringMatching(/^\$\{tencentcloud_clb_log_topic\.[\w-]+\.id\}$/),
        }),
      );
    });

    test.each([
      ["on the cluster", () => json],
      ["on VMs", () => vmsJson],
    ])("%s: leaves alone the tke-clusterId tag TKE puts on a CLB a Service reuses, and only that tag", (_runtime, stack) => {
      // The provider deletes on apply every tag of the CLB the configuration lacks.
      const clb = onlyResource(stack(), "tencentcloud_clb_instance");
      expect(clb.lifecycle).toEqual({ ignore_changes: ['tags["tke-clusterId"]'] });
      // The library's own tags stay managed.
      expect(clb.tags).toEqual(expect.objectContaining({ app: "bookstore" }));
    });

    test("sends access logs to CLB's own log set, kept as long as it allows (90 days)", () => {
      expect(onlyResource(json, "tencentcloud_clb_log_set")).toEqual(expect.objectContaining({ period: 90 }));
      expect(onlyResource(json, "tencentcloud_clb_log_topic")).toEqual(
        expect.objectContaining({ log_set_id: expect.stringContaining("tencentcloud_clb_log_set."), topic_name: "bookstore-lb-access-logs" }),
      );
    });

    test("on VMs: serves HTTPS with the existing certificate and checks the targets' health path", () => {
      const https = resources(vmsJson, "tencentcloud_clb_listener").find((l: any) => l.protocol === "HTTPS") as any;
      expect(https).toEqual(expect.objectContaining({ port: 443, certificate_ssl_mode: "UNIDIRECTIONAL", certificate_id: "Xa7dQ2mK" }));
      const rule = resources(vmsJson, "tencentcloud_clb_listener_rule").find((r: any) => r.health_check_switch === true) as any;
      expect(rule).toEqual(expect.objectContaining({ domain: "shop.example.com", health_check_http_path: "/healthz", health_check_type: "HTTP", forward_type: "HTTP" }));
    });

    test("on VMs: answers HTTP on port 80 only with a redirect to the HTTPS rule", () => {
      const http = resources(vmsJson, "tencentcloud_clb_listener").find((l: any) => l.protocol === "HTTP") as any;
      expect(http.port).toBe(80);
      const redirection = onlyResource(vmsJson, "tencentcloud_clb_redirection");
      expect(redirection).toEqual(
        expect.objectContaining({
          rewrite_code: 301,
          source_listener_id: expect.stringContaining("HttpListener"),
          target_listener_id: expect.stringContaining("HttpsListener"),
          target_rule_id: expect.stringContaining("HttpsRule"),
        }),
      );
      // No scaling group registers with the HTTP listener.
      expect(JSON.stringify(onlyResource(vmsJson, "tencentcloud_as_scaling_group"))).not.toContain("HttpListener");
    });

    test("on VMs: opens only 443 and 80 to the internet", () => {
      const open = rulesOf(vmsJson, "Bookstore_LoadBalancer_SecurityGroup").filter((r) => r.type === "ingress");
      expect(open.map((r) => [r.port_range, r.cidr_ip]).sort()).toEqual([
        ["443", "0.0.0.0/0"],
        ["80", "0.0.0.0/0"],
      ]);
    });
    test("on the cluster: creates no listener of its own, opens only 443, and reaches the pods' range on the application port", () => {
      // TKE's service controller creates the HTTPS listener for the reused CLB; it touches no listener it did not create.
      expect(resources(json, "tencentcloud_clb_listener")).toEqual([]);
      expect(resources(json, "tencentcloud_clb_redirection")).toEqual([]);
      const rules = rulesOf(json, "Bookstore_LoadBalancer_SecurityGroup");
      expect(rules.filter((r) => r.type === "ingress").map((r) => [r.port_range, r.cidr_ip])).toEqual([["443", "0.0.0.0/0"]]);
      expect(rules.filter((r) => r.type === "egress").map((r) => [r.port_range, r.cidr_ip]).sort()).toEqual([
        ["8080", "10.20.0.0/16"],
        ["8080", "172.20.0.0/16"],
      ]);
    });

    test("keeps the load balancer's and the database's addresses when the runtime moves between VMs and the cluster", () => {
      for (const type of ["tencentcloud_clb_instance", "tencentcloud_mysql_instance", "tencentcloud_kubernetes_cluster", "tencentcloud_ssm_secret"]) {
        expect({ type, addresses: Object.keys(json.resource![type]) }).toEqual({ type, addresses: Object.keys(vmsJson.resource![type]) });
      }
      expect(onlyResource(json, "tencentcloud_clb_instance")).toEqual(onlyResource(vmsJson, "tencentcloud_clb_instance"));
    });

    test("is the only internet-facing load balancer", () => {
      expect(resources(json, "tencentcloud_clb_instance")).toHaveLength(1);
      expect(resources(vmsJson, "tencentcloud_clb_instance")).toHaveLength(1);
    });
  });

  describe("CDN", () => {
    test("serves the domain over HTTPS only, with the existing certificate, HSTS and a redirect from HTTP", () => {
      const cdn = resourceAt(json, "tencentcloud_cdn_domain", "Bookstore/Cdn/Resource");
      expect(cdn.domain).toBe("shop.example.com");
      expect(cdn.service_type).toBe("web");
      expect(cdn.https_config).toEqual(
        expect.objectContaining({
          https_switch: "on",
          server_certificate_config: { certificate_id: "Xa7dQ2mK" },
          force_redirect: expect.objectContaining({ switch: "on", redirect_type: "https" }),
          hsts: expect.objectContaining({ switch: "on" }),
        }),
      );
    });

    test("fetches from the load balancer's VIP (its domain may be empty) over HTTPS with the shop's Host", () => {
      expect(resourceAt(json, "tencentcloud_cdn_domain", "Bookstore/Cdn/Resource").origin).toEqual({
        origin_type: "ip",
        origin_list: [expect.stringMatching(/^\$\{element\(tencentcloud_clb_instance\.Bookstore_LoadBalancer_[A-F0-9]+\.clb_vips, 0\)\}$/)],
        origin_pull_protocol: "https",
        server_name: "shop.example.com",
      });
    });

    test("caches the static paths only", () => {
      const rules = resourceAt(json, "tencentcloud_cdn_domain", "Bookstore/Cdn/Resource").rule_cache as any[];
      expect(rules[0]).toEqual(expect.objectContaining({ rule_type: "all", no_cache_switch: "on" }));
      expect(rules.slice(1).map((r) => [r.rule_type, r.rule_paths, r.switch])).toEqual([
        ["directory", ["/static"], "on"],
        ["directory", ["/covers"], "on"],
      ]);
    });

    test.each([
      ["/static/*", { ruleType: "directory", rulePaths: ["/static"] }],
      ["*.css", { ruleType: "file", rulePaths: ["css"] }],
      ["/robots.txt", { ruleType: "path", rulePaths: ["/robots.txt"] }],
      ["/*", { ruleType: "all", rulePaths: ["*"] }],
    ])("maps the path pattern %s to a cache rule", (pattern, expected) => {
      expect(cacheRuleTarget(pattern)).toEqual(expected);
    });
  });

  describe("asset bucket", () => {
    test("is a private, encrypted, versioned COS bucket named <name>-<APPID>, the APPID read from the account", () => {
      const bucket = onlyResource(json, "tencentcloud_cos_bucket");
      expect(bucket).toEqual(
        expect.objectContaining({
          bucket: expect.stringMatching(/^bookstore-assets-\$\{data\.tencentcloud_user_info\.Bookstore_Assets_Account_[0-9A-F]+\.app_id\}$/),
          acl: "private",
          encryption_algorithm: "AES256",
          versioning_enable: true,
          force_clean: false,
          lifecycle: { prevent_destroy: true },
        }),
      );
      expect(bucket.lifecycle_rules).toEqual([
        expect.objectContaining({
          filter_prefix: "",
          non_current_expiration: { non_current_days: 30 },
          abort_incomplete_multipart_upload: { days_after_initiation: 7 },
          expiration: { delete_marker: true },
        }),
      ]);
      // COS names are the account's own (the APPID): no random end is drawn.
      expect(json.resource?.random_id).toBeUndefined();
    });

    test("is served on a CDN domain of its own, static. and the shop's domain, as a private COS origin over HTTPS", () => {
      const domain = resourceAt(json, "tencentcloud_cdn_domain", "Bookstore/Cdn/AssetsDomain");
      expect(domain.domain).toBe("static.shop.example.com");
      expect(domain.origin).toEqual({
        origin_type: "cos",
        origin_list: ["${tencentcloud_cos_bucket.Bookstore_Assets_F24C6A99.cos_bucket_url}"],
        server_name: "${tencentcloud_cos_bucket.Bookstore_Assets_F24C6A99.cos_bucket_url}",
        cos_private_access: "on",
        origin_pull_protocol: "https",
      });
      expect(domain.https_config).toEqual(expect.objectContaining({ https_switch: "on", server_certificate_config: { certificate_id: "Xa7dQ2mK" } }));
      expect(domain.rule_cache).toEqual([expect.objectContaining({ rule_type: "all", switch: "on", heuristic_cache_time: 86400 })]);
    });
  });

  describe("Kubernetes", () => {
    test("is a managed cluster with the log agent and audit on, ranges outside the VPC", () => {
      const cluster = onlyResource(json, "tencentcloud_kubernetes_cluster");
      expect(cluster).toEqual(
        expect.objectContaining({
          cluster_deploy_type: "MANAGED_CLUSTER",
          cluster_version: "1.34.1",
          cluster_cidr: "172.20.0.0/16",
          service_cidr: "172.21.0.0/20",
          log_agent: { enabled: true },
          cluster_audit: { enabled: true },
        }),
      );
      expect(cluster.worker_config).toBeUndefined();
      expect(cluster.master_config).toBeUndefined();
    });

    test("keeps the API server private when no public CIDR is named", () => {
      const endpoint = onlyResource(json, "tencentcloud_kubernetes_cluster_endpoint");
      expect(endpoint).toEqual(expect.objectContaining({ cluster_intranet: true, cluster_internet: false }));
      expect(endpoint.cluster_internet_security_group).toBeUndefined();
    });

    test("encrypts secrets with a rotating KMS key", () => {
      expect(onlyResource(json, "tencentcloud_kms_key")).toEqual(expect.objectContaining({ key_rotation_enabled: true, is_enabled: true }));
      expect(onlyResource(json, "tencentcloud_kubernetes_encryption_protection").kms_configuration).toEqual({
        key_id: expect.stringContaining("tencentcloud_kms_key."),
        kms_region: "ap-guangzhou",
      });
    });

    test("runs nodes without public addresses in the private subnets (CKV_TC_7)", () => {
      const pool = onlyResource(json, "tencentcloud_kubernetes_node_pool");
      expect(pool.subnet_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
      expect([pool.min_size, pool.max_size]).toEqual([2, 5]);
      expect(pool.auto_scaling_config).toEqual(
        expect.objectContaining({ instance_type: "S5.MEDIUM8", public_ip_assigned: false, internet_max_bandwidth_out: 0 }),
      );
    });

    test("gives the nodes a generated root password that the provider and CVM accept, and no key pair", () => {
      // The provider refuses a node pool with neither password nor key_ids.
      const config = onlyResource(json, "tencentcloud_kubernetes_node_pool").auto_scaling_config;
      expect(config.password).toMatch(/^\$\{random_password\.Bookstore_Kubernetes_NodePassword_[A-F0-9]+\.result\}$/);
      expect(config.key_ids).toBeUndefined();
      expect(resources(json, "tencentcloud_key_pair")).toEqual([]);
      const password = resourceAt(json, "random_password", "Bookstore/Kubernetes/NodePassword");
      // 8 to 16 characters (the provider's check), at least two of each kind (CVM asks for
      // two or three kinds), and specials every one of them accepts, "/" not among them.
      expect(password).toEqual(expect.objectContaining({ length: 16, special: true, min_lower: 2, min_upper: 2, min_numeric: 2, min_special: 2 }));
      const providerSpecials = "()~!@#$%^&*-+={}[]:;',.?/";
      const cvmSpecials = "()`~!@#$%^&*-+=|{}[]:;',.?/";
      for (const special of password.override_special as string) {
        expect([providerSpecials.includes(special), cvmSpecials.includes(special), special === "/"]).toEqual([true, true, false]);
      }
    });
  });

  describe("Kubernetes access, identity and add-ons", () => {
    test("grants each administrator TKE's tke:admin role on the cluster, a CAM role by its ID looked up by name", () => {
      const grant = onlyResource(json, "tencentcloud_kubernetes_user_permissions");
      expect(grant.target_uin).toMatch(/^\$\{data\.tencentcloud_cam_roles\.[\w-]+\.role_list\[0\]\.role_id\}$/);
      expect(grant.permissions).toEqual([
        { cluster_id: expect.stringContaining("tencentcloud_kubernetes_cluster.Bookstore_Kubernetes"), role_name: "tke:admin", role_type: "cluster", is_custom: false },
      ]);
      expect(dataSources(json, "tencentcloud_cam_roles")).toEqual([expect.objectContaining({ name: "ci-deployer" })]);
    });

    test("opens the intranet endpoint's security group on 443 to the named private networks", () => {
      const endpoint = onlyResource(json, "tencentcloud_kubernetes_cluster_endpoint");
      expect(endpoint.cluster_intranet_security_group).toContain("Bookstore_Kubernetes_ApiSecurityGroup");
      const rules = rulesOf(json, "Bookstore_Kubernetes_ApiSecurityGroup");
      expect(rules.map((r) => [r.type, r.ip_protocol, r.port_range, r.cidr_ip]).sort()).toEqual([
        ["ingress", "TCP", "443", "10.100.0.0/24"],
        ["ingress", "TCP", "443", "10.20.0.0/16"],
      ]);
    });

    test("lets TKE's own autoscaler scale the node pool in and out; no add-on stack (TKE serves pod metrics itself)", () => {
      expect(onlyResource(json, "tencentcloud_kubernetes_node_pool")).toEqual(expect.objectContaining({ enable_auto_scale: true, min_size: 2, max_size: 5 }));
      expect(onlyResource(json, "tencentcloud_kubernetes_cluster").node_pool_global_config).toEqual([
        expect.objectContaining({ is_scale_in_enabled: true, skip_nodes_with_local_storage: false }),
      ]);
      expect(Object.keys(tencentcloud().catalog.kubernetesAddOns)).toEqual(["networkpolicy"]);
      expect(synthBookstore(tencentcloud()).addOns).toBeUndefined();
    });

    test("installs TKE's NetworkPolicy add-on once the nodes exist, so the workloads' NetworkPolicy is enforced", () => {
      // GIVEN the example bookstore WHEN synthesized THEN the add-on is installed on the cluster after its node pool
      const addOn = onlyResource(json, "tencentcloud_kubernetes_addon");
      expect(addOn).toEqual(
        expect.objectContaining({
          cluster_id: expect.stringContaining("tencentcloud_kubernetes_cluster.Bookstore_Kubernetes"),
          addon_name: "networkpolicy",
          depends_on: [expect.stringContaining("tencentcloud_kubernetes_node_pool.Bookstore_Kubernetes_NodePool")],
        }),
      );
      expect(addOn).not.toHaveProperty("raw_values");
    });

    test("installs the add-on's newest version in TKE's list at first install, and keeps it: the plan shows it, a later release does not upgrade it", () => {
      const addOn = onlyResource(json, "tencentcloud_kubernetes_addon");
      const charts = dataSources(json, "tencentcloud_kubernetes_charts");
      expect(charts).toEqual([{ cluster_type: "tke", arch: "amd64" }]);
      expect(addOn.addon_version).toMatch(/^\$\{one\(\[for chart in data\.tencentcloud_kubernetes_charts\.Bookstore_Kubernetes_AddOnCharts_\w+\.chart_list : chart\.latest_version if chart\.name == "networkpolicy"\]\)\}$/);
      expect(addOn.lifecycle.ignore_changes).toEqual(["addon_version"]);
    });

    test("fails the plan, not the apply, when TKE's add-on list has no networkpolicy", () => {
      const [precondition] = onlyResource(json, "tencentcloud_kubernetes_addon").lifecycle.precondition;
      expect(precondition.condition).toMatch(/^\$\{contains\(data\.tencentcloud_kubernetes_charts\.Bookstore_Kubernetes_AddOnCharts_\w+\.chart_list\[\*\]\.name, "networkpolicy"\)\}$/);
      expect(precondition.error_message).toContain("NetworkPolicy is not enforced");
    });

    test("registers the cluster's service-account issuer as a CAM OIDC provider with the pods' audience", () => {
      expect(onlyResource(json, "tencentcloud_kubernetes_auth_attachment")).toEqual(
        expect.objectContaining({
          cluster_id: expect.stringContaining("tencentcloud_kubernetes_cluster.Bookstore_Kubernetes"),
          use_tke_default: true,
          auto_create_discovery_anonymous_auth: true,
          auto_create_oidc_config: true,
          auto_create_client_id: ["sts.cloud.tencent.com"],
        }),
      );
    });

    test("gives the bookstore's service account, and only it, a role that reads only the database's and the cache's secrets and the asset bucket's objects", () => {
      const role = resourceAt(json, "tencentcloud_cam_role", "Kubernetes/WorkloadRole");
      const trust: string = role.document;
      expect(trust).toContain("name/sts:AssumeRoleWithWebIdentity");
      expect(trust).toContain(":oidc-provider/${tencentcloud_kubernetes_cluster.Bookstore_Kubernetes");
      expect(trust).toContain("system:serviceaccount:bookstore:bookstore");
      expect(trust).toContain("sts.cloud.tencent.com");
      expect(trust).toContain("tencentcloud_kubernetes_auth_attachment.");
      const policy: string = resourceAt(json, "tencentcloud_cam_policy", "Kubernetes/WorkloadReadDatabaseCredentials").document;
      expect(policy).toContain("ssm:GetSecretValue");
      expect(policy).toContain("secret/creatorUin/*/${tencentcloud_ssm_secret.Bookstore_Database_CredentialsSecret");
      expect(policy).not.toMatch(/"ssm:\*"|"\*"|kms:/);
      expect(resourceAt(json, "tencentcloud_cam_role_policy_attachment", "Kubernetes/WorkloadRolePolicy").role_id).toContain("WorkloadRole");
      const cache: string = resourceAt(json, "tencentcloud_cam_policy", "Kubernetes/WorkloadReadCacheCredentials").document;
      expect(cache).toContain("secret/creatorUin/*/${tencentcloud_ssm_secret.Bookstore_Cache_CredentialsSecret");
      const assets: string = resourceAt(json, "tencentcloud_cam_policy", "Kubernetes/WorkloadReadWriteAssets").document;
      expect(assets).toContain(':${tencentcloud_cos_bucket.Bookstore_Assets_F24C6A99.bucket}/*"]');
      expect(assets).not.toMatch(/"name\/cos:\*"|GetBucket|PutBucket/);
      for (const attachment of ["WorkloadRoleCachePolicy", "WorkloadRoleAssetsPolicy"]) {
        expect(resourceAt(json, "tencentcloud_cam_role_policy_attachment", `Kubernetes/${attachment}`).role_id).toContain("WorkloadRole");
      }
    });
  });

  test("tags every taggable resource", () => {
    for (const type of ["tencentcloud_vpc", "tencentcloud_mysql_instance", "tencentcloud_clb_instance", "tencentcloud_kubernetes_cluster"]) {
      expect(onlyResource(json, type).tags).toEqual(expect.objectContaining({ app: "bookstore", team: "platform" }));
    }
  });
});

describe("the bookstore's workloads on TKE", () => {
  let workloads: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore WHEN its workloads stack is synthesized for Tencent Cloud
    workloads = synthBookstore(tencentcloud()).workloads!;
  });

  test("bind the pods into Terraform's CLB through a Service that reuses it, straight to the pods, on 443", () => {
    const service = onlyResource(workloads, "kubernetes_service_v1");
    expect(service.spec.type).toBe("LoadBalancer");
    expect(service.spec.port).toEqual([expect.objectContaining({ port: 443, target_port: "8080" })]);
    const annotations = service.metadata.annotations;
    expect(annotations["service.kubernetes.io/tke-existed-lbid"]).toMatch(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.cross-stack-output-tencentcloud_clb_instanceBookstore_LoadBalancer_[A-F0-9]+id\}$/);
    expect(annotations["service.cloud.tencent.com/direct-access"]).toBe("true");
    expect(JSON.parse(annotations["service.cloud.tencent.com/specify-protocol"])).toEqual({
      "443": { protocol: ["HTTPS"], hosts: { "shop.example.com": { tls: "bookstore-certificate" } } },
    });
    expect(resources(workloads, "kubernetes_ingress_v1")).toEqual([]);
  });

  test("name the shop's certificate by its ID only, and set the rule's health check with a TkeServiceConfig", () => {
    expect(onlyResource(workloads, "kubernetes_secret_v1")).toEqual(expect.objectContaining({ data: { qcloud_cert_id: "Xa7dQ2mK" } }));
    const binding = onlyResource(workloads, "kubernetes_manifest").manifest;
    expect(binding).toEqual(expect.objectContaining({ apiVersion: "cloud.tencent.com/v1alpha1", kind: "TkeServiceConfig" }));
    expect(onlyResource(workloads, "kubernetes_service_v1").metadata.annotations["service.cloud.tencent.com/tke-service-config"]).toBe(binding.metadata.name);
    const [listener] = binding.spec.loadBalancer.l7Listeners;
    expect(listener).toEqual(expect.objectContaining({ protocol: "HTTPS", port: 443 }));
    expect(listener.domains[0].rules[0]).toEqual(
      expect.objectContaining({ url: "/", forwardType: "HTTP", healthCheck: expect.objectContaining({ enable: true, httpCheckPath: "/healthz", httpCode: 6 }) }),
    );
  });

  test("give the pods TKE's OIDC credentials: a projected token for STS and the SDK's variables", () => {
    const data = onlyResource(workloads, "kubernetes_config_map_v1").data;
    expect(data.TKE_REGION).toBe("ap-guangzhou");
    expect(data.TKE_WEB_IDENTITY_TOKEN_FILE).toBe("/var/run/secrets/bookstore/cloud-token/token");
    expect(data.TKE_ROLE_ARN).toMatch(/^qcs::cam::uin\/\$\{data\.terraform_remote_state.*\}:roleName\/\$\{data\.terraform_remote_state.*WorkloadRole.*name\}$/);
    expect(data.TKE_PROVIDER_ID).toContain("tencentcloud_kubernetes_clusterBookstore_Kubernetes");
    const volume = onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec.volume.find((v: any) => v.name === "cloud-token");
    expect(volume.projected[0].sources[0].service_account_token).toEqual(expect.objectContaining({ audience: "sts.cloud.tencent.com", path: "token" }));
  });

  test("connect to the intranet endpoint with the cluster's CA, and a client certificate asked for when connecting, never read from the infrastructure stack", () => {
    const provider = workloads.provider!.kubernetes[0];
    // A URL, as the provider's kubernetes_manifest path (the TkeServiceConfig) requires: pgw_endpoint has no scheme.
    expect(provider.host).toMatch(/^https:\/\/\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.cross-stack-output-tencentcloud_kubernetes_cluster_endpointBookstore_Kubernetes_Endpoint_[A-F0-9]+pgw_endpoint\}$/);
    expect(provider.cluster_ca_certificate).toContain("certification_authority");
    expect(provider).not.toHaveProperty("client_certificate");
    expect(provider).not.toHaveProperty("client_key");
    expect((provider.exec as any[])[0].args).toContain("ap-guangzhou");
    // Not the clusters data source either, which would keep the kubeconfigs and the cluster's password in this stack's state.
    expect(Object.keys(workloads.data ?? {})).toEqual(["terraform_remote_state"]);
  });

  test("leave the kubeconfig out of every output of the infrastructure stack", () => {
    const infrastructure = synthBookstore(tencentcloud()).json;
    const values = Object.values(infrastructure.output ?? {}).map((output) => String(output.value));
    expect(values.filter((value) => /kube_config|client_key|\.password\b/.test(value))).toEqual([]);
    expect(values).toContainEqual(expect.stringContaining("certification_authority"));
  });

  test("admit the CLB's sources on the application port only", () => {
    const policy = resourceAt(workloads, "kubernetes_network_policy_v1", "NetworkPolicy");
    expect(policy.spec.ingress).toEqual([
      { from: [{ ip_block: { cidr: "10.20.0.0/16" } }, { ip_block: { cidr: "100.64.0.0/10" } }], ports: [{ port: "8080", protocol: "TCP" }] },
    ]);
  });
});

describe("the bookstore on Tencent Cloud, variants", () => {
  test("grants a sub-user administrator by its UIN", () => {
    const { json } = synthBookstore(tencentcloud(), { kubernetes: { administrators: ["qcs::cam::uin/100000000001:uin/100000000002"] } });
    expect(onlyResource(json, "tencentcloud_kubernetes_user_permissions").target_uin).toBe("100000000002");
    expect(dataSources(json, "tencentcloud_cam_roles")).toEqual([]);
  });

  test("opens the API server to the named public ranges only", () => {
    const { json } = synthBookstore(tencentcloud(), { kubernetes: { publicApiAllowedCidrs: ["203.0.113.0/24"] } });
    const endpoint = onlyResource(json, "tencentcloud_kubernetes_cluster_endpoint");
    expect(endpoint.cluster_internet).toBe(true);
    expect(endpoint.cluster_internet_security_group).toContain("PublicApiSecurityGroup");
    const publicRules = rulesOf(json, "Bookstore_Kubernetes_PublicApiSecurityGroup");
    expect(publicRules.map((r) => [r.type, r.port_range, r.cidr_ip])).toEqual([["ingress", "443", "203.0.113.0/24"]]);
  });

  test("a non-HA, unprotected database keeps its standby in the primary's zone and may be destroyed", () => {
    const { json } = synthBookstore(tencentcloud(), { database: { highlyAvailable: false, deletionProtection: false, version: MysqlVersion.V8_4 } });
    const db = onlyResource(json, "tencentcloud_mysql_instance");
    expect(db).toEqual(expect.objectContaining({ slave_deploy_mode: 0, first_slave_zone: "ap-guangzhou-3", destroy_protect: "off", engine_version: "8.4" }));
    expect(db.lifecycle).toEqual({ prevent_destroy: false });
  });

  test("accelerates overseas for an origin outside the mainland", () => {
    const { json } = synthBookstore(Cloud.tencentcloud({ region: "ap-singapore" }));
    expect(resources(json, "tencentcloud_cdn_domain").map((d: any) => d.area)).toEqual(["overseas", "overseas"]);
  });
});
