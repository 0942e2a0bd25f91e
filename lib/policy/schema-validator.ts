/**
 * Checks synthesized Terraform JSON against provider schemas in the format that
 * `terraform providers schema -json` prints, without terraform or the providers.
 *
 * It finds what the providers would refuse at plan time: unknown resource types,
 * unknown attributes or blocks, missing required attributes, computed-only or removed
 * attributes set, wrong block nesting or item counts, and literal values of the wrong
 * type. Values that are Terraform references (`${...}`) are only known at apply time
 * and pass. Pure: no file or process access here.
 * ref: https://developer.hashicorp.com/terraform/cli/commands/providers/schema
 */

export type SchemaType = string | [string, SchemaType] | ["object", Record<string, SchemaType>];

/** One attribute of a provider schema's block. */
export interface SchemaAttribute {
  /** The attribute's Terraform type. */
  readonly type?: SchemaType;
  /** The attribute's nested object type, where it has one. */
  readonly nested_type?: {
    /** The nested object's attributes. */
    readonly attributes: Record<string, SchemaAttribute>;
    /** How the nested objects nest. */
    readonly nesting_mode: string;
  };
  /** The attribute must be set. */
  readonly required?: boolean;
  /** The attribute may be set. */
  readonly optional?: boolean;
  /** The provider can compute the attribute. */
  readonly computed?: boolean;
}

/** A block of a provider schema. */
export interface SchemaBlock {
  /** The block's attributes. */
  readonly attributes?: Record<string, SchemaAttribute>;
  /** The block's nested blocks. */
  readonly block_types?: Record<string, SchemaBlockType>;
}

/** A nested block of a provider schema. */
export interface SchemaBlockType {
  /** How the nested block nests. */
  readonly nesting_mode: "single" | "group" | "list" | "set" | "map";
  /** The nested block's schema. */
  readonly block: SchemaBlock;
  /** Fewest nested blocks allowed. */
  readonly min_items?: number;
  /** Most nested blocks allowed. */
  readonly max_items?: number;
}

/** One provider's schemas. */
export interface ProviderSchema {
  /** The provider block's schema. */
  readonly provider?: {
    /** The schema. */
    readonly block: SchemaBlock;
  };
  /** Resource type -> its schema. */
  readonly resource_schemas?: Record<string, {
    /** The schema. */
    readonly block: SchemaBlock;
  }>;
  /** Data source type -> its schema. */
  readonly data_source_schemas?: Record<string, {
    /** The schema. */
    readonly block: SchemaBlock;
  }>;
}

/** The whole output of `terraform providers schema -json`. */
export interface ProvidersSchemaJson {
  /** Provider source address -> its schemas. */
  readonly provider_schemas: Record<string, ProviderSchema>;
}

/** `alicloud_nat_gateway` -> `spec`: attributes the provider lists but refuses when set. */
export type RemovedAttributes = ReadonlyMap<string, ReadonlySet<string>>;

