// Keeps the benchmark honest: synthesizes the library's example app on each cloud and
// every baseline of that cloud, and fails unless the baselines emit the same stacks, each
// with the same resource and data source types and the same count per type (Terraform
// names may differ).
// It also compares arguments, with references reduced to `<type>.*.<attribute>`. For the
// hand-written AWS baselines a difference there is reported as a warning (the library is
// under active development), and the bench records it in RESULTS.md; the generated
// baselines (bench/derive-baselines.js) are written from the library's own output, so for
// them any difference fails.
//
// Run: node dist-bench/bench/check-baseline.js (after the derive scripts and
// tsc -p bench/tsconfig.json); npm run bench runs it before timing.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const BENCH_DIST = __dirname; // dist-bench/bench
export const LIBRARY_APP = path.join(BENCH_DIST, "library-app.js");
export const BASELINE_DEEP = path.join(BENCH_DIST, "baseline", "aws-bookstore.js");
export const BASELINE_ROOT = path.join(BENCH_DIST, "baseline", "aws-bookstore-root-import.js");
/** The straight-line program bench/derive-baselines.js writes from the library's output on `cloud`. */
export const generatedBaseline = (cloud: string) => path.join(BENCH_DIST, "baseline", "generated", `${cloud}-bookstore.js`);

export interface Baseline {
  cloud: string;
  /** e.g. "hand-written, deep imports" */
  kind: string;
  script: string;
  /** Arguments must match too (not only types and counts). */
  strict: boolean;
}

/** Every baseline: the hand-written AWS pair, and one generated program per cloud. */
export function baselines(clouds: readonly string[]): Baseline[] {
  return [
    { cloud: "aws", kind: "hand-written, deep imports", script: BASELINE_DEEP, strict: false },
    { cloud: "aws", kind: "hand-written, root-barrel imports", script: BASELINE_ROOT, strict: false },
    ...clouds.map((cloud) => ({ cloud, kind: "generated", script: generatedBaseline(cloud), strict: true })),
  ];
}

type Block = Record<string, Record<string, Record<string, unknown>>>;
interface StackJson {
  resource?: Block;
  data?: Block;
  provider?: Record<string, unknown[]>;
  output?: Record<string, unknown>;
}

