/*
 * What a deployment is made of, read from its synthesized stacks (cdk.tf.json): the
 * resources a picture draws (roles.ts), the supporting resources each stands for, and
 * the connections between them. Pure: JSON in, a model out.
 *
 * - A supporting resource belongs to the drawn resource made by the same construct: the
 *   one whose construct scope (its path without a trailing `Resource`, or its parent's
 *   path) is the longest prefix of the supporting resource's path; when two drawn
 *   resources share that scope, it belongs to neither.
 * - A connection is a reference, from a drawn resource or one of its parts, to another
 *   drawn resource or one of its parts: `${aws_lb.X.dns_name}` in a CDN's origin. Across
 *   stacks through `terraform_remote_state` outputs; through data sources that read a
 *   resource of their own type, or of the singular of theirs, by its arguments
 *   (`data.aws_eks_cluster` by `name`, `data.tencentcloud_cdn_domains` by `domain`); and
 *   through the provider block a resource is created with (the kubernetes provider of a
 *   workloads stack reads its cluster, so the pods run on that cluster).
 * - A connection points from the viewer's side to the data's (roles.ts `tier`): DNS ->
 *   CDN -> load balancer -> cluster -> VMs and pods -> data stores, whichever of the two
 *   holds the reference. A reference under an argument named for logs (`logging_config`,
 *   `access_logs`) or from a resource named for them (`aws_s3_bucket_logging`) is a log
 *   delivery, drawn apart; data stores send each other nothing else.
 * - A drawn resource that refers to a network is drawn in it; pods sit in their cluster's.
 */
import { Block, CLOUDS, RESOURCE_KINDS, Role, RoleGroup, ROLES, roleOf } from "./roles";
import { Reference, referencesIn } from "./references";

/** The parts of a synthesized stack the model reads. */
export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Block>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, Block>>>>;
  readonly output?: Readonly<Record<string, { readonly value?: unknown }>>;
  readonly provider?: Readonly<Record<string, readonly Block[]>>;
  readonly terraform?: { readonly backend?: Readonly<Record<string, unknown>> };
}

export interface StackInput {
  readonly name: string;
  readonly json: TerraformJson;
}

export interface StackInfo {
  readonly name: string;
  /** The cloud (provider local name, CLOUDS) whose types the stack uses most. */
  readonly cloud?: string;
  readonly region?: string;
  /** True for a stack that holds DNS records and nothing else drawn (a global domain). */
  readonly global: boolean;
}

export interface DrawnResource {
  /** `<stack>/<type>.<name>`: unique in a deployment. */
  readonly id: string;
  readonly stack: string;
  /** The Terraform address in its stack, `<type>.<name>`. */
  readonly address: string;
  readonly type: string;
  readonly role: Role;
  readonly service: string;
  /** The construct path below the stack, without a trailing `Resource`. */
  readonly name: string;
  readonly details: readonly string[];
  /** Supporting resources drawn as part of this one. */
  readonly parts: number;
  /** The id of the network it is drawn in. */
  readonly network?: string;
}

export enum ConnectionKind {
  /** Requests or reads: a CDN's origin, an application's database. */
  REQUEST = "request",
  /** A cluster running pods (through the provider the pods are created with). */
  RUNS = "runs",
  /** Log delivery, e.g. access logs into a bucket. */
  LOGS = "logs",
}

export interface Connection {
  readonly from: string;
  readonly to: string;
  readonly kind: ConnectionKind;
}

export interface Deployment {
  readonly stacks: readonly StackInfo[];
  readonly resources: readonly DrawnResource[];
  readonly connections: readonly Connection[];
}

interface IndexedBlock {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly isData: boolean;
  readonly block: Block;
  readonly path: readonly string[];
  /** Resource blocks only: the provider configuration it is created with. */
  readonly provider?: Block;
}

const KIND_PRECEDENCE: readonly ConnectionKind[] = [ConnectionKind.RUNS, ConnectionKind.REQUEST, ConnectionKind.LOGS];
/** An argument or a resource type named for logs: `access_logs`, `logging_config`, `aws_s3_bucket_logging`. */
const LOGS = /(^|_)(log|logs|logging)(_|$)/;

