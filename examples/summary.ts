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

/** Widest the capability column may be; longer lists wrap onto the next lines. */
const CAPABILITY_COLUMN_WIDTH = 56;

/**
 * A table a person reads after `npm run synth`: one row per stack, at most about 100
 * columns wide, and where the files went.
 */
export function formatSummary(summaries: readonly StackSummary[]): string {
  const rows = summaries.map((s) => [
    s.stackName,
    String(s.resources),
    wrap(
      Object.entries(s.byCapability)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([capability, n]) => `${capability} ${n}`),
      CAPABILITY_COLUMN_WIDTH,
    ),
  ]);
  const header = ["stack", "resources", "by capability"];
  const widths = [0, 1].map((i) => Math.max(header[i].length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join("  ").trimEnd();
  const body = rows.flatMap(([stack, resources, capabilities]) => (capabilities as string[]).map((part, i) => (i === 0 ? line([stack as string, resources as string, part]) : line(["", "", part]))));
  const folders = [...new Set(summaries.map((s) => path.relative(process.cwd(), path.dirname(path.dirname(s.file)))))];
  return [line(header), line([...widths.map((w) => "-".repeat(w)), "-".repeat(CAPABILITY_COLUMN_WIDTH)]), ...body, "", `Written to ${folders.join(", ")}/<stack>/cdk.tf.json`].join("\n");
}

/** Items joined with ", ", as lines of at most `width` characters. */
function wrap(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 2 + item.length + 1 <= width) lines[lines.length - 1] = `${last}, ${item}`;
    else lines.push(item);
  }
  return lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l));
}

/**
 * A line for each cloud built with the example's placeholder certificate, and for each placeholder
 * setting of a cloud's entry point (e.g. Alibaba Cloud's KMS instance), which must be replaced before a deploy.
 */
export function placeholderNotes(
  registrations: readonly { readonly name: string; readonly example: { readonly certificateId?: string; readonly cloudProps?: object } }[],
): string[] {
  return registrations.flatMap((r) => [
    ...(r.example.certificateId !== undefined ? [`note: ${r.name}'s certificate "${r.example.certificateId}" is a placeholder: set your own (lib/${r.name}/registration.ts)`] : []),
    ...Object.entries(r.example.cloudProps ?? {}).map(([setting, value]) => `note: ${r.name}'s ${setting} ${JSON.stringify(value)} is a placeholder: set your own (lib/${r.name}/registration.ts)`),
  ]);
}
