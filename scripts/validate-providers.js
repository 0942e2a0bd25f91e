#!/usr/bin/env node
/*
 * Runs the pinned providers' own validation (`terraform validate -json`) on every
 * synthesized stack. `npm run validate` checks each block against the trimmed schemas
 * (attribute names, types, required attributes); only the provider binary knows its
 * enums, ConflictsWith/ExactlyOneOf sets and ValidateFuncs, so this runs the binary.
 *
 * Usage (npm run validate:providers synthesizes first):
 *   node scripts/validate-providers.js [--stacks DIR] [--no-build] [--keep]
 *     --stacks DIR  the synthesized stacks (default cdktf.out/stacks)
 *     --no-build    use the cache only; never run `go install`
 *     --keep        keep the temporary working directory and print its path
 *
 * For each provider a stack requires (exact version from required_providers):
 *   1. the binary in <cache>/providers, a Terraform filesystem mirror
 *      (registry.terraform.io/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>),
 *      where <cache> is $BOOKSTORE_TOOLS_CACHE or ~/.cache/multicloud-bookstore, outside
 *      the repository; built there from the provider's source at its tag (docs/contributing.md,
 *      "Provider binaries"), since no registry serves providers here;
 *   2. else `go install <module>@v<version>` into the cache (reused next time). The Go
 *      module proxy may refuse a provider's module (it answers 403 for several): the
 *      refusal is printed on one line and the provider's blocks are only checked
 *      structurally (by stand-ins here, by the schemas in `npm run validate`).
 * Terraform: the `terraform` on the PATH, else OpenTofu from the cache or built by
 * `go install github.com/opentofu/opentofu/cmd/tofu@v1.10.7` (or, since its go.mod has a
 * replace directive that go install refuses, `go build` inside the downloaded module);
 * only sought when at least one provider binary is available.
 *
 * Each stack is validated as a transformed copy in a temporary directory, one block per
 * file so that every diagnostic names its block by file name (scripts/stand-ins.js):
 *   - blocks of available providers are kept as they are;
 *   - every resource or data source of an unavailable provider becomes a built-in
 *     `terraform_data` stand-in (no provider needed) whose `input` is the block's body
 *     and whose `output` stands for every attribute referenced, so references and
 *     depends_on still resolve and still order the graph;
 *   - unavailable providers' provider blocks and required_providers entries, and the
 *     backend, are dropped; sources are written fully qualified
 *     (registry.terraform.io/...) so that OpenTofu looks the same provider up.
 * Terraform is pointed at the binaries through dev_overrides in a CLI config file of
 * this script's own (TF_CLI_CONFIG_FILE), so no `init` and no registry are needed.
 *
 * Exit status: 1 when any diagnostic other than the dev_overrides notice is reported
 * (errors and warnings alike; stand-ins are named as such), 2 on bad usage or a missing
 * stacks directory, 0 otherwise, including when no provider could be had at all (a
 * fresh machine): each provider then gets a "not validated by the real provider" line.
 *
 * Nothing fetched is kept in the repository: binaries stay in the cache directory, and
 * Go's module and build caches in Go's own places (GOMODCACHE, GOCACHE).
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { normalizeSource, requiredProviders, transformStack } = require("./stand-ins");

const REPO_ROOT = path.resolve(__dirname, "..");

/**
 * Go modules of the providers the stacks use, by registry source. The module path is
 * the one in each provider's go.mod; those at v2 and later declare no /vN suffix, so
 * even a proxy that served them would refuse `@v<major>.x` for them: they are listed
 * so that the attempt, and its refusal, are visible.
 */
const GO_MODULES = Object.freeze({
  "aliyun/alicloud": "github.com/aliyun/terraform-provider-alicloud",
  "tencentcloudstack/tencentcloud": "github.com/tencentcloudstack/terraform-provider-tencentcloud",
  "hashicorp/aws": "github.com/hashicorp/terraform-provider-aws",
  "hashicorp/kubernetes": "github.com/hashicorp/terraform-provider-kubernetes",
  "hashicorp/random": "github.com/hashicorp/terraform-provider-random",
  "hashicorp/helm": "github.com/hashicorp/terraform-provider-helm",
});

const OPENTOFU = Object.freeze({ module: "github.com/opentofu/opentofu", command: "cmd/tofu", version: "v1.10.7" });

/** The warning Terraform prints whenever dev_overrides are in effect: expected here. */
const DEV_OVERRIDES_SUMMARY = "Provider development overrides are in effect";

/**
 * Warnings the library takes on purpose, each with its reason: reported, never failing.
 * Everything else a real provider says fails the run.
 */
