import { CacheSize, Cloud, RedisVersion, WebRuntime } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { synthBookstore } from "../support/bookstore";
import { dataSources, onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";

/** The example's web tier, on VMs instead of the cluster. */
const onVms = () => ({ web: { ...exampleProps(tencentcloud()).web, runtime: WebRuntime.vms() } });
const tencentcloud = () => Cloud.tencentcloud({ region: "ap-guangzhou" });
const rulesOf = (json: TerraformJson, group: string) => (resources(json, "tencentcloud_security_group_rule") as any[]).filter((r) => String(r.security_group_id).includes(group));

describe("the bookstore's cache on Tencent Cloud", () => {
  let json: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore WHEN it is synthesized for Tencent Cloud
    // On VMs: the web tier is one of the cache's peers (Tencent Cloud's example runs on the cluster).
    json = synthBookstore(tencentcloud(), onVms()).json;
  });

  test("is a pay-as-you-go Redis 7.0 standard instance in a private subnet, its replica in the second zone", () => {
    const cache = onlyResource(json, "tencentcloud_redis_instance");
    expect(cache).toEqual(
      expect.objectContaining({
        name: "bookstore-cache",
        type_id: 17,
        mem_size: 1024,
        charge_type: "POSTPAID",
        availability_zone: "ap-guangzhou-3",
        subnet_id: expect.stringContaining("PrivateSubnet1"),
        vpc_id: expect.stringContaining("tencentcloud_vpc.Bookstore_Network"),
        port: 6379,
        redis_replicas_num: 1,
        replica_zone_ids: [expect.stringContaining("data.tencentcloud_availability_zones_by_product.Bookstore_Cache_ReplicaZone")],
        security_groups: [expect.stringContaining("Bookstore_Cache_SecurityGroup")],
      }),
    );
    // Replicas are placed by zone ID, looked up from the second zone's name.
    expect(dataSources(json, "tencentcloud_availability_zones_by_product")).toEqual([{ product: "redis", name: "ap-guangzhou-4" }]);
  });

  test("requires a password and TLS, has no public address, backs up daily and refuses to be destroyed", () => {
    const cache = onlyResource(json, "tencentcloud_redis_instance");
    expect(cache.password).toMatch(/^\$\{random_password\.Bookstore_Cache_Password_\w+\.result\}$/);
    expect(cache.no_auth).toBeUndefined();
    expect(cache.wan_address_switch).toBeUndefined();
    expect(cache.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "tencentcloud_redis_ssl")).toEqual({ instance_id: expect.stringContaining("tencentcloud_redis_instance.Bookstore_Cache"), ssl_config: "enabled" });
    // AND the backup settings wait for SSL's task (one task at a time on the instance)
    expect(onlyResource(json, "tencentcloud_redis_backup_config")).toEqual({
      redis_id: expect.stringContaining("tencentcloud_redis_instance.Bookstore_Cache"),
      backup_time: "02:00-03:00",
      depends_on: [expect.stringMatching(/^tencentcloud_redis_ssl\.Bookstore_Cache_Tls_/)],
    });
    // Passwords: 8 to 64 characters; the specials the provider's check and Redis both take.
    expect(resourceAt(json, "random_password", "Cache/Password").override_special).toMatch(/^[_+\-&=!@#$%^*()]+$/);
  });

  test("admits port 6379 only from the web tier's and the nodes' security groups, and the cluster's pod range", () => {
    const ingress = rulesOf(json, "Bookstore_Cache_SecurityGroup");
    expect(ingress.map((r) => [r.type, r.port_range, r.source_sgid === undefined ? r.cidr_ip : "group"]).sort()).toEqual([
      ["ingress", "6379", "172.20.0.0/16"],
      ["ingress", "6379", "group"],
      ["ingress", "6379", "group"],
    ]);
    expect(resourceAt(json, "tencentcloud_security_group_rule", "Web/EgressCache")).toEqual(expect.objectContaining({ type: "egress", port_range: "6379", cidr_ip: "10.20.0.0/16" }));
  });

  test("keeps the password in SSM, never as a literal", () => {
    expect(resourceAt(json, "tencentcloud_ssm_secret", "Cache/CredentialsSecret")).toEqual(expect.objectContaining({ secret_name: "bookstore-cache-credentials", recovery_window_in_days: 30 }));
    expect(resourceAt(json, "tencentcloud_ssm_secret_version", "Cache/CredentialsSecretVersion").secret_string).toBe(
      '${jsonencode({"password" = random_password.Bookstore_Cache_Password_3F70D884.result})}',
    );
    expect(json.output?.Bookstore_CacheHost_D70B88E6?.value).toContain("tencentcloud_redis_instance.Bookstore_Cache_D4090C79.ip");
  });

  test("keeps its replica next to the primary only when asked, and takes the size and version asked for", () => {
    const { json: single } = synthBookstore(tencentcloud(), { cache: { highlyAvailable: false, size: CacheSize.LARGE, engineVersion: RedisVersion.V6 } });
    const cache = onlyResource(single, "tencentcloud_redis_instance");
    expect(cache.replica_zone_ids).toBeUndefined();
    expect(cache).toEqual(expect.objectContaining({ redis_replicas_num: 1, mem_size: 8192, type_id: 15 }));
    expect(dataSources(single, "tencentcloud_availability_zones_by_product")).toEqual([]);
  });

  test("is left out when cache.enabled is false", () => {
    const { json: without } = synthBookstore(tencentcloud(), { ...onVms(), kubernetes: { enabled: false }, cache: { enabled: false }, assets: { enabled: false } });
    expect(resources(without, "tencentcloud_redis_instance")).toEqual([]);
    expect((resources(without, "tencentcloud_cam_policy") as any[]).map((p) => p.name)).toEqual(["bookstore-web-read-db-credentials"]);
  });
});
