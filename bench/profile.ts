// Where the time goes: runs a program once under `node --cpu-prof` and splits its CPU
// samples into phases by their call stacks:
//   other         Node's bootstrap, idle time, anything with no module frame on the stack
//   load          require() of modules below the main one (reading, compiling, running
//                 module bodies: cdktf, provider bindings, the library's files)
//   construct     the main module's body outside app.synth(): building the construct tree
//   validate      app.synth() running the constructs' validations (the library's policy
//                 checks are one)
//   synth         the rest of app.synth(): aspects, resolving tokens, writing JSON
//   gc            garbage collection
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export const PHASES = ["other", "load", "construct", "validate", "synth", "gc"] as const;
export type Phase = (typeof PHASES)[number];

export interface ProfileSummary {
  totalMs: number;
  phases: Record<Phase, number>;
  /** The library's own functions (dist-bench/lib), by inclusive time, largest first. */
  libraryFunctions: Array<{ name: string; ms: number }>;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, "").replace(/^.*dist-bench\//, "");
  return `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
}

export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const phaseCache = new Map<number, Phase>();
  const phaseOf = (id: number): Phase => {
    const cached = phaseCache.get(id);
    if (cached) return cached;
    let loads = 0;
    let inSynth = false;
    let inValidate = false;
    let gc = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { functionName, url } = byId.get(cur)!.callFrame;
      if (functionName === "(garbage collector)") gc = true;
      if (functionName === "Module._load") loads++;
      if (loads === 0 && /cdktf\/lib\/app\.js$/.test(url) && functionName === "synth") inSynth = true;
      if (loads === 0 && functionName === "runAllValidations") inValidate = true;
    }
    const phase: Phase = gc ? "gc" : loads >= 2 ? "load" : loads === 0 ? "other" : inSynth ? (inValidate ? "validate" : "synth") : "construct";
    phaseCache.set(id, phase);
    return phase;
  };

  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const libraryInclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i];
    total += ms;
    phases[phaseOf(id)] += ms;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)!;
      if (!node.callFrame.url.includes("dist-bench/lib/") || node.callFrame.functionName === "") continue;
      const name = frameName(node);
      if (seen.has(name)) continue;
      seen.add(name);
      libraryInclusive.set(name, (libraryInclusive.get(name) ?? 0) + ms);
    }
  }
  const libraryFunctions = [...libraryInclusive].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, phases, libraryFunctions };
}

/** Runs `script` once under --cpu-prof (output to a temporary folder) and summarizes it. */
export function profileScript(script: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): ProfileSummary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-prof-"));
  const outdir = path.join(dir, "out");
  const result = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=250", script, ...args], {
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`profiling ${script} failed:\n${result.stderr}`);
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile written for ${script}`);
  const summary = summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile);
  fs.rmSync(dir, { recursive: true, force: true });
  return summary;
}
