import { App } from "cdktf";
import { AppFeature, BookstoreStacks, Cloud, prerequisitesFor, ValidationError } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { acrEnterpriseImage } from "../../lib/alicloud/registry";
import { bookstoreProps, synthBookstore } from "../support/bookstore";

const prerequisite = (id: string) => {
  const found = ALICLOUD_CATALOG.prerequisites.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no prerequisite ${id}`);
  return found;
};

describe("Alibaba Cloud's account prerequisites", () => {
  test("those of mainland China apply in the regions whose CDN scope is domestic, and only there", () => {
    const domestic = Object.entries(ALICLOUD_CATALOG.alicloud.cdnScopes).filter(([, scope]) => scope === "domestic").map(([region]) => region);
    for (const id of ["identity-verification", "icp-filing"]) expect([...prerequisite(id).regions!].sort()).toEqual(domestic.sort());
  });

  test.each([
    "shop-registry.cn-hangzhou.cr.aliyuncs.com",
    "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com",
    "my-shop-registry.eu-central-1.cr.aliyuncs.com",
    "registry.cn-hangzhou.aliyuncs.com",
    "crpi-abc123.cn-hangzhou.personal.cr.aliyuncs.com",
    "shop-registry.cn-hangzhou.cr.aliyuncs.com.evil.example",
    "shop-registry.evil.example.cr.aliyuncs.com",
    "registry.example.com",
  ])("the registry entries count an image on %s as in ACR Enterprise Edition exactly when the adapters do", (host) => {
    const image = `${host}/shop/bookstore:1.4.2`;
    const adapters = acrEnterpriseImage(image) !== undefined;
    for (const id of ["acr-network-access", "acr-credential-helper-role"]) {
      const selected = prerequisitesFor([prerequisite(id)], { region: "cn-hangzhou", features: [], vmImage: image, podImage: image });
      expect({ id, selected: selected.length === 1 }).toEqual({ id, selected: adapters });
    }
  });

  test("the KMS instance's entry is needed by a cluster alone, whose Secrets key is made in the instance", () => {
    const selected = prerequisitesFor([prerequisite("kms-instance")], { region: "cn-hangzhou", features: [AppFeature.KUBERNETES] });
    expect(selected.map((p) => p.id)).toEqual(["kms-instance"]);
  });

  test("the KMS instance's entry asks for room for as many keys and secrets as a bookstore makes in it", () => {
    // GIVEN the example bookstore with its cluster WHEN synthesized THEN the counts in words are the stack's own
    const { json } = synthBookstore(Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz62ee817bvyyr5xabcd" }));
    const count = (type: string) => Object.keys((json.resource?.[type] ?? {}) as object).length;
    const words = ["no", "one", "two", "three", "four", "five", "six"];
    expect(prerequisite("kms-instance").what).toContain(`room for ${words[count("alicloud_kms_key")]} more keys`);
    expect(prerequisite("kms-instance").what).toContain(`${words[count("alicloud_kms_secret")]} more secrets per bookstore`);
  });

  test("the KMS instance's entry names the setting a bookstore without one is refused by", () => {
    let error: unknown;
    try {
      const cloud = Cloud.alicloud({ region: "cn-hangzhou" });
      new BookstoreStacks(new App(), `bookstore-${cloud.name}`, { ...bookstoreProps(cloud), cloud });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const setting = (error as ValidationError).field.split(".").pop()!;
    expect(setting).toBe("kmsInstanceId");
    expect(prerequisite("kms-instance").prop).toBe(`Cloud.alicloud({ ${setting} })`);
    expect(prerequisite("kms-instance").when).toEqual([AppFeature.SECRETS, AppFeature.KUBERNETES]);
  });
});
