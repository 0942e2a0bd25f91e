// `npm run bench:tests`: what `npm test` costs, as a whole and file by file, and, with
// --against=<git ref>, side by side with the suite of that commit. Writes bench/TEST-COST.md.
// See bench/README.md, *The test suite's cost*.
//
//   --runs=N          BENCH_TEST_RUNS     alternating rounds of each suite (1)
//   --against=REF     BENCH_TEST_AGAINST  a commit whose suite runs alternately with this one
//   --out=FILE        BENCH_TEST_OUT      where the Markdown goes (bench/TEST-COST.md)
//
// Each suite runs as CI runs it: its own checkout (a `git worktree` of REF in a temporary
// folder, sharing this checkout's node_modules), the library built first (`npm run
// build:lib`, unmeasured, as .ci/run does before `npm test`), then `npx jest` with 2
// workers under /usr/bin/time (wall, CPU of every process, largest RSS). Per file, Jest's
// own start and end times give the wall time, and test-cpu-probe.js the CPU time of the
// worker and of the processes the file started.
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { REPO, option, git, worktreeOf, removeWorktree } = require("./checkouts");
const PROBE = path.join(__dirname, "test-cpu-probe.js");

const RUNS = Number(option("runs", "BENCH_TEST_RUNS", "1"));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs / BENCH_TEST_RUNS must be a whole number >= 1");
const AGAINST = option("against", "BENCH_TEST_AGAINST", "");
const OUT = path.resolve(option("out", "BENCH_TEST_OUT", path.join(REPO, "bench", "TEST-COST.md")));

const log = (line = "") => console.log(line);
const clockTicks = () => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "100";
};
const hasGnuTime = () => fs.existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;

/** Builds the library in `tree` as .ci/run does before the tests (unmeasured). */
function buildLibrary(tree) {
  execFileSync("npm", ["run", "build:lib", "--silent"], { cwd: tree, stdio: "pipe", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
}

/** One run of the suite in `tree`: totals and one row per test file. */
function runSuite(tree) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-suite-run-"));
  const results = path.join(tmp, "results.json");
  const cpuFile = path.join(tmp, "cpu.jsonl");
  const timeFile = path.join(tmp, "time");
  const jest = ["npx", "jest", "--json", `--outputFile=${results}`, `--setupFilesAfterEnv=${PROBE}`];
  const [command, args] = hasGnuTime() ? ["/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, ...jest]] : [jest[0], jest.slice(1)];
  // The suite as `npm test` runs it: FULL=1 would draw ten times the property cases.
  const { FULL: _full, ...env } = process.env;
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    cwd: tree,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...env, CHECKPOINT_DISABLE: "1", BENCH_TEST_CPU_FILE: cpuFile, BENCH_CLK_TCK: clockTicks() },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    if (!fs.existsSync(results)) throw new Error(`jest wrote no results in ${tree} (exit ${run.status}):\n${(run.stderr || "").slice(-3000)}`);
    const json = JSON.parse(fs.readFileSync(results, "utf8"));
    const [, user, sys, rss] = hasGnuTime() ? fs.readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number) : [0, NaN, NaN, NaN];
    const cpu = new Map(
      fs.existsSync(cpuFile)
        ? fs
            .readFileSync(cpuFile, "utf8")
            .split("\n")
            .filter(Boolean)
            .map((l) => JSON.parse(l))
            .map((l) => [path.relative(tree, l.file), l])
        : [],
    );
    const files = json.testResults.map((t) => {
      const file = path.relative(tree, t.name);
      const probe = cpu.get(file);
      return {
        file,
        tests: t.assertionResults.length,
        wallMs: t.endTime - t.startTime,
        cpuMs: probe ? probe.cpuMs : NaN,
        childrenCpuMs: probe ? probe.childrenCpuMs : NaN,
      };
    });
    return {
      status: run.status,
      wallMs,
      cpuMs: (user + sys) * 1000,
      maxRssMiB: rss / 1024,
      tests: json.numTotalTests,
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + (json.numTodoTests || 0),
      noiseLines: noiseLines(`${run.stdout}\n${run.stderr}`),
      files,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Lines of a run's output that are neither Jest's own report nor the not-judged list: warnings, console output, build output. */
function noiseLines(output) {
  const own = [/^(PASS|FAIL) /, /^Test Suites:/, /^Tests:/, /^Snapshots:/, /^Time:/, /^Ran all test suites/, /^Test results written to/, /^Not judged here/, /^ {2}- /, /^\s*$/];
  return output.split("\n").filter((line) => !own.some((re) => re.test(line)));
}

const median = (values) => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : "n/a");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");

/** Per-file medians over the runs of one suite. */
function fileMedians(runs) {
  const byFile = new Map();
  for (const run of runs) for (const f of run.files) byFile.set(f.file, [...(byFile.get(f.file) || []), f]);
  return new Map(
    [...byFile].map(([file, rows]) => [
      file,
      {
        file,
        tests: rows[0].tests,
        wallMs: median(rows.map((r) => r.wallMs)),
        cpuMs: median(rows.map((r) => r.cpuMs)),
        childrenCpuMs: median(rows.map((r) => r.childrenCpuMs)),
      },
    ]),
  );
}

function summary(runs) {
  // Counts from the run that went worst: the most failures, then the most noise.
  const worst = [...runs].sort((a, b) => b.failed - a.failed || b.noiseLines.length - a.noiseLines.length)[0];
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMiB: median(runs.map((r) => r.maxRssMiB)),
    tests: worst.tests,
    passed: worst.passed,
    failed: worst.failed,
    skipped: worst.skipped,
    allPassed: runs.every((r) => r.status === 0),
    statuses: runs.map((r) => r.status).join(", "),
    noise: worst.noiseLines,
    wallRange: `${sec(Math.min(...runs.map((r) => r.wallMs)))}–${sec(Math.max(...runs.map((r) => r.wallMs)))}`,
  };
}

