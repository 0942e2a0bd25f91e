/*
 * Running the pinned checkov on synthesized stacks and reading its answer: shared by
 * `npm run scan` (scripts/checkov/scan.js) and the tests under test/scan/.
 *
 * checkov reads CDKTF's cdk.tf.json only with its `terraform_json` framework: the
 * `terraform` framework skips .tf.json files (its parser has "TODO: add support for
 * .tf.json"), and reports 0 passed, 0 failed. terraform_json runs the same Terraform
 * resource checks (CKV_AWS_*, CKV_ALI_*, CKV_TC_*, CKV_K8S_* on kubernetes_* resources)
 * and graph checks (CKV2_*), but names a resource `resource.<name>` in its python checks
 * and leaves `resource_count` at 0, so the address is rebuilt here from the stack.
 * ref: https://github.com/bridgecrewio/checkov/blob/3.3.30/checkov/terraform_json/runner.py
 */
"use strict";

const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const HERE = __dirname;
const ACCEPTED_FILE = path.join(HERE, "accepted-findings.json");

/** The pinned version, from the lock. */
function pinnedVersion() {
  const match = /^checkov==(\S+)/m.exec(fs.readFileSync(path.join(HERE, "requirements.txt"), "utf8"));
  if (!match) throw new Error("scripts/checkov/requirements.txt pins no checkov version");
  return match[1];
}

/** Installs the pinned checkov if needed (scripts/checkov/venv.sh) and returns its executable. */
function ensureCheckov() {
  return execFileSync("bash", [path.join(HERE, "venv.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

/** Where the executable is when the virtual environment exists, or undefined: installs nothing. */
function installedCheckov() {
  const executable = execFileSync("bash", [path.join(HERE, "venv.sh"), "--path"], { encoding: "utf8" }).trim();
  return fs.existsSync(executable) ? executable : undefined;
}

// Offline and quiet: no mapping download from the vendor's API, no update check.
const CHECKOV_ENV = { BC_SKIP_MAPPING: "TRUE", CKV_SKIP_PACKAGE_UPDATE_CHECK: "TRUE", LOG_LEVEL: "ERROR" };

/**
 * Runs checkov's terraform_json framework on one file or directory; resolves to its JSON
 * report (passed and failed checks, summary). Every file under a directory is one graph,
 * so scan one stack per call unless the resource names differ between files.
 */
function runCheckov(checkov, target) {
  const flag = fs.statSync(target).isDirectory() ? "-d" : "-f";
  const args = [flag, target, "--framework", "terraform_json", "-o", "json", "--skip-download", "--compact"];
  return new Promise((resolve, reject) => {
    const child = spawn(checkov, args, { env: { ...process.env, ...CHECKOV_ENV }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      // checkov exits 1 when a check failed; only a report it could not write is an error.
      let report;
      try {
        report = JSON.parse(out);
      } catch (e) {
        reject(new Error(`checkov on ${target} exited ${code} without a JSON report:\n${err || out}`));
        return;
      }
      const reports = Array.isArray(report) ? report : [report];
      const json = reports.find((r) => r.check_type === "terraform_json");
      if (!json) {
        reject(new Error(`checkov on ${target} found nothing to scan (no terraform_json report):\n${out.slice(0, 500)}`));
        return;
      }
      resolve(json);
    });
  });
}

/** Runs `task` over `items`, at most `limit` at a time (the machine has 2 cores). */
async function mapLimited(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `<type>.<name>` of the resource a checkov record is about. terraform_json's python
 * checks say `resource.<name>`; the type is the one resource type of the stack that has
 * that name or, when several do, the type whose block encloses the record's first line.
 */
function resourceAddress(record, stackJson, fileText) {
  const [kind, ...rest] = record.resource.split(".");
  const name = rest.join(".");
  if (kind !== "resource") return record.resource; // graph checks name the type; providers are `provider.<name>`
  const types = Object.keys(stackJson.resource || {}).filter((t) => name in stackJson.resource[t]);
  if (types.length === 1) return `${types[0]}.${name}`;
  const lines = fileText.split("\n").slice(0, record.file_line_range[0]);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const match = /^\s{4}"([a-z0-9_]+)": \{$/.exec(lines[i]);
    if (match && types.includes(match[1])) return `${match[1]}.${name}`;
  }
  throw new Error(`cannot tell the resource type of ${record.resource} (${record.check_id}): candidates ${types.join(", ") || "none"}`);
}

/**
 * The findings of one stack's report: every record with its full address.
 * `resourcesChecked` counts the resources (not providers) at least one check looked at.
 */
function readReport(report, stackJson, fileText) {
  const withAddress = (r) => ({ check: r.check_id, name: r.check_name, resource: resourceAddress(r, stackJson, fileText) });
  const passed = (report.results.passed_checks || []).map(withAddress);
  const failed = (report.results.failed_checks || []).map(withAddress);
  const resources = new Set([...passed, ...failed].map((r) => r.resource).filter((a) => !a.startsWith("provider.")));
  return { passed, failed, summary: report.summary, resourcesChecked: resources.size };
}

/** The committed list of findings the bookstore keeps on purpose, each with its reason. */
function loadAccepted() {
  return JSON.parse(fs.readFileSync(ACCEPTED_FILE, "utf8"));
}

/** True when an accepted entry covers this stack's finding. */
function covers(entry, stack, finding) {
  return entry.check === finding.check && entry.resource === finding.resource && entry.stacks.includes(stack);
}

module.exports = { ACCEPTED_FILE, covers, ensureCheckov, installedCheckov, loadAccepted, mapLimited, pinnedVersion, readReport, resourceAddress, runCheckov };
