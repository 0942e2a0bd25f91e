// Types for scripts/validate-providers.js (plain CommonJS), so TypeScript tests can import it.

/** Go module of each provider the stacks use, by normalized registry source ("aliyun/alicloud"). */
export const GO_MODULES: Readonly<Record<string, string>>;
/** Where provider binaries are cached: $BOOKSTORE_TOOLS_CACHE, else ~/.cache/multicloud-bookstore. */
export function cacheDir(env?: NodeJS.ProcessEnv): string;
/** "terraform-provider-<type>_v<version>", the binary's name in <cache>/providers. */
export function binaryName(type: string, version: string): string;
/** Where source@version ("aliyun/alicloud", "1.289.0") sits in <cache>/providers, a Terraform filesystem mirror (unpacked layout). */
export function providerBinary(cache: string, source: string, version: string): string;
/** Writes below `work` a CLI config taking each provider (source -> binary) from its binary via dev_overrides; returns its path. */
export function devOverridesConfig(work: string, binaries: Readonly<Record<string, string>>): string;
/** The command line; returns the exit status. */
export function main(argv?: string[], env?: NodeJS.ProcessEnv, log?: (line: string) => void): number;
