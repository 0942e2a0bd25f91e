import * as fs from "fs";
import * as path from "path";
import { describeStackJson, readManifest } from "./synthesized-stacks";

/**
 * What is wrong with the stacks a CI job is about to plan or deploy, one sentence each;
 * empty when each was synthesized into `outdir` and keeps its state remotely. A job that
 * found any must stop: a stack left out of the synth would otherwise be skipped without a
 * word, and local state would be lost with the runner.
 */
export function stackProblems(outdir: string, expected: readonly string[]): string[] {
  const synthesized = readManifest(outdir);
  const problems: string[] = [];
  for (const name of expected) {
    const entry = synthesized.find((stack) => stack.name === name);
    if (entry === undefined) {
      problems.push(`${name} was not synthesized: ${path.join(outdir, "manifest.json")} lists ${synthesized.map((stack) => stack.name).join(", ") || "no stack"}. The app no longer builds it (regenerate the workflow if it should not), or a setting it reads is missing here`);
      continue;
    }
    if (!fs.existsSync(entry.file)) {
      problems.push(`${name} is in the manifest but ${entry.file} is missing: synthesize again`);
      continue;
    }
    const { backend } = describeStackJson(JSON.parse(fs.readFileSync(entry.file, "utf8")));
    if (backend === "local") {
      problems.push(
        `${name} keeps its state in a local file, which is lost when the job ends: give it remote state (BookstoreStacks' remoteState, or the repository variables BOOKSTORE_STATE_BUCKET_<CLOUD> and friends that the workflow passes to synth; docs/remote-state.md)`,
      );
    }
  }
  return problems;
}
