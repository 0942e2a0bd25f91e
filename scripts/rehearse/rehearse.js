#!/usr/bin/env node
/*
 * `npm run rehearse`: the runbooks' deploy, run for real against a local Kubernetes API
 * server (issue #26). For each cloud of the example app:
 *
 *   1. synthesize the app as the README's quick start does (`node scripts/run-app.js`, cdktf.json's app),
 *      with its add-ons and workloads stacks sent to the local control plane's kubeconfig
 *      (BOOKSTORE_KUBECONFIG / BOOKSTORE_KUBE_CONTEXT: ClusterTarget.kubeconfig) and the
 *      Helm charts taken from the chart mirror (BOOKSTORE_CHART_MIRROR: ChartSource.localDirectory);
 *   2. stand in for the infrastructure stack (no cloud here): its outputs that the other
 *      stacks read, with values of their real shape (infrastructure-stand-in.js);
 *   3. run the cloud's deploy command as its runbook writes it
 *      (`npm run cdktf -- deploy 'bookstore-<cloud>*'`, read from docs/<cloud>.md), through the real
 *      cdktf CLI and Terraform, with the real kubernetes and helm providers from the tools
 *      cache's filesystem mirror (a CLI config of its own: nothing is downloaded);
 *   4. check: every stack the cloud has was applied, every Kubernetes object its state holds
 *      exists in the API server, every Deployment rolled out on kwok's fake nodes;
 *   5. destroy with the same stack patterns (`npm run cdktf -- destroy ...`) and check that
 *      the cluster holds nothing it did not hold before, less what is known to stay (the
 *      CRDs of a chart's crds/ folder, which Helm never deletes), which is named.
 *
 * Usage: npm run rehearse -- [--plant NAME[,NAME...]|all] [--clouds aws,alicloud,...] [--keep] [--require] [--record FILE]
 *   --plant   also run planted defects (PLANTS below), each of which must fail, with the
 *             message that caught it printed; `all` runs every one
 *   --keep    keep the working directory and leave the control plane running (its stop
 *             command is printed)
 *   --require exit 1 (not 0) when the tools are missing, instead of reporting and passing
 *   --record  write the timings as JSON to FILE (bench/rehearsal.json)
 *
 * The first line of output says what is rehearsed and what cannot be; the last line the
 * result. Exit status: 0 when every rehearsed cloud deployed, checked and destroyed clean
 * and every planted defect was caught (or when the tools are absent without --require), 1
 * otherwise, 2 on bad usage.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const controlPlane = require("./control-plane");
const { cachedBinaries } = require("./build-control-plane");
const { KUBERNETES, ETCD, KWOK } = require("./versions");
const { standInStack } = require("./infrastructure-stand-in");
const { makeKubectl, objectsInState, stateHoldsResources, clusterObjects, settledRemnants } = require("./cluster-checks");
const { mirrorDir } = require("./chart-mirror");
const { runbookDeployCommand, crdNamesInChart, WEBHOOK_STAND_INS, CRD_STAND_INS, CONTRACT_EXPECTATIONS } = require("./rehearsal-data");
const { cacheDir, providerBinary } = require("../validate-providers");
const { requiredProviders } = require("../stand-ins");

const REPO = path.resolve(__dirname, "..", "..");
const CLOUDS = Object.freeze(["aws", "alicloud", "tencentcloud"]);
/** A deploy or destroy of one cloud's stacks: far above the few minutes it takes, so a hang fails instead of stalling CI. */
const COMMAND_TIMEOUT_SECONDS = 15 * 60;
const ROLLOUT_TIMEOUT_SECONDS = 180;

/**
 * Defects planted on purpose (`--plant`): each must make the rehearsal fail, with a
 * message matching `caughtBy`.
 */
