#!/usr/bin/env node
/*
 * `npm run scan`: checkov (pinned, scripts/checkov/requirements.txt) on every synthesized
 * stack in cdktf.out/stacks/ (run `npm run synth` first; `npm run scan` does).
 *
 * Every failed check must be in scripts/checkov/accepted-findings.json, per check ID,
 * resource address and stack, with its reason; an entry that no longer matches a failed
 * check is reported as stale. Exit 1 on a finding not in the list, a stale entry, a
 * parsing error, or a stack in which checkov checked nothing at all, neither a resource nor
 * a provider (which would mean it did not read the file, as its `terraform` framework does
 * not). A stack whose resources checkov has no check for (the add-ons stack's
 * `helm_release`s) still has its provider checked.
 *
 * Prints one line per stack (checkov's passed and failed, of those the accepted ones,
 * and the resources checked) and the Markdown table docs/security.md shows; exit 1 also when a
 * row of that table there differs.
 *
 * Usage: node scripts/checkov/scan.js [--outdir cdktf.out]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { ACCEPTED_FILE, covers, ensureCheckov, loadAccepted, mapLimited, pinnedVersion, readReport, runCheckov } = require("./checkov");

async function main() {
  const outdirFlag = process.argv.indexOf("--outdir");
  const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : "cdktf.out";
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) throw new Error(`${stacksDir} does not exist: run npm run synth first`);
  const stacks = fs.readdirSync(stacksDir).filter((s) => fs.existsSync(path.join(stacksDir, s, "cdk.tf.json"))).sort();
  if (stacks.length === 0) throw new Error(`no cdk.tf.json under ${stacksDir}`);

  const checkov = ensureCheckov();
  const accepted = loadAccepted();
  const version = pinnedVersion();
  if (accepted.checkov !== version) {
    throw new Error(`accepted-findings.json was written for checkov ${accepted.checkov}, the pin is ${version}: review it against a fresh scan`);
  }

  const results = await mapLimited(stacks, 2, async (stack) => {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    const text = fs.readFileSync(file, "utf8");
    const json = JSON.parse(text);
    const report = readReport(await runCheckov(checkov, file), json, text);
    const resourceCount = Object.values(json.resource || {}).reduce((n, blocks) => n + Object.keys(blocks).length, 0);
    return { stack, resourceCount, ...report };
  });

  const problems = [];
  const used = new Set();
  const rows = [];
  for (const r of results) {
    let acceptedCount = 0;
    for (const finding of r.failed) {
      const entry = accepted.accepted.find((e) => covers(e, r.stack, finding));
      if (entry) {
        acceptedCount += 1;
        used.add(`${entry.check} ${entry.resource} ${r.stack}`);
      } else {
        problems.push(`${r.stack}: ${finding.check} ${finding.resource} (${finding.name}) is neither fixed nor in ${path.relative(process.cwd(), ACCEPTED_FILE)}`);
      }
    }
    if (r.summary.parsing_errors > 0) problems.push(`${r.stack}: checkov could not parse ${r.summary.parsing_errors} file(s)`);
    if (r.passed.length + r.failed.length === 0) problems.push(`${r.stack}: checkov checked nothing of the ${r.resourceCount} resources in the stack, nor its providers`);
    rows.push({ ...r, acceptedCount });
    console.log(
      `${r.stack}: ${r.passed.length} passed, ${r.failed.length} failed (${acceptedCount} accepted, ${r.failed.length - acceptedCount} not), ` +
        `${r.resourcesChecked} of ${r.resourceCount} resources checked`,
    );
  }
  for (const entry of accepted.accepted) {
    for (const stack of entry.stacks) {
      if (!stacks.includes(stack)) continue; // a stack this run did not synthesize (BOOKSTORE_CLOUDS)
      if (!used.has(`${entry.check} ${entry.resource} ${stack}`)) {
        problems.push(`${stack}: accepted ${entry.check} ${entry.resource} no longer fails: remove it from the list`);
      }
    }
  }

  console.log(`\ncheckov ${version}, framework terraform_json\n`);
  console.log("| stack | resources checked | passed | failed | skipped (accepted) | not accepted |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  const tableRows = rows.map(
    (r) => `| \`${r.stack}\` | ${r.resourcesChecked} of ${r.resourceCount} | ${r.passed.length} | ${r.failed.length} | ${r.acceptedCount} | ${r.failed.length - r.acceptedCount} |`,
  );
  for (const row of tableRows) console.log(row);

  // docs/security.md reports these counts; keep it true.
  const page = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8").split("\n");
  const stale = tableRows.filter((row) => !page.includes(row));
  if (stale.length > 0) problems.push(`docs/security.md's checkov table differs from this scan; its rows for the scanned stacks should be:\n    ${stale.join("\n    ")}`);

  if (problems.length > 0) {
    console.error(`\ncheckov scan failed:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log(`\n${rows.length} stacks scanned: every failed check is accepted with a reason.`);
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exitCode = 1;
});
