import * as fs from "fs";
import * as path from "path";

/** Terraform state (and its backups) left in a stack folder by a local `cdktf deploy`. */
const STATE_FILE = /\.tfstate(\.|$)/;

/**
 * Removes the folders of `<outdir>/stacks` that this synth did not write, e.g. the other
 * clouds' after `BOOKSTORE_CLOUDS=aws`, so the folder holds exactly the app's stacks. A
 * folder with Terraform state in it is never removed: its paths are returned instead.
 */
export function removeStaleStacks(outdir: string, written: readonly string[]): string[] {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) return [];
  const kept: string[] = [];
  for (const entry of fs.readdirSync(stacksDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || written.includes(entry.name)) continue;
    const folder = path.join(stacksDir, entry.name);
    if (holdsState(folder)) {
      kept.push(path.relative(process.cwd(), folder));
    } else {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
  return kept;
}

function holdsState(folder: string): boolean {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).some((entry) => entry.isFile() && STATE_FILE.test(entry.name));
}
