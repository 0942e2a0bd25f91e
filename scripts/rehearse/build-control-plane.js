#!/usr/bin/env node
/*
 * Builds the local control plane's binaries from their Go modules, once, into the tools
 * cache (outside the repository): etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler, kubectl and kwok, each at the version pinned in ./versions.js.
 *
 * Usage: node scripts/rehearse/build-control-plane.js [--check] [--only etcd|kubernetes|kwok]
 *   --check  build nothing; print what is cached and exit 1 when something is missing
 *
 * Layout, below <cache>/control-plane (<cache> is $BOOKSTORE_TOOLS_CACHE or
 * ~/.cache/multicloud-bookstore, as for the provider binaries):
 *   <component>-<version>/src/      the wrapper module that was built (go.mod, main.go)
 *   <component>-<version>/bin/      the binaries
 *   <component>-<version>/build.json  what the build took: wall and CPU seconds, peak memory
 *   kwok-<version>/stages/          kwok's stage definitions (kustomize/stage/ of its module)
 *
 * Why wrapper modules:
 *   - k8s.io/kubernetes replaces its staging modules (k8s.io/api, ...) with directories
 *     inside itself; `go install k8s.io/kubernetes/cmd/...@v1.34.4` refuses a module with
 *     replace directives. A module that requires it and replaces each staging module with
 *     its release (k8s.io/api v0.34.4, ...) builds the same sources.
 *   - etcd's server module has no command of its own; a main package calls etcdmain.Main
 *     as etcd's own server/main.go does.
 *   - kwok has no replace directive, so `go install` builds it directly.
 * The Kubernetes binaries are stamped with their version (-X k8s.io/component-base/version.*):
 * without it the API server reports v0.0.0-master and `kubectl version` cannot parse it.
 *
 * The builds run under `nice -n 10` (the machine is shared) and `/usr/bin/time -v` when it
 * exists, whose peak resident size and CPU time cover the compiler and linker processes.
 * Go's module and build caches (GOMODCACHE, GOCACHE) are Go's own; nothing is written to
 * the repository.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { KUBERNETES, ETCD, KWOK, stagingVersion } = require("./versions");

function toolsCache(env = process.env) {
  return env.BOOKSTORE_TOOLS_CACHE || path.join(os.homedir(), ".cache", "multicloud-bookstore");
}

function controlPlaneDir(env = process.env) {
  return path.join(toolsCache(env), "control-plane");
}

/** Where each component lives in the cache, and the binaries it must hold. */
function layout(env = process.env) {
  const root = controlPlaneDir(env);
  const etcd = path.join(root, `etcd-${ETCD.version}`);
  const kubernetes = path.join(root, `kubernetes-${KUBERNETES.version}`);
  const kwok = path.join(root, `kwok-${KWOK.version}`);
  return {
    root,
    components: {
      etcd: { dir: etcd, binaries: { etcd: path.join(etcd, "bin", "etcd") } },
      kubernetes: {
        dir: kubernetes,
        binaries: Object.fromEntries(KUBERNETES.commands.map((c) => [c, path.join(kubernetes, "bin", c)])),
      },
      kwok: { dir: kwok, binaries: { kwok: path.join(kwok, "bin", "kwok") }, stages: path.join(kwok, "stages") },
    },
  };
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Every binary of every component, or the first missing one. */
function cachedBinaries(env = process.env) {
  const { components } = layout(env);
  const binaries = {};
  for (const [name, component] of Object.entries(components)) {
    for (const [command, file] of Object.entries(component.binaries)) {
      if (!isExecutable(file)) return { missing: `${command} (${name}) at ${file}` };
      binaries[command] = file;
    }
    if (component.stages && !fs.existsSync(path.join(component.stages, "stages.yaml"))) {
      return { missing: `kwok's stage definitions at ${component.stages}` };
    }
  }
  return { binaries, stages: path.join(components.kwok.stages, "stages.yaml") };
}

function goEnv(env) {
  return {
    ...env,
    // The pinned modules build with the Go on the PATH; never fetch another toolchain.
    GOTOOLCHAIN: "local",
    GOFLAGS: `${env.GOFLAGS || ""} -modcacherw`.trim(),
    CGO_ENABLED: "0",
  };
}

/**
 * Runs `go args...` in cwd under nice and /usr/bin/time; returns the measurement.
 * Throws with the command's last lines when it fails.
 */
function measuredGo(args, { cwd, env, log }) {
  const timeFile = path.join(os.tmpdir(), `rehearse-build-time-${process.pid}-${Date.now()}.txt`);
  const haveTime = isExecutable("/usr/bin/time");
  const command = haveTime ? "/usr/bin/time" : "nice";
  const argv = haveTime ? ["-v", "-o", timeFile, "nice", "-n", "10", "go", ...args] : ["-n", "10", "go", ...args];
  log(`  (${path.relative(os.homedir(), cwd) || cwd}) go ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, argv, { cwd, env: goEnv(env), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 2 * 60 * 60 * 1000 });
  const wallSeconds = Math.round((Date.now() - started) / 1000);
  if (result.error) throw new Error(`go ${args[0]}: ${result.error.message}`);
  if (result.status !== 0) {
    const tail = `${result.stderr || ""}${result.stdout || ""}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(`go ${args.join(" ")} failed (exit ${result.status}):\n${tail}`);
  }
  const measured = { wallSeconds };
  if (haveTime && fs.existsSync(timeFile)) {
    const text = fs.readFileSync(timeFile, "utf8");
    fs.rmSync(timeFile, { force: true });
    const number = (re) => Number((re.exec(text) || [])[1]);
    measured.cpuSeconds = Math.round(number(/User time \(seconds\): ([\d.]+)/) + number(/System time \(seconds\): ([\d.]+)/));
    measured.peakMemoryMiB = Math.round(number(/Maximum resident set size \(kbytes\): (\d+)/) / 1024);
  }
  return measured;
}

function goVersion(env) {
  const v = spawnSync("go", ["version"], { encoding: "utf8", env: goEnv(env) });
  return v.status === 0 ? v.stdout.trim() : "go: not found";
}

function writeBuildRecord(dir, record) {
  fs.writeFileSync(path.join(dir, "build.json"), `${JSON.stringify(record, null, 2)}\n`);
}

function buildEtcd(component, { env, log }) {
  const src = path.join(component.dir, "src");
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, "go.mod"), `module bookstore.rehearse/etcd\n\ngo 1.24\n\nrequire ${ETCD.module} ${ETCD.version}\n`);
  // As etcd's own server/main.go: ref https://github.com/etcd-io/etcd/blob/v3.6.4/server/main.go
  fs.writeFileSync(
    path.join(src, "main.go"),
    `// Built by scripts/rehearse/build-control-plane.js: etcd ${ETCD.version}'s server entry point.\npackage main\n\nimport (\n\t"os"\n\n\t"${ETCD.mainPackage}"\n)\n\nfunc main() {\n\tetcdmain.Main(os.Args)\n}\n`,
  );
  const measured = measuredGo(["build", "-mod=mod", "-trimpath", "-ldflags=-s -w", "-o", component.binaries.etcd, "."], { cwd: src, env, log });
  return measured;
}