function main() {
  const head = git("rev-parse", "--short", "HEAD");
  // The report this script writes does not count as a change to the suite.
  const dirty = git("status", "--porcelain", "--untracked-files=no", "--", ".", `:!${path.relative(REPO, OUT)}`) !== "";
  const suites = [{ label: `this checkout (${head}${dirty ? ", with uncommitted changes" : ""})`, tree: REPO, runs: [] }];
  let worktree;
  if (AGAINST) {
    const ref = git("rev-parse", "--short", AGAINST);
    worktree = worktreeOf(AGAINST);
    suites.push({ label: `${AGAINST} (${ref})`, tree: worktree, runs: [] });
  }
  const loadBefore = os.loadavg();
  const started = new Date();
  try {
    for (const suite of suites) {
      log(`bench:tests: building the library in ${suite.label}`);
      buildLibrary(suite.tree);
    }
    for (let round = 0; round < RUNS; round++) {
      // Rotate the order so that neither suite always runs first.
      for (let i = 0; i < suites.length; i++) {
        const suite = suites[(i + round) % suites.length];
        const run = runSuite(suite.tree);
        suite.runs.push(run);
        log(`  ${round + 1}/${RUNS} ${suite.label}: wall ${sec(run.wallMs)} s, cpu ${sec(run.cpuMs)} s, ${run.tests} tests (${run.failed} failed, ${run.skipped} skipped), exit ${run.status}`);
      }
    }
  } finally {
    if (worktree) {
      removeWorktree(worktree);
    }
  }
  const loadAfter = os.loadavg();
  const md = report(suites, { started, loadBefore, loadAfter });
  fs.writeFileSync(OUT, md);
  log(`bench:tests: wrote ${path.relative(process.cwd(), OUT)}`);
  if (suites.some((s) => s.runs.some((r) => r.status !== 0))) process.exitCode = 1;
}

