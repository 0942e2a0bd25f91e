/*
 * `npm run diagram [-- <cdktf outdir> [<folder>]]`: draws the stacks of the last synth
 * (default cdktf.out) into <folder> (default <outdir>/diagrams). `npm run synth` does
 * the same after each synth; this redraws without synthesizing.
 */
import * as path from "path";
import { writeDiagrams } from "./render";

const [outdir = "cdktf.out", folder] = process.argv.slice(2);
writeDiagrams(outdir, folder === undefined ? undefined : path.resolve(folder)).then(
  (written) => console.log(`Diagrams: ${written.map((file) => path.relative(process.cwd(), file)).join(", ")}`),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
