import { Cloud, PROJECTED_TOKEN_DIR } from "../../lib";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { dataSources, onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
const kubernetes = (overrides: object) => ({ kubernetes: { ...bookstoreProps(alicloud()).kubernetes, ...overrides } });
const policyOf = (json: TerraformJson, name: string): string => (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === name).policy_document;

describe("Alibaba Cloud: a cluster its deployer can use", () => {
  let json: TerraformJson;
  let workloads: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore (administrator acs:ram::1234567890123456:role/ci-deployer, private API CIDR 10.100.0.0/24)
    ({ json, workloads } = synthBookstore(alicloud()) as { json: TerraformJson; workloads: TerraformJson });
  });

  describe("network plugin and add-ons", () => {
    test("runs Terway with NetworkPolicy enforced, chosen at creation, and metrics-server", () => {
      const cluster = onlyResource(json, "alicloud_cs_managed_kubernetes");
      expect(cluster.addons).toEqual([
        { name: "terway-eniip", version: "v1.17.5", config: JSON.stringify({ NetworkPolicy: "true", ENITrunking: "false", IPVlan: "false" }) },
        { name: "metrics-server" },
      ]);
      expect(JSON.stringify(cluster)).not.toContain("flannel");
    });

    test("keeps Terway at the catalog's version after creation", () => {
      expect(onlyResource(json, "alicloud_cs_kubernetes_addon")).toEqual({
        cluster_id: expect.stringContaining("alicloud_cs_managed_kubernetes."),
        name: "terway-eniip",
        version: "v1.17.5",
      });
    });

    test("takes another version the catalog lists", () => {
      const { json: older } = synthBookstore(alicloud(), kubernetes({ addOnVersions: { "terway-eniip": "v1.16.6" } }));
      expect(onlyResource(older, "alicloud_cs_kubernetes_addon").version).toBe("v1.16.6");
      expect(onlyResource(older, "alicloud_cs_managed_kubernetes").addons[0].version).toBe("v1.16.6");
    });

    test("switches ACK's node autoscaler on, which the autoscaled node pool needs", () => {
      expect(onlyResource(json, "alicloud_cs_autoscaling_config")).toEqual(
        expect.objectContaining({ cluster_id: expect.stringContaining("alicloud_cs_managed_kubernetes."), scaler_type: "cluster-autoscaler", scale_down_enabled: true }),
      );
      expect(resourceAt(json, "alicloud_cs_kubernetes_node_pool", "Kubernetes/NodePool").scaling_config).toEqual(expect.objectContaining({ enable: true }));
    });
  });

  describe("administrators", () => {
    test("give a RAM role ACK's admin role on the cluster, by the role's ID looked up by name", () => {
      const grant = onlyResource(json, "alicloud_cs_kubernetes_permissions");
      const [lookup] = Object.keys(json.data?.alicloud_ram_roles ?? {});
      expect(dataSources(json, "alicloud_ram_roles")).toEqual([{ name_regex: "(?i)^ci-deployer$" }]);
      expect(grant.uid).toBe(`\${data.alicloud_ram_roles.${lookup}.roles[0].id}`);
      expect(grant.permissions).toEqual([{ cluster: expect.stringContaining("alicloud_cs_managed_kubernetes."), role_type: "cluster", role_name: "admin", is_custom: false, is_ram_role: true }]);
      // The plan stops unless exactly that role, with that ARN (account included), was found.
      expect(grant.lifecycle.precondition[0].condition).toContain(`lower("acs:ram::1234567890123456:role/ci-deployer")`);
      expect(grant.lifecycle.precondition[0].condition).toContain(`length(data.alicloud_ram_roles.${lookup}.roles) == 1`);
    });

    test("give a RAM user the same, checked against the deploying account", () => {
      const { json: withUser } = synthBookstore(alicloud(), kubernetes({ administrators: ["acs:ram::1234567890123456:user/ci.deployer", "acs:ram::1234567890123456:role/ops"] }));
      const grants = resources(withUser, "alicloud_cs_kubernetes_permissions") as any[];
      expect(grants.map((g) => g.permissions[0].is_ram_role)).toEqual([false, true]);
      expect(dataSources(withUser, "alicloud_ram_users")).toEqual([{ name_regex: "(?i)^ci\\.deployer$" }]);
      expect(grants[0].lifecycle.precondition[0].condition).toMatch(/data\.alicloud_account\.\w+\.id == "1234567890123456"/);
      // One account lookup in the stack, shared with the KMS grants' ARNs.
      expect(Object.keys((withUser as any).data.alicloud_account)).toHaveLength(1);
    });

    test("grant nothing without administrators", () => {
      const { json: none } = synthBookstore(alicloud(), kubernetes({ administrators: [] }));
      expect(resources(none, "alicloud_cs_kubernetes_permissions")).toEqual([]);
    });
  });

  describe("private API access", () => {
    const apiRules = (j: TerraformJson) =>
      (resources(j, "alicloud_security_group_rule") as any[]).filter((r) => String(r.security_group_id).includes("alicloud_cs_managed_kubernetes.") && r.port_range === "6443/6443");

    test("opens the API server's port on the cluster's security group to each private network, and nothing else", () => {
      expect(apiRules(json)).toEqual([expect.objectContaining({ type: "ingress", ip_protocol: "tcp", cidr_ip: "10.100.0.0/24", policy: "accept", nic_type: "intranet" })]);
      expect(onlyResource(json, "alicloud_cs_managed_kubernetes").slb_internet_enabled).toBe(false);
    });

    test("opens it once per network given", () => {
      const { json: two } = synthBookstore(alicloud(), kubernetes({ privateApiAllowedCidrs: ["10.100.0.0/24", "172.31.8.0/22"] }));
      expect(apiRules(two).map((r) => r.cidr_ip)).toEqual(["10.100.0.0/24", "172.31.8.0/22"]);
    });
  });

  describe("workload identity (RRSA)", () => {
    const roleOf = (j: TerraformJson) => (resources(j, "alicloud_ram_role") as any[]).find((r) => r.role_name === "bookstore-k8s-pods-cn-hangzhou");

    test("is a RAM role only the bookstore's service account of this cluster may assume, for STS's audience", () => {
      const trust: string = roleOf(json).assume_role_policy_document;
      expect(trust).toMatch(/"Federated" = \[alicloud_cs_managed_kubernetes\.\w+\.rrsa_metadata\[0\]\.ram_oidc_provider_arn\]/);
      expect(trust).toContain('"oidc:sub" = "system:serviceaccount:bookstore:bookstore"');
      expect(trust).toContain('"oidc:aud" = "sts.aliyuncs.com"');
      expect(trust).toMatch(/"oidc:iss" = alicloud_cs_managed_kubernetes\.\w+\.rrsa_metadata\[0\]\.rrsa_oidc_issuer_url/);
      expect(onlyResource(json, "alicloud_cs_managed_kubernetes").enable_rrsa).toBe(true);
    });

    test("may read the database's and the cache's credentials secrets (decrypting with their keys only) and the asset bucket's objects, and nothing else", () => {
      const policy = policyOf(json, "bookstore-k8s-pods-cn-hangzhou");
      expect(policy).toContain('"Action" = ["kms:GetSecretValue"], "Resource" = ["acs:kms:cn-hangzhou:${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${alicloud_kms_secret.Bookstore_Database_CredentialsSecret');
      expect(policy).toContain("acs:kms:cn-hangzhou:${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${alicloud_kms_secret.Bookstore_Cache_CredentialsSecret");
      // (references inside jsonencode are HCL expressions, unquoted)
      expect(policy).toMatch(/"Action" = \["kms:Decrypt"\], "Resource" = \[alicloud_kms_key\.Bookstore_Database_CredentialsKey_\w+\.arn, alicloud_kms_key\.Bookstore_Cache_CredentialsKey_\w+\.arn\]\}/);
      expect(policy).toContain('"Action" = ["oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts"], "Resource" = ["acs:oss:*:*:');
      expect(policy.match(/"Action"/g)).toHaveLength(3);
      expect(policy).not.toMatch(/"\*"|oss:ListObjects|oss:PutBucket/);
    });

    test("reaches the pods as a projected STS token and the credentials SDKs' variables, with egress to the VPC endpoints only", () => {
      const data = onlyResource(workloads, "kubernetes_config_map_v1").data;
      expect(data.ALIBABA_CLOUD_ROLE_ARN).toMatch(/cross-stack-output-alicloud_ram_roleBookstore_Kubernetes_WorkloadRole_\w+arn\}$/);
      expect(data.ALIBABA_CLOUD_OIDC_PROVIDER_ARN).toMatch(/rrsa_metadata0ram_oidc_provider_arn\}$/);
      expect(data).toEqual(
        expect.objectContaining({ ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${PROJECTED_TOKEN_DIR}/token`, ALIBABA_CLOUD_STS_REGION: "cn-hangzhou", ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "true" }),
      );
      const volume = onlyResource(workloads, "kubernetes_deployment_v1").spec.template.spec.volume.find((v: any) => v.name === "cloud-token");
      expect(volume.projected[0].sources[0].service_account_token).toEqual({ audience: "sts.aliyuncs.com", expiration_seconds: 3600, path: "token" });
      const egress = resourceAt(workloads, "kubernetes_network_policy_v1", "NetworkPolicy").spec.egress;
      expect(egress).toContainEqual({ to: [{ ip_block: { cidr: "100.64.0.0/10" } }], ports: [{ port: "443", protocol: "TCP" }] });
      expect(JSON.stringify(egress)).not.toContain("0.0.0.0/0");
    });
  });

  describe("the workloads stack's connection", () => {
    test("uses the private endpoint and a client certificate that lives two hours", () => {
      const [provider] = workloads.provider!.kubernetes as any[];
      expect(provider.host).toMatch(/^\$\{data\.alicloud_cs_managed_kubernetes_clusters\.\w+\.clusters\[0\]\.connections\.api_server_intranet\}$/);
      expect(dataSources(workloads, "alicloud_cs_cluster_credential")).toEqual([expect.objectContaining({ temporary_duration_minutes: 120 })]);
    });
  });

  describe("database account", () => {
    test("is a normal account with rows only (DML, no DDL) on the shop's database only, the one DB_USER names", () => {
      const account = resourceAt(json, "alicloud_rds_account", "Database/Account");
      expect(account).toEqual(expect.objectContaining({ account_type: "Normal", account_name: "bookstoreadmin" }));
      const privilege = resourceAt(json, "alicloud_db_account_privilege", "Database/AccountPrivilege");
      expect(privilege).toEqual(expect.objectContaining({ privilege: "DMLOnly", db_names: [expect.stringContaining("alicloud_db_database.")] }));
      expect(privilege.account_name).toContain("alicloud_rds_account.");
      expect(onlyResource(workloads, "kubernetes_config_map_v1").data.DB_USER).toBe("bookstoreadmin");
    });
  });
});
