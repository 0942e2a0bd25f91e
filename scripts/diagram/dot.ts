/*
 * A deployment model (model.ts) as Graphviz DOT: one picture per cloud and one of the
 * whole deployment. Pure and deterministic (sorted input, no dates), so the SVG written
 * from the same stacks is the same file.
 *
 * Each cloud is a box, each network a box inside it holding what runs in it; DNS records
 * of a global domain stack sit outside the clouds. A node is a drawn resource: its role,
 * the service, its construct path (the name the tests look for) and a few literal facts;
 * its Terraform address is the node's SVG <title> and its tooltip.
 */
import { Connection, ConnectionKind, Deployment, DrawnResource, StackInfo } from "./model";
import { CLOUDS, Role, RoleGroup, ROLES } from "./roles";

export interface View {
  /** File name without extension: the cloud's provider name, or "deployment". */
  readonly name: string;
  readonly title: string;
  readonly stacks: readonly StackInfo[];
  readonly resources: readonly DrawnResource[];
  readonly connections: readonly Connection[];
}

/** The clouds the deployment's stacks are on, in the order of their first stack. */
export function cloudsOf(deployment: Deployment): string[] {
  return [...new Set(deployment.stacks.filter((s) => !s.global && s.cloud !== undefined).map((s) => s.cloud as string))];
}

/** One cloud's stacks, and the DNS records of global stacks that point into them. */
export function cloudView(deployment: Deployment, cloud: string): View {
  const stacks = deployment.stacks.filter((s) => !s.global && s.cloud === cloud);
  const names = new Set(stacks.map((s) => s.name));
  const own = new Set(deployment.resources.filter((r) => names.has(r.stack)).map((r) => r.id));
  const dns = new Set(deployment.connections.filter((c) => own.has(c.to) && !own.has(c.from)).map((c) => c.from));
  const globalStacks = deployment.stacks.filter((s) => s.global && deployment.resources.some((r) => r.stack === s.name && dns.has(r.id)));
  const shown = new Set([...own, ...dns]);
  return {
    name: cloud,
    title: `${cloudTitle(cloud)}: front doors, compute and data stores`,
    stacks: [...globalStacks, ...stacks],
    resources: deployment.resources.filter((r) => shown.has(r.id)),
    connections: deployment.connections.filter((c) => shown.has(c.from) && shown.has(c.to)),
  };
}

/** Every stack of the deployment. */
export function deploymentView(deployment: Deployment): View {
  const clouds = cloudsOf(deployment).map(cloudTitle);
  return { name: "deployment", title: `Deployment on ${clouds.join(", ") || "no cloud"}`, ...deployment };
}

/** Every picture of a deployment: one per cloud, then the whole deployment. */
export function viewsOf(deployment: Deployment): View[] {
  return [...cloudsOf(deployment).map((cloud) => cloudView(deployment, cloud)), deploymentView(deployment)];
}

function cloudTitle(cloud: string): string {
  return CLOUDS[cloud]?.title ?? cloud;
}

// One family name: Graphviz measures text by it (a list such as "Helvetica,Arial" is
// measured as Times, and labels overflow their boxes); viewers without Helvetica use
// their metric-compatible substitute (Arial, Liberation Sans).
const FONT = "Helvetica";

