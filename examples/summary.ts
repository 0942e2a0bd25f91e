import * as fs from "fs";
import * as path from "path";

interface StackJson {
  resource?: Record<string, Record<string, { "//"?: { metadata?: { path?: string } } }>>;
  data?: Record<string, Record<string, unknown>>;
  output?: Record<string, unknown>;
}

/** Per stack: resources grouped by the construct that made them (Network, Database, ...). */
export function summarize(outdir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  const lines: string[] = [];
  for (const [stackName, stack] of Object.entries(manifest.stacks)) {
    const file = path.join(outdir, stack.synthesizedStackPath);
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as StackJson;
    const byPart = new Map<string, number>();
    let total = 0;
    for (const blocks of Object.values(json.resource ?? {})) {
      for (const block of Object.values(blocks)) {
        // metadata.path is "<stack>/<composition>/<part>/..."; the part is the capability.
        const part = block["//"]?.metadata?.path?.split("/")[2] ?? "other";
        byPart.set(part, (byPart.get(part) ?? 0) + 1);
        total += 1;
      }
    }
    const dataSources = Object.values(json.data ?? {}).reduce((n, blocks) => n + Object.keys(blocks).length, 0);
    const parts = [...byPart.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([part, n]) => `${part} ${n}`).join(", ");
    lines.push(`${stackName}: ${total} resources (${parts}), ${dataSources} data sources, ${Object.keys(json.output ?? {}).length} outputs`);
    lines.push(`  -> ${path.relative(process.cwd(), file)}`);
  }
  return lines.join("\n");
}

export function printSummary(outdir: string): void {
  console.log(summarize(outdir));
}
