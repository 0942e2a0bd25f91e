// `npm run bench`: synthesis speed and memory of the library against a hand-written
// cdktf program, scaling with the number of bookstores, and the test/typecheck times.
// Writes bench/RESULTS.md. See bench/README.md.
//
// Options (flag or environment variable; defaults keep the run under ~5 minutes):
//   --runs=N        BENCH_RUNS        alternating rounds of the synth comparison (5)
//   --scale-runs=N  BENCH_SCALE_RUNS  runs of each scaling point (3)
//   --scale=1,10,50 BENCH_SCALE       bookstores per app at each scaling point
//   --scale-clouds=aws BENCH_SCALE_CLOUDS  clouds of each scaled bookstore ("all": every implemented one)
//   --tool-runs=N   BENCH_TOOL_RUNS   runs of `npm test` and `npm run typecheck` (1; 0 skips)
//   --profile=0|1   BENCH_PROFILE     one --cpu-prof run of each program for the phase table (1)
//   --out=FILE      BENCH_OUT         where to write the Markdown (bench/RESULTS.md)
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Cloud } from "../lib";
import { BASELINE_DEEP, BASELINE_ROOT, checkBaseline, LIBRARY_APP } from "./check-baseline";
import { hasGnuTime, measure, memorySource, Sample, stats, Stats, treeBytes } from "./measure";
import { PHASES, profileScript, ProfileSummary } from "./profile";

const REPO = path.resolve(__dirname, "..", "..");
const SCALE_APP = path.join(__dirname, "scale.js");
/** Clouds with a hand-written baseline. */
const BASELINE_CLOUDS = ["aws"];
const GOAL_RATIO = 1.2;
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
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

interface Run extends Sample {
  outBytes: number;
  stacks: number;
}

