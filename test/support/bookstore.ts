import { App, TerraformStack } from "cdktf";
import { BookstoreProps, BookstoreStacks, Cloud, ICloud } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformJson } from "./synth";

/** The clouds the cross-cloud tests run over, each in a region its catalog has. */
export const TEST_CLOUDS: readonly { name: string; make: () => ICloud }[] = [{ name: "aws", make: () => Cloud.aws({ region: "eu-central-1" }) }, { name: "tencentcloud", make: () => Cloud.tencentcloud({ region: "ap-guangzhou" }) }, { name: "alicloud", make: () => Cloud.alicloud({ region: "cn-hangzhou" }) }];

/** The example bookstore's props with some replaced. */
export function bookstoreProps(cloud: ICloud, overrides: Partial<Omit<BookstoreProps, "cloud">> = {}): BookstoreProps {
  return { ...exampleProps(cloud), ...overrides, cloud };
}

/**
 * The example bookstore on one cloud, synthesized as `cdktf synth` would: the whole app,
 * so cross-stack references between the infrastructure and workloads stacks resolve.
 */
export function synthBookstore(
  cloud: ICloud,
  overrides: Partial<Omit<BookstoreProps, "cloud">> = {},
): { json: TerraformJson; workloads?: TerraformJson; stack: TerraformStack; stacks: BookstoreStacks; app: App } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-synth-"));
  try {
    const app = new App({ outdir });
    const stacks = new BookstoreStacks(app, cloud, { ...exampleProps(cloud), ...overrides });
    app.synth();
    const read = (stack: TerraformStack) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
    return { json: read(stacks.infrastructure), workloads: stacks.workloads && read(stacks.workloads), stack: stacks.infrastructure, stacks, app };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