function buildKubernetes(component, { env, log }) {
  const src = path.join(component.dir, "src");
  fs.mkdirSync(src, { recursive: true });
  const staging = stagingVersion(KUBERNETES.version);
  const replaces = KUBERNETES.stagingModules.map((m) => `\tk8s.io/${m} => k8s.io/${m} ${staging}`).join("\n");
  fs.writeFileSync(
    path.join(src, "go.mod"),
    `module bookstore.rehearse/kubernetes\n\ngo 1.24\n\nrequire ${KUBERNETES.module} ${KUBERNETES.version}\n\nreplace (\n${replaces}\n)\n`,
  );
  // A file so that the module has a package; the commands are built from the dependency.
  fs.writeFileSync(path.join(src, "doc.go"), `// Package wrapper builds k8s.io/kubernetes ${KUBERNETES.version}'s commands (scripts/rehearse/build-control-plane.js).\npackage wrapper\n`);
  const [, major, minor] = /^v(\d+)\.(\d+)\./.exec(KUBERNETES.version);
  const pkg = "k8s.io/component-base/version";
  const ldflags = [
    "-s", "-w",
    `-X ${pkg}.gitVersion=${KUBERNETES.version}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
    `-X ${pkg}.buildDate=1970-01-01T00:00:00Z`,
  ].join(" ");
  fs.mkdirSync(path.join(component.dir, "bin"), { recursive: true });
  const packages = KUBERNETES.commands.map((c) => `${KUBERNETES.module}/cmd/${c}`);
  return measuredGo(["build", "-mod=mod", "-trimpath", `-ldflags=${ldflags}`, "-o", path.join(component.dir, "bin") + path.sep, ...packages], { cwd: src, env, log });
}

function buildKwok(component, { env, log }) {
  const bin = path.join(component.dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  const measured = measuredGo(["install", "-trimpath", "-ldflags=-s -w", `${KWOK.module}/${KWOK.command}@${KWOK.version}`], {
    cwd: os.tmpdir(),
    env: { ...env, GOBIN: bin },
    log,
  });
  writeKwokStages(component, env);
  return measured;
}

/**
 * kwok's stages (what a fake node and pod go through: node ready, pod running, pod
 * deleted, ...) are not built in; they ship as kustomize/stage/**.yaml in its module.
 * The stages of its `fast` set (kustomize/stage/fast/kustomization.yaml: node/fast,
 * node/heartbeat-with-lease, pod/fast) are joined into one --config file.
 */
function writeKwokStages(component, env) {
  const download = spawnSync("go", ["mod", "download", "-json", `${KWOK.module}@${KWOK.version}`], { encoding: "utf8", env: goEnv(env), cwd: os.tmpdir() });
  if (download.status !== 0) throw new Error(`go mod download ${KWOK.module}@${KWOK.version}: ${download.stderr}`);
  const moduleDir = JSON.parse(download.stdout).Dir;
  const wanted = [path.join("node", "fast"), path.join("node", "heartbeat-with-lease"), path.join("pod", "fast")];
  const documents = [];
  for (const sub of wanted) {
    const dir = path.join(moduleDir, "kustomize", "stage", sub);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort()) {
      documents.push(`# from ${KWOK.module}@${KWOK.version}/kustomize/stage/${sub}/${file}\n${fs.readFileSync(path.join(dir, file), "utf8").trim()}\n`);
    }
  }
  if (documents.length === 0) throw new Error(`no stage definitions in ${moduleDir}/kustomize/stage`);
  fs.mkdirSync(component.stages, { recursive: true });
  fs.writeFileSync(path.join(component.stages, "stages.yaml"), documents.join("---\n"));
}

