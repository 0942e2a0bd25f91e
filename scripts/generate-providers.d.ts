// Types for scripts/generate-providers.js (plain CommonJS), so TypeScript tests can import it.

export interface GeneratedProvider {
  /** Folder under the output directory and provider name in Terraform, e.g. "alicloud". */
  readonly name: string;
  /** Terraform source, e.g. "aliyun/alicloud". */
  readonly source: string;
  /** Fully qualified provider name in the schema, e.g. "registry.terraform.io/aliyun/alicloud". */
  readonly fqpn: string;
  /** Version constraint recorded in the bindings, e.g. "~> 1.289". */
  readonly versionConstraint: string;
  /** Exact provider version the schema came from, e.g. "1.289.0". */
  readonly version: string;
  /** File name of the schema in scripts/provider-schemas/. */
  readonly schemaFile: string;
}

export interface TreeDifferences {
  /** Files only in the expected tree. */
  missing: string[];
  /** Files only in the actual tree. */
  extra: string[];
  /** Files in both trees whose bytes differ. */
  changed: string[];
}

export const PROVIDERS: readonly GeneratedProvider[];
/** Absolute path of lib/generated. */
export const DEFAULT_OUT_DIR: string;
/** Absolute path of scripts/provider-schemas. */
export const SCHEMA_DIR: string;
/** Writes <outDir>/<provider>/ for every provider; returns the files written, relative to outDir, sorted. */
export function generateProviders(outDir?: string): Promise<string[]>;
export function generateProvider(provider: GeneratedProvider, outDir: string): Promise<string[]>;
/** Compares the provider folders of two output trees (paths relative to the trees, sorted). */
export function compareTrees(expectedDir: string, actualDir: string): TreeDifferences;
/** Files under dir, relative to it, "/"-separated, sorted. */
export function listFiles(dir: string): string[];
