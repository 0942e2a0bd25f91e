import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { App } from "../lib/core/cdktf";
import { buildExampleApp, selectedClouds } from "./bookstore-app";
import { formatSummary, summarizeStack } from "./summary";

// Entry point of `cdktf synth` (cdktf.json) and `npm run synth`.
// BOOKSTORE_CLOUDS picks the clouds; BOOKSTORE_HCL=1 also writes each stack as HCL to
// cdktf.out/review/<stack>.tf for people to read (outside the stack folders, so
// terraform never loads both).
const app = new App();
const built = buildExampleApp(app, selectedClouds(process.env.BOOKSTORE_CLOUDS));
app.synth();

const stacks = built.flatMap((b) => b.stacks.map((stack) => ({ cloud: b.cloud.name, stackName: stack.node.id, stack })));
console.log(formatSummary(stacks.map((s) => summarizeStack(app.outdir, s))));

if (process.env.BOOKSTORE_HCL === "1") {
  const reviewDir = path.join(app.outdir, "review");
  fs.mkdirSync(reviewDir, { recursive: true });
  for (const { stackName, stack } of stacks) fs.writeFileSync(path.join(reviewDir, `${stackName}.tf`), stack.toHclTerraform().hcl);
  // cdktf writes HCL unindented; terraform fmt makes it readable where terraform exists.
  spawnSync("terraform", ["fmt", reviewDir], { stdio: "ignore" });
  console.log(`HCL for review: ${path.relative(process.cwd(), reviewDir)}/`);
}
