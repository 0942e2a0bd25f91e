// `npm run bench:defects`: plants one defect at a time in lib/ (a wrong enum, a dropped
// depends_on, a missing validation, a secure default turned off), runs the whole suite on
// it, and records which tests fail; with --against=<git ref>, the same defects in that
// commit's checkout too, so that a faster suite is shown to fail on every defect the
// older one failed on, with at least the same tests. Writes bench/PLANTED-DEFECTS.md.
//
//   --against=REF   BENCH_DEFECTS_AGAINST  a commit whose suite judges the same defects
//   --only=ID,ID    BENCH_DEFECTS_ONLY     just these defects
//   --out=FILE      BENCH_DEFECTS_OUT      where the Markdown goes (bench/PLANTED-DEFECTS.md)
//   --seed=N        BENCH_FC_SEED          the seed of every property test, in both suites (fixed by default)
//
// Every file is restored after its run, also when the run fails or the script is stopped
// (SIGINT, SIGTERM); it refuses to start while lib/ has uncommitted changes, so that
// `git checkout lib/` is always a safe way back. A defect whose text is no longer found
// where it is planted stops the script: the list has to follow the code.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { REPO, option, git, worktreeOf, removeWorktree } = require("./checkouts");

const AGAINST = option("against", "BENCH_DEFECTS_AGAINST", "");
const ONLY = option("only", "BENCH_DEFECTS_ONLY", "").split(",").filter(Boolean);
const OUT = path.resolve(option("out", "BENCH_DEFECTS_OUT", path.join(REPO, "bench", "PLANTED-DEFECTS.md")));
const SEED = Number(option("seed", "BENCH_FC_SEED", "20261207"));
if (!Number.isInteger(SEED)) throw new Error("--seed / BENCH_FC_SEED must be a whole number");
const FIXED_SEED = path.join(__dirname, "fixed-seed.js");
/** What a run that failed before any test could report is counted as, in either suite. */
const WHOLE_RUN_FAILED = "(the whole run failed before any test ran: the global setup's synthesis refused the stacks)";

/** [id, what, edits]; each edit replaces `from` (found exactly `count` times, 1 by default) by `to`. */
const DEFECTS = [
  {
    id: "aws-alb-type",
    what: "AWS: a wrong enum, the shop's load balancer as a network load balancer",
    edits: [{ file: "lib/aws/load-balancer.ts", from: 'loadBalancerType: "application"', to: 'loadBalancerType: "network"' }],
  },
  {
    id: "aws-asg-depends-on",
    what: "AWS: the VMs' autoscaling group no longer waits for the role's boot policies (dropped depends_on)",
    edits: [{ file: "lib/aws/compute-group.ts", from: "dependsOn: bootPolicies.length > 0 ? bootPolicies : undefined,", to: "" }],
  },
  {
    id: "aws-cache-tls",
    what: "AWS: the cache without encryption in transit (a secure default turned off)",
    edits: [{ file: "lib/aws/cache.ts", from: "transitEncryptionEnabled: true", to: "transitEncryptionEnabled: false" }],
  },
  {
    id: "alicloud-launch-depends-on",
    what: "Alibaba Cloud: the launch configuration no longer waits for the role's grants (dropped depends_on)",
    edits: [{ file: "lib/alicloud/compute-group.ts", from: "dependsOn: granted.length > 0 ? [...granted] : undefined,", to: "" }],
  },
  {
    id: "alicloud-db-ssl",
    what: "Alibaba Cloud: a wrong enum, the database's SSL switched off (sslAction Close)",
    edits: [{ file: "lib/alicloud/database.ts", from: 'sslAction: "Open"', to: 'sslAction: "Close"' }],
  },
  {
    id: "tencentcloud-cdn-service-type",
    what: "Tencent Cloud: a wrong enum, CDN service type 'shop' (the provider takes web, download, media, hybrid, dynamic)",
    edits: [{ file: "lib/tencentcloud/cdn.ts", from: 'serviceType: "web"', to: 'serviceType: "shop"', count: 2 }],
  },
  {
    id: "tencentcloud-addon-depends-on",
    what: "Tencent Cloud: the cluster's add-on no longer waits for the node pool (dropped depends_on)",
    edits: [{ file: "lib/tencentcloud/kubernetes-cluster.ts", from: "    dependsOn: [nodePool],\n", to: "" }],
  },
  {
    id: "tencentcloud-unresolved-admin",
    what: "Tencent Cloud: a missing validation, an unresolved token accepted as a cluster administrator",
    edits: [{ file: "lib/tencentcloud/cluster-grants.ts", from: "if (isUnresolved(principal)) {", to: "if (false) {" }],
  },
  {
    id: "core-cache-retention",
    what: "Core: a missing validation, the cache's backup retention no longer checked against the cloud's range",
    edits: [{ file: "lib/core/cache.ts", from: 'requireNumberInRange(this, "backupRetentionDays",', to: '((..._unchecked: unknown[]) => undefined)(this, "backupRetentionDays",' }],
  },
  {
    id: "kubernetes-writable-root",
    what: "Kubernetes: the shop's containers get a writable root filesystem (a secure default turned off)",
    edits: [{ file: "lib/kubernetes/bookstore-workloads.ts", from: "readOnlyRootFilesystem: !s.writableRootFilesystem,", to: "readOnlyRootFilesystem: false," }],
  },
];