function report(suites, { started, loadBefore, loadAfter }) {
  const [current, old] = suites.map((s) => ({ ...s, total: summary(s.runs), files: fileMedians(s.runs) }));
  const load = (l) => l.map((v) => v.toFixed(2)).join("/");
  const md = [
    "# What `npm test` costs",
    "",
    `Written by \`npm run bench:tests\` (bench/test-cost.js) on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC. See bench/README.md, *The test suite's cost*.`,
    "",
    `- Machine: **${os.cpus().length} cores**, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average (1/5/15 min) ${load(loadBefore)} at start, ${load(loadAfter)} at end`,
    `- ${RUNS} run${RUNS === 1 ? "" : "s"} of each suite${old ? ", alternating" : ""}; each as CI runs it (library built first, then \`npx jest\`, 2 workers); medians${RUNS > 1 ? " (range of wall time in brackets)" : ""}`,
    "- Wall and CPU of the whole run from `/usr/bin/time` (CPU of every process: Jest, its workers, and what the tests start); per file, wall time from Jest's start and end of the file in its worker, CPU from bench/test-cpu-probe.js (the worker's CPU for that file from its setupFilesAfterEnv on, so not the setupFiles before it; *children*: the processes the file waited for, e.g. npm and tsc in the package test); test counts and noise lines from the run with the most failures, then the most noise",
    "",
    "## The whole suite",
    "",
    `| suite | wall, s | CPU, s | peak memory (largest process), MiB | tests | passed | failed | skipped | noise lines | exit |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
  ];
  for (const s of [current, old].filter(Boolean)) {
    const t = s.total;
    md.push(`| ${s.label} | ${sec(t.wallMs)}${RUNS > 1 ? ` (${t.wallRange})` : ""} | ${sec(t.cpuMs)} | ${Math.round(t.maxRssMiB)} | ${t.tests} | ${t.passed} | ${t.failed} | ${t.skipped} | ${t.noise.length} | ${t.statuses} |`);
  }
  if (old) {
    md.push(
      "",
      `- **This suite / ${old.label}: wall ${ratio(current.total.wallMs, old.total.wallMs)}, CPU ${ratio(current.total.cpuMs, old.total.cpuMs)}**; tests ${current.total.tests} vs ${old.total.tests}.`,
    );
  }
  const goal = !current.total.allPassed ? "not judged: a run failed" : current.total.wallMs <= 60_000 ? "met" : "missed";
  md.push(`- Goal: \`npm test\` ≤ 60 s wall on a quiet 2-core machine: **${goal}** (${sec(current.total.wallMs)} s; load at start ${loadBefore[0].toFixed(2)}).`);
  if (current.total.noise.length > 0) md.push("", "Noise lines in this suite's output (first 10):", "", "```", ...current.total.noise.slice(0, 10), "```");
  const rows = [...current.files.values()].sort((a, b) => b.cpuMs + b.childrenCpuMs - (a.cpuMs + a.childrenCpuMs));
  const totalCpu = rows.reduce((sum, r) => sum + r.cpuMs + (Number.isFinite(r.childrenCpuMs) ? r.childrenCpuMs : 0), 0);
  md.push(
    "",
    "## File by file",
    "",
    `Sorted by CPU (worker + children). Share: of the ${sec(totalCpu)} s the files cost together (the rest of the run's CPU is Jest itself, its global setup and the workers' start).${old ? ` The last columns are the same file in ${old.label}.` : ""}`,
    "",
    `| file | tests | wall, s | CPU, s | children CPU, s | share |${old ? " tests then | wall then, s | CPU then, s |" : ""}`,
    `| --- | --- | --- | --- | --- | --- |${old ? " --- | --- | --- |" : ""}`,
  );
  for (const r of rows) {
    const own = r.cpuMs + (Number.isFinite(r.childrenCpuMs) ? r.childrenCpuMs : 0);
    const then = old?.files.get(r.file);
    const thenCols = old ? ` ${then ? then.tests : "—"} | ${then ? sec(then.wallMs) : "—"} | ${then ? sec(then.cpuMs + (Number.isFinite(then.childrenCpuMs) ? then.childrenCpuMs : 0)) : "—"} |` : "";
    md.push(`| ${r.file} | ${r.tests} | ${sec(r.wallMs)} | ${sec(r.cpuMs)} | ${sec(r.childrenCpuMs)} | ${((own / totalCpu) * 100).toFixed(1)} % |${thenCols}`);
  }
  if (old) {
    const gone = [...old.files.keys()].filter((f) => !current.files.has(f));
    if (gone.length > 0) md.push("", `Files only in ${old.label}: ${gone.join(", ")}.`);
  }
  return `${md.join("\n")}\n`;
}

main();
