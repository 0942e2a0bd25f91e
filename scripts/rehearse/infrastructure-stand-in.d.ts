// Types for scripts/rehearse/infrastructure-stand-in.js (plain CommonJS), so TypeScript tests can import it.

/** A value of the real shape per `<resource type>.<attribute>` (data sources `data.<type>.<attribute>`). */
export const STAND_IN_VALUES: Readonly<Record<string, string>>;
/** `${type.name.attribute}` -> `type.attribute`, or undefined for any other expression. */
export function standInKey(expression: string): string | undefined;
/** The stand-in of an infrastructure stack's JSON: its backend and the outputs other stacks read, with table values. */
export function standInStack(stack: any, values?: Readonly<Record<string, string>>): any;
