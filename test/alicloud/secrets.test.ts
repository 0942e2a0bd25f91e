import { App, Lazy, Testing } from "cdktf";
import { BookstoreStacks, Cloud, Database, DatabaseSize, KubernetesCluster, MysqlVersion, Network } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { synthBookstore } from "../support/bookstore";
import { newStack, resourceAt, resources, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

const KMS_INSTANCE = "kst-hzz00000000000000000";
const alicloud = (kmsInstanceId?: string) => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId });

describe("Alibaba Cloud: the stack's secrets live in the given KMS instance", () => {
  let json: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore with its KMS instance WHEN it is synthesized
    json = synthBookstore(alicloud(KMS_INSTANCE)).json;
  });

  test.each(["Database", "Cache"])("the %s's credentials secret is kept in the instance, encrypted by a key of its own there", (owner) => {
    const secret = resourceAt(json, "alicloud_kms_secret", `${owner}/CredentialsSecret`);
    const key = resourceAt(json, "alicloud_kms_key", `${owner}/CredentialsKey`);
    expect(secret).toEqual(
      expect.objectContaining({
        dkms_instance_id: KMS_INSTANCE,
        encryption_key_id: expect.stringMatching(new RegExp(`^\\$\\{alicloud_kms_key\\.Bookstore_${owner}_CredentialsKey_[0-9A-F]{8}\\.id\\}$`)),
        recovery_window_in_days: 30,
        // Both arguments force a new secret: a secret created before (KMS 1.0, or migrated) is never replaced.
        lifecycle: { ignore_changes: ["dkms_instance_id", "encryption_key_id"] },
      }),
    );
    expect(key).toEqual(
      expect.objectContaining({
        dkms_instance_id: KMS_INSTANCE,
        key_spec: "Aliyun_AES_256",
        key_usage: "ENCRYPT/DECRYPT",
        automatic_rotation: "Enabled",
        rotation_interval: "31536000s",
        deletion_protection: "Enabled",
      }),
    );
  });

  test("every KMS secret of the stack names the instance", () => {
    const secrets = resources(json, "alicloud_kms_secret") as any[];
    // The cache's, the application's database account's and the schema account's.
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(secret.dkms_instance_id).toBe(KMS_INSTANCE);
  });

  test("the VMs' role may decrypt with the two secrets' keys, and with no other key", () => {
    const policy = (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === "bookstore-web-cn-hangzhou").policy_document as string;
    const decrypt = /"Action" = \["kms:Decrypt"\], "Resource" = \[([^\]]*)\]/.exec(policy);
    expect(decrypt?.[1].split(", ")).toEqual([
      expect.stringMatching(/^alicloud_kms_key\.Bookstore_Database_CredentialsKey_\w+\.arn$/),
      expect.stringMatching(/^alicloud_kms_key\.Bookstore_Cache_CredentialsKey_\w+\.arn$/),
    ]);
    expect(policy).not.toContain("SecretsKey");
  });

  test("the key that encrypts the cluster's Kubernetes Secrets is in the instance too, which it takes only when it is created", () => {
    // GIVEN the cluster's secrets key (the same construct ID as before, so the same address)
    const key = resourceAt(json, "alicloud_kms_key", "Kubernetes/SecretsKey");
    // THEN it is made in the KMS instance, and a key made outside any instance by an earlier release is kept
    expect(key).toEqual(
      expect.objectContaining({
        dkms_instance_id: KMS_INSTANCE,
        key_spec: "Aliyun_AES_256",
        automatic_rotation: "Enabled",
        deletion_protection: "Enabled",
        lifecycle: { ignore_changes: ["dkms_instance_id"] },
      }),
    );
    expect(Object.keys(json.resource!.alicloud_kms_key).filter((address) => address.startsWith("Bookstore_Kubernetes_SecretsKey_"))).toHaveLength(1);
  });

  test("every KMS key of the stack names the instance: the three credentials keys and the cluster's", () => {
    const keys = resources(json, "alicloud_kms_key") as any[];
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(key.dkms_instance_id).toBe(KMS_INSTANCE);
  });

  test("a KMS instance known only at apply (a reference) is passed through unchecked", () => {
    const app = new App({ outdir: "/tmp/never-synthesized" });
    const later = Lazy.stringValue({ produce: () => KMS_INSTANCE });
    const stacks = new BookstoreStacks(app, "bookstore-alicloud", { ...exampleProps(alicloud(KMS_INSTANCE)), cloud: alicloud(later) });
    const secrets = Object.values(JSON.parse(Testing.synth(stacks.infrastructure)).resource.alicloud_kms_secret) as any[];
    expect(secrets.map((secret) => secret.dkms_instance_id)).toEqual([KMS_INSTANCE, KMS_INSTANCE, KMS_INSTANCE]);
  });
});

