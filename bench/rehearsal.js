#!/usr/bin/env node
/*
 * `npm run bench:rehearse`: what the local control plane took to build (the build records
 * that scripts/rehearse/build-control-plane.js keeps beside the binaries) and what one
 * `npm run rehearse -- --plant all` takes, written to bench/REHEARSAL.md (and the run's own
 * record to bench/rehearsal.json). Fails when the rehearsal cannot run or does not pass.
 *
 * Usage: node bench/rehearsal.js [--out FILE]
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { layout } = require("../scripts/rehearse/build-control-plane");

const ROOT = path.join(__dirname, "..");

function main(argv = process.argv.slice(2)) {
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : path.join(__dirname, "REHEARSAL.md");
  const record = path.join(path.dirname(out), "rehearsal.json");
  // Written to a scratch file first, so a failed run leaves the committed record as it was.
  const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-rehearsal-")), "rehearsal.json");
  const loadBefore = os.loadavg()[0];
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "rehearse", "rehearse.js"), "--require", "--plant", "all", "--record", scratch], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 60 * 60 * 1000,
  });
  process.stdout.write(run.stdout || "");
  if (run.status !== 0) {
    console.error(`bench:rehearse: the rehearsal did not pass (exit ${run.status}); ${out} left as it was`);
    return 1;
  }
  fs.copyFileSync(scratch, record);
  fs.rmSync(path.dirname(scratch), { recursive: true, force: true });
  const result = JSON.parse(fs.readFileSync(record, "utf8"));
  const builds = Object.values(layout().components)
    .map((component) => path.join(component.dir, "build.json"))
    .filter((file) => fs.existsSync(file))
    .map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
  const row = (cells) => `| ${cells.join(" | ")} |`;
  const lines = [
    "# The rehearsal's build and run",
    "",
    `Written by \`npm run bench:rehearse\` (bench/rehearsal.js) on ${result.startedAt.slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version}, load average ${loadBefore.toFixed(1)} before the run. See docs/rehearsal.md.`,
    "",
    "## Building the local control plane (once per machine, cached outside the repository)",
    "",
    row(["component", "version", "wall", "CPU", "largest process", "Go", "built"]),
    row(["---", "---", "---", "---", "---", "---", "---"]),
    ...builds.map((b) => row([b.component, b.version, `${b.wallSeconds} s`, `${b.cpuSeconds} s`, `${b.peakMemoryMiB} MiB`, b.go.replace(/^go version /, ""), b.builtAt.slice(0, 10)])),
    "",
    "Wall time depends on what else runs: the builds run under `nice -n 10` on a shared machine.",
    "",
    "## One `npm run rehearse -- --plant all`",
    "",
    `Total ${result.totalSeconds} s: synth of the three clouds ${result.synthSeconds} s, control plane ready in ${result.controlPlane.readySeconds} s.`,
    "",
    row(["run", "deploy", "destroy", "result"]),
    row(["---", "---", "---", "---"]),
    ...Object.entries(result.clouds).map(([cloud, o]) => row([`\`deploy 'bookstore-${cloud}*'\``, `${o.timings.deploySeconds} s`, `${o.timings.destroySeconds} s`, o.failures.length ? "failed" : "passed"])),
    ...Object.entries(result.plants).map(([name, p]) => row([`planted ${name}`, `${p.timings.deploySeconds} s`, `${p.timings.destroySeconds} s`, p.caught ? `caught: ${p.caught.replace(/\|/g, "\\|")}` : "NOT caught"])),
    "",
    "Memory of the control plane's processes (MiB resident, when ready / peak over the run):",
    "",
    row(["process", "ready", "peak"]),
    row(["---", "---", "---"]),
    ...Object.entries(result.controlPlane.residentMiB).map(([name, mib]) => row([name, String(mib), String((result.controlPlane.peakMiB || {})[name] ?? "?")])),
    "",
  ];
  fs.writeFileSync(out, lines.join("\n"));
  console.log(`bench:rehearse: wrote ${path.relative(ROOT, out)} and ${path.relative(ROOT, record)}`);
  return 0;
}

process.exitCode = main();