/** Runs one program as a whole process into a fresh output folder. */
function runProgram(program: Program): Run {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-out-"));
  try {
    const sample = measure(process.execPath, [program.script, ...(program.args ?? [])], {
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

// ---------------------------------------------------------------- main

function main(): void {
  const started = new Date();
  const loadBefore = os.loadavg();
  const cores = os.cpus().length;
  const implemented = [...Cloud.implemented];
  log(`bench: ${cores} cores, Node ${process.version}, clouds ${implemented.join(", ")}; runs ${RUNS}, scale ${SCALE.join("/")} × ${SCALE_RUNS}, tools × ${TOOL_RUNS}`);
  log(`bench: peak memory from ${hasGnuTime() ? "/usr/bin/time" : "a preloaded maxRSS hook"}`);

  // 0. The comparison is only fair if the baselines emit what the library emits.
  log("bench: checking the baselines against the library's bookstore-aws");
  const check = checkBaseline((line) => log(`  ${line}`));
  if (!check.ok) {
    log("bench: the baselines no longer emit the library's resources; update bench/baseline/*.ts (see above)");
    process.exit(1);
  }

  // 1 + 2. Full bookstore: library per cloud (and all clouds together), hand-written baselines.
  // The library on AWS (the cloud with a baseline) and on every implemented cloud at once.
  const libraryPrograms: Program[] = [{ label: "library, aws", script: LIBRARY_APP, env: { BOOKSTORE_CLOUDS: "aws" } }];
  if (implemented.length > 1) {
    libraryPrograms.push({ label: `library, all clouds (${implemented.join(", ")})`, script: LIBRARY_APP, env: { BOOKSTORE_CLOUDS: "" } });
  }
  const baselineDeep: Program = { label: "baseline, aws, deep imports", script: BASELINE_DEEP };
  const baselineRoot: Program = { label: "baseline, aws, root-barrel imports", script: BASELINE_ROOT };
  const synthPrograms = [...libraryPrograms, baselineDeep, baselineRoot];
  log("bench: warm-up (one unrecorded run of each program)");
  for (const program of synthPrograms) runProgram(program);
  log(`bench: synth, ${RUNS} alternating rounds`);
  const synth = alternate(synthPrograms, RUNS, "synth");

  const libAws = synth.get("library, aws")!;
  const deep = synth.get(baselineDeep.label)!;
  const root = synth.get(baselineRoot.label)!;
  const med = (runs: Run[]) => stats(runs.map((r) => r.wallMs)).median;
  const ratio = med(libAws) / med(deep);
  const pairedRatios = stats(libAws.map((r, i) => r.wallMs / deep[i].wallMs));
  const rootSpeedup = med(root) / med(libAws);
  const pairedRootSpeedups = stats(libAws.map((r, i) => root[i].wallMs / r.wallMs));
  const baselineRootSpeedup = med(root) / med(deep);
  const cpuMed = (runs: Run[]) => stats(runs.map((r) => r.cpuMs ?? NaN)).median;
  const cpuRatio = cpuMed(libAws) / cpuMed(deep);
  const memRatio = stats(libAws.map((r) => r.maxRssKiB ?? NaN)).median / stats(deep.map((r) => r.maxRssKiB ?? NaN)).median;
  // Wall time is what the goal names, but load from other work moves it; CPU time hardly
  // moves. Call the goal met only when both agree.
  const ratioVerdict =
    ratio <= GOAL_RATIO && cpuRatio <= GOAL_RATIO
      ? "met"
      : ratio > GOAL_RATIO && cpuRatio > GOAL_RATIO
        ? "missed"
        : `not settled: wall time says ${ratio <= GOAL_RATIO ? "met" : "missed"}, CPU time (${cpuRatio.toFixed(2)}) says ${cpuRatio <= GOAL_RATIO ? "met" : "missed"}`;
  log(`ratio library/baseline (aws, wall time, medians): ${ratio.toFixed(3)} (per round ${pairedRatios.min.toFixed(2)}–${pairedRatios.max.toFixed(2)}); CPU time ${cpuRatio.toFixed(3)}; goal <= ${GOAL_RATIO}: ${ratioVerdict}`);
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
    profiles.push(["library, aws", profileScript(LIBRARY_APP, { BOOKSTORE_CLOUDS: "aws" })]);
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
    `- Runs: synth ${RUNS} alternating rounds (after one warm-up run of each), scaling ${SCALE_RUNS} rounds per point, npm test / typecheck ${TOOL_RUNS}`,
    `- Every number is a whole process (\`node <script>\`, including Node's startup and module loading), median (min–max); wall time in seconds, peak memory in MiB from ${memorySource()}`,
    `- Load average (1/5/15 min) at start ${loadBefore.map((l) => l.toFixed(2)).join("/")}, at end ${loadAfter.map((l) => l.toFixed(2)).join("/")}`,
    "",
  );
  md.push(
    "> **Noise.** The machine's cores may be shared with other work (see the load average above), " +
      "so single runs can be off by tens of percent. The programs are run alternately (rotating order each round) so that load " +
      "hits them alike, and medians are reported; read the min–max ranges before trusting a difference of a few percent.",
    "",
  );

  md.push("## 1–2. Full bookstore: library vs hand-written cdktf", "");
  md.push(`Clouds implemented by the library: ${implemented.join(", ")}. The hand-written baseline exists for ${BASELINE_CLOUDS.join(", ")} only (both of its stacks: infrastructure and Kubernetes workloads), so the ratios compare the library on AWS with it; the library on every implemented cloud at once is timed too, without a ratio.`, "");
  md.push("| program | wall time, s | CPU time (user+sys), s | peak memory, MiB | output |", "| --- | --- | --- | --- | --- |");
  for (const program of synthPrograms) {
    const runs = synth.get(program.label)!;
    md.push(`| ${program.label} | ${wallStats(runs)} | ${cpuStats(runs)} | ${rssStats(runs)} | ${kib(runs[0].outBytes)} |`);
  }
  md.push("");
  md.push(
    `- **ratio library/baseline (aws, wall time): ${ratio.toFixed(2)}** (ratio of medians; per-round ratios ${pairedRatios.min.toFixed(2)}–${pairedRatios.max.toFixed(2)}, median ${pairedRatios.median.toFixed(2)}). Goal ≤ ${GOAL_RATIO}: **${ratioVerdict}**.`,
    `- ratio library/baseline, CPU time: ${cpuRatio.toFixed(2)} (less sensitive to other load on the machine than wall time); peak memory: ${memRatio.toFixed(2)}`,
    `- **root-barrel style / library: ${x(rootSpeedup)}** (per round ${x(pairedRootSpeedups.min)}–${x(pairedRootSpeedups.max)}). Goal ≥ ${GOAL_ROOT_SPEEDUP}×: **${rootSpeedup >= GOAL_ROOT_SPEEDUP ? "met" : "missed"}**. ` +
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
