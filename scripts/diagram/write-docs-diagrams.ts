/*
 * `npm run diagram:docs`: the pictures of the README and docs/example-app.md, docs/diagrams/*.svg, drawn from the
 * example app synthesized with every implemented cloud (whatever BOOKSTORE_CLOUDS says)
 * into a temporary folder. test/diagram/pictures.test.ts fails when they are stale.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { buildExampleApp, selectedClouds } from "../../examples/bookstore-app";
import { writeDiagrams } from "./render";

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-diagrams-"));
const app = new App({ outdir });
buildExampleApp(app, selectedClouds(undefined));
app.synth();
writeDiagrams(outdir, path.resolve("docs", "diagrams"))
  .then((written) => console.log(`Diagrams: ${written.map((file) => path.relative(process.cwd(), file)).join(", ")}`))
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(outdir, { recursive: true, force: true }));