const log = (line = "") => console.log(line);

/** Files changed by a planted defect, with their text before it: restored after each run, and on SIGINT or SIGTERM. */
const planted = new Map();
function restorePlanted() {
  for (const [file, text] of planted) fs.writeFileSync(file, text);
  planted.clear();
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    restorePlanted();
    process.exit(130);
  });
}

const occurrences = (text, part) => text.split(part).length - 1;

/** Plants the defect in `tree`, runs the suite, restores the files; the failing tests' full names. */
function judge(tree, defect) {
  try {
    for (const edit of defect.edits) {
      const file = path.join(tree, edit.file);
      if (!planted.has(file)) planted.set(file, fs.readFileSync(file, "utf8"));
      const found = occurrences(fs.readFileSync(file, "utf8"), edit.from);
      if (found !== (edit.count ?? 1)) throw new Error(`${defect.id}: ${JSON.stringify(edit.from)} is found ${found} times in ${edit.file} of ${tree}, not ${edit.count ?? 1}: update bench/planted-defects.js`);
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").split(edit.from).join(edit.to));
    }
    return runSuite(tree);
  } finally {
    restorePlanted();
  }
}

function runSuite(tree) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-defects-run-"));
  const results = path.join(tmp, "results.json");
  const started = Date.now();
  // dist/lib is older than the planted edit, so the package test rebuilds it; skip it
  // here (it proves packaging, not the adapters) to keep each run short.
  const { FULL: _full, ...env } = process.env;
  const run = spawnSync(
    "npx",
    ["jest", "--json", `--outputFile=${results}`, `--setupFilesAfterEnv=${FIXED_SEED}`, "--testPathIgnorePatterns=/node_modules/", "--testPathIgnorePatterns=test/package\\.test\\.ts"],
    { cwd: tree, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...env, CHECKPOINT_DISABLE: "1", BENCH_FC_SEED: String(SEED) } },
  );
  try {
    if (!fs.existsSync(results)) {
      // Jest's global setup synthesizes the example app; a defect that its policy checks
      // refuse stops the run there, before any test: caught, by the whole suite.
      const output = `${run.stdout ?? ""}\n${run.stderr ?? ""}`;
      if (run.status !== 0 && /globalSetup|global-setup/.test(output)) return { failing: [WHOLE_RUN_FAILED], detail: output.trim().split("\n").find((l) => /Error/.test(l)) ?? "", wallMs: Date.now() - started };
      throw new Error(`jest wrote no results in ${tree} (exit ${run.status}):\n${output.slice(-3000)}`);
    }
    const json = JSON.parse(fs.readFileSync(results, "utf8"));
    const failing = json.testResults.flatMap((file) => {
      const rel = path.relative(tree, file.name);
      const failed = file.assertionResults.filter((a) => a.status === "failed").map((a) => `${rel} › ${a.fullName}`);
      // A file that failed to run at all (e.g. a syntax error) fails as a whole.
      return failed.length === 0 && file.status === "failed" ? [`${rel} (the file failed to run)`] : failed;
    });
    return { failing, wallMs: Date.now() - started };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  const unknown = ONLY.filter((id) => !DEFECTS.some((d) => d.id === id));
  if (unknown.length > 0) throw new Error(`--only: no defect ${unknown.join(", ")}; the defects are ${DEFECTS.map((d) => d.id).join(", ")}`);
  if (git("status", "--porcelain", "--", "lib") !== "") throw new Error("lib/ has uncommitted changes: commit or stash them first, since defects are planted in lib/ and `git checkout lib/` must stay a safe way back");
  const chosen = DEFECTS.filter((d) => ONLY.length === 0 || ONLY.includes(d.id));
  const head = git("rev-parse", "--short", "HEAD");
  const suites = [{ label: `this checkout (${head})`, tree: REPO }];
  let worktree;
  if (AGAINST) {
    worktree = worktreeOf(AGAINST);
    suites.push({ label: `${AGAINST} (${git("rev-parse", "--short", AGAINST)})`, tree: worktree });
  }
  const started = new Date();
  const rows = [];
  try {
    for (const defect of chosen) {
      const verdicts = suites.map((suite) => {
        const result = judge(suite.tree, defect);
        log(`  ${defect.id} in ${suite.label}: ${result.failing.length} failing tests (${(result.wallMs / 1000).toFixed(0)} s)`);
        return result;
      });
      rows.push({ defect, verdicts });
    }
  } finally {
    if (worktree) {
      removeWorktree(worktree);
    }
  }
  fs.writeFileSync(OUT, report(suites, rows, started));
  log(`bench:defects: wrote ${path.relative(process.cwd(), OUT)}`);
  const missed = rows.filter((r) => r.verdicts[0].failing.length === 0);
  const lost = rows.filter((r) => r.verdicts[1] && r.verdicts[1].failing.some((t) => !r.verdicts[0].failing.includes(t)));
  if (missed.length > 0 || lost.length > 0) {
    log(`bench:defects: not caught: ${missed.map((r) => r.defect.id).join(", ") || "none"}; caught by fewer tests than before: ${lost.map((r) => r.defect.id).join(", ") || "none"}`);
    process.exitCode = 1;
  }
}