const ACCEPTED_WARNINGS = [
  {
    block: /^data\.alicloud_cs_managed_kubernetes_clusters\./,
    summary: /This data source has been deprecated since v1\.276\.0/,
    reason: "the only alicloud 1.289.0 data source that returns a cluster's intranet API endpoint; alicloud_cs_clusters does not (lib/alicloud/kubernetes-access.ts)",
  },
];

/** The accepted warning a diagnostic matches, if any. */
function acceptedWarning(d) {
  const block = ((d.range && d.range.filename) || "").replace(/\.tf\.json$/, "");
  return d.severity === "warning" ? ACCEPTED_WARNINGS.find((a) => a.block.test(block) && a.summary.test(d.summary)) : undefined;
}

function cacheDir(env = process.env) {
  return env.BOOKSTORE_TOOLS_CACHE || path.join(os.homedir(), ".cache", "multicloud-bookstore");
}

function binaryName(type, version) {
  return `terraform-provider-${type}_v${version}`;
}

/** Terraform's name for this machine's platform, e.g. linux_amd64. */
function platform() {
  const arch = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" }[process.arch] || process.arch;
  return `${process.platform}_${arch}`;
}

/**
 * Where the binary of source@version sits in the cache's providers folder, a Terraform
 * filesystem mirror (unpacked layout), so the same folder can also serve `terraform init
 * -plugin-dir` or a `filesystem_mirror` block.
 * ref: https://developer.hashicorp.com/terraform/cli/config/config-file#filesystem_mirror
 * (HOSTNAME/NAMESPACE/TYPE/VERSION/TARGET/ for the unpacked layout)
 */
