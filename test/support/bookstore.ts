import { App, TerraformStack } from "cdktf";
import { BookstoreProps, BookstoreStacks, BookstoreStacksProps, Cloud, CLOUD_REGISTRATIONS, ICloud } from "../../lib";
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

/**
 * A cloud's own settings of plain value, e.g. its name, its region and Alibaba Cloud's KMS
 * instance: two clouds of one registration and catalog synthesize alike only when these match.
 */
function cloudSettings(cloud: ICloud): string {
  const plain = Object.entries(cloud).filter(([, value]) => value === undefined || ["string", "number", "boolean"].includes(typeof value));
  return JSON.stringify(plain.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** True for a cloud exactly as the example app builds it: its region and settings, its catalog without overrides. */
function isExampleCloud(cloud: ICloud): boolean {
  const example = exampleCloud(cloud.name);
  return cloud.region === example.region && cloud.catalog === example.catalog && cloudSettings(cloud) === cloudSettings(example);
}

/** The example bookstore's props with some replaced. */
export function bookstoreProps(cloud: ICloud, overrides: Partial<Omit<BookstoreProps, "cloud">> = {}): BookstoreProps {
  return { ...exampleProps(cloud), ...overrides, cloud };
}

export interface SynthesizedBookstore {
  json: TerraformJson;
  addOns?: TerraformJson;
  workloads?: TerraformJson;
}

/** The cloud as the registry makes it for its name and region, or undefined for any other (a fake, a subclass, catalog overrides). */
function isRegisteredCloud(cloud: ICloud): boolean {
  let registered: ICloud;
  try {
    registered = Cloud.byName(cloud.name, cloud.region);
  } catch {
    return false;
  }
  return Object.getPrototypeOf(cloud) === Object.getPrototypeOf(registered) && cloud.catalog === registered.catalog;
}

/** Objects whose state is not in their own enumerable properties, so their data would not tell two apart. */
const OPAQUE_OBJECTS = [Map, Set, WeakMap, WeakSet, Date, RegExp, Promise, ArrayBuffer];

/**
 * The props of one synthesis as a key, or undefined when they cannot be told apart by
 * their data: a function, a cycle, an object that keeps its state elsewhere (a Map, a
 * Set, a Date, ...), or a cloud other than the registry's for its name and region.
 * Class instances (WebRuntime, RegistryCredentials, ...) count with their class name.
 */
function configurationKey(cloud: ICloud, overrides: object): string | undefined {
  if (!isRegisteredCloud(cloud)) return undefined;
  const seen = new Set<object>();
  const encode = (value: unknown): string | undefined => {
    if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return undefined;
    if (value === undefined) return "u";
    if (typeof value === "number" && !Number.isFinite(value)) return `n:${String(value)}`;
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    if (OPAQUE_OBJECTS.some((kind) => value instanceof kind) || ArrayBuffer.isView(value)) return undefined;
    if (Object.getOwnPropertySymbols(value).length > 0) return undefined;
    if (seen.has(value)) return undefined;
    seen.add(value);
    const parts: string[] = [];
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]] as const);
    for (const [k, v] of entries) {
      const encoded = encode(v);
      if (encoded === undefined) return undefined;
      parts.push(`${JSON.stringify(k)}:${encoded}`);
    }
    seen.delete(value);
    return `${Array.isArray(value) ? "A" : (Object.getPrototypeOf(value)?.constructor?.name ?? "null")}{${parts.join(",")}}`;
  };
  const encoded = encode(overrides);
  return encoded === undefined ? undefined : `${cloudSettings(cloud)}|${encoded}`;
}

/** Syntheses of this worker, by configuration: each configuration is synthesized once per test file's module registry. */
const syntheses = new Map<string, SynthesizedBookstore>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The example bookstore on one cloud, synthesized as `cdktf synth` would: the whole app,
 * so cross-stack references between the infrastructure and workloads stacks resolve.
 * Tests that ask for the same configuration share one synthesis; what they get is frozen,
 * so no test can change what another reads (copy it with structuredClone to alter it).
 */
export function synthBookstore(cloud: ICloud, overrides: Partial<BookstoreStacksProps> = {}): SynthesizedBookstore {
  const key = configurationKey(cloud, overrides);
  const known = key === undefined ? undefined : syntheses.get(key);
  if (known) return known;
  const synthesized = deepFreeze(synthesizeBookstore(cloud, overrides));
  if (key !== undefined) syntheses.set(key, synthesized);
  return synthesized;
}

function synthesizeBookstore(cloud: ICloud, overrides: Partial<BookstoreStacksProps>): SynthesizedBookstore {
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
    const stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...overrides, cloud });
    app.synth();
    const read = (stack: TerraformStack) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
    return { json: read(stacks.infrastructure), addOns: stacks.addOns && read(stacks.addOns), workloads: stacks.workloads && read(stacks.workloads) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
