import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Cloud, ValidationError } from "../lib";
import { App } from "../lib/core/cdktf";
import { buildExample, EXAMPLE_ICP_FILING, exampleDeploySettings, ExampleSettingError, exampleProps, selectedClouds } from "./bookstore-app";
import { removeStaleStacks } from "./stacks-folder";
import { administratorNotes, appPrerequisites, bookstoreUsage, formatPrerequisites, formatSummary, globalDomainUsage, placeholderNotes, summarizeStack } from "./summary";
import { runByCdktfCli, warningLines } from "./warnings";
import { writeDiagrams } from "../scripts/diagram/render";

// Entry point of `cdktf synth` (cdktf.json) and `npm run synth`, both through
// scripts/run-app.js. BOOKSTORE_CLOUDS picks the clouds; BOOKSTORE_HCL=1 also writes
// each stack as HCL to cdktf.out/review/<stack>.tf for people to read (outside the stack
// folders, so terraform never loads both). Pictures of what was synthesized go to
// cdktf.out/diagrams (scripts/diagram), unless BOOKSTORE_DIAGRAMS=0. BOOKSTORE_KUBECONFIG,
// BOOKSTORE_KUBE_CONTEXT and BOOKSTORE_CHART_MIRROR say where the add-ons and workloads
// deploy and where the charts come from (exampleDeploySettings).
const app = new App();
let built;
try {
  built = buildExample(app, selectedClouds(process.env.BOOKSTORE_CLOUDS), exampleDeploySettings(process.env));
  app.synth();
} catch (error) {
  // A wrong setting or prop is the user's to fix: one line that says what, no trace.
  if (!(error instanceof ExampleSettingError || error instanceof ValidationError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}

const { bookstores, globalDns } = built;
const stacks = [
  ...bookstores.flatMap((b) => b.stacks.map((stack) => ({ cloud: b.cloud.name, stackName: stack.node.id, stack }))),
  ...(globalDns ? [{ cloud: globalDns.globalDomain.cloud.name, stackName: globalDns.stack.node.id, stack: globalDns.stack }] : []),
];
console.log(formatSummary(stacks.map((s) => summarizeStack(app.outdir, s))));
if (!runByCdktfCli()) for (const line of warningLines(stacks.map((s) => s.stack))) console.log(line);
for (const note of placeholderNotes(bookstores.map((b) => Cloud.registrationOf(b.cloud)))) console.log(note);
for (const note of administratorNotes(bookstores.map((b) => ({ cloud: b.cloud, props: exampleProps(b.cloud) })))) console.log(note);
if (globalDns) console.log(`note: ${globalDns.stack.node.id}'s ICP filing "${EXAMPLE_ICP_FILING}" is a placeholder: set your domain's own (examples/bookstore-app.ts)`);
// The account prerequisites of what was built: each bookstore with the props it was built with, and the global domain's zone.
const usages = [...bookstores.map((b) => ({ cloud: b.cloud, usage: bookstoreUsage(b, exampleProps(b.cloud)) })), ...(globalDns ? [globalDomainUsage(globalDns)] : [])];
for (const line of formatPrerequisites(appPrerequisites(usages))) console.log(line);
for (const kept of removeStaleStacks(app.outdir, stacks.map((s) => s.stackName))) {
  console.log(`note: ${kept} is from an earlier synth and holds Terraform state; it was left in place`);
}

if (process.env.BOOKSTORE_HCL === "1") {
  const reviewDir = path.join(app.outdir, "review");
  fs.mkdirSync(reviewDir, { recursive: true });
  for (const { stackName, stack } of stacks) fs.writeFileSync(path.join(reviewDir, `${stackName}.tf`), stack.toHclTerraform().hcl);
  // cdktf writes HCL unindented; terraform fmt makes it readable where terraform exists.
  spawnSync("terraform", ["fmt", reviewDir], { stdio: "ignore" });
  console.log(`HCL for review: ${path.relative(process.cwd(), reviewDir)}/`);
}

if (process.env.BOOKSTORE_DIAGRAMS !== "0") {
  writeDiagrams(app.outdir).then(
    (written) => console.log(`Diagrams: ${path.relative(process.cwd(), path.dirname(written[0]))}/{${written.map((file) => path.basename(file, ".svg")).join(",")}}.svg`),
    // The stacks are written either way; `npm run diagram` fails on the same error.
    (error: unknown) => console.error(`warning: diagrams not written: ${error instanceof Error ? error.message : String(error)}`),
  );
}
