import { Testing } from "cdktf";
import { BookstoreStacks, Cloud, ValidationError } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";

function stacksWith(overrides: Record<string, unknown>) {
  const cloud = Cloud.tencentcloud({ region: "ap-guangzhou" });
  return new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...overrides, cloud });
}

function failure(build: () => unknown): ValidationError {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("remote state on Tencent Cloud", () => {
  test("keeps each stack's state in COS, encrypted; COS locks it itself", () => {
    const stacks = stacksWith({ remoteState: { bucket: "acme-state-1250000000", prefix: "shop" } });
    for (const stack of stacks.stacks) {
      expect(JSON.parse(Testing.synth(stack)).terraform.backend).toEqual({
        cos: { bucket: "acme-state-1250000000", prefix: "shop", key: `${stack.node.id}.tfstate`, region: "ap-guangzhou", encrypt: true },
      });
    }
  });

  test("fails when given a bucket without the APPID suffix COS requires", () => {
    const error = failure(() => stacksWith({ remoteState: { bucket: "acme-state" } }));
    expect({ field: error.field, value: error.value }).toEqual({ field: "remoteState.bucket", value: "acme-state" });
  });

  test("fails when given a lock table, which COS does not use", () => {
    const error = failure(() => stacksWith({ remoteState: { bucket: "acme-state-1250000000", lockTable: "locks" } }));
    expect({ field: error.field, value: error.value }).toEqual({ field: "remoteState.lockTable", value: "locks" });
  });
});
