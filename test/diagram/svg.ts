/** What a Graphviz SVG shows: its nodes (their <title> and visible text) and its edges. */
export interface SvgNode {
  readonly title: string;
  readonly texts: readonly string[];
  readonly tooltip?: string;
}

export interface SvgPicture {
  readonly nodes: readonly SvgNode[];
  /** Edges as "from->to" by node title. */
  readonly edges: readonly string[];
  /** Every visible text, clusters' labels included. */
  readonly texts: readonly string[];
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The picture an SVG written by Graphviz shows. */
export function readSvg(svg: string): SvgPicture {
  const groups = svg.split(/(?=<g id="[a-z]+\d+" class="(?:node|edge|cluster)">)/);
  const nodes: SvgNode[] = [];
  const edges: string[] = [];
  for (const group of groups) {
    const kind = /^<g id="[a-z]+\d+" class="(node|edge|cluster)">/.exec(group)?.[1];
    const title = /<title>([^<]*)<\/title>/.exec(group)?.[1];
    if (kind === undefined || title === undefined) continue;
    if (kind === "node") {
      const tooltip = /xlink:title="([^"]*)"/.exec(group)?.[1];
      nodes.push({ title: decode(title), texts: [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1])), ...(tooltip === undefined ? {} : { tooltip: decode(tooltip) }) });
    }
    if (kind === "edge") edges.push(decode(title));
  }
  return { nodes, edges, texts: [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1])) };
}
