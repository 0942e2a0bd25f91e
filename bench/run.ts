// `npm run bench`: what the user waits for (`npx cdktf synth`, `npm run synth`) against the
// bare synth process; synthesis speed and memory of the library against a baseline
// program per cloud, compiled and bundled; scaling with the number of bookstores; and the
// test/typecheck times. Writes bench/RESULTS.md. See bench/README.md.
//
// Options (flag or environment variable; defaults keep the run under ~5 minutes):
//   --runs=N        BENCH_RUNS        alternating rounds of the synth comparison (5)
//   --scale-runs=N  BENCH_SCALE_RUNS  runs of each scaling point (3)
//   --scale=1,10,50 BENCH_SCALE       bookstores per app at each scaling point
//   --scale-clouds=aws BENCH_SCALE_CLOUDS  clouds of each scaled bookstore ("all": every implemented one)
//   --cli-runs=N    BENCH_CLI_RUNS    alternating rounds of npx cdktf synth / npm run synth / bare (5; 0 skips)
//   --tool-runs=N   BENCH_TOOL_RUNS   runs of `npm test` and `npm run typecheck` (1; 0 skips)
//   --profile=0|1   BENCH_PROFILE     one --cpu-prof run of each program for the phase table (1)
//   --out=FILE      BENCH_OUT         where to write the Markdown (bench/RESULTS.md)
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as RunApp from "../scripts/run-app";
import { Cloud } from "../lib";
import { Baseline, BASELINE_DEEP, BASELINE_ROOT, baselines, checkBaseline, generatedBaseline, LIBRARY_APP } from "./check-baseline";
import { hasGnuTime, measure, memorySource, Sample, stats, Stats, treeBytes } from "./measure";
import { PHASES, profileScript, ProfileSummary } from "./profile";

const REPO = path.resolve(__dirname, "..", "..");
const SCALE_APP = path.join(__dirname, "scale.js");
const GOAL_RATIO = 1.2;
/** `npx cdktf synth` and `npm run synth` against the bare synth process (wall time). */
const GOAL_CLI_RATIO = 6;
const GOAL_NPM_RATIO = 2;
const BARE_APP = path.join(REPO, "dist", "app", "main.js");
const GOAL_ROOT_SPEEDUP = 8;
/** Scaling counts as linear when the per-bookstore cost of the last interval is within this factor of the first's. */
const LINEAR_TOLERANCE = 1.3;

