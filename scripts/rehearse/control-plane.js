#!/usr/bin/env node
/*
 * A local Kubernetes control plane on 127.0.0.1 only, for `npm run rehearse`: etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler and kwok (fake nodes whose pods
 * "run" without a container runtime), built by ./build-control-plane.js at the versions of
 * ./versions.js, plus the egress guard (./egress-guard.js) that every connection the API
 * server makes into the "cluster" goes through.
 *
 * Usage:
 *   node scripts/rehearse/control-plane.js start  --dir DIR   # prints the kubeconfig's path
 *   node scripts/rehearse/control-plane.js status --dir DIR
 *   node scripts/rehearse/control-plane.js stop   --dir DIR
 *
 * DIR holds everything: certificates, etcd's data, the kubeconfig, one log per process and
 * state.json (each process's PID and start time). `stop` ends exactly the processes that
 * state.json lists, each only if /proc still shows that PID with that start time and
 * binary, so a recycled PID is never signalled.
 *
 * The network rule: every process listens on 127.0.0.1 (ports chosen free at start), and
 * the API server dials nothing outside the machine:
 *   - no kube-proxy and a loopback service range (--service-cluster-ip-range=127.96.0.0/16):
 *     the API server calls webhooks at their Service's cluster IP, which is a loopback
 *     address here;
 *   - every connection of the API server's "cluster" egress (webhooks, aggregated APIs,
 *     nodes, pods) goes through the egress guard, an HTTP CONNECT proxy on a Unix socket
 *     (--egress-selector-config-file), which logs it and refuses it unless it is a webhook
 *     the rehearsal stands in for (egress-guard.js);
 *   - the kubernetes Service has no endpoints (--endpoint-reconciler-type=none, which
 *     --advertise-address=127.0.0.1 needs).
 * Every wait is bounded in tries and in seconds.
 */
"use strict";

const fs = require("fs");
const net = require("net");
const path = require("path");
const https = require("https");
const crypto = require("crypto");
const { spawn, spawnSync } = require("child_process");
const { cachedBinaries } = require("./build-control-plane");
const { KUBERNETES, ETCD, KWOK } = require("./versions");

const SERVICE_CIDR = "127.96.0.0/16";
/** The first address of the service range: the `kubernetes` Service's cluster IP. */
const KUBERNETES_SERVICE_IP = "127.96.0.1";
const CONTEXT = "bookstore-rehearsal";
/** Fake nodes, one per zone, so that the workloads' zone spread has two zones to spread over. */
const FAKE_NODES = Object.freeze([
  { name: "kwok-node-a", zone: "rehearsal-a" },
  { name: "kwok-node-b", zone: "rehearsal-b" },
]);
/** Pod addresses kwok writes into pod status: documentation addresses (RFC 5737), which nothing dials. */
const KWOK_POD_CIDR = "192.0.2.1/24";
const READY_TIMEOUT_SECONDS = 180;
const STOP_TIMEOUT_SECONDS = 15;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A TCP port free on 127.0.0.1 at this moment. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function openssl(args, cwd) {
  const result = spawnSync("openssl", args, { cwd, encoding: "utf8" });
  if (result.error) throw new Error(`openssl: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`openssl ${args.join(" ")}: ${result.stderr}`);
}

/**
 * A CA, the API server's serving certificate (127.0.0.1, localhost and the kubernetes
 * Service's names and address), the front-proxy CA and its client (the request-header
 * authentication the controller manager and the scheduler read), and the service-account
 * signing key. All RSA 2048, valid for two days.
 */
function writeCertificates(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const days = "2";
  const ca = (name, cn) => {
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.crt`, "-days", days, "-subj", `/CN=${cn}`], dir);
  };
  const signed = (name, cn, caName, extensions) => {
    openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`], dir);
    fs.writeFileSync(path.join(dir, `${name}.ext`), extensions);
    openssl(["x509", "-req", "-in", `${name}.csr`, "-CA", `${caName}.crt`, "-CAkey", `${caName}.key`, "-CAcreateserial", "-out", `${name}.crt`, "-days", days, "-extfile", `${name}.ext`], dir);
  };
  ca("ca", "bookstore-rehearsal-ca");
  signed(
    "apiserver",
    "kube-apiserver",
    "ca",
    [
      "basicConstraints=CA:FALSE",
      "keyUsage=digitalSignature,keyEncipherment",
      "extendedKeyUsage=serverAuth",
      `subjectAltName=IP:127.0.0.1,IP:${KUBERNETES_SERVICE_IP},DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local`,
      "",
    ].join("\n"),
  );
  ca("front-proxy-ca", "bookstore-rehearsal-front-proxy-ca");
  signed("front-proxy-client", "front-proxy-client", "front-proxy-ca", "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n");
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  fs.writeFileSync(path.join(dir, "sa.key"), privateKey.export({ type: "pkcs1", format: "pem" }), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, "sa.pub"), publicKey.export({ type: "spki", format: "pem" }));
}

function kubeconfigText({ server, caFile, token }) {
  const ca = fs.readFileSync(caFile).toString("base64");
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${CONTEXT}`,
    "  cluster:",
    `    server: ${server}`,
    `    certificate-authority-data: ${ca}`,
    "users:",
    `- name: ${CONTEXT}-admin`,
    "  user:",
    `    token: ${token}`,
    "contexts:",
    `- name: ${CONTEXT}`,
    "  context:",
    `    cluster: ${CONTEXT}`,
    `    user: ${CONTEXT}-admin`,
    `current-context: ${CONTEXT}`,
    "",
  ].join("\n");
}

