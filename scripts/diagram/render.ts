/*
 * Writes the pictures of a synthesized app: <outdir>/diagrams/<cloud>.svg for each cloud
 * and deployment.svg, from the stacks that cdktf's manifest lists, each beside the DOT
 * source it was drawn from. Graphviz runs as WebAssembly (@viz-js/viz, a devDependency:
 * no native build, no install script, no network), so the library gains no dependency.
 *
 * A picture whose DOT source (renderer version included) is the one already written is
 * not drawn again, so a synth that changes nothing drawn never loads Graphviz.
 */
import * as fs from "fs";
import * as path from "path";
import { toDot, View, viewsOf } from "./dot";
import { buildDeployment, StackInput, TerraformJson } from "./model";

/** The stacks of the last synth into `outdir`, as its manifest.json lists them. */
export function readStacks(outdir: string): StackInput[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { name: string; synthesizedStackPath: string }>;
  };
  return Object.values(manifest.stacks).map((stack) => ({
    name: stack.name,
    json: JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), "utf8")) as TerraformJson,
  }));
}

export interface Picture {
  readonly view: View;
  /** The DOT source, headed by the renderer's name and version. */
  readonly dot: string;
  readonly svg: string;
}

/** "@viz-js/viz <version>", read from its package.json without loading it. */
export function rendererVersion(): string {
  const entry = require.resolve("@viz-js/viz");
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/**
 * The pictures of the stacks: one per cloud, then the whole deployment. `drawnBefore`
 * returns the SVG already drawn from exactly this DOT source, if there is one.
 */
export async function drawStacks(stacks: readonly StackInput[], drawnBefore: (name: string, dot: string) => string | undefined = () => undefined): Promise<Picture[]> {
  const header = `// ${rendererVersion()}\n`;
  const sources = viewsOf(buildDeployment(stacks)).map((view) => ({ view, dot: header + toDot(view) }));
  const before = sources.map((s) => drawnBefore(s.view.name, s.dot));
  // Loaded only when something is to be drawn: the WebAssembly costs about 0.1 s.
  const viz = before.some((svg) => svg === undefined) ? await (await import("@viz-js/viz")).instance() : undefined;
  return sources.map((s, i) => ({ ...s, svg: before[i] ?? (viz as NonNullable<typeof viz>).renderString(s.dot, { format: "svg", engine: "dot" }) }));
}

/**
 * Writes `<dir>/<view>.svg` and `<dir>/<view>.dot` for each picture of the stacks
 * synthesized into `outdir`, and removes the pictures an earlier run left in `dir`
 * (another cloud's after `BOOKSTORE_CLOUDS=aws`). Returns the SVG files' paths.
 */
export async function writeDiagrams(outdir: string, dir = path.join(outdir, "diagrams")): Promise<string[]> {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined);
  const pictures = await drawStacks(readStacks(outdir), (name, dot) => (read(path.join(dir, `${name}.dot`)) === dot ? read(path.join(dir, `${name}.svg`)) : undefined));
  fs.mkdirSync(dir, { recursive: true });
  const names = new Set(pictures.map((p) => p.view.name));
  for (const entry of fs.readdirSync(dir)) {
    const [name, extension] = [path.basename(entry, path.extname(entry)), path.extname(entry)];
    if ((extension === ".svg" || extension === ".dot") && !names.has(name)) fs.rmSync(path.join(dir, entry));
  }
  for (const p of pictures) {
    fs.writeFileSync(path.join(dir, `${p.view.name}.dot`), p.dot);
    fs.writeFileSync(path.join(dir, `${p.view.name}.svg`), p.svg);
  }
  return pictures.map((p) => path.join(dir, `${p.view.name}.svg`));
}