function option(name: string, env: string, fallback: string): string {
  const flag = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : (process.env[env] ?? fallback);
}
function count(name: string, env: string, fallback: number, min: number): number {
  const value = Number(option(name, env, String(fallback)));
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} / ${env} must be a whole number >= ${min}`);
  return value;
}

const RUNS = count("runs", "BENCH_RUNS", 5, 1);
const SCALE_RUNS = count("scale-runs", "BENCH_SCALE_RUNS", 3, 1);
const TOOL_RUNS = count("tool-runs", "BENCH_TOOL_RUNS", 1, 0);
const CLI_RUNS = count("cli-runs", "BENCH_CLI_RUNS", 5, 0);
const PROFILE = option("profile", "BENCH_PROFILE", "1") !== "0";
const SCALE = option("scale", "BENCH_SCALE", "1,10,50")
  .split(",")
  .map((s) => Number(s.trim()))
  .sort((a, b) => a - b);
if (SCALE.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--scale / BENCH_SCALE: comma-separated whole numbers >= 1");
const SCALE_CLOUDS = option("scale-clouds", "BENCH_SCALE_CLOUDS", "aws");
const OUT = path.resolve(option("out", "BENCH_OUT", path.join(REPO, "bench", "RESULTS.md")));

const log = (line = "") => console.log(line);

// ---------------------------------------------------------------- helpers

interface Program {
  label: string;
  /** A Node script, run as `node <script> <args>`; or `command`. */
  script?: string;
  args?: string[];
  /** Any other command, given the fresh output folder. */
  command?: (outdir: string) => [string, string[]];
  env?: NodeJS.ProcessEnv;
  /** Run before each measured run, unmeasured. */
  before?: () => void;
}

interface Run extends Sample {
  outBytes: number;
  stacks: number;
}

/** How often a run that failed is tried again before the bench gives up. */
const RETRIES = 2;
/** Runs that failed and were tried again, for RESULTS.md: a loaded machine shows up here, not as a missing section. */
const retried: string[] = [];

/**
 * Runs one program as a whole process into a fresh output folder. A run that fails is
 * tried again (up to RETRIES times, each failure logged and listed in RESULTS.md): on a
 * loaded 2-core machine a warm-up once failed where a second try passed, and one such
 * failure used to end the whole bench.
 */
function runProgram(program: Program): Run {
  for (let attempt = 0; ; attempt++) {
    try {
      return runProgramOnce(program);
    } catch (error) {
      if (attempt >= RETRIES) throw error;
      const reason = String((error as Error).message).split("\n").filter(Boolean).slice(-3).join(" / ");
      retried.push(`${program.label}: ${reason.slice(0, 300)}`);
      log(`  ${program.label} failed (try ${attempt + 1} of ${RETRIES + 1}); trying again: ${reason.slice(0, 300)}`);
    }
  }
}

function runProgramOnce(program: Program): Run {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-out-"));
  try {
    program.before?.();
    const [command, args] = program.command ? program.command(outdir) : [process.execPath, [program.script!, ...(program.args ?? [])]];
    const sample = measure(command, args, {
      env: { ...program.env, CDKTF_OUTDIR: outdir },
      cwd: REPO,
    });
    if (sample.status !== 0) throw new Error(`${program.label} exited with ${sample.status}:\n${sample.stderr.slice(-2000)}`);
    const stacks = path.join(outdir, "stacks");
    const exists = fs.existsSync(stacks);
    return { ...sample, outBytes: exists ? treeBytes(stacks) : 0, stacks: exists ? fs.readdirSync(stacks).length : 0 };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Runs the programs `rounds` times, rotating their order every round so none always goes first. */
function alternate(programs: Program[], rounds: number, note: string): Map<string, Run[]> {
  const runs = new Map<string, Run[]>(programs.map((p) => [p.label, []]));
  for (let round = 0; round < rounds; round++) {
    const order = programs.map((_, i) => programs[(i + round) % programs.length]);
    for (const program of order) {
      const run = runProgram(program);
      runs.get(program.label)!.push(run);
      log(`  ${note} ${round + 1}/${rounds}  ${program.label.padEnd(52)} wall ${seconds(run.wallMs).padStart(7)}  cpu ${seconds(run.cpuMs ?? NaN).padStart(7)}  ${mib(run.maxRssKiB).padStart(7)}`);
    }
  }
  return runs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib: number | undefined) => (kib === undefined ? "n/a" : `${Math.round(kib / 1024)} MiB`);
const fmtStats = (s: Stats, f: (v: number) => string) => (s.n === 1 ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);
const wallStats = (runs: Run[] | Sample[]) => fmtStats(stats(runs.map((r) => r.wallMs)), (v) => (v / 1000).toFixed(2));
const cpuStats = (runs: Run[] | Sample[]) => {
  const values = runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined);
  return values.length === 0 ? "n/a" : fmtStats(stats(values), (v) => (v / 1000).toFixed(2));
};
const rssStats = (runs: Run[] | Sample[]) => {
  const values = runs.map((r) => r.maxRssKiB).filter((v): v is number => v !== undefined);
  return values.length === 0 ? "n/a" : fmtStats(stats(values), (v) => String(Math.round(v / 1024)));
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const x = (v: number) => `${v.toFixed(2)}×`;

interface Pair {
  cloud: string;
  mode: "compiled" | "bundled";
  /** Kind of baseline: "hand-written" or "generated". */
  kind: string;
  library: Program;
  baseline: Program;
}

interface Comparison {
  wall: number;
  cpu: number;
  perRound: Stats;
  verdict: string;
}

/**
 * Wall time is what the goals name, but load from other work moves it; CPU time hardly
 * moves. Call a goal met only when both agree.
 */
function verdict(wall: number, cpu: number, goal: number): string {
  if (wall <= goal && cpu <= goal) return "met";
  if (wall > goal && cpu > goal) return "missed";
  return `not settled: wall time says ${wall <= goal ? "met" : "missed"}, CPU time (${cpu.toFixed(2)}) says ${cpu <= goal ? "met" : "missed"}`;
}

/** Bundles one program as scripts/run-app.js bundles the example app; returns the bundle's path. */
function bundle(entry: string, name: string): string {
  // Required from the repository: tsc compiles bench/ into dist-bench/, where no scripts/ is.
  const { bundle: bundleApp } = require(path.join(REPO, "scripts", "run-app.js")) as typeof RunApp;
  return bundleApp(entry, path.join(REPO, "dist-bench", "bundled", `${name}.js`));
}

// ---------------------------------------------------------------- main

function main(): void {
  const started = new Date();
  const loadBefore = os.loadavg();
  const cores = os.cpus().length;
  const implemented = [...Cloud.implemented];
  log(`bench: ${cores} cores, Node ${process.version}, clouds ${implemented.join(", ")}; runs ${RUNS}, scale ${SCALE.join("/")} × ${SCALE_RUNS}, tools × ${TOOL_RUNS}`);
  log(`bench: peak memory from ${hasGnuTime() ? "/usr/bin/time" : "a preloaded maxRSS hook"}`);

  // 0. The comparison is only fair if the baselines emit what the library emits.
  log("bench: checking every baseline against the library's output on its cloud");
  const check = checkBaseline(baselines(implemented), (line) => log(`  ${line}`));
  if (!check.ok) {
    log("bench: a baseline no longer emits the library's resources; update bench/baseline/aws-bookstore.ts, or bench/derive-baselines.js (see above)");
    process.exit(1);
  }
  const med = (runs: Run[]) => stats(runs.map((r) => r.wallMs)).median;
  const cpuMed = (runs: Run[]) => stats(runs.map((r) => r.cpuMs ?? NaN)).median;

  // 1. What the user waits for: the whole example app (every cloud) through the CDKTF CLI
  // and through npm, against the bare synth process on the same bundle.
  let waits: Map<string, Run[]> | undefined;
  const cliConfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-tfrc-")), "empty.tfrc");
  fs.writeFileSync(cliConfig, "");
  const appDir = path.dirname(BARE_APP);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  // The CLI's version check calls home (measure() sets CHECKPOINT_DISABLE=1 for every
  // command), and TF_CLI_CONFIG_FILE may name a missing file on this machine: an empty one.
  const waitEnv = { BOOKSTORE_CLOUDS: "", TF_CLI_CONFIG_FILE: cliConfig };
  const bare: Program = { label: "bare synth process: `node dist/app/main.js`", script: BARE_APP, env: waitEnv };
  const npmSynth: Program = {
    label: "`npm run synth` (no dist/app, as after `npm ci`)",
    command: () => [npm, ["run", "synth"]],
    env: waitEnv,
    before: () => fs.rmSync(appDir, { recursive: true, force: true }),
  };
  const cliSynth: Program = { label: "`npx cdktf synth`", command: (outdir) => [npx, ["cdktf", "synth", "--output", outdir]], env: waitEnv };
  const waitPrograms = [npmSynth, bare, cliSynth];
  if (CLI_RUNS > 0) {
    log("bench: what the user waits for; warm-up (one unrecorded run of each; npm run synth bundles dist/app/main.js)");
    for (const program of waitPrograms) runProgram(program);
    log(`bench: npx cdktf synth / npm run synth / bare, ${CLI_RUNS} alternating rounds`);
    waits = alternate(waitPrograms, CLI_RUNS, "wait ");
  }

  // 2. Library vs baseline on each cloud, compiled by tsc (dist-bench) and bundled by esbuild
  // as scripts/run-app.js bundles the example app.
  const bundledLibrary = bundle(path.join(REPO, "bench", "library-app.ts"), "library-app");
  const baselineSource = (b: Baseline) =>
    b.script === BASELINE_DEEP ? path.join(REPO, "bench", "baseline", "aws-bookstore.ts") : path.join(REPO, "bench", "baseline", "generated", `${b.cloud}-bookstore.ts`);
  const pairs: Pair[] = [];
  for (const cloud of implemented) {
    const baseline: Baseline = cloud === "aws"
      ? { cloud, kind: "hand-written", script: BASELINE_DEEP, strict: false }
      : { cloud, kind: "generated", script: generatedBaseline(cloud), strict: true };
    for (const mode of ["compiled", "bundled"] as const) {
      const env = { BOOKSTORE_CLOUDS: cloud };
      pairs.push({
        cloud,
        mode,
        kind: baseline.kind,
        library: { label: `library, ${cloud}, ${mode}`, script: mode === "compiled" ? LIBRARY_APP : bundledLibrary, env },
        baseline: {
          label: `baseline, ${cloud} (${baseline.kind}), ${mode}`,
          script: mode === "compiled" ? baseline.script : bundle(baselineSource(baseline), `${cloud}-${baseline.kind}`),
        },
      });
    }
  }
  const generatedAws: Program = { label: "baseline, aws (generated), compiled", script: generatedBaseline("aws") };
  const baselineDeep = pairs.find((p) => p.cloud === "aws" && p.mode === "compiled")!.baseline;
  const baselineRoot: Program = { label: "baseline, aws (hand-written, root-barrel imports), compiled", script: BASELINE_ROOT };
  const synthPrograms = [...pairs.flatMap((p) => [p.library, p.baseline]), generatedAws, baselineRoot];
  log("bench: warm-up (one unrecorded run of each program)");
  for (const program of synthPrograms) runProgram(program);
  log(`bench: synth, ${RUNS} alternating rounds`);
  const synth = alternate(synthPrograms, RUNS, "synth");

  const compare = (library: Program, baseline: Program): Comparison => {
    const a = synth.get(library.label)!;
    const b = synth.get(baseline.label)!;
    const wall = med(a) / med(b);
    const cpu = cpuMed(a) / cpuMed(b);
    return { wall, cpu, perRound: stats(a.map((r, i) => r.wallMs / b[i].wallMs)), verdict: verdict(wall, cpu, GOAL_RATIO) };
  };
  const ratios = pairs.map((p) => ({ pair: p, ...compare(p.library, p.baseline) }));
  for (const r of ratios) {
    log(`ratio library/baseline (${r.pair.cloud}, ${r.pair.mode}): wall ${r.wall.toFixed(3)} (per round ${r.perRound.min.toFixed(2)}–${r.perRound.max.toFixed(2)}), CPU ${r.cpu.toFixed(3)}; goal <= ${GOAL_RATIO}: ${r.verdict}`);
  }
  const libAws = synth.get(pairs.find((p) => p.cloud === "aws" && p.mode === "compiled")!.library.label)!;
  const deep = synth.get(baselineDeep.label)!;
  const root = synth.get(baselineRoot.label)!;
  const calibration = compare(generatedAws, baselineDeep);
  const rootSpeedup = med(root) / med(libAws);
  const pairedRootSpeedups = stats(libAws.map((r, i) => root[i].wallMs / r.wallMs));
  const baselineRootSpeedup = med(root) / med(deep);
  log(`generated/hand-written baseline (aws): wall ${calibration.wall.toFixed(3)}, CPU ${calibration.cpu.toFixed(3)}`);
  log(`root-barrel style / library (aws): ${x(rootSpeedup)} slower (per round ${pairedRootSpeedups.min.toFixed(1)}–${pairedRootSpeedups.max.toFixed(1)}); goal >= ${GOAL_ROOT_SPEEDUP}×: ${rootSpeedup >= GOAL_ROOT_SPEEDUP ? "met" : "MISSED"}`);

  // 3. Scaling: 1, 10, 50 bookstores in one app.
  const scaleClouds = SCALE_CLOUDS === "all" ? implemented : SCALE_CLOUDS.split(",").map((c) => c.trim());
  log(`bench: scaling, ${SCALE.join("/")} bookstores on ${scaleClouds.join(", ")}, ${SCALE_RUNS} rounds`);
  const scalePrograms: Program[] = SCALE.map((n) => ({
    label: `${n} bookstore${n === 1 ? "" : "s"}`,
    script: SCALE_APP,
    args: [String(n)],
    env: { BOOKSTORE_CLOUDS: scaleClouds.join(",") },
  }));
  const scale = alternate(scalePrograms, SCALE_RUNS, "scale");

  // 4. npm test and npm run typecheck.
  const tools: Array<{ label: string; samples: Sample[] }> = [];
  if (TOOL_RUNS > 0) {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const commands: Array<[string, string[]]> = [
      ["npm test", ["test", "--silent"]],
      ["npm run typecheck", ["run", "typecheck", "--silent"]],
    ];
    for (const [label] of commands) tools.push({ label, samples: [] });
    for (let round = 0; round < TOOL_RUNS; round++) {
      for (const [i, [label, args]] of commands.entries()) {
        log(`bench: ${label} (${round + 1}/${TOOL_RUNS})`);
        const sample = measure(npm, args, { cwd: REPO });
        tools[i].samples.push(sample);
        log(`  ${label}: wall ${seconds(sample.wallMs)}, cpu ${seconds(sample.cpuMs ?? NaN)}, ${mib(sample.maxRssKiB)}, exit ${sample.status}`);
        if (sample.status !== 0) log(`  (${label} failed; its time is still recorded) ${(sample.stdout + sample.stderr).trim().split("\n").slice(-5).join("\n  ")}`);
      }
    }
  }

  // Where the time goes: one profiled run of each program.
  const profiles: Array<[string, ProfileSummary]> = [];
  if (PROFILE) {
    log("bench: one --cpu-prof run of each program");
    profiles.push(["library, aws, compiled", profileScript(LIBRARY_APP, { BOOKSTORE_CLOUDS: "aws" })]);
    profiles.push([baselineDeep.label, profileScript(BASELINE_DEEP)]);
    profiles.push([baselineRoot.label, profileScript(BASELINE_ROOT)]);
    const n = SCALE[SCALE.length - 1];
    profiles.push([`library, ${n} bookstores (${scaleClouds.join(", ")})`, profileScript(SCALE_APP, { BOOKSTORE_CLOUDS: scaleClouds.join(",") }, [String(n)])]);
  }

  const loadAfter = os.loadavg();
  const finished = new Date();

  // ---------------------------------------------------------------- RESULTS.md
  const md: string[] = [];
  md.push("# Benchmark results", "");
  md.push(
    `Written by \`npm run bench\` (bench/run.ts) on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
      `in ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s. See bench/README.md for what is measured and why.`,
    "",
  );
  md.push(
    `- Machine: **${cores} cores** (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
    `- **Node ${process.version}**, cdktf ${packageVersion("cdktf")}, @cdktf/provider-aws ${packageVersion("@cdktf/provider-aws")}`,
    `- Runs: npx cdktf synth / npm run synth / bare ${CLI_RUNS} alternating rounds, synth ${RUNS} alternating rounds (after one warm-up run of each), scaling ${SCALE_RUNS} rounds per point, npm test / typecheck ${TOOL_RUNS}`,
    `- Every number is a whole process (\`node <script>\`, or the command named, including Node's startup and module loading), median (min–max); wall time in seconds, peak memory in MiB from ${memorySource()}`,
    `- Load average (1/5/15 min) at start ${loadBefore.map((l) => l.toFixed(2)).join("/")}, at end ${loadAfter.map((l) => l.toFixed(2)).join("/")}`,
    `- Failed runs tried again (up to ${RETRIES} more tries each): ${retried.length === 0 ? "none" : retried.map((r) => `\`${r}\``).join("; ")}`,
    "",
  );
  md.push(
    "> **Noise.** The machine's cores may be shared with other work (see the load average above), " +
      "so single runs can be off by tens of percent. The programs are run alternately (rotating order each round) so that load " +
      "hits them alike, and medians are reported; read the min–max ranges before trusting a difference of a few percent. " +
      "When wall time is far above CPU time, the processes waited for a core: re-run on a quiet machine before reading the wall-time ratios.",
    "",
  );

  const programTable = (programs: Program[], runs: Map<string, Run[]>) => {
    md.push("| program | wall time, s | CPU time (user+sys), s | peak memory, MiB | stacks | output |", "| --- | --- | --- | --- | --- | --- |");
    for (const program of programs) {
      const r = runs.get(program.label)!;
      md.push(`| ${program.label} | ${wallStats(r)} | ${cpuStats(r)} | ${rssStats(r)} | ${r[0].stacks} | ${kib(r[0].outBytes)} |`);
    }
    md.push("");
  };

  md.push("## 1. What the user waits for: the whole example app (every cloud)", "");
  if (waits) {
    md.push(
      `${CLI_RUNS} alternating rounds after one warm-up run of each. The bare synth process is \`node dist/app/main.js\`, the bundle ` +
        "`node scripts/run-app.js` writes (esbuild; the app's packages stay external); `npm run synth` bundles and runs it, " +
        "here with `dist/app/` removed before each run, as after a fresh `npm ci`; `npx cdktf synth --output <tmp>` runs the " +
        "CLI, which runs cdktf.json's `app` (the same script). CHECKPOINT_DISABLE=1 and an empty TF_CLI_CONFIG_FILE for all three. " +
        "CPU time includes every child process the command waited for.",
      "",
    );
    programTable(waitPrograms, waits);
    const bareRuns = waits.get(bare.label)!;
    for (const [program, goal] of [[cliSynth, GOAL_CLI_RATIO], [npmSynth, GOAL_NPM_RATIO]] as const) {
      const r = waits.get(program.label)!;
      const wall = med(r) / med(bareRuns);
      const cpu = cpuMed(r) / cpuMed(bareRuns);
      const perRound = stats(r.map((run, i) => run.wallMs / bareRuns[i].wallMs));
      md.push(
        `- **${program.label.split(" (")[0]} / bare synth process: ${x(wall)}** (ratio of median wall times; per round ${x(perRound.min)}–${x(perRound.max)}); ` +
          `CPU time ${x(cpu)}; it adds ${((med(r) - med(bareRuns)) / 1000).toFixed(2)} s wall. Goal ≤ ${goal}×: **${verdict(wall, cpu, goal)}**.`,
      );
    }
    md.push("");
  } else {
    md.push("Skipped (`--cli-runs=0`).", "");
  }

  md.push("## 2. Each cloud: library vs baseline, compiled and bundled", "");
  md.push(
    `Clouds implemented by the library: ${implemented.join(", ")}; each synthesized alone (\`BOOKSTORE_CLOUDS=<cloud>\`, every stack of its bookstore: ` +
      "infrastructure, the cluster's add-ons where the cloud installs them with Helm (AWS), Kubernetes workloads; the global DNS stack needs two clouds and is not built). Baselines (bench/README.md, *Baselines*): AWS has a hand-written program " +
      "(bench/baseline/aws-bookstore.ts); Alibaba Cloud and Tencent Cloud have a program generated from the library's own output " +
      "(bench/derive-baselines.js: typed bindings, deep imports, references as literal strings), slightly cheaper than a hand-written one — " +
      "the generated AWS program is timed too, to show by how much. *compiled* = tsc output (dist-bench/), *bundled* = one esbuild bundle " +
      "per program with the options of scripts/run-app.js (dist-bench/bundled/).",
    "",
  );
  programTable(synthPrograms, synth);
  md.push("| cloud | baseline | mode | library/baseline, wall (per round) | CPU | goal ≤ " + GOAL_RATIO + " |", "| --- | --- | --- | --- | --- | --- |");
  for (const r of ratios) {
    md.push(`| ${r.pair.cloud} | ${r.pair.kind} | ${r.pair.mode} | **${r.wall.toFixed(2)}** (${r.perRound.min.toFixed(2)}–${r.perRound.max.toFixed(2)}) | ${r.cpu.toFixed(2)} | **${r.verdict}** |`);
  }
  md.push("");
  md.push(
    `- Ratios are of medians; "per round" is the range of the ratios within one round. A goal counts as met when both the wall and the CPU ratio meet it.`,
    `- Generated / hand-written baseline on AWS (how much cheaper the generated style is): wall ${calibration.wall.toFixed(2)} (per round ${calibration.perRound.min.toFixed(2)}–${calibration.perRound.max.toFixed(2)}), CPU ${calibration.cpu.toFixed(2)}.`,
    `- **root-barrel style / library (aws, compiled): ${x(rootSpeedup)}** (per round ${x(pairedRootSpeedups.min)}–${x(pairedRootSpeedups.max)}). Goal ≥ ${GOAL_ROOT_SPEEDUP}×: **${rootSpeedup >= GOAL_ROOT_SPEEDUP ? "met" : "missed"}**. ` +
      `In CPU time: ${x(cpuMed(root) / cpuMed(libAws))}. For scale: the hand-written deep-import baseline is ${x(baselineRootSpeedup)} faster ` +
      `(CPU ${x(cpuMed(root) / cpuMed(deep))}) than the same program with root-barrel imports.`,
    "",
  );
  md.push("Baseline check (bench/check-baseline.ts, run before timing):", "");
  for (const line of check.summary) md.push(`- ${line}`);
  md.push("");

  md.push(`## 3. Scaling: bookstores in one app (bench/scale.ts, each bookstore on: ${scaleClouds.join(", ")})`, "");
  md.push("| bookstores | stacks | wall time, s | CPU time, s | peak memory, MiB | output | wall per added bookstore | memory per added bookstore |", "| --- | --- | --- | --- | --- | --- | --- | --- |");
  const points = SCALE.map((n, i) => {
    const runs = scale.get(scalePrograms[i].label)!;
    return { n, runs, wall: med(runs), cpu: stats(runs.map((r) => r.cpuMs ?? NaN)).median, rss: stats(runs.map((r) => r.maxRssKiB ?? NaN)).median, bytes: runs[0].outBytes, stacks: runs[0].stacks };
  });
  points.forEach((p, i) => {
    const prev = points[i - 1];
    const perWall = prev ? `${((p.wall - prev.wall) / 1000 / (p.n - prev.n)).toFixed(3)} s` : "";
    const perRss = prev ? `${((p.rss - prev.rss) / 1024 / (p.n - prev.n)).toFixed(2)} MiB` : "";
    md.push(`| ${p.n} | ${p.stacks} | ${wallStats(p.runs)} | ${cpuStats(p.runs)} | ${rssStats(p.runs)} | ${kib(p.bytes)} | ${perWall} | ${perRss} |`);
  });
  md.push("");
  if (points.length >= 3) {
    const marginal = (a: (typeof points)[number], b: (typeof points)[number], f: (p: (typeof points)[number]) => number) => (f(b) - f(a)) / (b.n - a.n);
    const first = [points[0], points[1]] as const;
    const last = [points[points.length - 2], points[points.length - 1]] as const;
    const growth = (f: (p: (typeof points)[number]) => number) => marginal(last[0], last[1], f) / marginal(first[0], first[1], f);
    const wallGrowth = growth((p) => p.wall);
    const cpuGrowth = growth((p) => p.cpu);
    const bytesPer = points.map((p) => p.bytes / p.n);
    const isLinear = (g: number) => g <= LINEAR_TOLERANCE;
    const verdict =
      isLinear(wallGrowth) && isLinear(cpuGrowth)
        ? "linear within noise"
        : isLinear(cpuGrowth)
          ? "linear in CPU time; wall time is above the tolerance (check the min–max: load from other work)"
          : "faster than linear";
    const per = (f: (p: (typeof points)[number]) => number, a: (typeof points)[number], b: (typeof points)[number]) => (marginal(a, b, f) / 1000).toFixed(3);
    md.push(
      `- **Growth: ${verdict}.** One more bookstore costs ${per((p) => p.wall, last[0], last[1])} s wall / ${per((p) => p.cpu, last[0], last[1])} s CPU between ${last[0].n} and ${last[1].n} bookstores, ` +
        `vs ${per((p) => p.wall, first[0], first[1])} s / ${per((p) => p.cpu, first[0], first[1])} s between ${first[0].n} and ${first[1].n} ` +
        `(×${wallGrowth.toFixed(2)} wall, ×${cpuGrowth.toFixed(2)} CPU; linear is ×1, tolerance ×${LINEAR_TOLERANCE}).`,
      `- Peak memory: ${(marginal(first[0], first[1], (p) => p.rss) / 1024).toFixed(2)} then ${(marginal(last[0], last[1], (p) => p.rss) / 1024).toFixed(2)} MiB per added bookstore (×${growth((p) => p.rss).toFixed(2)}).`,
      `- Output: ${bytesPer.map((b) => kib(b)).join(", ")} per bookstore (exactly proportional: ${Math.max(...bytesPer) / Math.min(...bytesPer) < 1.01 ? "yes" : "no"}).`,
      `- Fixed cost (Node, cdktf, provider bindings, the library) is about the 1-bookstore time minus one per-bookstore cost: ${((points[0].wall - marginal(first[0], first[1], (p) => p.wall)) / 1000).toFixed(2)} s.`,
      "",
    );
  }

  if (tools.length > 0) {
    md.push("## 4. Test suite and typecheck", "");
    md.push("| command | wall time, s | CPU time, s | peak memory, MiB | exit status |", "| --- | --- | --- | --- | --- |");
    for (const tool of tools) md.push(`| \`${tool.label}\` | ${wallStats(tool.samples)} | ${cpuStats(tool.samples)} | ${rssStats(tool.samples)} | ${tool.samples.map((s) => s.status).join(", ")} |`);
    md.push("", "Peak memory of `npm test` is that of its largest process (a jest worker or the jest parent), not the sum.", "");
  }

  if (profiles.length > 0) {
    md.push("## Where the time goes (one `node --cpu-prof` run each, sampled ms by phase)", "");
    md.push("Phases are assigned from each sample's call stack (bench/profile.ts): *other* = Node's bootstrap and idle time; *load* = require() of cdktf, provider bindings and the library; *construct* = building the construct tree; *validate* = validations in app.synth() (the library's policy checks); *synth* = the rest of app.synth(); *gc* = garbage collection.", "");
    md.push(`| program | total | ${PHASES.join(" | ")} |`, `| --- | --- | ${PHASES.map(() => "---").join(" | ")} |`);
    for (const [label, p] of profiles) {
      md.push(`| ${label} | ${p.totalMs.toFixed(0)} | ${PHASES.map((ph) => `${p.phases[ph].toFixed(0)} (${((100 * p.phases[ph]) / p.totalMs).toFixed(0)}%)`).join(" | ")} |`);
    }
    md.push(
      "",
      "The profiler samples the main thread by the clock, so load from other processes inflates these milliseconds; the shares are the part to read. " +
        "bench/README.md (Findings) has the measured cost of each cause and the fixes.",
      "",
    );
    const lib = profiles[0][1];
    md.push("The library's own functions with the most inclusive CPU time (library, aws):", "");
    for (const f of lib.libraryFunctions.filter((f) => !/^(Bookstore|BookstoreStacks) /.test(f.name)).slice(0, 8)) md.push(`- ${f.ms.toFixed(0)} ms \`${f.name}\``);
    md.push("");
  }
  fs.writeFileSync(OUT, md.join("\n"));
  log(`bench: wrote ${path.relative(REPO, OUT)} in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

main();