const PLANTS = Object.freeze({
  "deployment-field": {
    cloud: "tencentcloud",
    what: "a Deployment field the API server rejects: the container's CPU request (64) above its limit, in the synthesized workloads stack",
    plant: ({ outdir }) =>
      editStack(outdir, "bookstore-tencentcloud-workloads", (json) => {
        const deployment = Object.values(json.resource.kubernetes_deployment_v1)[0];
        deployment.spec.template.spec.container[0].resources.requests.cpu = "64";
      }),
    caughtBy: /must be less than or equal to cpu limit/,
  },
  "left-out-workloads": {
    cloud: "alicloud",
    what: "a deploy command that leaves out the workloads stack: npm run cdktf -- deploy bookstore-alicloud",
    patterns: ["bookstore-alicloud"],
    caughtBy: /bookstore-alicloud-workloads: not applied/,
  },
  "left-out-addons": {
    cloud: "aws",
    what: "a deploy command that leaves out the add-ons stack: npm run cdktf -- deploy bookstore-aws bookstore-aws-workloads",
    patterns: ["bookstore-aws", "bookstore-aws-workloads"],
    caughtBy: /The following dependencies are not included in the stacks to run: bookstore-aws-addons/,
  },
  "workloads-before-addons": {
    cloud: "aws",
    what: "the workloads stack deployed before its add-ons: in manifest.json the add-ons stack depends on the workloads stack instead of the reverse",
    plant: ({ outdir }) => {
      const file = path.join(outdir, "manifest.json");
      const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
      manifest.stacks["bookstore-aws-workloads"].dependencies = ["bookstore-aws"];
      manifest.stacks["bookstore-aws-addons"].dependencies = ["bookstore-aws", "bookstore-aws-workloads"];
      fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
    caughtBy: /API did not recognize GroupVersionKind from manifest \(CRD may not be installed\)/,
  },
});

function editStack(outdir, stack, edit) {
  const file = path.join(outdir, "stacks", stack, "cdk.tf.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

function seconds(since) {
  return Math.round((Date.now() - since) / 1000);
}

function parseArgs(argv) {
  const options = { plants: [], clouds: [...CLOUDS], keep: false, require: false, record: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--keep") options.keep = true;
    else if (arg === "--require") options.require = true;
    else if (arg === "--record") options.record = path.resolve(argv[++i]);
    else if (arg === "--plant") {
      const names = argv[++i] === "all" ? Object.keys(PLANTS) : (argv[i] || "").split(",");
      for (const name of names) if (!PLANTS[name]) throw new Error(`--plant takes all or some of ${Object.keys(PLANTS).join(", ")}; got ${name}`);
      options.plants = names;
    } else if (arg === "--clouds") {
      options.clouds = (argv[++i] || "").split(",");
      for (const cloud of options.clouds) if (!CLOUDS.includes(cloud)) throw new Error(`--clouds takes some of ${CLOUDS.join(", ")}; got ${cloud}`);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** A command's run, bounded in time, in its own process group (killed whole on timeout). */
function run(command, args, { cwd = REPO, env, timeoutSeconds = COMMAND_TIMEOUT_SECONDS, logFile } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (logFile) fs.appendFileSync(logFile, `$ ${command} ${args.join(" ")}\n${output}\n(exit ${code}${timedOut ? `, killed after ${timeoutSeconds} s` : ""}, ${seconds(started)} s)\n\n`);
      resolve({ code: timedOut ? -1 : code, output: timedOut ? `${output}\n(timed out after ${timeoutSeconds} s)` : output, seconds: seconds(started) });
    });
  });
}

/** The Terraform CLI config: the kubernetes and helm providers from the tools cache's filesystem mirror, and nothing from anywhere else. */
function terraformCliConfig(work, cache) {
  const file = path.join(work, "terraformrc");
  const mirror = path.join(cache, "providers");
  fs.writeFileSync(
    file,
    [
      "# Written by scripts/rehearse/rehearse.js: providers come only from the filesystem mirror.",
      "# ref: https://developer.hashicorp.com/terraform/cli/config/config-file#filesystem_mirror",
      "provider_installation {",
      "  filesystem_mirror {",
      `    path = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/hashicorp/kubernetes", "registry.terraform.io/hashicorp/helm"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return file;
}

/** The runbook's command words for `verb` (deploy or destroy) on these stack patterns, as a shell would pass them. */
function runbookForm(verb, patterns) {
  return `npm run cdktf -- ${verb} ${patterns.map((p) => (/[*?[\]{}]/.test(p) ? `'${p}'` : p)).join(" ")}`;
}

/**
 * The flags the rehearsal adds to the runbook's `npm run cdktf -- <verb> <patterns>`:
 * --skip-synth/--output, the folder synthesized (and stood in) above, as
 * test/deploy-commands.test.ts runs it; --skip-provider-lock, since `terraform providers
 * lock` asks the registry, which the rehearsal never reaches (init writes the lock file
 * from the mirror).
 */
const CDKTF_FLAGS = Object.freeze(["--skip-synth", "--auto-approve", "--skip-provider-lock"]);

/**
 * Runs the runbook's form of `cdktf <verb> <patterns>` on the synthesized folder; the
 * result's output holds the CLI's and, after it, every terraform run's own.
 */
async function cdktf(verb, patterns, { outdir, env, logFile }) {
  const flags = [...CDKTF_FLAGS, "--output", outdir];
  const terraformLog = `${logFile}.${verb}.terraform`;
  fs.rmSync(terraformLog, { force: true });
  const result = await run("npm", ["run", "cdktf", "--", verb, ...patterns, ...flags], { env: { ...env, BOOKSTORE_REHEARSAL_TERRAFORM_LOG: terraformLog }, logFile });
  const terraformOutput = fs.existsSync(terraformLog) ? fs.readFileSync(terraformLog, "utf8") : "";
  return { ...result, output: `${result.output}\n${terraformOutput}` };
}

/** The message that caught a failure: the first line matching `pattern`, else the first Terraform or cdktf error line. */
function catchingLine(output, pattern) {
  const lines = output.split("\n").map((l) => l.replace(/\u001b\[[0-9;]*m/g, "").replace(/^[\s│╷╵|]+/, "").trim());
  const hit = pattern ? lines.find((l) => pattern.test(l)) : undefined;
  return hit || lines.find((l) => /^Error:|error:|Error /.test(l)) || lines.filter(Boolean).slice(-1)[0] || "(no output)";
}

/** The stacks of one cloud in the manifest, in deploy order. */
function stacksOf(manifest, cloud) {
  const names = Object.keys(manifest.stacks).filter((name) => name === `bookstore-${cloud}` || name.startsWith(`bookstore-${cloud}-`));
  const order = (name) => (name.endsWith("-workloads") ? 2 : name.endsWith("-addons") ? 1 : 0);
  return names.sort((a, b) => order(a) - order(b));
}

/**
 * Deploys one cloud's stacks with its runbook's command (or a planted one), checks them,
 * destroys them and checks what remains. Returns { failures: [...], notes: [...], timings }.
 */
async function rehearseCloud(context, cloud, { label, patterns, plant }) {
  const { work, env, kubectl, baseline, log } = context;
  const pristine = context.pristine[cloud];
  const runDir = path.join(work, "runs", label);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  const outdir = path.join(runDir, "cdktf.out");
  fs.cpSync(pristine, outdir, { recursive: true });
  if (plant) plant({ outdir });
  const logFile = path.join(runDir, "commands.log");
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  const stacks = stacksOf(manifest, cloud);
  const failures = [];
  const notes = [];
  const timings = {};

  for (const standIn of CRD_STAND_INS.filter((s) => s.cloud === cloud)) {
    const applied = kubectl(["apply", "--server-side", "-f", "-"], { input: JSON.stringify(standIn.crd) });
    if (!applied.ok) failures.push(`stand-in CRD ${standIn.crd.metadata.name}: ${applied.stderr}`);
    // The plan looks the kind up at once: wait until the API server serves it.
    const established = kubectl(["wait", "--for=condition=Established", `crd/${standIn.crd.metadata.name}`, "--timeout=60s"], { timeoutSeconds: 70 });
    if (!established.ok) failures.push(`stand-in CRD ${standIn.crd.metadata.name} not established: ${established.stderr}`);
    notes.push(`stand-in CRD ${standIn.crd.metadata.name}: ${standIn.reason}`);
  }

  const deployPatterns = patterns || context.commands[cloud];
  log(`  ${label}: ${runbookForm("deploy", deployPatterns)}`);
  const deployed = await cdktf("deploy", deployPatterns, { outdir, env, logFile });
  timings.deploySeconds = deployed.seconds;
  if (deployed.code !== 0) {
    failures.push(`deploy failed (exit ${deployed.code}): ${catchingLine(deployed.output, context.expect)}`);
  } else {
    for (const stack of stacks) {
      const stateFile = path.join(work, `terraform.${stack}.tfstate`);
      const isStandIn = stack === `bookstore-${cloud}`;
      const applied = fs.existsSync(stateFile) && (isStandIn || stateHoldsResources(stateFile));
      if (!applied) failures.push(`${stack}: not applied by ${runbookForm("deploy", deployPatterns)}`);
    }
    const objects = stacks.flatMap((stack) => objectsInState(path.join(work, `terraform.${stack}.tfstate`)));
    for (const object of objects) {
      if (object.kind === "helm-release") {
        if (object.status !== "deployed") failures.push(`${object.address}: Helm release ${object.namespace}/${object.name} is ${object.status}`);
        continue;
      }
      const got = kubectl(["get", object.kind, object.name, ...(object.namespace ? ["-n", object.namespace] : []), "-o", "name"]);
      if (!got.ok) failures.push(`${object.address}: ${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name} not in the API server: ${got.stderr}`);
    }
    const contract = CONTRACT_EXPECTATIONS[cloud];
    if (contract && !plant) {
      const { namespace, name } = contract.configMap;
      const got = kubectl(["get", "configmap", name, "-n", namespace, "-o", "json"]);
      const data = got.ok ? JSON.parse(got.stdout).data || {} : {};
      for (const [key, value] of Object.entries(contract.data)) {
        if (data[key] !== value) failures.push(`ConfigMap ${namespace}/${name}: ${key} is ${JSON.stringify(data[key])}, expected ${JSON.stringify(value)}${got.ok ? "" : `: ${got.stderr}`}`);
      }
      notes.push(`contract values computed by Terraform checked: ${Object.keys(contract.data).join(", ")}`);
    }
    const rollouts = objects.filter((o) => o.kind === "deployment");
    const started = Date.now();
    for (const deployment of rollouts) {
      const status = kubectl(["rollout", "status", `deployment/${deployment.name}`, "-n", deployment.namespace, `--timeout=${ROLLOUT_TIMEOUT_SECONDS}s`], { timeoutSeconds: ROLLOUT_TIMEOUT_SECONDS + 10 });
      if (!status.ok) failures.push(`${deployment.address}: rollout of ${deployment.namespace}/${deployment.name} incomplete: ${status.stderr || status.stdout.trim()}`);
    }
    timings.rolloutCheckSeconds = seconds(started);
    notes.push(`${objects.length} objects checked in the API server (${objects.filter((o) => o.kind === "helm-release").length} Helm releases), ${rollouts.length} Deployment(s) rolled out`);
  }

  // Always torn down, with the cloud's full pattern, so that the next run starts from the baseline.
  const destroyPatterns = context.commands[cloud];
  log(`  ${label}: ${runbookForm("destroy", destroyPatterns)}`);
  const destroyed = await cdktf("destroy", destroyPatterns, { outdir, env, logFile });
  timings.destroySeconds = destroyed.seconds;
  if (destroyed.code !== 0) failures.push(`destroy failed (exit ${destroyed.code}): ${catchingLine(destroyed.output)}`);
  for (const stack of stacks) {
    const stateFile = path.join(work, `terraform.${stack}.tfstate`);
    if (stateHoldsResources(stateFile)) failures.push(`${stack}: its state still holds resources after the destroy`);
  }
  for (const standIn of CRD_STAND_INS.filter((s) => s.cloud === cloud)) kubectl(["delete", "crd", standIn.crd.metadata.name, "--ignore-not-found", "--wait=true"]);
  // A chart's CRDs stay (Helm never deletes crds/), and with them the aggregator's APIService of each group's version.
  const chartGroups = new Set([...context.chartCrds].map((crd) => crd.slice(crd.indexOf(".") + 1)));
  const keptByHelm = (line) =>
    (/^apiextensions\.k8s\.io\/v1 CustomResourceDefinition \S+$/.test(line) && context.chartCrds.has(line.split(" ").pop())) ||
    (/^apiregistration\.k8s\.io\/v1 APIService \S+$/.test(line) && chartGroups.has(line.split(" ").pop().replace(/^[^.]+\./, "")));
  const isCrd = (line) => / CustomResourceDefinition /.test(line);
  let remnants = await settledRemnants(kubectl, baseline, { seconds: 90, expected: keptByHelm });
  const kept = remnants.filter(keptByHelm).filter(isCrd);
  if (kept.length > 0) {
    notes.push(`left by Helm, which never deletes a chart's crds/ (removed by the rehearsal): ${kept.map((l) => l.split(" ").pop()).join(", ")}`);
    kubectl(["delete", "crd", ...kept.map((l) => l.split(" ").pop()), "--wait=true"], { timeoutSeconds: 120 });
    // The aggregator's APIServices for the CRDs' groups go with them.
    remnants = await settledRemnants(kubectl, baseline, { seconds: 60 });
  }
  const unexpected = remnants.filter((l) => !keptByHelm(l));
  if (unexpected.length > 0) failures.push(`left in the cluster after the destroy: ${unexpected.join("; ")}`);
  return { failures, notes, timings };
}

/** What can be rehearsed here, and what cannot: { ready, missing[], tools }. */
function preflight() {
  const missing = [];
  const cached = cachedBinaries();
  if (!cached.binaries) missing.push(`the local control plane is not built (${cached.missing}): node scripts/rehearse/build-control-plane.js`);
  const terraform = spawnSync("terraform", ["version", "-json"], { encoding: "utf8" });
  let terraformVersion;
  let terraformPath;
  if (terraform.status === 0) {
    terraformVersion = JSON.parse(terraform.stdout).terraform_version;
    terraformPath = spawnSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" }).stdout.trim();
  } else missing.push("terraform is not on the PATH");
  if (spawnSync("openssl", ["version"]).status !== 0) missing.push("openssl is not on the PATH (the control plane's certificates)");
  return { missing, binaries: cached.binaries, terraformVersion, terraformPath };
}

/**
 * Synthesizes the example app for one cloud (BOOKSTORE_CLOUDS), as cdktf.json's app does,
 * from the working directory, so the local states are written there. One cloud at a time:
 * with every cloud, the app also has bookstore-global-dns, which reads each infrastructure
 * stack, and cdktf refuses `destroy 'bookstore-<cloud>*'` while that dependant is not named
 * (with --ignore-missing-stack-dependencies, cdktf 0.21.0 waits for it forever).
 */
function synthesize(work, cloud, kubeconfig, context) {
  const outdir = path.join(work, `synth-${cloud}`);
  const env = {
    ...process.env,
    CDKTF_OUTDIR: outdir,
    BOOKSTORE_CLOUDS: cloud,
    BOOKSTORE_DIAGRAMS: "0",
    BOOKSTORE_KUBECONFIG: kubeconfig,
    BOOKSTORE_KUBE_CONTEXT: context,
    BOOKSTORE_CHART_MIRROR: mirrorDir(),
    CHECKPOINT_DISABLE: "1",
  };
  const { app } = JSON.parse(fs.readFileSync(path.join(REPO, "cdktf.json"), "utf8"));
  const synth = spawnSync("sh", ["-c", app.replace("scripts/run-app.js", JSON.stringify(path.join(REPO, "scripts", "run-app.js")))], { cwd: work, env, encoding: "utf8", timeout: 300_000 });
  if (synth.status !== 0) throw new Error(`synth of ${cloud} failed: ${synth.stderr || synth.stdout}`);
  return outdir;
}

/**
 * A wrapper for the real terraform (TERRAFORM_BINARY_NAME) that keeps a copy of its output
 * in `log`: cdktf 0.21.0 drops the last lines of a failing run (the diagnostics), which the
 * rehearsal needs to say what caught a defect.
 */
function terraformWrapper(work, terraform) {
  const file = path.join(work, "terraform");
  fs.writeFileSync(
    file,
    [
      "#!/usr/bin/env bash",
      "# Written by scripts/rehearse/rehearse.js: the real terraform, its output also appended to $BOOKSTORE_REHEARSAL_TERRAFORM_LOG.",
      "set -o pipefail",
      'log="${BOOKSTORE_REHEARSAL_TERRAFORM_LOG:-/dev/null}"',
      'echo "$ terraform $* (in $PWD)" >> "$log"',
      `${JSON.stringify(terraform)} "$@" 2>&1 | tee -a "$log"`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  return file;
}

async function main(argv = process.argv.slice(2)) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`rehearse: ${error.message}`);
    return 2;
  }
  const started = Date.now();
  const pre = preflight();
  if (pre.missing.length > 0) {
    console.log(`rehearse: not run here: ${pre.missing.join("; ")}`);
    return options.require ? 1 : 0;
  }
  const cache = cacheDir();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-rehearsal-"));
  const cpDir = path.join(work, "control-plane");
  const standInsFile = path.join(work, "webhook-stand-ins.json");
  fs.writeFileSync(standInsFile, JSON.stringify(WEBHOOK_STAND_INS, null, 2));
  const log = (line) => console.error(line);
  const result = { startedAt: new Date().toISOString(), versions: { kubernetes: KUBERNETES.version, etcd: ETCD.version, kwok: KWOK.version, terraform: pre.terraformVersion }, clouds: {}, plants: {} };
  let exitCode = 0;
  let startedControlPlane = false;
  try {
    // Synthesized before the control plane starts (its kubeconfig's path is known), so the
    // first line can say what will be rehearsed and what cannot.
    const synthStarted = Date.now();
    const pristine = {};
    for (const cloud of options.clouds) pristine[cloud] = synthesize(work, cloud, path.join(cpDir, "kubeconfig"), controlPlane.CONTEXT);
    result.synthSeconds = seconds(synthStarted);
    const commands = {};
    const cannot = [];
    const rehearsed = [];
    const chartCrds = new Set();
    for (const cloud of options.clouds) {
      const manifest = JSON.parse(fs.readFileSync(path.join(pristine[cloud], "manifest.json"), "utf8"));
      const readStack = (name) => JSON.parse(fs.readFileSync(path.join(pristine[cloud], "stacks", name, "cdk.tf.json"), "utf8"));
      const stacks = stacksOf(manifest, cloud);
      const reasons = [];
      const command = runbookDeployCommand(fs.readFileSync(path.join(REPO, "docs", `${cloud}.md`), "utf8"), cloud);
      if (!command) reasons.push(`docs/${cloud}.md gives no deploy command for ${cloud}`);
      commands[cloud] = command;
      const kubeStacks = stacks.filter((s) => s !== `bookstore-${cloud}`).map((name) => ({ name, json: readStack(name) }));
      for (const { source, version } of requiredProviders(kubeStacks)) {
        if (!fs.existsSync(providerBinary(cache, source, version))) reasons.push(`no ${source} ${version} binary in ${path.join(cache, "providers")}`);
      }
      const charts = kubeStacks.flatMap(({ json }) => Object.values((json.resource && json.resource.helm_release) || {}).map((r) => ({ file: r.chart, name: r.name, version: r.version })));
      for (const chart of charts) {
        if (!fs.existsSync(chart.file)) reasons.push(`the chart mirror lacks ${path.basename(chart.file)} (node scripts/rehearse/chart-mirror.js)`);
        else for (const crd of crdNamesInChart(chart.file)) chartCrds.add(crd);
      }
      if (reasons.length > 0) {
        cannot.push(`${cloud}: ${reasons.join(", ")}`);
        continue;
      }
      // The infrastructure stack's stand-in: its outputs, nothing else.
      fs.writeFileSync(path.join(pristine[cloud], "stacks", `bookstore-${cloud}`, "cdk.tf.json"), JSON.stringify(standInStack(readStack(`bookstore-${cloud}`)), null, 2));
      rehearsed.push({ cloud, stacks, charts });
    }
    const describe = ({ cloud, stacks, charts }) =>
      `${runbookForm("deploy", commands[cloud])} (${stacks.join(", ")}${charts.length ? `; charts ${charts.map((c) => `${c.name} ${c.version}`).join(", ")} from the mirror` : ""})`;
    console.log(
      [
        `rehearse: deploys and destroys with the runbooks' commands on a local kube-apiserver ${KUBERNETES.version} (etcd ${ETCD.version}, kwok ${KWOK.version} fake nodes, Terraform ${pre.terraformVersion}): ${rehearsed.map(describe).join("; ") || "nothing"}`,
        `stood in: each infrastructure stack by its outputs (no cloud), ${WEBHOOK_STAND_INS.map((w) => w.what).join(", ")}, ${CRD_STAND_INS.map((c) => c.what).join(", ")}`,
        `not rehearsed: the infrastructure stacks' resources, AWS on moto (hashicorp/aws cannot be built here)${cannot.length ? `, ${cannot.join("; ")}` : ""}${options.plants.length ? `; planted defects: ${options.plants.join(", ")}` : ""}`,
      ].join("; "),
    );
    if (cannot.length > 0 && options.require) exitCode = 1;
    if (rehearsed.length === 0) throw new Error("nothing to rehearse");

    const cp = await controlPlane.start(cpDir, { log, standIns: standInsFile });
    startedControlPlane = true;
    result.controlPlane = { readySeconds: cp.state.readySeconds, residentMiB: cp.state.residentMiB };
    const kubectl = makeKubectl(cp.binaries.kubectl, cp.kubeconfig);
    const env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: terraformCliConfig(work, cache),
      TERRAFORM_BINARY_NAME: terraformWrapper(work, pre.terraformPath),
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      CI: "true",
      NO_COLOR: "1",
    };
    delete env.FORCE_COLOR;
    const baseline = clusterObjects(kubectl);
    const context = { work, pristine, env, kubectl, baseline, log, commands, chartCrds };

    for (const { cloud } of rehearsed) {
      log(`${cloud}:`);
      const outcome = await rehearseCloud(context, cloud, { label: cloud });
      result.clouds[cloud] = outcome;
      for (const note of outcome.notes) log(`  ${note}`);
      for (const failure of outcome.failures) log(`  FAILED: ${failure}`);
      if (outcome.failures.length > 0) exitCode = 1;
    }
    for (const name of options.plants) {
      const planted = PLANTS[name];
      if (!rehearsed.some((r) => r.cloud === planted.cloud)) {
        log(`planted ${name}: not run (${planted.cloud} is not rehearsed here)`);
        continue;
      }
      log(`planted ${name}: ${planted.what}`);
      const outcome = await rehearseCloud({ ...context, expect: planted.caughtBy }, planted.cloud, { label: `plant-${name}`, patterns: planted.patterns, plant: planted.plant });
      const caught = outcome.failures.find((f) => planted.caughtBy.test(f));
      result.plants[name] = { what: planted.what, caught: caught || null, failures: outcome.failures, timings: outcome.timings };
      if (caught) log(`  caught: ${caught}`);
      else {
        log(`  NOT CAUGHT: ${outcome.failures.length ? `failed otherwise: ${outcome.failures.join("; ")}` : "the rehearsal passed"}`);
        exitCode = 1;
      }
      const teardown = outcome.failures.filter((f) => /after the destroy|destroy failed/.test(f));
      if (teardown.length > 0) {
        log(`  the planted run did not tear down clean: ${teardown.join("; ")}`);
        exitCode = 1;
      }
    }
  } catch (error) {
    log(`rehearse: ${error.message}`);
    exitCode = 1;
  } finally {
    if (options.keep) {
      log(`kept ${work}; stop the control plane with: node scripts/rehearse/control-plane.js stop --dir ${cpDir}`);
    } else {
      if (startedControlPlane) {
        for (const line of await controlPlane.stop(cpDir)) log(`  ${line}`);
        const stopped = controlPlane.readState(cpDir);
        if (stopped && result.controlPlane) result.controlPlane.peakMiB = Object.fromEntries((stopped.stoppedProcesses || []).map((p) => [p.name, p.peakMiB]));
      }
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  result.totalSeconds = seconds(started);
  result.passed = exitCode === 0;
  if (options.record) fs.writeFileSync(options.record, `${JSON.stringify(result, null, 2)}\n`);
  const clouds = Object.entries(result.clouds).map(([cloud, o]) => `${cloud} ${o.failures.length ? "FAILED" : "ok"} (deploy ${o.timings.deploySeconds} s, destroy ${o.timings.destroySeconds} s)`);
  const plants = Object.entries(result.plants).map(([name, p]) => `${name} ${p.caught ? "caught" : "NOT caught"}`);
  console.log(`rehearse: ${exitCode === 0 ? "passed" : "FAILED"} in ${result.totalSeconds} s: ${[...clouds, ...plants].join(", ") || "nothing ran"}`);
  return exitCode;
}

module.exports = { PLANTS, runbookForm, stacksOf, catchingLine, main };

if (require.main === module) main().then((code) => (process.exitCode = code));