/** The start time of a process in clock ticks since boot (/proc/<pid>/stat, field 22), or undefined. */
function processStartTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function processExe(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/** Resident memory of a live process in MiB (/proc/<pid>/status VmRSS), or undefined. */
function residentMiB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return kb ? Math.round(Number(kb[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident memory of a live process in MiB (/proc/<pid>/status VmHWM), or undefined. */
function peakMiB(pid) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return kb ? Math.round(Number(kb[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process recorded in state.json is still that process (same PID, start time and binary). */
function isSameProcess(entry) {
  if (processStartTime(entry.pid) !== entry.startTime) return false;
  const exe = processExe(entry.pid);
  return exe === undefined || exe === entry.exe || exe.endsWith(path.basename(entry.exe));
}

function readState(dir) {
  const file = path.join(dir, "state.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
}

function writeState(dir, state) {
  fs.writeFileSync(path.join(dir, "state.json"), `${JSON.stringify(state, null, 2)}\n`);
}

/** Starts one process detached (its own session), output to <dir>/logs/<name>.log; recorded in state.json at once. */
function startProcess(dir, state, name, command, args) {
  const logs = path.join(dir, "logs");
  fs.mkdirSync(logs, { recursive: true });
  const log = fs.openSync(path.join(logs, `${name}.log`), "a");
  const child = spawn(command, args, { cwd: dir, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  child.unref();
  const exe = command === process.execPath ? process.execPath : fs.realpathSync(command);
  // Recorded before anything can fail, so that stop() finds it.
  const entry = { name, pid: child.pid, startTime: undefined, exe, args };
  state.processes.push(entry);
  for (let i = 0; i < 50 && entry.startTime === undefined; i++) entry.startTime = processStartTime(child.pid);
  writeState(dir, state);
  return entry;
}

function logTail(dir, name, lines = 15) {
  try {
    return fs.readFileSync(path.join(dir, "logs", `${name}.log`), "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** GET path on the API server with the admin token; resolves { status, body } or rejects on a connection error. */
function apiGet(state, urlPath, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: "127.0.0.1",
        port: state.ports.apiserver,
        path: urlPath,
        method: "GET",
        ca: fs.readFileSync(path.join(state.dir, "pki", "ca.crt")),
        headers: { Authorization: `Bearer ${state.token}` },
        timeout: timeoutMs,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode, body }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end();
  });
}

/** Polls `check` once a second until it returns a truthy value, at most `seconds` times; throws `what` on timeout. */
async function waitFor(what, seconds, check, alive) {
  let last = "";
  for (let i = 0; i < seconds; i++) {
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      last = error.message;
    }
    const dead = alive && alive();
    if (dead) throw new Error(`${what}: ${dead}`);
    await sleep(1000);
  }
  throw new Error(`${what}: not within ${seconds} s${last ? ` (last: ${last})` : ""}`);
}

function kubectl(binaries, kubeconfig, args, input) {
  return spawnSync(binaries.kubectl, ["--kubeconfig", kubeconfig, ...args], { encoding: "utf8", input, timeout: 60_000 });
}

function fakeNodeManifest({ name, zone }) {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      // kwok manages only nodes with this annotation (--manage-nodes-with-annotation-selector).
      annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
      labels: {
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux",
        "kubernetes.io/hostname": name,
        "node.kubernetes.io/instance-type": "kwok",
        "topology.kubernetes.io/zone": zone,
        type: "kwok",
      },
    },
    spec: {},
    status: {
      allocatable: { cpu: "32", memory: "128Gi", pods: "110", "ephemeral-storage": "100Gi" },
      capacity: { cpu: "32", memory: "128Gi", pods: "110", "ephemeral-storage": "100Gi" },
      nodeInfo: { architecture: "amd64", operatingSystem: "linux", kubeletVersion: `${KUBERNETES.version}-kwok`, kubeProxyVersion: "" },
    },
  });
}

/** The egress selector: the API server's connections into the cluster go through the guard's Unix socket. */
function egressSelectorConfig(socket) {
  return [
    "apiVersion: apiserver.k8s.io/v1beta1",
    "kind: EgressSelectorConfiguration",
    "egressSelections:",
    "- name: cluster",
    "  connection:",
    "    proxyProtocol: HTTPConnect",
    "    transport:",
    "      uds:",
    `        udsName: ${socket}`,
    "",
  ].join("\n");
}

/**
 * Starts the control plane in `dir` (created; must not hold a running one). Resolves
 * { kubeconfig, context, state } once the API server is ready, the fake nodes are Ready and
 * the controller manager has made the default service account; on any failure, stops what
 * it started and rethrows.
 */
async function start(dir, { log = () => {}, standIns } = {}) {
  const cached = cachedBinaries();
  if (!cached.binaries) throw new Error(`the control plane is not built: missing ${cached.missing} (node scripts/rehearse/build-control-plane.js)`);
  const binaries = cached.binaries;
  fs.mkdirSync(dir, { recursive: true });
  const previous = readState(dir);
  if (previous && previous.processes.some(isSameProcess)) throw new Error(`${dir} holds a running control plane: stop it first`);
  for (const sub of ["pki", "etcd", "logs", "state.json"]) fs.rmSync(path.join(dir, sub), { recursive: true, force: true });

  const started = Date.now();
  const ports = {
    etcdClient: await freePort(),
    etcdPeer: await freePort(),
    apiserver: await freePort(),
    controllerManager: await freePort(),
    scheduler: await freePort(),
    kwok: await freePort(),
  };
  const token = crypto.randomBytes(24).toString("hex");
  const state = { dir, ports, token, context: CONTEXT, versions: { kubernetes: KUBERNETES.version, etcd: ETCD.version, kwok: KWOK.version }, processes: [] };
  writeState(dir, state);
  const pki = path.join(dir, "pki");
  try {
    writeCertificates(pki);
    fs.writeFileSync(path.join(pki, "tokens.csv"), `${token},bookstore-rehearsal-admin,bookstore-rehearsal-admin,"system:masters"\n`, { mode: 0o600 });
    const kubeconfig = path.join(dir, "kubeconfig");
    fs.writeFileSync(kubeconfig, kubeconfigText({ server: `https://127.0.0.1:${ports.apiserver}`, caFile: path.join(pki, "ca.crt"), token }), { mode: 0o600 });
    const socket = path.join(dir, "egress.sock");
    fs.writeFileSync(path.join(dir, "egress-selector.yaml"), egressSelectorConfig(socket));
    const exited = () => {
      const gone = state.processes.find((p) => processStartTime(p.pid) !== p.startTime);
      return gone ? `${gone.name} exited:\n${logTail(dir, gone.name)}` : undefined;
    };

    const etcdUrl = `http://127.0.0.1:${ports.etcdClient}`;
    const peerUrl = `http://127.0.0.1:${ports.etcdPeer}`;
    startProcess(dir, state, "etcd", binaries.etcd, [
      "--name=rehearsal",
      `--data-dir=${path.join(dir, "etcd")}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=rehearsal=${peerUrl}`,
      "--listen-metrics-urls=",
      // A throwaway store: no fsync (the rehearsal's disk is shared, and the data is deleted at stop).
      "--unsafe-no-fsync",
      "--log-level=warn",
    ]);
    log(`etcd ${ETCD.version} on 127.0.0.1:${ports.etcdClient}`);

    startProcess(dir, state, "egress-guard", process.execPath, [path.join(__dirname, "egress-guard.js"), "--socket", socket, "--dir", dir, ...(standIns ? ["--stand-ins", standIns] : [])]);
    await waitFor("the egress guard's socket", 20, () => fs.existsSync(socket), exited);

    startProcess(dir, state, "kube-apiserver", binaries["kube-apiserver"], [
      `--etcd-servers=${etcdUrl}`,
      "--bind-address=127.0.0.1",
      `--secure-port=${ports.apiserver}`,
      "--advertise-address=127.0.0.1",
      "--endpoint-reconciler-type=none",
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      `--egress-selector-config-file=${path.join(dir, "egress-selector.yaml")}`,
      `--cert-dir=${pki}`,
      `--tls-cert-file=${path.join(pki, "apiserver.crt")}`,
      `--tls-private-key-file=${path.join(pki, "apiserver.key")}`,
      `--client-ca-file=${path.join(pki, "ca.crt")}`,
      `--token-auth-file=${path.join(pki, "tokens.csv")}`,
      "--anonymous-auth=false",
      "--authorization-mode=RBAC",
      `--service-account-issuer=https://kubernetes.default.svc`,
      `--service-account-key-file=${path.join(pki, "sa.pub")}`,
      `--service-account-signing-key-file=${path.join(pki, "sa.key")}`,
      `--requestheader-client-ca-file=${path.join(pki, "front-proxy-ca.crt")}`,
      "--requestheader-allowed-names=front-proxy-client",
      "--requestheader-extra-headers-prefix=X-Remote-Extra-",
      "--requestheader-group-headers=X-Remote-Group",
      "--requestheader-username-headers=X-Remote-User",
      `--proxy-client-cert-file=${path.join(pki, "front-proxy-client.crt")}`,
      `--proxy-client-key-file=${path.join(pki, "front-proxy-client.key")}`,
      "--profiling=false",
      "--v=1",
    ]);
    const ready = await waitFor("kube-apiserver /readyz", READY_TIMEOUT_SECONDS, async () => (await apiGet(state, "/readyz")).status === 200, exited);
    log(`kube-apiserver ${KUBERNETES.version} ready on https://127.0.0.1:${ports.apiserver} after ${Math.round((Date.now() - started) / 1000)} s (${ready ? "readyz ok" : ""})`);

    const componentArgs = (port) => [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      "--bind-address=127.0.0.1",
      `--secure-port=${port}`,
      `--cert-dir=${path.join(pki, `serving-${port}`)}`,
      `--requestheader-client-ca-file=${path.join(pki, "front-proxy-ca.crt")}`,
      "--leader-elect=false",
      "--profiling=false",
    ];
    startProcess(dir, state, "kube-controller-manager", binaries["kube-controller-manager"], [
      ...componentArgs(ports.controllerManager),
      `--root-ca-file=${path.join(pki, "ca.crt")}`,
      `--service-account-private-key-file=${path.join(pki, "sa.key")}`,
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      "--use-service-account-credentials=true",
      // No cloud, no node addresses to allocate: kwok's pods take addresses from its own range.
      "--allocate-node-cidrs=false",
      "--v=1",
    ]);
    startProcess(dir, state, "kube-scheduler", binaries["kube-scheduler"], [...componentArgs(ports.scheduler), "--v=1"]);
    startProcess(dir, state, "kwok", binaries.kwok, [
      `--kubeconfig=${kubeconfig}`,
      `--config=${cached.stages}`,
      "--manage-all-nodes=false",
      "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
      "--manage-nodes-with-label-selector=",
      "--disregard-status-with-annotation-selector=kwok.x-k8s.io/status=custom",
      "--disregard-status-with-label-selector=",
      `--cidr=${KWOK_POD_CIDR}`,
      "--node-ip=192.0.2.254",
      `--server-address=127.0.0.1:${ports.kwok}`,
      "--node-lease-duration-seconds=40",
    ]);

    for (const node of FAKE_NODES) {
      const created = kubectl(binaries, kubeconfig, ["apply", "-f", "-"], fakeNodeManifest(node));
      if (created.status !== 0) throw new Error(`creating the fake node ${node.name}: ${created.stderr}`);
    }
    await waitFor("the fake nodes Ready (kwok)", 90, () => {
      const nodes = kubectl(binaries, kubeconfig, ["get", "nodes", "-o", "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"]);
      return nodes.status === 0 && nodes.stdout.trim().split("\n").filter((s) => s === "True").length === FAKE_NODES.length;
    }, exited);
    await waitFor("the default service account (kube-controller-manager)", 90, () => kubectl(binaries, kubeconfig, ["-n", "default", "get", "serviceaccount", "default"]).status === 0, exited);
    await waitFor("kube-scheduler and kube-controller-manager healthy", 60, async () => {
      for (const port of [ports.controllerManager, ports.scheduler]) {
        const ok = await new Promise((resolve) => {
          const r = https.get({ host: "127.0.0.1", port, path: "/healthz", rejectUnauthorized: false, timeout: 3000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
          });
          r.on("error", () => resolve(false));
          r.on("timeout", () => r.destroy());
        });
        if (!ok) return false;
      }
      return true;
    }, exited);
    state.readySeconds = Math.round((Date.now() - started) / 1000);
    state.residentMiB = Object.fromEntries(state.processes.map((p) => [p.name, residentMiB(p.pid)]));
    state.kubeconfig = kubeconfig;
    writeState(dir, state);
    log(`control plane ready in ${state.readySeconds} s: ${FAKE_NODES.length} fake nodes (kwok ${KWOK.version}); resident memory ${Object.entries(state.residentMiB).map(([n, m]) => `${n} ${m} MiB`).join(", ")}`);
    return { kubeconfig, context: CONTEXT, state, binaries };
  } catch (error) {
    await stop(dir);
    throw error;
  }
}

/**
 * Stops the processes state.json lists, newest first: SIGTERM, then SIGKILL after
 * STOP_TIMEOUT_SECONDS. A PID that /proc no longer shows with the recorded start time is
 * left alone (the process ended, and the PID may be another's now). Returns one line per process.
 */
async function stop(dir) {
  const state = readState(dir);
  if (!state) return [];
  const lines = [];
  for (const entry of [...state.processes].reverse()) {
    if (!isSameProcess(entry)) {
      lines.push(`${entry.name} (pid ${entry.pid}): not running`);
      continue;
    }
    entry.peakMiB = peakMiB(entry.pid);
    try {
      process.kill(entry.pid, "SIGTERM");
    } catch {
      // ended meanwhile
    }
    let ended = false;
    for (let i = 0; i < STOP_TIMEOUT_SECONDS * 10 && !ended; i++) {
      ended = !isSameProcess(entry);
      if (!ended) await sleep(100);
    }
    if (!ended && isSameProcess(entry)) {
      process.kill(entry.pid, "SIGKILL");
      lines.push(`${entry.name} (pid ${entry.pid}): killed after ${STOP_TIMEOUT_SECONDS} s`);
    } else {
      lines.push(`${entry.name} (pid ${entry.pid}): stopped${entry.peakMiB ? `, peak ${entry.peakMiB} MiB resident` : ""}`);
    }
  }
  state.stoppedAt = new Date().toISOString();
  writeState(dir, { ...state, processes: [], stoppedProcesses: state.processes });
  return lines;
}

function status(dir) {
  const state = readState(dir);
  if (!state) return [`no control plane in ${dir}`];
  if (state.processes.length === 0) return [`stopped at ${state.stoppedAt}`];
  return state.processes.map((p) => `${p.name} (pid ${p.pid}): ${isSameProcess(p) ? `running, ${residentMiB(p.pid)} MiB` : "not running"}`);
}

async function main(argv = process.argv.slice(2)) {
  const [command] = argv;
  const dirIndex = argv.indexOf("--dir");
  const dir = dirIndex >= 0 ? path.resolve(argv[dirIndex + 1]) : undefined;
  if (!["start", "stop", "status"].includes(command) || !dir) {
    console.error("usage: control-plane.js start|stop|status --dir DIR");
    return 2;
  }
  if (command === "start") {
    try {
      const { kubeconfig } = await start(dir, { log: (line) => console.error(line) });
      console.log(kubeconfig);
      return 0;
    } catch (error) {
      console.error(`control plane: ${error.message}`);
      return 1;
    }
  }
  const lines = command === "stop" ? await stop(dir) : status(dir);
  for (const line of lines) console.log(line);
  return 0;
}

module.exports = { start, stop, status, CONTEXT, SERVICE_CIDR, FAKE_NODES, readState, apiGet, peakMiB };

if (require.main === module) main().then((code) => (process.exitCode = code));