function report(suites, rows, started) {
  const [current, old] = suites;
  const md = [
    "# Planted defects: does the suite catch them?",
    "",
    `Written by \`npm run bench:defects\` (bench/planted-defects.js) on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC. One defect at a time is planted in lib/, the whole suite runs (without the package test, which proves packaging; every property test seeded with ${SEED}), and the failing tests are counted; a run that the global setup's synthesis already refuses counts as one failure of the whole suite.${old ? ` The same defect is planted in ${old.label} and judged by that suite; *kept* says whether every test that failed there fails here too.` : ""}`,
    "",
    `| defect | failing tests, ${current.label} |${old ? ` failing tests, ${old.label} | kept |` : ""} first failing tests here |`,
    `| --- | --- |${old ? " --- | --- |" : ""} --- |`,
  ];
  for (const { defect, verdicts } of rows) {
    const [now, then] = verdicts;
    const cell = (t) => t.replace(/`/g, "'").replace(/\|/g, "\\|").slice(0, 160);
    const kept = then ? (then.failing.every((t) => now.failing.includes(t)) ? "yes" : `**no**: ${then.failing.filter((t) => !now.failing.includes(t)).slice(0, 3).map(cell).join("; ")}`) : "";
    const first = [...now.failing.slice(0, 2).map((t) => `\`${cell(t)}\``), ...(now.detail ? [cell(now.detail.trim())] : [])].join("<br>") || "**none: not caught**";
    md.push(`| ${defect.what} | ${now.failing.length} |${then ? ` ${then.failing.length} | ${kept} |` : ""} ${first} |`);
  }
  md.push("", "Where each defect is planted: bench/planted-defects.js (`DEFECTS`).");
  return `${md.join("\n")}\n`;
}

main();
