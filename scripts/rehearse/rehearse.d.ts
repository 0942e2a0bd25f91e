// Types for scripts/rehearse/rehearse.js (plain CommonJS), so TypeScript tests can import it.

/** The defects `--plant` runs: each must make the rehearsal fail with a message matching caughtBy. */
export const PLANTS: Readonly<Record<string, { cloud: string; what: string; patterns?: string[]; caughtBy: RegExp; plant?: (run: { outdir: string }) => void }>>;
/** `npm run cdktf -- <verb> <patterns>`, glob patterns single-quoted as a shell needs them. */
export function runbookForm(verb: string, patterns: readonly string[]): string;
/** One cloud's stacks in the manifest, in deploy order (infrastructure, add-ons, workloads). */
export function stacksOf(manifest: { stacks: Record<string, unknown> }, cloud: string): string[];
/** The line of a command's output that caught a failure. */
export function catchingLine(output: string, pattern?: RegExp): string;
/** The command line; resolves the exit status. */
export function main(argv?: string[]): Promise<number>;