/** Runs one app (a compiled script) into a fresh output folder and returns the folder. */
export function synthInto(script: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-"));
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${path.basename(script)} failed (${result.status}):\n${result.stderr}`);
  return outdir;
}

export function readStack(outdir: string, stack: string): StackJson {
  return JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
}

/** `aws_vpc: 1`, `data.aws_ec2_managed_prefix_list: 1`, ... */
export function countsByType(stack: StackJson): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [type, items] of Object.entries(stack.resource ?? {})) counts.set(type, Object.keys(items).length);
  for (const [type, items] of Object.entries(stack.data ?? {})) counts.set(`data.${type}`, Object.keys(items).length);
  return counts;
}

// `aws_vpc.Bookstore_Network_66EFDE9D.id` -> `aws_vpc.*.id` (any provider's types), and the
// outputs cdktf adds for cross-stack references, which are named after the resource.
const REFERENCE = /\b((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+)\.[A-Za-z0-9_-]+/g;
const CROSS_STACK_OUTPUT = /\bcross-stack-output-[A-Za-z0-9_-]+/g;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) if (key !== "//") out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === "string") return value.replace(REFERENCE, "$1.*").replace(CROSS_STACK_OUTPUT, "cross-stack-output-*");
  return value;
}

/** Per type, the sorted list of each resource's arguments with names taken out. */
function argumentsByType(stack: StackJson): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (prefix: string, block: Block | undefined) => {
    for (const [type, items] of Object.entries(block ?? {})) {
      out.set(prefix + type, Object.values(items).map((item) => JSON.stringify(canonical(item))).sort());
    }
  };
  add("", stack.resource);
  add("data.", stack.data);
  return out;
}

export interface Comparison {
  /** Types whose count differs (or that only one side has): the check fails. */
  countDifferences: string[];
  /** Types with the same count whose arguments differ: reported, not failed. */
  argumentDifferences: string[];
  resources: number;
  outputs: [number, number];
  providers: [number, number];
}

export function compareStacks(library: StackJson, baseline: StackJson): Comparison {
  const a = countsByType(library);
  const b = countsByType(baseline);
  const countDifferences: string[] = [];
  for (const type of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if ((a.get(type) ?? 0) !== (b.get(type) ?? 0)) countDifferences.push(`${type}: library ${a.get(type) ?? 0}, baseline ${b.get(type) ?? 0}`);
  }
  const argsA = argumentsByType(library);
  const argsB = argumentsByType(baseline);
  const argumentDifferences: string[] = [];
  for (const [type, list] of argsA) {
    const other = argsB.get(type);
    if (!other || other.length !== list.length) continue;
    const onlyA = list.filter((item) => !other.includes(item));
    const onlyB = other.filter((item) => !list.includes(item));
    if (onlyA.length > 0 || onlyB.length > 0) {
      argumentDifferences.push(`${type}:\n    library  ${onlyA.join("\n             ")}\n    baseline ${onlyB.join("\n             ")}`);
    }
  }
  const count = (block: Record<string, unknown> | undefined) => Object.keys(block ?? {}).length;
  const providers = (s: StackJson) => Object.values(s.provider ?? {}).reduce((n, list) => n + list.length, 0);
  return {
    countDifferences,
    argumentDifferences,
    resources: [...a.values()].reduce((n, c) => n + c, 0),
    outputs: [count(library.output), count(baseline.output)],
    providers: [providers(library), providers(baseline)],
  };
}

export interface CheckResult {
  ok: boolean;
  /** One line per baseline, for RESULTS.md. */
  summary: string[];
}

export function stackNames(outdir: string): string[] {
  return fs.readdirSync(path.join(outdir, "stacks")).sort();
}

/**
 * Synthesizes the library's example app on each cloud of `list` and compares every
 * baseline with it, stack by stack: a baseline must emit the same stacks as the library.
 */
export function checkBaseline(list: Baseline[], log: (line: string) => void = console.log): CheckResult {
  const libraryOut = new Map<string, string>();
  let ok = true;
  const summary: string[] = [];
  for (const baseline of list) {
    const label = `${baseline.cloud}, ${baseline.kind}`;
    if (!libraryOut.has(baseline.cloud)) libraryOut.set(baseline.cloud, synthInto(LIBRARY_APP, { BOOKSTORE_CLOUDS: baseline.cloud }));
    const libOut = libraryOut.get(baseline.cloud)!;
    const libraryStacks = stackNames(libOut);
    const out = synthInto(baseline.script);
    const baselineStacks = stackNames(out);
    const problems: string[] = [];
    const parts: string[] = [];
    const warnings: string[] = [];
    if (baselineStacks.join() !== libraryStacks.join()) {
      problems.push(`stacks: library ${libraryStacks.join(", ")}; baseline ${baselineStacks.join(", ")}`);
    }
    for (const stack of libraryStacks.filter((s) => baselineStacks.includes(s))) {
      const library = readStack(libOut, stack);
      const result = compareStacks(library, readStack(out, stack));
      for (const d of result.countDifferences) problems.push(`${stack}: ${d}`);
      for (const d of result.argumentDifferences) (baseline.strict ? problems : warnings).push(`${stack}: ${d}`);
      const args =
        result.argumentDifferences.length === 0
          ? "identical arguments"
          : `arguments differ in ${result.argumentDifferences.map((d) => d.split(":")[0]).join(", ")}`;
      parts.push(
        `${stack}: ${result.resources} resources and data sources of ${countsByType(library).size} types, same count per type, ${args}, ` +
          `outputs ${result.outputs[0]}/${result.outputs[1]}, providers ${result.providers[0]}/${result.providers[1]}`,
      );
    }
    fs.rmSync(out, { recursive: true, force: true });
    if (problems.length > 0) {
      ok = false;
      log(`check-baseline: FAIL, the baseline (${label}) does not emit what the library's example app emits on ${baseline.cloud}:`);
      for (const line of problems) log(`  ${line}`);
      summary.push(`baseline (${label}): DIFFERENT from the library (${problems.join("; ")})`);
      continue;
    }
    for (const line of warnings) log(`check-baseline: warning, baseline (${label}) arguments differ:\n  ${line}`);
    const line = `baseline (${label}) = library on ${baseline.cloud}, stack by stack (references compared by type and attribute; outputs and providers library/baseline): ${parts.join("; ")}`;
    log(`check-baseline: ok, ${line}`);
    summary.push(line);
  }
  for (const dir of libraryOut.values()) fs.rmSync(dir, { recursive: true, force: true });
  return { ok, summary };
}

if (require.main === module) {
  const clouds = fs.readdirSync(path.join(BENCH_DIST, "baseline", "generated")).filter((f) => f.endsWith("-bookstore.js")).map((f) => f.replace(/-bookstore\.js$/, ""));
  process.exitCode = checkBaseline(baselines(clouds)).ok ? 0 : 1;
}
