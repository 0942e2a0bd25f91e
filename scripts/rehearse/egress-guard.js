#!/usr/bin/env node
/*
 * The egress guard of the local control plane (control-plane.js): the API server's
 * "cluster" egress (webhooks, aggregated APIs, nodes and pods) is an HTTP CONNECT proxy on
 * a Unix socket, given to kube-apiserver by --egress-selector-config-file, so every address
 * the API server tries to reach in the cluster comes here first, and here only:
 *
 *   - each CONNECT is logged, one JSON line in <dir>/logs/egress.jsonl (target, the Service
 *     it is, what was answered);
 *   - a target that is the cluster IP and port of a Service named in the stand-ins file is a
 *     webhook the rehearsal stands in for (no controller runs on kwok's fake nodes): the
 *     guard terminates TLS itself, with the certificate the chart made for that Service
 *     (read from the Secret the stand-in names), and answers every AdmissionReview
 *     "allowed", unchanged;
 *   - anything else is refused (502), so nothing ever dials an address outside the machine.
 *
 * Usage (started by control-plane.js): egress-guard.js --socket PATH --dir DIR [--stand-ins FILE]
 * The stand-ins file is read at each connection, so the rehearsal can write it after a chart
 * is installed: [{ "service": "<namespace>/<name>", "tlsSecret": "<namespace>/<name>", "reason": "..." }]
 */
"use strict";

const fs = require("fs");
const net = require("net");
const tls = require("tls");
const http = require("http");
const https = require("https");
const path = require("path");

const CONNECTION_TIMEOUT_MS = 30_000;
const MAX_HEADER_BYTES = 8192;

function option(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
const socketPath = option(argv, "--socket");
const dir = option(argv, "--dir");
const standInsFile = option(argv, "--stand-ins");
if (!socketPath || !dir) {
  console.error("usage: egress-guard.js --socket PATH --dir DIR [--stand-ins FILE]");
  process.exit(2);
}
const logFile = path.join(dir, "logs", "egress.jsonl");
fs.mkdirSync(path.dirname(logFile), { recursive: true });

function record(entry) {
  fs.appendFileSync(logFile, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}

function standIns() {
  if (!standInsFile || !fs.existsSync(standInsFile)) return [];
  try {
    return JSON.parse(fs.readFileSync(standInsFile, "utf8"));
  } catch {
    return [];
  }
}

/** GET on the API server as the rehearsal's admin (state.json of the control plane). */
function apiGet(urlPath) {
  const state = JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: "127.0.0.1",
        port: state.ports.apiserver,
        path: urlPath,
        ca: fs.readFileSync(path.join(dir, "pki", "ca.crt")),
        headers: { Authorization: `Bearer ${state.token}` },
        timeout: 5000,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => (response.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`GET ${urlPath}: ${response.statusCode}`))));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`GET ${urlPath}: timed out`)));
    request.on("error", reject);
    request.end();
  });
}

/** The Service whose cluster IP and port are host:port, as "<namespace>/<name>", or undefined. */
async function serviceAt(host, port) {
  const services = await apiGet("/api/v1/services");
  const match = services.items.find((s) => s.spec.clusterIP === host && (s.spec.ports || []).some((p) => p.port === port));
  return match ? `${match.metadata.namespace}/${match.metadata.name}` : undefined;
}

async function tlsFromSecret(reference) {
  const [namespace, name] = reference.split("/");
  const secret = await apiGet(`/api/v1/namespaces/${namespace}/secrets/${name}`);
  const decode = (key) => Buffer.from(secret.data[key] || "", "base64");
  return { cert: decode("tls.crt"), key: decode("tls.key") };
}

/** Answers AdmissionReviews "allowed", with no patch: what stands in for a controller's webhook. */
const admission = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    if (body.length < 4 * 1024 * 1024) body += chunk;
  });
  request.on("end", () => {
    let review;
    try {
      review = JSON.parse(body);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const req = review.request || {};
    record({ webhook: request.url, kind: req.kind && req.kind.kind, operation: req.operation, namespace: req.namespace, name: req.name, answer: "allowed (stand-in)" });
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ apiVersion: review.apiVersion || "admission.k8s.io/v1", kind: "AdmissionReview", response: { uid: req.uid, allowed: true } }));
  });
});

function refuse(socket, entry, reason) {
  record({ ...entry, answer: `refused: ${reason}` });
  socket.end(`HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

async function handleConnect(socket, target, rest) {
  const entry = { target };
  const match = /^(\d+\.\d+\.\d+\.\d+|\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
  if (!match) return refuse(socket, entry, "not host:port");
  const host = match[1];
  const port = Number(match[2]);
  let service;
  try {
    service = await serviceAt(host, port);
  } catch (error) {
    return refuse(socket, entry, `no Service lookup: ${error.message}`);
  }
  entry.service = service;
  const standIn = service && standIns().find((s) => s.service === service);
  if (!standIn) return refuse(socket, entry, service ? `${service} has no stand-in: nothing runs behind it` : "no Service has this address: nothing leaves the machine");
  let credentials;
  try {
    credentials = await tlsFromSecret(standIn.tlsSecret);
  } catch (error) {
    return refuse(socket, entry, `stand-in for ${service}: ${error.message}`);
  }
  record({ ...entry, answer: `stand-in (${standIn.reason || "webhook"})` });
  socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
  if (rest.length > 0) socket.unshift(rest);
  const secure = new tls.TLSSocket(socket, { isServer: true, cert: credentials.cert, key: credentials.key });
  secure.on("error", () => socket.destroy());
  admission.emit("connection", secure);
}

const server = net.createServer((socket) => {
  socket.setTimeout(CONNECTION_TIMEOUT_MS, () => socket.destroy());
  socket.on("error", () => {});
  let header = Buffer.alloc(0);
  const onData = (chunk) => {
    header = Buffer.concat([header, chunk]);
    const end = header.indexOf("\r\n\r\n");
    if (end < 0) {
      if (header.length > MAX_HEADER_BYTES) socket.destroy();
      return;
    }
    socket.removeListener("data", onData);
    socket.pause();
    const [requestLine] = header.slice(0, end).toString("latin1").split("\r\n");
    const rest = header.slice(end + 4);
    const [method, target] = requestLine.split(" ");
    if (method !== "CONNECT") {
      refuse(socket, { request: requestLine }, "only CONNECT");
      return;
    }
    handleConnect(socket, target, rest).catch((error) => refuse(socket, { target }, error.message));
  };
  socket.on("data", onData);
});

fs.rmSync(socketPath, { force: true });
server.listen(socketPath, () => record({ listening: socketPath }));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    fs.rmSync(socketPath, { force: true });
    process.exit(0);
  });
}
