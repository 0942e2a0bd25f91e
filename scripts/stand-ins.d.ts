// Types for scripts/stand-ins.js (plain CommonJS), so TypeScript tests can import it.

/** "aws" -> "hashicorp/aws"; "registry.terraform.io/aliyun/alicloud" -> "aliyun/alicloud". */
export function normalizeSource(source: string): string;
/** Calls fn on the text of every ${...} interpolation in str. */
export function mapInterpolations(str: string, fn: (expression: string) => string): string;
/** Rewrites references to replaced blocks ("type.name" / "data.type.name" -> stand-in name) in one expression. */
export function rewriteExpression(expression: string, standIns: Map<string, { name: string; multiple: boolean }>): string;

export interface TransformedStack {
  /** File name -> Terraform JSON; one resource or data source per file. */
  files: Record<string, any>;
  /** Blocks kept for the real provider, by normalized source. */
  real: Record<string, number>;
  /** Blocks replaced by terraform_data stand-ins, by normalized source. */
  standIns: Record<string, number>;
  standInFiles: Set<string>;
}
/** Splits a synthesized stack into files to validate; blocks of providers not in `available` become stand-ins. */
export function transformStack(stack: any, available: Set<string>): TransformedStack;
/** Every provider source (normalized) and version required by the stacks. */
export function requiredProviders(stacks: { name: string; json: any }[]): { source: string; version: string }[];