/** The model of the deployment the stacks make up. */
export function buildDeployment(inputs: readonly StackInput[]): Deployment {
  const stacks = new Map(inputs.map((s) => [s.name, s] as const));
  const blocks = new Map<string, IndexedBlock>();
  for (const input of inputs) for (const block of blocksOf(input)) blocks.set(key(block.stack, block.address), block);

  const drawn = [...blocks.values()].filter((b) => !b.isData && roleOf(b.type) !== undefined);
  const owners = ownersOf([...blocks.values()], drawn);

  const resolving = new Set<string>();
  /** The drawn resources a reference from a block of `stack` leads to. */
  const resolve = (stack: string, ref: Reference): string[] => {
    const visit = `${stack}|${ref.address}|${ref.output ?? ""}`;
    if (resolving.has(visit)) return [];
    resolving.add(visit);
    try {
      if (ref.output !== undefined) {
        const origin = originOf(stacks, stack, ref);
        if (origin === undefined) return [];
        return referencesIn(origin.json.output?.[ref.output]?.value).flatMap((r) => resolve(origin.name, r));
      }
      const target = blocks.get(key(stack, ref.address));
      if (target === undefined) return [];
      const own = owners.get(key(stack, ref.address));
      if (own !== undefined) return [own];
      if (!target.isData) return [];
      // A data source reads what its own references lead to, or a resource of its type
      // with the same arguments (data.aws_eks_cluster { name } reads aws_eks_cluster { name }):
      // the drawn resource that owns it, or what that resource refers to (a parameter that
      // publishes a CDN's host name leads to the CDN).
      const read = referencesIn(target.block).flatMap((r) => resolve(stack, r));
      const same = sameArguments(target, readableBy(blocks, target.type)).flatMap((b) => {
        const owner = owners.get(key(b.stack, b.address));
        return owner !== undefined ? [owner] : referencesIn(b.block).flatMap((r) => resolve(b.stack, r));
      });
      return [...read, ...same];
    } finally {
      resolving.delete(visit);
    }
  };

  const links = new Map<string, Connection>();
  for (const block of blocks.values()) {
    const from = owners.get(key(block.stack, block.address));
    if (from === undefined) continue;
    const found = [
      ...referencesIn(block.block).map((ref) => ({ ref, kind: LOGS.test(block.type) || ref.argument.some((a) => LOGS.test(a)) ? ConnectionKind.LOGS : ConnectionKind.REQUEST })),
      ...referencesIn(block.provider ?? {}).map((ref) => ({ ref, kind: ConnectionKind.RUNS })),
    ];
    for (const { ref, kind } of found) {
      for (const to of resolve(block.stack, ref)) {
        if (to === from) continue;
        const link = { from, to, kind };
        const linkKey = `${from}|${to}`;
        const seen = links.get(linkKey);
        if (seen === undefined || KIND_PRECEDENCE.indexOf(kind) < KIND_PRECEDENCE.indexOf(seen.kind)) links.set(linkKey, link);
      }
    }
  }

  const roles = new Map(drawn.map((b) => [key(b.stack, b.address), roleOf(b.type) as Role]));
  const networks = networksOf([...links.values()], roles);
  // Data stores send each other no requests: a reference between two (a log bucket's
  // policy naming the bucket it takes logs from) is drawn only as the log delivery it is.
  const isDataStore = (id: string) => ROLES[roles.get(id) as Role].group === RoleGroup.DATA_STORE;
  const drawnLinks = [...links.values()].filter((l) => roles.get(l.from) !== Role.NETWORK && roles.get(l.to) !== Role.NETWORK && !(l.kind === ConnectionKind.REQUEST && isDataStore(l.from) && isDataStore(l.to)));
  const connections = orient(drawnLinks, roles);

  const resources: DrawnResource[] = drawn.map((b) => {
    const id = key(b.stack, b.address);
    const kind = RESOURCE_KINDS[b.type];
    const parts = [...blocks.values()].filter((p) => !p.isData && p !== b && owners.get(key(p.stack, p.address)) === id).length;
    const details = (kind.details?.(b.block) ?? []).filter((d): d is string => d !== undefined);
    const network = networks.get(id);
    return { id, stack: b.stack, address: b.address, type: b.type, role: kind.role, service: kind.service, name: displayName(b), details, parts, ...(network === undefined ? {} : { network }) };
  });
  resources.sort((a, b) => compare(a.id, b.id));

  const stackInfos = withReadClouds(inputs, inputs.map((input) => stackInfo(input, resources.filter((r) => r.stack === input.name))));
  return { stacks: stackInfos, resources, connections };
}