const BUILDERS = { etcd: buildEtcd, kwok: buildKwok, kubernetes: buildKubernetes };
const VERSIONS = { etcd: ETCD.version, kwok: KWOK.version, kubernetes: KUBERNETES.version };

function main(argv = process.argv.slice(2), env = process.env) {
  const log = (line) => console.log(line);
  const check = argv.includes("--check");
  const onlyIndex = argv.indexOf("--only");
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (only && !BUILDERS[only]) {
    console.error(`--only takes one of ${Object.keys(BUILDERS).join(", ")}; got ${only}`);
    return 2;
  }
  const { components, root } = layout(env);
  let missing = 0;
  for (const name of Object.keys(BUILDERS)) {
    if (only && name !== only) continue;
    const component = components[name];
    const absent = Object.values(component.binaries).filter((f) => !isExecutable(f));
    const stagesAbsent = component.stages && !fs.existsSync(path.join(component.stages, "stages.yaml"));
    if (absent.length === 0 && !stagesAbsent) {
      log(`${name} ${VERSIONS[name]}: cached in ${path.relative(root, component.dir)}/`);
      continue;
    }
    if (check) {
      log(`${name} ${VERSIONS[name]}: missing ${absent.concat(stagesAbsent ? [component.stages] : []).join(", ")}`);
      missing++;
      continue;
    }
    if (absent.length === 0 && stagesAbsent) {
      writeKwokStages(component, env);
      log(`${name} ${VERSIONS[name]}: stage definitions written to ${path.relative(root, component.stages)}/`);
      continue;
    }
    log(`${name} ${VERSIONS[name]}: building (${goVersion(env)})`);
    try {
      const measured = BUILDERS[name](component, { env, log });
      const record = { component: name, version: VERSIONS[name], go: goVersion(env), cpus: os.cpus().length, builtAt: new Date().toISOString(), ...measured };
      writeBuildRecord(component.dir, record);
      log(`${name} ${VERSIONS[name]}: built in ${measured.wallSeconds} s wall, ${measured.cpuSeconds ?? "?"} s CPU, peak ${measured.peakMemoryMiB ?? "?"} MiB`);
    } catch (error) {
      console.error(`${name} ${VERSIONS[name]}: ${error.message}`);
      return 1;
    }
  }
  return missing ? 1 : 0;
}

module.exports = { layout, cachedBinaries, controlPlaneDir, toolsCache, main };

if (require.main === module) process.exitCode = main();
