import * as fs from "fs";
import * as path from "path";
import { SynthesizedAppError } from "./errors";

/** One stack as `cdktf synth` wrote it: what a delivery plan needs to know of it. */
export interface SynthesizedStack {
  /** The stack's name, e.g. `bookstore-aws`; what `cdktf deploy` is given. */
  readonly name: string;
  /** The stacks it reads (cross-stack references, `addDependency`), from the manifest. */
  readonly dependencies: readonly string[];
  /** The local names of the Terraform providers it requires (`terraform.required_providers`), e.g. `aws`, `kubernetes`. */
  readonly providers: readonly string[];
  /**
   * The providers it declares resources of (a resource type starts with the provider's
   * name and `_`): a stack that uses a provider for data sources only reads that cloud.
   */
  readonly managedProviders: readonly string[];
  /** The region of each provider's default configuration (the one without an alias), by provider name. */
  readonly regions: Readonly<Record<string, string>>;
  /** The type of its state backend (`local`, `s3`, `oss`, `cos`, ...). */
  readonly backend: string;
}

interface Manifest {
  readonly stacks?: Record<string, { readonly name?: string; readonly dependencies?: readonly string[]; readonly synthesizedStackPath?: string }>;
}

interface StackJson {
  readonly terraform?: { readonly required_providers?: Record<string, unknown>; readonly backend?: Record<string, unknown> };
  readonly provider?: Record<string, readonly { readonly alias?: string; readonly region?: unknown }[]>;
  readonly resource?: Record<string, unknown>;
}

function readJson<T>(file: string, what: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new SynthesizedAppError(`${file} does not exist: ${what}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SynthesizedAppError(`${file} is not JSON (${(error as Error).message}): ${what}`);
  }
}

/** The manifest's stacks, by name, with the folder each stack's JSON is in. */
export function readManifest(outdir: string): {
  /** The stack's name. */
  readonly name: string;
  /** The names of the stacks it depends on. */
  readonly dependencies: readonly string[];
  /** Its synthesized JSON, relative to the output directory. */
  readonly file: string;
}[] {
  const manifestFile = path.join(outdir, "manifest.json");
  const manifest = readJson<Manifest>(manifestFile, "run `npx cdktf synth` first, or name the folder it writes (cdktf.json's output)");
  return Object.entries(manifest.stacks ?? {}).map(([name, entry]) => ({
    name: entry.name ?? name,
    dependencies: [...(entry.dependencies ?? [])],
    file: path.join(outdir, entry.synthesizedStackPath ?? path.join("stacks", name, "cdk.tf.json")),
  }));
}

/** What one synthesized stack's JSON says of its providers and backend. */
export function describeStackJson(json: StackJson): Pick<SynthesizedStack, "providers" | "managedProviders" | "regions" | "backend"> {
  const providers = Object.keys(json.terraform?.required_providers ?? {}).sort();
  const resourceTypes = Object.keys(json.resource ?? {});
  const managedProviders = providers.filter((provider) => resourceTypes.some((type) => type.startsWith(`${provider}_`)));
  const regions: Record<string, string> = {};
  for (const [provider, configurations] of Object.entries(json.provider ?? {})) {
    const region = configurations.find((configuration) => configuration.alias === undefined)?.region;
    // A region only known at apply time (a variable's token) tells the workflow nothing.
    if (typeof region === "string" && !region.includes("${")) regions[provider] = region;
  }
  const backend = Object.keys(json.terraform?.backend ?? {})[0] ?? "local";
  return { providers, managedProviders, regions, backend };
}

/**
 * The stacks of the app synthesized into `outdir` (cdktf.json's `output`, `cdktf.out` by
 * default), read from its manifest and each stack's `cdk.tf.json`, in the manifest's order.
 */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const stacks = readManifest(outdir);
  if (stacks.length === 0) throw new SynthesizedAppError(`${path.join(outdir, "manifest.json")} lists no stack`);
  return stacks.map(({ name, dependencies, file }) => ({
    name,
    dependencies,
    ...describeStackJson(readJson<StackJson>(file, `the manifest lists ${name}; synthesize again`)),
  }));
}
