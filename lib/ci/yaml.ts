/**
 * The little YAML a workflow needs, written by hand so the package depends on no YAML
 * library: block mappings and sequences, scalars quoted whenever a plain one could be
 * read as something else, multi-line strings as literal blocks, and comments (a file's
 * header, a line after a scalar such as an action's version after its pinned commit).
 * The output is YAML 1.2 that GitHub Actions reads as written; test/ci reads it back with
 * js-yaml and compares it with the object it came from.
 */

/** A scalar with a comment written after it on the same line: `uses: owner/name@<sha> # v1.2.3`. */
export class Commented {
  constructor(
    /** The scalar written. */
    public readonly value: string | number | boolean,
    /** The comment written after it on the same line. */
    public readonly comment: string,
  ) {}
}

/** A value the YAML writer takes: scalars, commented scalars, lists and maps (undefined entries are left out). */
export type YamlValue = string | number | boolean | Commented | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** The value without its comments, as a YAML parser reads it back. */
export function plainValue(value: YamlValue): unknown {
  if (value instanceof Commented) return value.value;
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, YamlValue | undefined>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plainValue(v as YamlValue)]));
  }
  return value;
}

// A plain scalar is written only where every YAML 1.1 and 1.2 reader takes it as this
// same string: no indicator first, no `: ` or ` #` inside, no blank space at either end,
// not a number, boolean, null or date. Everything else is single-quoted.
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;
const READ_AS_OTHER_TYPE = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|\.inf|\.nan|[-+.0-9].*)$/;

/** Characters a YAML reader may take as a line break or drop: written only as escapes. */
const SPECIAL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

function isPlain(value: string): boolean {
  return (
    value !== "" &&
    !INDICATOR_FIRST.test(value) &&
    !READ_AS_OTHER_TYPE.test(value) &&
    !SPECIAL.test(value) &&
    !value.includes("\t") &&
    !/^\s|\s$/.test(value) &&
    !value.includes(": ") &&
    !value.includes(" #") &&
    !value.endsWith(":")
  );
}

function scalar(value: string | number | boolean): string {
  if (typeof value !== "string") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`YAML: a number must be finite, got ${value}`);
    return String(value);
  }
  if (isPlain(value)) return value;
  // Control characters and line breaks (YAML 1.1's too) only escaped in double quotes; JSON's escapes are YAML's.
  if (SPECIAL.test(value)) return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `'${value.replace(/'/g, "''")}'`;
}

function comment(text: string): string {
  if (/[\r\n]/.test(text)) throw new Error(`YAML: a comment is one line, got ${JSON.stringify(text)}`);
  return ` # ${text}`;
}

/** A key: plain where it can be, else quoted as a scalar is. */
function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : scalar(name);
}

function isScalar(value: YamlValue): value is string | number | boolean | Commented {
  return typeof value !== "object" || value instanceof Commented;
}

function isEmptyCollection(value: YamlValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && !(value instanceof Commented) && Object.values(value).every((v) => v === undefined);
}

/**
 * True for a script of several lines that a literal block holds as written: it has some
 * text, its first line with any does not start with blank space (a reader takes that
 * line's indentation for the block's), it ends in at most one line break and holds no other control character.
 */
function fitsLiteralBlock(text: string): boolean {
  const firstLine = text.split("\n").find((line) => line !== "") ?? "";
  return text.includes("\n") && text.trim() !== "" && !/^[ \t]/.test(firstLine) && !text.endsWith("\n\n") && !SPECIAL.test(text.replace(/\n/g, ""));
}

/** The text after `key:` or `- ` for a scalar: inline, or a literal block for several lines. */
function inlineScalar(value: string | number | boolean | Commented, indent: string): string {
  const [raw, note] = value instanceof Commented ? [value.value, comment(value.comment)] : [value, ""];
  if (typeof raw === "string" && fitsLiteralBlock(raw)) {
    if (note !== "") throw new Error("YAML: a multi-line string takes no comment");
    const chomp = raw.endsWith("\n") ? "" : "-";
    const body = raw.endsWith("\n") ? raw.slice(0, -1) : raw;
    return ` |${chomp}\n${body
      .split("\n")
      .map((line) => (line === "" ? "" : `${indent}  ${line}`))
      .join("\n")}`;
  }
  return ` ${scalar(raw)}${note}`;
}

function emit(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: YamlValue) => {
      if (isScalar(item)) return [`${indent}-${inlineScalar(item, indent)}`];
      if (isEmptyCollection(item)) return [`${indent}- ${Array.isArray(item) ? "[]" : "{}"}`];
      // The item's first line goes after the dash; the rest keep the item's indentation.
      const [first, ...rest] = emit(item, `${indent}  `);
      return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
    });
  }
  const entries = Object.entries(value as Record<string, YamlValue | undefined>).filter((entry): entry is [string, YamlValue] => entry[1] !== undefined);
  return entries.flatMap(([name, item]) => {
    if (isScalar(item)) return [`${indent}${key(name)}:${inlineScalar(item, indent)}`];
    if (isEmptyCollection(item)) return [`${indent}${key(name)}: ${Array.isArray(item) ? "[]" : "{}"}`];
    // GitHub's own examples indent a mapping's sequence by two spaces; either reads the same.
    return [`${indent}${key(name)}:`, ...emit(item, `${indent}  `)];
  });
}

/** A YAML document of one mapping, after a header of comment lines. */
export function toYaml(document: { readonly [key: string]: YamlValue | undefined }, header: readonly string[] = []): string {
  const lines = header.map((line) => (line === "" ? "#" : comment(line).trimStart()));
  const body = isEmptyCollection(document) ? ["{}"] : emit(document, "");
  return `${[...lines, ...body].join("\n")}\n`;
}
