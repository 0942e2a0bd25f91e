import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { buildExampleApp, selectedClouds } from "../../examples/bookstore-app";
import { TESTS_JUDGE_SUPPORT_ON } from "./support-date";

/** Where the example app synthesized once for the whole run lives (read by test/support/bookstore.ts). */
export const EXAMPLE_OUTDIR_VARIABLE = "BOOKSTORE_TEST_EXAMPLE_OUTDIR";

// Most suites look at the example bookstore on each cloud. Synthesizing it once here,
// before the workers start, spares each suite a second of synth per cloud; suites that
// change props still synthesize their own.
export default function globalSetup(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-tests-"));
  process.env.CHECKPOINT_DISABLE = "1";
  // Versions' support is judged on a fixed day (the workers inherit it), not the calendar's.
  process.env.BOOKSTORE_SUPPORT_DATE ||= TESTS_JUDGE_SUPPORT_ON;
  // The workers inherit this environment. A TF_CLI_CONFIG_FILE naming a missing file
  // makes every terraform the tests start (directly, or @cdktf/commons' version probe)
  // print a warning; without the variable terraform reads its defaults quietly.
  if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) delete process.env.TF_CLI_CONFIG_FILE;
  const app = new App({ outdir });
  buildExampleApp(app, selectedClouds(undefined));
  app.synth();
  process.env[EXAMPLE_OUTDIR_VARIABLE] = outdir;
}
