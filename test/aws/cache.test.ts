import { CacheSize, Cloud } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";

const aws = () => Cloud.aws({ region: "eu-central-1" });
const CACHE_KEY = "aws_kms_key.Bookstore_Cache_Key";

describe("the bookstore's cache on AWS", () => {
  let json: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore WHEN it is synthesized for AWS
    json = synthBookstore(aws()).json;
  });

  test("is a Valkey 7.2 replication group: a primary and a replica in two zones that fails over by itself", () => {
    const cache = onlyResource(json, "aws_elasticache_replication_group");
    expect(cache).toEqual(
      expect.objectContaining({
        replication_group_id: "bookstore-cache",
        engine: "valkey",
        engine_version: "7.2",
        node_type: "cache.t4g.small",
        port: 6379,
        num_cache_clusters: 2,
        preferred_cache_cluster_azs: ["eu-central-1a", "eu-central-1b"],
        automatic_failover_enabled: true,
        multi_az_enabled: true,
        auto_minor_version_upgrade: "true",
        apply_immediately: false,
      }),
    );
  });

  test("is encrypted at rest with its own rotating key and in transit, and asks for an AUTH token Terraform generates", () => {
    const cache = onlyResource(json, "aws_elasticache_replication_group");
    expect(cache).toEqual(
      expect.objectContaining({
        at_rest_encryption_enabled: "true",
        kms_key_id: expect.stringContaining(CACHE_KEY),
        transit_encryption_enabled: true,
        auth_token: expect.stringMatching(/^\$\{random_password\.Bookstore_Cache_AuthToken_\w+\.result\}$/),
        auth_token_update_strategy: "ROTATE",
      }),
    );
    expect(resourceAt(json, "aws_kms_key", "Cache/Key")).toEqual(expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: 30 }));
    // ElastiCache's AUTH token: 16 to 128 characters, specials only from ! & # $ ^ < > -
    const token = resourceAt(json, "random_password", "Cache/AuthToken");
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(token.override_special).toMatch(/^[!&#$^<>-]+$/);
  });

  test("keeps the token in Secrets Manager, encrypted with the cache's key, never as a literal", () => {
    expect(onlyResource(json, "aws_secretsmanager_secret")).toEqual(
      expect.objectContaining({ name_prefix: "bookstore-cache-credentials-", kms_key_id: expect.stringContaining(CACHE_KEY), recovery_window_in_days: 30 }),
    );
    expect(onlyResource(json, "aws_secretsmanager_secret_version").secret_string).toBe('${jsonencode({"password" = random_password.Bookstore_Cache_AuthToken_2B8FB690.result})}');
    expect(json.output?.Bookstore_CacheCredentialsSecret_3396CADD?.value).toContain("aws_secretsmanager_secret.Bookstore_Cache_CredentialsSecret");
    expect(json.output?.Bookstore_CacheHost_D70B88E6?.value).toContain("aws_elasticache_replication_group.Bookstore_Cache_D4090C79.primary_endpoint_address");
  });

  test("lets Secrets Manager decrypt with the key only for this account and this secret", () => {
    const policy: string = resourceAt(json, "aws_kms_key", "Cache/Key").policy;
    expect(policy).toContain('"kms:ViaService" = "secretsmanager.');
    expect(policy).toContain('"kms:CallerAccount" = data.aws_caller_identity.');
    expect(policy).toContain(":secret:bookstore-cache-credentials-*");
    expect(policy).toContain('"Action" = "kms:Decrypt"');
  });

  test("takes snapshots daily and keeps them 7 days, with a final snapshot, and refuses to be destroyed", () => {
    const cache = onlyResource(json, "aws_elasticache_replication_group");
    expect(cache).toEqual(
      expect.objectContaining({
        snapshot_retention_limit: 7,
        snapshot_window: "02:00-03:00",
        maintenance_window: "sun:03:30-sun:04:30",
        final_snapshot_identifier: expect.stringMatching(/^bookstore-cache-final-\$\{random_id\./),
      }),
    );
    expect(cache.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("lives in the private subnets with its own parameter group of the catalog's family", () => {
    expect(onlyResource(json, "aws_elasticache_subnet_group").subnet_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
    expect(onlyResource(json, "aws_elasticache_parameter_group")).toEqual(expect.objectContaining({ name: "bookstore-cache-valkey7", family: "valkey7", lifecycle: { create_before_destroy: true } }));
  });

  test("sends its slow log and engine log to encrypted CloudWatch log groups kept a year", () => {
    const deliveries = onlyResource(json, "aws_elasticache_replication_group").log_delivery_configuration as any[];
    expect(deliveries.map((d) => [d.log_type, d.destination_type, d.log_format])).toEqual([
      ["slow-log", "cloudwatch-logs", "json"],
      ["engine-log", "cloudwatch-logs", "json"],
    ]);
    for (const log of ["slow-log", "engine-log"]) {
      expect(resourceAt(json, "aws_cloudwatch_log_group", `Cache/LogGroup-${log}`)).toEqual(
        expect.objectContaining({ name: `/aws/elasticache/bookstore-cache/${log}`, retention_in_days: 365, kms_key_id: expect.stringContaining("aws_kms_key.AwsLogKey") }),
      );
    }
  });

  test("admits port 6379 only from the web tier's and the cluster's security groups, and sends nothing", () => {
    const ingress = (resources(json, "aws_vpc_security_group_ingress_rule") as any[]).filter((r) => String(r.security_group_id).includes("Bookstore_Cache_SecurityGroup"));
    expect(ingress).toEqual([
      expect.objectContaining({ from_port: 6379, to_port: 6379, referenced_security_group_id: expect.stringContaining("Bookstore_Kubernetes") }),
      expect.objectContaining({ from_port: 6379, to_port: 6379, referenced_security_group_id: expect.stringContaining("Bookstore_Web_SecurityGroup") }),
    ]);
    expect(ingress.every((r) => r.cidr_ipv4 === undefined)).toBe(true);
    const egress = (resources(json, "aws_vpc_security_group_egress_rule") as any[]).filter((r) => String(r.security_group_id).includes("Bookstore_Cache_SecurityGroup"));
    expect(egress).toEqual([]);
    // The web tier, for its part, may send to the cache's port inside the network.
    expect(resourceAt(json, "aws_vpc_security_group_egress_rule", "Web/EgressCache")).toEqual(expect.objectContaining({ from_port: 6379, to_port: 6379, cidr_ipv4: "10.20.0.0/16" }));
  });

  test("is one node in one zone, with no failover, only when asked", () => {
    const cache = onlyResource(synthBookstore(aws(), { cache: { highlyAvailable: false } }).json, "aws_elasticache_replication_group");
    expect(cache).toEqual(expect.objectContaining({ num_cache_clusters: 1, preferred_cache_cluster_azs: ["eu-central-1a"], automatic_failover_enabled: false, multi_az_enabled: false }));
  });

  test("takes the size, retention and protection asked for", () => {
    const { json: sized } = synthBookstore(aws(), { cache: { size: CacheSize.LARGE, backupRetentionDays: 35, deletionProtection: false } });
    const cache = onlyResource(sized, "aws_elasticache_replication_group");
    expect(cache).toEqual(expect.objectContaining({ node_type: "cache.r7g.large", snapshot_retention_limit: 35 }));
    expect(cache.lifecycle).toEqual({ prevent_destroy: false });
  });

  test("is left out, with everything that only it needs, when cache.enabled is false", () => {
    const { json: without } = synthBookstore(aws(), { cache: { enabled: false }, assets: { enabled: false } });
    expect(resources(without, "aws_elasticache_replication_group")).toEqual([]);
    expect(resources(without, "aws_secretsmanager_secret")).toEqual([]);
    expect(Object.keys(without.output ?? {}).filter((o) => o.includes("Cache"))).toEqual([]);
    const webPolicies = (resources(without, "aws_iam_role_policy") as any[]).filter((p) => String(p.role).includes("Bookstore_Web_InstanceRole"));
    expect(webPolicies.map((p) => p.name)).toEqual(["read-database-credentials"]);
    expect((resources(without, "aws_vpc_security_group_egress_rule") as any[]).filter((r) => r.from_port === 6379)).toEqual([]);
  });
});
