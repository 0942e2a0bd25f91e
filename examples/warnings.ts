import { IConstruct } from "constructs";

/**
 * The synth's warnings (`Annotations.of(...).addWarning`), one line each, as the cdktf CLI
 * prints them (`WARN [path]: message`) after its own synth. `npm run synth` runs the app
 * without the CLI, which would otherwise keep them in the manifest unseen.
 */
export function warningLines(stacks: readonly IConstruct[]): string[] {
  return stacks.flatMap((stack) => warningsUnder(stack).map(({ path, message }) => `warning: [${path}] ${message}`));
}

/** The warnings added to `scope` and every construct below it, with the path of each construct. */
export function warningsUnder(scope: IConstruct): { readonly path: string; readonly message: string }[] {
  return scope.node
    .findAll()
    .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === "@cdktf/warn").map((entry) => ({ path: construct.node.path, message: String(entry.data) })));
}

/** The messages of `warningsUnder(scope)`. */
export function warningMessagesUnder(scope: IConstruct): string[] {
  return warningsUnder(scope).map(({ message }) => message);
}

/** True when the cdktf CLI runs the app: it prints the warnings itself, from the manifest. */
export function runByCdktfCli(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CDKTF_OUTDIR !== undefined || env.CDKTF_CONTEXT_JSON !== undefined;
}