describe("Alibaba Cloud: without a KMS instance", () => {
  test("fails when a bookstore keeps its database's credentials: refused as cloud.kmsInstanceId, saying what to set", () => {
    const cloud = alicloud();
    let message = "";
    expectValidationError(
      () => {
        try {
          new BookstoreStacks(new App({ outdir: "/tmp/never-synthesized" }), `bookstore-${cloud.name}`, { ...exampleProps(cloud), cloud });
        } catch (error) {
          message = (error as Error).message;
          throw error;
        }
      },
      { constructPath: "bookstore-alicloud/Bookstore/Database", field: "cloud.kmsInstanceId", value: undefined },
    );
    expect(message).toContain("Cloud.alicloud({ region, kmsInstanceId })");
    expect(message).toContain("kst-");
  });

  test("fails when a Database of one's own keeps its credentials, named by the Database's cloud prop", () => {
    const { stack } = newStack();
    const cloud = alicloud();
    const network = new Network(stack, "Network", { cloud, cidr: "10.20.0.0/16", zones: 2 });
    expectValidationError(
      () => new Database(stack, "Orders", { cloud, network, name: "orders", version: MysqlVersion.V8_0, size: DatabaseSize.SMALL, storageGiB: 50 }),
      { constructPath: "test/Orders", field: "cloud.kmsInstanceId", value: undefined },
    );
  });

  test("fails when a KubernetesCluster of one's own would create its Secrets key, named by the cluster's cloud prop", () => {
    const { stack } = newStack();
    const cloud = alicloud();
    const network = new Network(stack, "Network", { cloud, cidr: "10.20.0.0/16", zones: 2 });
    let message = "";
    expectValidationError(
      () => {
        try {
          new KubernetesCluster(stack, "K8s", { cloud, network });
        } catch (error) {
          message = (error as Error).message;
          throw error;
        }
      },
      { constructPath: "test/K8s", field: "cloud.kmsInstanceId", value: undefined },
    );
    expect(message).toContain("the cluster encrypts its Kubernetes Secrets with a key of its own");
  });

  test("a stack that keeps no secret needs none", () => {
    const { stack } = newStack();
    expect(() => new Network(stack, "Network", { cloud: alicloud(), cidr: "10.20.0.0/16", zones: 2 })).not.toThrow();
  });
});

describe("Alibaba Cloud: a KMS instance ID of the wrong form", () => {
  test.each([
    ["a key ID", "key-hzz62ee817bvyyr5xabcd"],
    ["upper case", "KST-HZZ62EE817BVYYR5XABCD"],
    ["the prefix alone", "kst-"],
    ["too short an ID", "kst-hzz62ee"],
    ["a space inside", "kst-hzz62ee817 bvyyr5xabcd"],
    ["an instance ARN", "acs:kms:cn-hangzhou:1234567890123456:keystore/kst-hzz62ee817bvyyr5xabcd"],
    ["an empty string", ""],
  ])("fails when given %s", (_what, kmsInstanceId) => {
    expectValidationError(() => alicloud(kmsInstanceId), { constructPath: "Cloud.alicloud", field: "kmsInstanceId", value: kmsInstanceId });
  });

  test("fails when given a number", () => {
    expectValidationError(() => alicloud(42 as unknown as string), { constructPath: "Cloud.alicloud", field: "kmsInstanceId", value: 42 });
  });

  test.each(["kst-hzz62ee817bvyyr5xabcd", "kst-sgp6a5773a1zzizyv5t9l", "kst-phzz64c9f84eo32dbs1234"])("takes %s", (kmsInstanceId) => {
    expect(alicloud(kmsInstanceId).kmsInstanceId).toBe(kmsInstanceId);
  });
});
