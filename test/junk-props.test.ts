import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { BookstoreStacks, BookstoreStacksProps, ICloud, validateAgainstSchemas, ValidationError } from "../lib";
import { exampleProps } from "../examples/bookstore-app";
import { TEST_CLOUDS } from "./support/bookstore";
import { alicloudRemovedAttributes, committedSchema } from "./support/schemas";
import { propertyRuns } from "./support/property-budget";

// Random junk in one prop at a time, on every cloud: the bookstore either refuses it with
// a ValidationError that names that prop, or builds stacks that pass the policy packs
// (applied at synth) and the provider schemas. Any other exception is a bug.

/** A prop by its path as the user writes it, how to set it, and the fields an error may name for it. */
interface JunkProp {
  readonly path: string;
  readonly set: (props: Record<string, any>, value: any, cloud: ICloud) => void;
  /** Fields a refusal may name: the prop itself, or its partner in an ordered pair. */
  readonly fields: readonly string[];
}

const group =
  (name: string, key: string) =>
  (props: Record<string, any>, value: unknown): void => {
    props[name] = { ...props[name], [key]: value };
  };
const workloads =
  (key: string) =>
  (props: Record<string, any>, value: unknown): void => {
    props.kubernetes = { ...props.kubernetes, workloads: { ...props.kubernetes?.workloads, [key]: value } };
  };
const prop = (path: string, set: JunkProp["set"], partners: string[] = []): JunkProp => ({ path, set, fields: [path, ...partners] });

const NUMERIC_PROPS: JunkProp[] = [
  prop("network.zones", group("network", "zones")),
  prop("web.port", group("web", "port")),
  prop("web.minInstances", group("web", "minInstances")),
  prop("web.maxInstances", group("web", "maxInstances"), ["web.minInstances"]),
  prop("database.storageGiB", group("database", "storageGiB")),
  prop("database.backupRetentionDays", group("database", "backupRetentionDays")),
  prop("cache.backupRetentionDays", group("cache", "backupRetentionDays")),
  prop("loadBalancer.idleTimeoutSeconds", group("loadBalancer", "idleTimeoutSeconds")),
  prop("cdn.staticCacheTtlSeconds", group("cdn", "staticCacheTtlSeconds")),
  prop("assets.noncurrentVersionRetentionDays", group("assets", "noncurrentVersionRetentionDays")),
  prop("kubernetes.minNodes", group("kubernetes", "minNodes")),
  prop("kubernetes.maxNodes", group("kubernetes", "maxNodes"), ["kubernetes.minNodes"]),
  ...["containerPort", "minReplicas", "maxReplicas", "minAvailable", "targetCpuPercent", "cpuRequestMillicores", "cpuLimitMillicores", "memoryRequestMiB", "memoryLimitMiB", "runAsUser"].map(
    (key) => prop(`kubernetes.workloads.${key}`, workloads(key), key === "maxReplicas" || key === "minAvailable" ? ["kubernetes.workloads.minReplicas"] : []),
  ),
];

