/*
 * The references a synthesized Terraform block makes to other blocks, read from its
 * `${...}` expressions: `aws_lb.X.dns_name`, `data.aws_eks_cluster.X.endpoint`, and
 * cross-stack reads `data.terraform_remote_state.X.outputs.Y`.
 */

/** One reference found in a block. */
export interface Reference {
  /** `type.name` of a resource, `data.type.name` of a data source. */
  readonly address: string;
  /** For `data.terraform_remote_state.X.outputs.Y`: Y. */
  readonly output?: string;
  /** The argument path the reference was found under, e.g. ["logging_config", "bucket"]. */
  readonly argument: readonly string[];
}

/** Arguments that say how Terraform handles a block, not what it is connected to. */
const META_ARGUMENTS = new Set(["//", "depends_on", "lifecycle", "provider", "count", "for_each", "provisioner", "connection"]);

// A reference starts at a word boundary: not after a letter, digit, `_`, `-` or `.`
// (so `x.outputs.aws_lb` or `foo-aws_lb` never yields `aws_lb...`).
const REFERENCE = /(?<![\w.-])(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(?:\.outputs\.([A-Za-z_][\w-]*))?/g;

/** Every reference in `value` (a block's arguments), in the order found, with duplicates. */
export function referencesIn(value: unknown, argument: readonly string[] = []): Reference[] {
  if (typeof value === "string") return value.includes("${") ? referencesInExpression(value, argument) : [];
  if (Array.isArray(value)) return value.flatMap((item) => referencesIn(item, argument));
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => (argument.length === 0 && META_ARGUMENTS.has(key) ? [] : referencesIn(item, [...argument, key])));
  }
  return [];
}

function referencesInExpression(text: string, argument: readonly string[]): Reference[] {
  const found: Reference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const [, data, type, name, output] = match;
    const address = `${data ?? ""}${type}.${name}`;
    // Only remote state has outputs; anything else followed by `.outputs.` is an attribute.
    found.push(output !== undefined && data !== undefined && type === "terraform_remote_state" ? { address, output, argument } : { address, argument });
  }
  return found;
}
