// Types for scripts/rehearse/rehearsal-data.js (plain CommonJS), so TypeScript tests can import it.

/** The runbook heading of each cloud's page, docs/<cloud>.md: `## Deploy runbook: <title>`. */
export const RUNBOOK_TITLES: Readonly<Record<string, string>>;
/** The stack patterns of a command's argument text: quoted words unquoted, flags dropped, up to a comment or backtick. */
export function commandPatterns(argumentText: string): string[];
/** The stack patterns of the cloud's deploy command in its runbook (the text of docs/<cloud>.md), or undefined. */
export function runbookDeployCommand(page: string, cloud: string): string[] | undefined;
/** The CRD names in a packaged chart's crds/ folder. */
export function crdNamesInChart(file: string): string[];
export const WEBHOOK_STAND_INS: readonly { service: string; tlsSecret: string; what: string; reason: string }[];
export const CRD_STAND_INS: readonly { cloud: string; what: string; reason: string; crd: any }[];
export const CONTRACT_EXPECTATIONS: Readonly<Record<string, { configMap: { namespace: string; name: string }; data: Record<string, string> }>>;