function key(stack: string, address: string): string {
  return `${stack}/${address}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function blocksOf(input: StackInput): IndexedBlock[] {
  const found: IndexedBlock[] = [];
  const providers = input.json.provider ?? {};
  for (const [isData, group] of [[false, input.json.resource], [true, input.json.data]] as const) {
    for (const [type, named] of Object.entries(group ?? {})) {
      for (const [name, block] of Object.entries(named)) {
        const address = `${isData ? "data." : ""}${type}.${name}`;
        const path = metadataPath(block) ?? [input.name, address];
        found.push({ stack: input.name, address, type, isData, block, path, ...(isData ? {} : providerOf(providers, type, block)) });
      }
    }
  }
  return found;
}

function metadataPath(block: Block): string[] | undefined {
  const meta = block["//"] as { metadata?: { path?: unknown } } | undefined;
  const path = meta?.metadata?.path;
  return typeof path === "string" ? path.split("/") : undefined;
}

/** The provider configuration a resource is created with: its `provider` alias, or the default. */
function providerOf(providers: Readonly<Record<string, readonly Block[]>>, type: string, block: Block): { provider?: Block } {
  const chosen = typeof block.provider === "string" ? block.provider : type.split("_")[0];
  const [name, alias] = chosen.split(".");
  const config = (providers[name] ?? []).find((p) => (alias === undefined ? p.alias === undefined : p.alias === alias));
  return config === undefined ? {} : { provider: config };
}

/** The construct scope a drawn resource's construct made it in (the stack alone is no scope). */
function scopeOf(block: IndexedBlock): readonly string[] {
  return block.path.slice(0, -1);
}

/**
 * Each block's drawn resource (itself, for a drawn one): the drawn resource of the same
 * stack whose construct scope is the longest prefix of the block's path, if only one has it.
 */
function ownersOf(all: readonly IndexedBlock[], drawn: readonly IndexedBlock[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const d of drawn) owners.set(key(d.stack, d.address), key(d.stack, d.address));
  for (const block of all) {
    const id = key(block.stack, block.address);
    if (owners.has(id)) continue;
    let best: IndexedBlock[] = [];
    let bestLength = 0;
    for (const d of drawn) {
      if (d.stack !== block.stack) continue;
      const scope = scopeOf(d);
      if (scope.length <= 1 || scope.length < bestLength || !isPrefix(scope, block.path)) continue;
      if (scope.length > bestLength) best = [];
      bestLength = scope.length;
      best.push(d);
    }
    if (best.length === 1) owners.set(id, key(best[0].stack, best[0].address));
  }
  return owners;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * Resource blocks of the type a data source reads: its own (`data.aws_eks_cluster`), or the
 * singular of a list data source's (`data.tencentcloud_cdn_domains` reads `tencentcloud_cdn_domain`).
 */
function readableBy(blocks: Map<string, IndexedBlock>, type: string): IndexedBlock[] {
  const types = type.endsWith("s") ? [type, type.slice(0, -1)] : [type];
  return [...blocks.values()].filter((b) => !b.isData && types.includes(b.type));
}

/**
 * The one resource that has a literal argument of the data source (at least one) and
 * agrees with it on each it has: a data source's own arguments (`region`, `enable_details`)
 * are not the resource's.
 */
function sameArguments(data: IndexedBlock, candidates: readonly IndexedBlock[]): IndexedBlock[] {
  const literals = Object.entries(data.block).filter(([name, value]) => name !== "//" && (typeof value === "string" || typeof value === "number") && !String(value).includes("${"));
  if (literals.length === 0) return [];
  const matches = candidates.filter((c) => literals.some(([name]) => name in c.block) && literals.every(([name, value]) => !(name in c.block) || c.block[name] === value));
  return matches.length === 1 ? matches : [];
}

/**
 * The stack a `terraform_remote_state` output is read from: the one stack that has that
 * output, or of several the one whose backend the data source reads.
 */
function originOf(stacks: Map<string, StackInput>, reader: string, ref: Reference): StackInput | undefined {
  const output = ref.output as string;
  const candidates = [...stacks.values()].filter((s) => s.json.output?.[output] !== undefined);
  if (candidates.length <= 1) return candidates[0];
  const [, name] = ref.address.split(".").slice(1);
  const remote = stacks.get(reader)?.json.data?.terraform_remote_state?.[name];
  if (remote === undefined) return undefined;
  const wanted = JSON.stringify(remote.config ?? {});
  const matching = candidates.filter((s) => JSON.stringify(s.json.terraform?.backend?.[String(remote.backend)] ?? null) === wanted);
  return matching.length === 1 ? matching[0] : undefined;
}

/** The network each drawn resource is in: the one it (or a part) refers to; pods in their cluster's. */
function networksOf(links: readonly Connection[], roles: Map<string, Role>): Map<string, string> {
  const networks = new Map<string, string>();
  const sorted = [...links].sort((a, b) => compare(`${a.from}|${a.to}`, `${b.from}|${b.to}`));
  for (const { from, to } of sorted) {
    for (const [member, network] of [[from, to], [to, from]]) {
      if (roles.get(network) === Role.NETWORK && roles.get(member) !== Role.NETWORK && !networks.has(member)) networks.set(member, network);
    }
  }
  for (const { from, to, kind } of sorted) {
    if (kind !== ConnectionKind.RUNS) continue;
    const [cluster, pods] = roles.get(from) === Role.CLUSTER ? [from, to] : [to, from];
    const network = networks.get(cluster);
    if (network !== undefined && !networks.has(pods)) networks.set(pods, network);
  }
  return networks;
}

/** Connections pointing from the viewer's side to the data's; duplicates merged. */
function orient(links: readonly Connection[], roles: Map<string, Role>): Connection[] {
  const tier = (id: string) => ROLES[roles.get(id) as Role].tier ?? 0;
  const merged = new Map<string, Connection>();
  for (const link of links) {
    const flip = tier(link.from) > tier(link.to);
    const oriented = flip ? { from: link.to, to: link.from, kind: link.kind } : link;
    const linkKey = `${oriented.from}|${oriented.to}`;
    const seen = merged.get(linkKey);
    if (seen === undefined || KIND_PRECEDENCE.indexOf(oriented.kind) < KIND_PRECEDENCE.indexOf(seen.kind)) merged.set(linkKey, oriented);
  }
  return [...merged.values()].sort((a, b) => compare(`${a.from}|${a.to}`, `${b.from}|${b.to}`));
}

function displayName(block: IndexedBlock): string {
  const below = block.path.slice(1);
  const name = below[below.length - 1] === "Resource" ? below.slice(0, -1) : below;
  return name.length > 0 ? name.join("/") : block.address;
}

/** The remote-state data source CDKTF writes for each stack a stack reads outputs of. */
const CROSS_STACK_INPUT = "cross-stack-reference-input-";

/**
 * A stack with no cloud resource of its own (a workloads stack whose provider is only
 * kubernetes) belongs to the cloud of the stack it reads its outputs from.
 */
function withReadClouds(inputs: readonly StackInput[], infos: StackInfo[]): StackInfo[] {
  const byName = new Map(infos.map((info) => [info.name, info]));
  return infos.map((info, index) => {
    if (info.cloud !== undefined || info.global) return info;
    const read = Object.keys(inputs[index].json.data?.terraform_remote_state ?? {})
      .filter((name) => name.startsWith(CROSS_STACK_INPUT))
      .map((name) => byName.get(name.slice(CROSS_STACK_INPUT.length)))
      .find((other) => other?.cloud !== undefined);
    return read === undefined ? info : { ...info, cloud: read.cloud, ...(read.region === undefined ? {} : { region: read.region }) };
  });
}

function stackInfo(input: StackInput, resources: readonly DrawnResource[]): StackInfo {
  const counts = new Map<string, number>();
  for (const group of [input.json.resource, input.json.data]) {
    for (const [type, named] of Object.entries(group ?? {})) {
      const provider = type.split("_")[0];
      if (Object.prototype.hasOwnProperty.call(CLOUDS, provider)) counts.set(provider, (counts.get(provider) ?? 0) + Object.keys(named).length);
    }
  }
  const cloud = [...counts.entries()].sort(([a, m], [b, n]) => n - m || compare(a, b))[0]?.[0];
  const config = cloud === undefined ? undefined : (input.json.provider?.[cloud] ?? []).find((p) => p.alias === undefined);
  const region = typeof config?.region === "string" && !config.region.includes("${") ? config.region : undefined;
  const global = resources.length > 0 && resources.every((r) => r.role === Role.DNS_RECORD);
  return { name: input.name, ...(cloud === undefined ? {} : { cloud }), ...(region === undefined ? {} : { region }), global };
}