function providerBinary(cache, source, version) {
  const [namespace, type] = source.split("/");
  return path.join(cache, "providers", "registry.terraform.io", namespace, type, version, platform(), binaryName(type, version));
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Go command's failure, on one line. */
function oneLine(text, max = 300) {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
  return line.length > max ? `${line.slice(0, max)}...` : line;
}

/** The gist of a failed `go install`: the proxy's answer when it refused, else the output on one line. */
function goFailure(text) {
  const refused = /reading (https:\/\/\S+): (\d{3} [^\n]*)\n\s*server response: ([^\n]*)/.exec(text);
  if (refused) return `the Go module proxy answered ${refused[2].trim()}: ${refused[3].trim()} (${refused[1]})`;
  return oneLine(text);
}

function goInstall(moduleAtVersion, gobin, env) {
  fs.mkdirSync(gobin, { recursive: true });
  const result = spawnSync("go", ["install", moduleAtVersion], {
    encoding: "utf8",
    // Go's own module and build caches (GOMODCACHE, GOCACHE) are used: never the repository.
    env: {
      ...env,
      GOBIN: gobin,
      GOFLAGS: `${env.GOFLAGS || ""} -modcacherw`.trim(),
    },
    cwd: os.tmpdir(),
    maxBuffer: 64 * 1024 * 1024,
    // A provider builds in tens of minutes on two cores; a stalled download must not hang CI.
    timeout: 60 * 60 * 1000,
  });
  if (result.error) return { ok: false, why: `go install ${moduleAtVersion}: ${result.error.code === "ENOENT" ? "go is not on the PATH" : result.error.message}` };
  if (result.status !== 0) return { ok: false, why: `go install ${moduleAtVersion}: ${goFailure(result.stderr || result.stdout)}` };
  return { ok: true };
}

/** `go mod download` of module@version, then `go build -o out ./command` inside it (its go.mod, replacements included). */
function goBuildInModule(module, version, command, out, env) {
  const options = { encoding: "utf8", env: { ...env, GOFLAGS: `${env.GOFLAGS || ""} -modcacherw`.trim() }, maxBuffer: 64 * 1024 * 1024, timeout: 60 * 60 * 1000 };
  const download = spawnSync("go", ["mod", "download", "-json", `${module}@${version}`], { ...options, cwd: os.tmpdir() });
  if (download.status !== 0) return { ok: false, why: `go mod download ${module}@${version}: ${goFailure(download.stderr || download.stdout)}` };
  const dir = JSON.parse(download.stdout).Dir;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const built = spawnSync("go", ["build", "-o", out, `./${command}`], { ...options, cwd: dir });
  if (built.status !== 0) return { ok: false, why: `go build ./${command} in ${dir}: ${goFailure(built.stderr || built.stdout)}` };
  return { ok: true };
}

/**
 * The provider binary for source@version: from the cache, else built by go install
 * (unless build is false). Returns { path } or { why }.
 */
function obtainProvider(source, version, { cache, build, env, log }) {
  const type = source.split("/")[1];
  if (!/^\d+\.\d+\.\d+$/.test(version || "")) return { why: `version "${version}" is not an exact pin, so no single binary can be named` };
  const file = providerBinary(cache, source, version);
  if (isExecutable(file)) return { path: file };
  const sourceBuild = `build it from its source at tag v${version} into ${file} (docs/contributing.md, "Provider binaries")`;
  const module = GO_MODULES[source];
  if (!module) return { why: `no Go module is known for ${source}` };
  if (!build) return { why: `${file} is absent and building was turned off (--no-build); ${sourceBuild}` };
  log(`building ${source} ${version}: go install ${module}@v${version} (the first build takes many minutes)`);
  const gobin = path.join(cache, "gobin", `${type}-${version}`);
  const installed = goInstall(`${module}@v${version}`, gobin, env);
  if (!installed.ok) return { why: `${installed.why}; ${sourceBuild}` };
  const built = path.join(gobin, `terraform-provider-${type}`);
  if (!isExecutable(built)) return { why: `go install succeeded but wrote no ${built}` };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.renameSync(built, file);
  return { path: file };
}

/** terraform on the PATH, else OpenTofu (cached, or built). Returns { path, name } or { why }. */
function obtainTerraform({ cache, build, env, log }) {
  const onPath = spawnSync("terraform", ["version"], { encoding: "utf8", env });
  if (onPath.status === 0) return { path: "terraform", name: oneLine(onPath.stdout.split("\n")[0]) };
  const tofu = path.join(cache, "bin", "tofu");
  if (!isExecutable(tofu)) {
    if (!build) return { why: "terraform is not on the PATH and no OpenTofu is cached (--no-build)" };
    const command = `${OPENTOFU.module}/${OPENTOFU.command}@${OPENTOFU.version}`;
    log(`terraform is not on the PATH: building OpenTofu, go install ${command} (takes minutes)`);
    let installed = goInstall(command, path.join(cache, "bin"), env);
    if (!installed.ok && /replace directives/.test(installed.why)) {
      // OpenTofu's go.mod replaces hcl/v2 with its fork, which `go install mod@version`
      // refuses; built inside the downloaded module, the replacement applies.
      log(`  go install refuses a module with replace directives: go mod download ${OPENTOFU.module}@${OPENTOFU.version}, then go build ./${OPENTOFU.command} in it`);
      installed = goBuildInModule(OPENTOFU.module, OPENTOFU.version, OPENTOFU.command, tofu, env);
    }
    if (!installed.ok) return { why: `terraform is not on the PATH and OpenTofu could not be built: ${installed.why}` };
  }
  const version = spawnSync(tofu, ["version"], { encoding: "utf8", env });
  return { path: tofu, name: oneLine((version.stdout || "OpenTofu").split("\n")[0]) };
}

/**
 * Writes, below `work`, a Terraform CLI config that takes each provider (`aliyun/alicloud`
 * -> binary path) from its local binary through dev_overrides; returns the config's path,
 * for TF_CLI_CONFIG_FILE.
 */
function devOverridesConfig(work, binaries) {
  const lines = Object.entries(binaries).map(([source, binary]) => {
    // One directory per provider, holding only its binary, as dev_overrides expects.
    const dir = path.join(work, "plugins", source.replace("/", "_"));
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(binary, path.join(dir, path.basename(binary)));
    return `    "registry.terraform.io/${source}" = ${JSON.stringify(dir)}`;
  });
  const config = path.join(work, "terraformrc");
  fs.writeFileSync(config, `provider_installation {\n  dev_overrides {\n${lines.join("\n")}\n  }\n  direct {}\n}\n`);
  return config;
}

function describeDiagnostic(d, standInFiles) {
  const file = d.range && d.range.filename;
  let where = "";
  if (file) {
    const block = file.replace(/\.tf\.json$/, "");
    where = standInFiles.has(file) ? ` [stand-in for ${block.replace(/^standin\./, "")}]` : ` [${block}]`;
  }
  const detail = d.detail ? `: ${oneLine(d.detail, 600)}` : "";
  // A summary may run over lines (alicloud adds a [NOTE] line): one line per diagnostic.
  return `${d.severity}: ${oneLine(d.summary, 600)}${detail}${where}`;
}

function validateStack(terraform, dir, env) {
  const result = spawnSync(terraform, ["validate", "-json", "-no-color"], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(result.stdout).diagnostics || [];
  } catch {
    return [{ severity: "error", summary: `${terraform} validate did not answer in JSON (exit ${result.status})`, detail: oneLine(`${result.stderr || ""} ${result.stdout || ""}`) }];
  }
}

function parseArgs(argv) {
  const args = { stacks: path.join(REPO_ROOT, "cdktf.out", "stacks"), build: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--stacks") args.stacks = path.resolve(argv[++i] || "");
    else if (argv[i] === "--no-build") args.build = false;
    else if (argv[i] === "--keep") args.keep = true;
    else throw new Error(`unknown argument ${argv[i]}; usage: validate-providers.js [--stacks DIR] [--no-build] [--keep]`);
  }
  return args;
}

function main(argv = process.argv.slice(2), env = process.env, log = console.log) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    log(e.message);
    return 2;
  }
  if (!fs.existsSync(args.stacks)) {
    log(`no synthesized stacks in ${args.stacks}: run npm run synth first (npm run validate:providers does)`);
    return 2;
  }
  const stacks = fs
    .readdirSync(args.stacks)
    .filter((s) => fs.existsSync(path.join(args.stacks, s, "cdk.tf.json")))
    .sort()
    .map((name) => ({ name, json: JSON.parse(fs.readFileSync(path.join(args.stacks, name, "cdk.tf.json"), "utf8")) }));
  if (!stacks.length) {
    log(`no stacks (*/cdk.tf.json) in ${args.stacks}`);
    return 2;
  }

  const cache = cacheDir(env);
  const context = { cache, build: args.build, env, log };
  const binaries = {};
  log(`provider binaries: ${path.join(cache, "providers")}`);
  for (const { source, version } of requiredProviders(stacks)) {
    const got = obtainProvider(source, version, context);
    if (got.path) {
      binaries[source] = got.path;
      log(`  ${source} ${version}: real provider, ${got.path}`);
    } else log(`  ${source} ${version}: not validated by the real provider: ${got.why}; its blocks are only checked structurally (npm run validate)`);
  }

  if (!Object.keys(binaries).length) {
    log("no provider binary is available: nothing was validated by a real provider (structural check: npm run validate)");
    return 0;
  }
  const terraform = obtainTerraform(context);
  if (!terraform.path) {
    log(`not validated by any real provider: ${terraform.why}`);
    return 0;
  }
  log(`validating with ${terraform.name}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-validate-providers-"));
  const cliConfigFile = devOverridesConfig(work, binaries);
  const tfEnv = { ...env, TF_CLI_CONFIG_FILE: cliConfigFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  delete tfEnv.TF_DATA_DIR;
  // The alicloud provider turns its validation errors into warnings when this is "true".
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/validators.go (skipResourceSchemaValidation)
  delete tfEnv.TF_SKIP_RESOURCE_SCHEMA_VALIDATION;

  const available = new Set(Object.keys(binaries));
  let failures = 0;
  const totals = { real: 0, standIns: 0 };
  for (const stack of stacks) {
    const dir = path.join(work, "stacks", stack.name);
    fs.mkdirSync(dir, { recursive: true });
    const { files, real, standIns, standInFiles } = transformStack(stack.json, available);
    for (const [file, json] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
    const diagnostics = validateStack(terraform.path, dir, tfEnv).filter((d) => d.summary !== DEV_OVERRIDES_SUMMARY);
    const count = (m) => Object.values(m).reduce((a, b) => a + b, 0);
    const list = (m) => Object.entries(m).map(([s, n]) => `${s} ${n}`).join(", ") || "none";
    totals.real += count(real);
    totals.standIns += count(standIns);
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    log(
      `${stack.name}: ${count(real)} blocks judged by the real provider (${list(real)}), ` +
        `${count(standIns)} only structurally checked (${list(standIns)}): ${errors} errors, ${diagnostics.length - errors} warnings`,
    );
    for (const d of diagnostics) {
      const accepted = acceptedWarning(d);
      log(`  ${accepted ? "accepted " : ""}${describeDiagnostic(d, standInFiles)}${accepted ? ` (accepted: ${accepted.reason})` : ""}`);
      if (!accepted) failures += 1;
    }
  }
  log(`${totals.real} resources and data sources judged by real providers, ${totals.standIns} only structurally checked, in ${stacks.length} stacks; ${failures} diagnostics not accepted`);
  if (args.keep) log(`working directory kept: ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  return failures ? 1 : 0;
}

module.exports = { GO_MODULES, cacheDir, binaryName, providerBinary, devOverridesConfig, main };

if (require.main === module) process.exitCode = main();
