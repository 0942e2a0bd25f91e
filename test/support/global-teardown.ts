import * as fs from "fs";
import { EXAMPLE_OUTDIR_VARIABLE } from "./global-setup";

export default function globalTeardown(): void {
  const outdir = process.env[EXAMPLE_OUTDIR_VARIABLE];
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
}
