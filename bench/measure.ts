// Runs a command as a whole process and measures its wall time and peak memory.
//
// Peak memory is the maximum resident set size and CPU time is user + system time: from
// GNU `/usr/bin/time -f "%M %U %S"` when it is installed (the largest RSS of the process or
// any descendant it waited for; CPU of all of them), otherwise from report-rss.js,
// preloaded into every Node process of the command through NODE_OPTIONS, which appends
// each process's `process.resourceUsage()` to a file (largest RSS, summed CPU).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface Sample {
  wallMs: number;
  /** Peak resident set size in KiB; undefined when it could not be measured. */
  maxRssKiB: number | undefined;
  /** User + system CPU time in ms (all processes of the command); undefined when unknown. */
  cpuMs: number | undefined;
  status: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
let gnuTime: boolean | undefined;

/** Whether GNU time (with -f and -o) is usable here. */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" }).status === 0;
  }
  return gnuTime;
}

export function memorySource(): string {
  return hasGnuTime()
    ? "`/usr/bin/time` (%M maximum resident set size; %U + %S CPU)"
    : "`process.resourceUsage()` of each Node process of the command, reported by a preloaded hook (largest maxRSS; CPU summed)";
}

/** Runs `command args` once and measures it. */
export function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Sample {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-rss-"));
  const rssFile = path.join(tmp, "rss");
  let env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", ...options.env };
  let argv: [string, string[]];
  if (hasGnuTime()) {
    argv = [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, command, ...args]];
  } else {
    const hook = path.join(__dirname, "report-rss.js");
    env = { ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${hook}`.trim() };
    argv = [command, args];
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv[1], { env, cwd: options.cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  // One line per process: "<maxRSS KiB> <user s> <system s>" (GNU time writes one line for
  // the whole command; the hook one per Node process).
  let maxRssKiB: number | undefined;
  let cpuMs: number | undefined;
  if (fs.existsSync(rssFile)) {
    for (const line of fs.readFileSync(rssFile, "utf8").split("\n")) {
      const [rss, user, sys] = line.trim().split(/\s+/).map(Number);
      if (!Number.isFinite(rss) || rss <= 0) continue;
      maxRssKiB = Math.max(maxRssKiB ?? 0, rss);
      if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (cpuMs ?? 0) + (user + sys) * 1000;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  if (result.error) throw result.error;
  return { wallMs, maxRssKiB, cpuMs, status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** Total size in bytes of the files below `dir`. */
export function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? treeBytes(full) : fs.statSync(full).size;
  }
  return total;
}