const STRING_PROPS: JunkProp[] = [
  prop("name", (props, value) => (props.name = value)),
  prop("domain", (props, value) => (props.domain = value)),
  prop("network.cidr", group("network", "cidr")),
  prop("network.zoneNames", (props, value) => (props.network = { cidr: props.network.cidr, zoneNames: [value, value + "b"] })),
  prop("web.image", group("web", "image")),
  prop("web.healthCheckPath", group("web", "healthCheckPath")),
  prop("web.size", group("web", "size")),
  prop("database.version", group("database", "version")),
  prop("database.size", group("database", "size")),
  prop("database.databaseName", group("database", "databaseName")),
  prop("database.username", group("database", "username")),
  prop("cache.size", group("cache", "size")),
  prop("cache.engineVersion", group("cache", "engineVersion")),
  prop("kubernetes.version", group("kubernetes", "version")),
  prop("kubernetes.nodeSize", group("kubernetes", "nodeSize")),
  prop("kubernetes.publicApiAllowedCidrs[0]", (props, value) => group("kubernetes", "publicApiAllowedCidrs")(props, [value]), ["kubernetes.publicApiAllowedCidrs"]),
  prop("cdn.staticPaths[0]", (props, value) => group("cdn", "staticPaths")(props, [value])),
  prop("cdn.assetsDomain", group("cdn", "assetsDomain")),
  prop("assets.name", group("assets", "name")),
  prop("kubernetes.workloads.namespace", workloads("namespace")),
  prop("kubernetes.workloads.image", workloads("image")),
  prop("kubernetes.workloads.healthCheckPath", workloads("healthCheckPath")),
  prop("web.environment", (props, value) => group("web", "environment")(props, { [value]: "x" })),
  // A value too long for the VMs' user data is refused as web.environment, the whole that is over the cloud's limit.
  prop("web.environment.SHOP_MODE", (props, value) => group("web", "environment")(props, { SHOP_MODE: value }), ["web.environment"]),
  prop("kubernetes.workloads.environment", (props, value) => workloads("environment")(props, { [value]: "x" })),
  prop("tags", (props, value) => (props.tags = { [value]: "x" })),
  prop("tags.team", (props, value) => (props.tags = { team: value })),
  prop("remoteState.bucket", (props, value) => (props.remoteState = { bucket: value })),
  prop("remoteState.prefix", (props, value, cloud) => (props.remoteState = { ...validState(cloud), prefix: value })),
  prop("remoteState.region", (props, value, cloud) => (props.remoteState = { ...validState(cloud), region: value })),
  prop("remoteState.lockTable", (props, value, cloud) => (props.remoteState = { ...validState(cloud), lockTable: value })),
  prop("remoteState.lockEndpoint", (props, value, cloud) => (props.remoteState = { ...validState(cloud), lockEndpoint: value })),
];

/** A state bucket every cloud's rules take, COS's APPID suffix included. */
function validState(cloud: ICloud): { bucket: string } {
  return { bucket: cloud.catalog.stateStorage.bucket.pattern.includes("\\d{10}") ? "acme-state-1250000000" : "acme-state" };
}

const junkNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, -1, 0.5, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer({ min: -100000, max: 100000 }),
  fc.double(),
);
const junkString = fc.oneof(
  fc.constantFrom("", " ", "\n", "..", "/", "//", "a/../b", "null", "undefined", "0.0.0.0/0", "latest", "café", "日本語", "😀", "\u0000", "a".repeat(70000)),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.nat({ max: 5000 }).map((n) => "x".repeat(n)),
  fc.stringMatching(/^[a-z0-9.\-/:_*]{1,30}$/),
);

const junk = fc.oneof(
  fc.record({ prop: fc.constantFrom(...NUMERIC_PROPS), value: junkNumber as fc.Arbitrary<unknown> }),
  fc.record({ prop: fc.constantFrom(...STRING_PROPS), value: junkString as fc.Arbitrary<unknown> }),
);

function namesTheProp(error: ValidationError, prop: JunkProp): boolean {
  return prop.fields.some((field) => error.field === field || error.field.startsWith(`${field}.`) || error.field.startsWith(`${field}[`));
}

describe.each(TEST_CLOUDS)("$name: junk in any prop", ({ make }) => {
  const cloud: ICloud = make();
  const schemas = [committedSchema("alicloud"), committedSchema("tencentcloud")];
  const removed = alicloudRemovedAttributes();

  test("is refused by that prop's name, or synthesizes stacks that pass the policy packs and the schemas", () => {
    fc.assert(
      fc.property(junk, ({ prop, value }) => {
        // GIVEN the example props with junk in one prop
        const props: Record<string, any> = { ...exampleProps(cloud) };
        prop.set(props, value, cloud);
        // WHEN the stacks are built and synthesized (synth runs the policy packs)
        const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "junk-props-"));
        const app = new App({ outdir });
        let stacks: BookstoreStacks;
        try {
          stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...(props as BookstoreStacksProps), cloud });
        } catch (error) {
          // THEN a refusal is a ValidationError that names the prop
          if (!(error instanceof ValidationError)) throw error;
          if (!namesTheProp(error, prop)) throw new Error(`junk in ${prop.path} was refused as ${error.field}: ${error.message}`);
          return;
        }
        // THEN accepted junk makes stacks the policy packs and the provider schemas accept
        try {
          app.synth();
          for (const stack of stacks.stacks) {
            const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8"));
            expect(validateAgainstSchemas(json, schemas, removed)).toEqual([]);
          }
        } finally {
          fs.rmSync(outdir, { recursive: true, force: true });
        }
      }),
      // Modest: it synthesizes on every cloud in every `npm test`; FULL=1 searches ten times as far.
      { numRuns: propertyRuns(40) },
    );
  });
});
