import { Testing } from "cdktf";
import { BookstoreStacks, Cloud, ValidationError } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";

function stacksWith(overrides: Record<string, unknown>) {
  const cloud = Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
  return new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...overrides, cloud });
}

describe("remote state on Alibaba Cloud", () => {
  test("keeps each stack's state in OSS, encrypted and locked through Tablestore", () => {
    const { infrastructure } = stacksWith({
      remoteState: { bucket: "acme-terraform-state", prefix: "shop", lockTable: "terraform_locks", lockEndpoint: "https://acme.cn-hangzhou.ots.aliyuncs.com" },
    });
    expect(JSON.parse(Testing.synth(infrastructure)).terraform.backend).toEqual({
      oss: {
        bucket: "acme-terraform-state",
        prefix: "shop",
        key: "bookstore-alicloud.tfstate",
        region: "cn-hangzhou",
        encrypt: true,
        tablestore_table: "terraform_locks",
        tablestore_endpoint: "https://acme.cn-hangzhou.ots.aliyuncs.com",
      },
    });
  });

  test("fails when given a lock table without its Tablestore endpoint", () => {
    let caught: unknown;
    try {
      stacksWith({ remoteState: { bucket: "acme-terraform-state", lockTable: "terraform_locks" } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect({ field: (caught as ValidationError).field, value: (caught as ValidationError).value }).toEqual({ field: "remoteState.lockTable", value: "terraform_locks" });
  });
});