/** An attribute a provider's schema refuses. */
export interface SchemaError {
  /** Terraform address and attribute path, e.g. `alicloud_vpc.Network.cidr_block`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

// Meta-arguments Terraform accepts on every resource and data block, and cdktf's metadata.
const RESOURCE_META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection", "//"]);
const DATA_META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "//"]);
const PROVIDER_META = new Set(["alias", "version", "//"]);

/** Parses `type: attribute -- reason` lines (the format of alicloud-removed-attributes.txt). */
export function parseRemovedAttributes(text: string): RemovedAttributes {
  const removed = new Map<string, Set<string>>();
  for (const line of text.split("\n")) {
    const match = /^([a-z0-9_]+):\s*([a-z0-9_]+)\b/.exec(line.trim());
    if (!match) continue;
    const set = removed.get(match[1]) ?? new Set<string>();
    set.add(match[2]);
    removed.set(match[1], set);
  }
  return removed;
}

/**
 * Every schema error in one stack's JSON for the resource types the schemas cover.
 * Types whose prefix belongs to no given provider (e.g. `aws_` when only alicloud's
 * schema is given) are not checked; a type with a known prefix but no schema is an error.
 */
export function validateAgainstSchemas(
  stack: Record<string, unknown>,
  schemas: readonly ProvidersSchemaJson[],
  removed: RemovedAttributes = new Map(),
): SchemaError[] {
  const providers = schemas.flatMap((s) => Object.entries(s.provider_schemas));
  const errors: SchemaError[] = [];
  const providerFor = (type: string): ProviderSchema | undefined => {
    const prefix = type.split("_")[0];
    return providers.find(([source]) => source.split("/").pop() === prefix)?.[1];
  };

  for (const [kind, meta, schemaKey] of [
    ["resource", RESOURCE_META, "resource_schemas"],
    ["data", DATA_META, "data_source_schemas"],
  ] as const) {
    const blocks = (stack[kind] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [type, instances] of Object.entries(blocks)) {
      const provider = providerFor(type);
      if (!provider) continue;
      const prefix = kind === "data" ? `data.${type}` : type;
      const schema = provider[schemaKey]?.[type];
      if (!schema) {
        errors.push({ path: prefix, message: `unknown ${kind === "data" ? "data source" : "resource"} type ${type}` });
        continue;
      }
      for (const [name, config] of Object.entries(instances)) {
        checkBlock(`${prefix}.${name}`, config, schema.block, meta, removed.get(type), errors);
      }
    }
  }

  const providerConfigs = (stack.provider ?? {}) as Record<string, unknown[]>;
  for (const [name, configs] of Object.entries(providerConfigs)) {
    const schema = providers.find(([source]) => source.split("/").pop() === name)?.[1]?.provider;
    if (!schema) continue;
    configs.forEach((config, index) => checkBlock(`provider.${name}[${index}]`, config, schema.block, PROVIDER_META, undefined, errors));
  }
  return errors;
}

function isReference(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkBlock(
  path: string,
  config: unknown,
  block: SchemaBlock,
  meta: ReadonlySet<string>,
  removed: ReadonlySet<string> | undefined,
  errors: SchemaError[],
): void {
  if (isReference(config)) return;
  if (!isObject(config)) {
    errors.push({ path, message: `must be a block (object), got ${JSON.stringify(config)}` });
    return;
  }
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  for (const [key, value] of Object.entries(config)) {
    const at = `${path}.${key}`;
    if (meta.has(key)) continue;
    if (removed?.has(key)) {
      errors.push({ path: at, message: "is removed from the provider and refused when set" });
      continue;
    }
    const attribute = attributes[key];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        errors.push({ path: at, message: "is computed by the provider and cannot be set" });
      } else if (attribute.type !== undefined) {
        checkValue(at, value, attribute.type, errors);
      } else if (attribute.nested_type) {
        const nested = { attributes: attribute.nested_type.attributes };
        const nesting = attribute.nested_type.nesting_mode === "single" ? "single" : "list";
        checkNestedBlocks(at, value, { nesting_mode: nesting, block: nested }, errors);
      }
      continue;
    }
    const blockType = blockTypes[key];
    if (blockType) {
      checkNestedBlocks(at, value, blockType, errors);
      continue;
    }
    errors.push({ path: at, message: "is not an argument or block of this type" });
  }
  for (const [key, attribute] of Object.entries(attributes)) {
    if (attribute.required && !(key in config)) errors.push({ path: `${path}.${key}`, message: "is required" });
  }
  for (const [key, blockType] of Object.entries(blockTypes)) {
    if ((blockType.min_items ?? 0) > 0 && !(key in config)) {
      errors.push({ path: `${path}.${key}`, message: `needs at least ${blockType.min_items} block(s)` });
    }
  }
}

function checkNestedBlocks(path: string, value: unknown, blockType: SchemaBlockType, errors: SchemaError[]): void {
  if (isReference(value)) return;
  const noMeta = new Set<string>();
  if (blockType.nesting_mode === "map") {
    if (!isObject(value)) {
      errors.push({ path, message: "must be a map of blocks" });
      return;
    }
    for (const [label, inner] of Object.entries(value)) checkBlock(`${path}.${label}`, inner, blockType.block, noMeta, undefined, errors);
    return;
  }
  // Terraform's JSON syntax takes a block as one object or as an array of objects.
  const items = Array.isArray(value) ? value : [value];
  const { min_items: min = 0, max_items: max } = blockType;
  const single = blockType.nesting_mode === "single" || blockType.nesting_mode === "group";
  const limit = single ? 1 : max;
  if (items.length < min || (limit !== undefined && limit > 0 && items.length > limit)) {
    errors.push({ path, message: `has ${items.length} block(s); allowed ${min} to ${limit ?? "any number"}` });
  }
  items.forEach((item, index) => checkBlock(items.length > 1 ? `${path}[${index}]` : path, item, blockType.block, noMeta, undefined, errors));
}

function checkValue(path: string, value: unknown, type: SchemaType, errors: SchemaError[]): void {
  if (value === null || isReference(value)) return;
  const fail = (what: string): void => {
    errors.push({ path, message: `must be ${what}, got ${JSON.stringify(value)}` });
  };
  if (typeof type === "string") {
    switch (type) {
      case "string":
        if (!["string", "number", "boolean"].includes(typeof value)) fail("a string");
        return;
      case "number":
        if (typeof value !== "number" && !(typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)))) fail("a number");
        return;
      case "bool":
        if (typeof value !== "boolean" && value !== "true" && value !== "false") fail("a bool");
        return;
      default:
        return; // "dynamic" takes anything
    }
  }
  const [kind, inner] = type;
  if (kind === "list" || kind === "set") {
    if (!Array.isArray(value)) return fail(`a ${kind}`);
    value.forEach((item, index) => checkValue(`${path}[${index}]`, item, inner as SchemaType, errors));
  } else if (kind === "map") {
    if (!isObject(value)) return fail("a map");
    for (const [key, item] of Object.entries(value)) checkValue(`${path}.${key}`, item, inner as SchemaType, errors);
  } else if (kind === "object") {
    if (!isObject(value)) return fail("an object");
    const fields = inner as Record<string, SchemaType>;
    for (const [key, item] of Object.entries(value)) {
      if (!(key in fields)) errors.push({ path: `${path}.${key}`, message: "is not a field of this object" });
      else checkValue(`${path}.${key}`, item, fields[key], errors);
    }
  }
}
