import { Testing } from "cdktf";
import { BookstoreStacks, Cloud, remoteStateFromEnvironment, ValidationError } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";

function stacksWith(overrides: Record<string, unknown>) {
  const app = Testing.app();
  const cloud = Cloud.aws({ region: "eu-central-1" });
  return new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...overrides, cloud });
}

describe("remote state", () => {
  test("is local by default: no backend is configured, so cdktf writes a local one at synth", () => {
    const { infrastructure } = stacksWith({});
    expect(JSON.parse(Testing.synth(infrastructure)).terraform.backend).toBeUndefined();
  });

  test("AWS: each stack keeps its state in S3, encrypted and locked by S3's lock file", () => {
    const stacks = stacksWith({ remoteState: { bucket: "acme-terraform-state", prefix: "shop" } });
    for (const stack of stacks.stacks) {
      expect(JSON.parse(Testing.synth(stack)).terraform.backend).toEqual({
        s3: { bucket: "acme-terraform-state", key: `shop/${stack.node.id}.tfstate`, region: "eu-central-1", encrypt: true, use_lockfile: true },
      });
    }
    expect(stacks.stacks.map((s) => s.node.id)).toEqual(["bookstore-aws", "bookstore-aws-addons", "bookstore-aws-workloads"]);
  });

  test("AWS: a named lock table locks with DynamoDB instead", () => {
    const { infrastructure } = stacksWith({ remoteState: { bucket: "acme-terraform-state", lockTable: "terraform-locks", region: "us-east-1" } });
    expect(JSON.parse(Testing.synth(infrastructure)).terraform.backend.s3).toEqual(
      expect.objectContaining({ dynamodb_table: "terraform-locks", region: "us-east-1", key: "bookstore/bookstore-aws.tfstate" }),
    );
  });

  test("comes from the environment when props say nothing", () => {
    const env = { BOOKSTORE_STATE_BUCKET_AWS: "from-env-bucket", BOOKSTORE_STATE_PREFIX_AWS: "ci" };
    expect(remoteStateFromEnvironment("aws", env)).toEqual({ bucket: "from-env-bucket", prefix: "ci", region: undefined, lockTable: undefined, lockEndpoint: undefined });
    expect(remoteStateFromEnvironment("aws", {})).toBeUndefined();
    expect(remoteStateFromEnvironment("alicloud", env)).toBeUndefined();
  });

  test.each([
    ["a bucket name with capitals", { bucket: "Acme-State" }, "remoteState.bucket", "Acme-State"],
    ["a prefix with a trailing slash", { bucket: "acme-state", prefix: "shop/" }, "remoteState.prefix", "shop/"],
  ])("fails when given %s", (_what, remoteState, field, value) => {
    let caught: unknown;
    try {
      stacksWith({ remoteState });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect({ field: (caught as ValidationError).field, value: (caught as ValidationError).value }).toEqual({ field, value });
  });
});
