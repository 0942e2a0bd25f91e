import { App, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";

export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown; description?: string; sensitive?: boolean }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
  "//"?: unknown;
}

/** A fresh app and stack, with nothing synthesized yet. */
export function newStack(id = "test"): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  return { app, stack: new TerraformStack(app, id) };
}

/** The stack's Terraform JSON, parsed; aspects (tags) are applied as in a real synth. */
export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack, true)) as TerraformJson;
}

/** The blocks of one resource type, without cdktf's `//` metadata. */
export function resources(json: TerraformJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {}).map(withoutMetadata);
}

/** Every resource block, as JSON text, that mentions `text` (an IAM action, a name). */
export function blocksMentioning(json: TerraformJson, text: string): string[] {
  return Object.values(json.resource ?? {})
    .flatMap((blocks) => Object.values(blocks as Record<string, unknown>))
    .map((block) => JSON.stringify(withoutMetadata(block as Record<string, unknown>)))
    .filter((block) => block.includes(text));
}

/** The only block of a resource type; fails when there are none or several. */
export function onlyResource(json: TerraformJson, type: string): Record<string, any> {
  const found = resources(json, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0];
}

/** The block of a type that the construct at `pathEnd` below the stack made, e.g. `Bookstore/Database/Password`. */
export function resourceAt(json: TerraformJson, type: string, pathEnd: string): Record<string, any> {
  const found = Object.values(json.resource?.[type] ?? {}).filter((block) => String((block as any)["//"]?.metadata?.path ?? "").endsWith(`/${pathEnd}`));
  if (found.length !== 1) throw new Error(`expected exactly one ${type} at .../${pathEnd}, found ${found.length}`);
  return withoutMetadata(found[0]);
}

export function dataSources(json: TerraformJson, type: string): Record<string, unknown>[] {
  return Object.values(json.data?.[type] ?? {}).map(withoutMetadata);
}

function withoutMetadata(block: Record<string, unknown>): Record<string, any> {
  const { "//": _metadata, ...rest } = block;
  return rest;
}

/** Every resource type in the stack. */
export function resourceTypes(json: TerraformJson): string[] {
  return Object.keys(json.resource ?? {}).sort();
}

/** A construct scope helper for tests that only need a parent. */
export function scopeIn(stack: TerraformStack, id: string): Construct {
  return new Construct(stack, id);
}
