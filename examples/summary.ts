import * as fs from "fs";
import * as path from "path";

interface StackJson {
  resource?: Record<string, Record<string, { "//"?: { metadata?: { path?: string } } }>>;
  data?: Record<string, Record<string, unknown>>;
  output?: Record<string, unknown>;
}

export interface SynthesizedStack {
  readonly cloud: string;
  readonly stackName: string;
}

export interface StackSummary extends SynthesizedStack {
  readonly resources: number;
  /** Resources per capability: the construct below the composition that made them. */
  readonly byCapability: Readonly<Record<string, number>>;
  readonly dataSources: number;
  readonly outputs: number;
  readonly file: string;
}

/** Counts what one synthesized stack holds. */
export function summarizeStack(outdir: string, stack: SynthesizedStack): StackSummary {
  const file = path.join(outdir, "stacks", stack.stackName, "cdk.tf.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as StackJson;
  const byCapability: Record<string, number> = {};
  let resources = 0;
  for (const blocks of Object.values(json.resource ?? {})) {
    for (const block of Object.values(blocks)) {
      // metadata.path is "<stack>/<composition>/<capability>/..."; stack-level helpers
      // (the log bucket) have no composition segment.
      const segments = block["//"]?.metadata?.path?.split("/") ?? [];
      const capability = segments.length > 3 ? segments[2] : (segments[1] ?? "other");
      byCapability[capability] = (byCapability[capability] ?? 0) + 1;
      resources += 1;
    }
  }
  const dataSources = Object.values(json.data ?? {}).reduce((n, blocks) => n + Object.keys(blocks).length, 0);
  return { ...stack, resources, byCapability, dataSources, outputs: Object.keys(json.output ?? {}).length, file };
}

/** A table a person reads after `npm run synth`: one row per stack. */
export function formatSummary(summaries: readonly StackSummary[]): string {
  const rows = summaries.map((s) => [
    s.cloud,
    s.stackName,
    String(s.resources),
    Object.entries(s.byCapability)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([capability, n]) => `${capability} ${n}`)
      .join(", "),
    path.relative(process.cwd(), s.file),
  ]);
  const header = ["cloud", "stack", "resources", "by capability", "output"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
