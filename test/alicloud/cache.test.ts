import { Cache, CacheSize, Cloud, Network, RedisVersion } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { newStack, onlyResource, resourceAt, resources, synthJson, TerraformJson } from "../support/synth";

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });

describe("the bookstore's cache on Alibaba Cloud", () => {
  let json: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore WHEN it is synthesized for Alibaba Cloud
    json = synthBookstore(alicloud()).json;
  });

  test("is a pay-as-you-go Redis 7.0 standard instance in a private vSwitch, its replica in the second zone", () => {
    expect(onlyResource(json, "alicloud_kvstore_instance")).toEqual(
      expect.objectContaining({
        db_instance_name: "bookstore-cache",
        instance_type: "Redis",
        engine_version: "7.0",
        instance_class: "redis.shard.small.2.ce",
        payment_type: "PostPaid",
        vswitch_id: expect.stringContaining("PrivateSubnet1"),
        zone_id: "cn-hangzhou-h",
        secondary_zone_id: "cn-hangzhou-i",
      }),
    );
  });

  test("requires TLS and a password, upgrades minor versions, backs up daily and is release protected", () => {
    const cache = onlyResource(json, "alicloud_kvstore_instance");
    expect(cache).toEqual(
      expect.objectContaining({
        ssl_enable: "Enable",
        vpc_auth_mode: "Open",
        password: expect.stringMatching(/^\$\{random_password\.Bookstore_Cache_Password_\w+\.result\}$/),
        is_auto_upgrade_open: "1",
        backup_period: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        backup_time: "17:00Z-18:00Z",
        maintain_start_time: "18:00Z",
        maintain_end_time: "19:00Z",
        instance_release_protection: true,
      }),
    );
    expect(cache.lifecycle).toEqual({ prevent_destroy: true });
    // Passwords: 8 to 32 characters, specials from ! @ # $ % ^ & * ( ) _ + - =
    const password = resourceAt(json, "random_password", "Cache/Password");
    expect(password.length).toBeLessThanOrEqual(32);
    expect(password.override_special).toMatch(/^[!@#$%^&*()_+\-=]+$/);
  });

  test("whitelists only the private vSwitches and admits the web tier's and the cluster's security groups", () => {
    const cache = onlyResource(json, "alicloud_kvstore_instance");
    expect(cache.security_ips).toEqual(["10.20.0.0/18", "10.20.64.0/18"]);
    expect(cache.security_group_id).toMatch(/^\$\{alicloud_security_group\.Bookstore_Web_SecurityGroup_\w+\.id\},\$\{alicloud_cs_managed_kubernetes\.Bookstore_Kubernetes_\w+\.security_group_id\}$/);
    expect(resourceAt(json, "alicloud_security_group_rule", "Web/EgressCache")).toEqual(expect.objectContaining({ type: "egress", port_range: "6379/6379", cidr_ip: "10.20.0.0/16", policy: "accept" }));
  });

  test("keeps the password in a KMS secret the web tier may read, never as a literal", () => {
    expect(resourceAt(json, "alicloud_kms_secret", "Cache/CredentialsSecret")).toEqual(
      expect.objectContaining({ secret_name: "bookstore-cache-credentials", secret_data: expect.stringContaining("random_password.Bookstore_Cache_Password"), recovery_window_in_days: 30 }),
    );
    const policy: string = webPolicy(json);
    expect(policy).toContain("acs:kms:cn-hangzhou:${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${alicloud_kms_secret.Bookstore_Cache_CredentialsSecret");
    expect(policy).toContain("acs:kms:cn-hangzhou:${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${alicloud_kms_secret.Bookstore_Database_CredentialsSecret");
    expect(json.output?.Bookstore_CacheHost_D70B88E6?.value).toContain("alicloud_kvstore_instance.Bookstore_Cache_D4090C79.connection_domain");
  });

  test("stays in one zone only when asked, and takes the size and version asked for", () => {
    const cache = onlyResource(synthBookstore(alicloud(), { cache: { highlyAvailable: false, size: CacheSize.MEDIUM, engineVersion: RedisVersion.V6 } }).json, "alicloud_kvstore_instance");
    expect(cache.secondary_zone_id).toBeUndefined();
    expect(cache).toEqual(expect.objectContaining({ zone_id: "cn-hangzhou-h", instance_class: "redis.shard.large.ce", engine_version: "6.0" }));
  });

  test("can be released through the API and destroyed only when deletion protection is off", () => {
    const cache = onlyResource(synthBookstore(alicloud(), { cache: { deletionProtection: false } }).json, "alicloud_kvstore_instance");
    expect(cache.instance_release_protection).toBe(false);
    expect(cache.lifecycle).toEqual({ prevent_destroy: false });
  });

  test("is left out when cache.enabled is false", () => {
    const { json: without } = synthBookstore(alicloud(), { cache: { enabled: false } });
    expect(resources(without, "alicloud_kvstore_instance")).toEqual([]);
    expect(webPolicy(without)).not.toContain("Bookstore_Cache");
  });
});

/** The web tier's RAM policy. */
function webPolicy(json: TerraformJson): string {
  return (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === "bookstore-web-cn-hangzhou").policy_document;
}

describe("a cache of its own on Alibaba Cloud", () => {
  test("with no peer yet, whitelists only the private vSwitches and names no security group", () => {
    // GIVEN a stack with a network WHEN a cache is built and no peer is let in
    const cloud = alicloud();
    const { stack } = newStack();
    new Cache(stack, "Sessions", { cloud, network: new Network(stack, "Net", { cloud }) });
    // THEN the instance admits the private vSwitches only
    const cache = onlyResource(synthJson(stack), "alicloud_kvstore_instance");
    expect(cache.security_ips).toEqual(["10.0.0.0/18", "10.0.64.0/18"]);
    expect(cache).not.toHaveProperty("security_group_id");
    expect(cache.db_instance_name).toBe("sessions");
  });
});