/** The view as a DOT digraph. */
export function toDot(view: View): string {
  const lines: string[] = [];
  const byId = new Map(view.resources.map((r) => [r.id, r]));
  const incoming = (id: string) => view.connections.filter((c) => c.to === id);
  const node = (r: DrawnResource, indent: string) => lines.push(`${indent}${quote(r.id)} [${attributes(nodeAttributes(r, incoming(r.id)))}];`);

  lines.push(`digraph ${quote(view.name)} {`);
  lines.push(`  graph [${attributes({ rankdir: "LR", fontname: FONT, fontsize: "12", labelloc: "t", labeljust: "l", nodesep: "0.3", ranksep: "0.7", newrank: "true", label: html(graphLabel(view)) })}];`);
  lines.push(`  node [${attributes({ fontname: FONT, fontsize: "10", style: "filled", color: "#607d8b", margin: "0.16,0.06" })}];`);
  lines.push(`  edge [${attributes({ fontname: FONT, fontsize: "9", color: "#455a64", arrowsize: "0.7" })}];`);

  let cluster = 0;
  // Global stacks (a domain's DNS records) first, then each cloud with its networks.
  for (const stack of view.stacks.filter((s) => s.global)) {
    const records = view.resources.filter((r) => r.stack === stack.name);
    if (records.length === 0) continue;
    lines.push(`  subgraph ${quote(`cluster_${cluster++}`)} {`);
    lines.push(`    graph [${attributes({ label: html(`<b>DNS</b><br/><font point-size="9">${escape(`${services(records)} · stack: ${stack.name}`)}</font>`), style: "rounded", color: "#7e57c2" })}];`);
    for (const r of records) node(r, "    ");
    lines.push("  }");
  }
  const cloudStacks = view.stacks.filter((s) => !s.global);
  for (const cloud of [...new Set(cloudStacks.map((s) => s.cloud))]) {
    const stacks = cloudStacks.filter((s) => s.cloud === cloud);
    const names = new Set(stacks.map((s) => s.name));
    const members = view.resources.filter((r) => names.has(r.stack) && r.role !== Role.NETWORK);
    const networks = view.resources.filter((r) => names.has(r.stack) && r.role === Role.NETWORK);
    const indent = cloud === undefined ? "  " : "    ";
    if (cloud !== undefined) {
      const regions = [...new Set(stacks.map((s) => s.region).filter((r): r is string => r !== undefined))];
      const label = `<b>${escape(cloudTitle(cloud))}</b><br/><font point-size="9">${escape([...regions, `stacks: ${stacks.map((s) => s.name).join(", ")}`].join(" · "))}</font>`;
      lines.push(`  subgraph ${quote(`cluster_${cluster++}`)} {`);
      lines.push(`    graph [${attributes({ label: html(label), style: "rounded", color: "#37474f", penwidth: "1.5" })}];`);
    }
    for (const network of networks) {
      lines.push(`${indent}subgraph ${quote(`cluster_${cluster++}`)} {`);
      const label = `<b>${escape(ROLES[Role.NETWORK].title)}</b><br/>${escape(network.name)}<br/><font point-size="9" color="#37474f">${[network.service, ...network.details].map(escape).join(" · ")}</font>`;
      lines.push(`${indent}  graph [${attributes({ label: html(label), style: "dashed,rounded", color: "#90a4ae", tooltip: `${network.address} in ${network.stack}` })}];`);
      for (const r of members.filter((m) => m.network === network.id)) node(r, `${indent}  `);
      lines.push(`${indent}}`);
    }
    for (const r of members.filter((m) => m.network === undefined || !networks.some((n) => n.id === m.network))) node(r, indent);
    if (cloud !== undefined) lines.push("  }");
  }

  for (const c of view.connections) {
    if (!byId.has(c.from) || !byId.has(c.to)) continue;
    lines.push(`  ${quote(c.from)} -> ${quote(c.to)} [${attributes(edgeAttributes(c, byId))}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function graphLabel(view: View): string {
  return `<b>${escape(view.title)}</b><br/><font point-size="9">drawn from the synthesized stacks · solid arrow: requests · dotted: runs on · dashed: logs</font>`;
}

function services(records: readonly DrawnResource[]): string {
  return [...new Set(records.map((r) => r.service))].join(", ");
}

function nodeAttributes(r: DrawnResource, incoming: readonly Connection[]): Record<string, string | Html> {
  const role = ROLES[r.role];
  // A bucket that only receives logs is a log bucket.
  const title = r.role === Role.BUCKET && incoming.length > 0 && incoming.every((c) => c.kind === ConnectionKind.LOGS) ? "Log bucket" : role.title;
  const facts = [r.service, ...r.details].map(escape).join(" · ");
  const lines = [`<b>${escape(title)}</b>`, escape(r.name), `<font point-size="9" color="#37474f">${facts}</font>`];
  const parts = r.parts > 0 ? ` and ${r.parts} supporting resource${r.parts === 1 ? "" : "s"}` : "";
  return {
    label: html(lines.join("<br/>")),
    shape: role.shape,
    fillcolor: role.fill,
    penwidth: role.group === RoleGroup.FRONT_DOOR || role.group === RoleGroup.DATA_STORE ? "1.4" : "1",
    tooltip: `${r.address} in ${r.stack}${parts}`,
  };
}

function edgeAttributes(c: Connection, byId: Map<string, DrawnResource>): Record<string, string> {
  const from = byId.get(c.from) as DrawnResource;
  const to = byId.get(c.to) as DrawnResource;
  const tooltip = `${from.name} (${from.stack}) → ${to.name} (${to.stack})`;
  switch (c.kind) {
    case ConnectionKind.LOGS:
      return { style: "dashed", color: "#9e9e9e", fontcolor: "#757575", label: "logs", tooltip };
    case ConnectionKind.RUNS:
      return { style: "dotted", label: "runs", tooltip };
    default:
      return from.role === Role.DNS_RECORD ? { color: "#7e57c2", penwidth: "1.3", tooltip } : { tooltip };
  }
}

/** An HTML-like label, its text already escaped. */
interface Html {
  readonly html: string;
}

function attributes(values: Record<string, string | Html>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${typeof value === "string" ? quote(value) : `<${value.html}>`}`)
    .join(", ");
}

function html(text: string): Html {
  return { html: text };
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Text for an HTML-like label. */
export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
