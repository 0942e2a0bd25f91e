import { App, TerraformStack } from "cdktf";
import { BookstoreProps, BookstoreStacks, Cloud, CLOUD_REGISTRATIONS, ICloud } from "../../lib";
import { buildExampleApp, exampleCloud, exampleProps, selectedClouds } from "../../examples/bookstore-app";
import { EXAMPLE_OUTDIR_VARIABLE } from "./global-setup";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformJson } from "./synth";

/** The clouds the cross-cloud tests run over, each in a region its catalog has. */
export const TEST_CLOUDS: readonly { name: string; make: () => ICloud }[] = CLOUD_REGISTRATIONS.map(({ name }) => ({ name, make: () => exampleCloud(name) }));

/**
 * The folder holding the example app synthesized for every cloud: the global setup's,
 * or a fresh synth when a suite runs without it (e.g. a single file with --globalSetup off).
 */
export function exampleAppOutdir(): string {
  const cached = process.env[EXAMPLE_OUTDIR_VARIABLE];
  if (cached) return cached;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-example-"));
  const app = new App({ outdir });
  buildExampleApp(app, selectedClouds(undefined));
  app.synth();
  process.env[EXAMPLE_OUTDIR_VARIABLE] = outdir;
  return outdir;
}

/** True for a cloud exactly as the example app builds it: its region, its catalog without overrides. */
function isExampleCloud(cloud: ICloud): boolean {
  return cloud.region === Cloud.registrationOf(cloud).example.region && cloud.catalog === Cloud.byName(cloud.name, cloud.region).catalog;
}

/** The example bookstore's props with some replaced. */
export function bookstoreProps(cloud: ICloud, overrides: Partial<Omit<BookstoreProps, "cloud">> = {}): BookstoreProps {
  return { ...exampleProps(cloud), ...overrides, cloud };
}

/**
 * The example bookstore on one cloud, synthesized as `cdktf synth` would: the whole app,
 * so cross-stack references between the infrastructure and workloads stacks resolve.
 */
export function synthBookstore(cloud: ICloud, overrides: Partial<Omit<BookstoreProps, "cloud">> = {}): { json: TerraformJson; addOns?: TerraformJson; workloads?: TerraformJson } {
  const cached = process.env[EXAMPLE_OUTDIR_VARIABLE];
  if (cached && Object.keys(overrides).length === 0 && isExampleCloud(cloud)) {
    // The example app, synthesized once for the run by the global setup.
    const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(cached, "stacks", stack, "cdk.tf.json"), "utf8")) as TerraformJson;
    const addOnsFolder = path.join(cached, "stacks", `bookstore-${cloud.name}-addons`);
    return {
      json: read(`bookstore-${cloud.name}`),
      addOns: fs.existsSync(addOnsFolder) ? read(`bookstore-${cloud.name}-addons`) : undefined,
      workloads: read(`bookstore-${cloud.name}-workloads`),
    };
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-synth-"));
  try {
    const app = new App({ outdir });
    const stacks = new BookstoreStacks(app, cloud, { ...exampleProps(cloud), ...overrides });
    app.synth();
    const read = (stack: TerraformStack) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
    return { json: read(stacks.infrastructure), addOns: stacks.addOns && read(stacks.addOns), workloads: stacks.workloads && read(stacks.workloads) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
