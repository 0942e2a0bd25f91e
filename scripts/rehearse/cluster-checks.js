/*
 * What the rehearsal asks the API server after a deploy and after a destroy, through the
 * pinned kubectl: the objects a stack's state holds exist, the Deployments rolled out on
 * the fake nodes, and, after the destroy, that the cluster holds nothing it did not hold
 * before. Every call is bounded in time.
 */
"use strict";

const fs = require("fs");
const { spawnSync } = require("child_process");

/** kubectl kinds of the kubernetes provider's typed resources. */
const KIND_OF_TYPE = Object.freeze({
  kubernetes_namespace_v1: "namespace",
  kubernetes_deployment_v1: "deployment",
  kubernetes_service_v1: "service",
  kubernetes_horizontal_pod_autoscaler_v2: "horizontalpodautoscaler.autoscaling",
  kubernetes_pod_disruption_budget_v1: "poddisruptionbudget",
  kubernetes_network_policy_v1: "networkpolicy",
  kubernetes_config_map_v1: "configmap",
  kubernetes_service_account_v1: "serviceaccount",
  kubernetes_secret_v1: "secret",
});

/**
 * Kinds left out of "what the cluster holds": written by the control plane itself on its
 * own schedule (events, leases, endpoints of Services that exist before and after), not by
 * a deploy.
 */
const UNTRACKED_RESOURCES = Object.freeze(["events", "events.events.k8s.io", "leases.coordination.k8s.io", "endpoints", "endpointslices.discovery.k8s.io"]);

function makeKubectl(binary, kubeconfig) {
  return (args, { input, timeoutSeconds = 60 } = {}) => {
    const result = spawnSync(binary, ["--kubeconfig", kubeconfig, ...args], { encoding: "utf8", input, timeout: timeoutSeconds * 1000, maxBuffer: 64 * 1024 * 1024 });
    return { ok: result.status === 0, stdout: result.stdout || "", stderr: (result.stderr || "").trim() || (result.error ? result.error.message : "") };
  };
}

/** The Kubernetes objects a stack's local state holds: { kind, namespace, name, address }. */
function objectsInState(stateFile) {
  if (!fs.existsSync(stateFile)) return [];
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  const objects = [];
  for (const resource of state.resources || []) {
    if (resource.mode !== "managed") continue;
    for (const instance of resource.instances || []) {
      const attributes = instance.attributes || {};
      const address = `${resource.type}.${resource.name}`;
      if (KIND_OF_TYPE[resource.type]) {
        const metadata = (attributes.metadata || [])[0] || {};
        objects.push({ kind: KIND_OF_TYPE[resource.type], namespace: metadata.namespace || undefined, name: metadata.name, address });
      } else if (resource.type === "kubernetes_manifest") {
        const manifest = attributes.manifest && attributes.manifest.value ? attributes.manifest.value : attributes.object || {};
        const [group] = (manifest.apiVersion || "").split("/").reverse().slice(1);
        objects.push({ kind: group ? `${manifest.kind}.${group}` : manifest.kind, namespace: manifest.metadata && manifest.metadata.namespace, name: manifest.metadata && manifest.metadata.name, address });
      } else if (resource.type === "helm_release") {
        objects.push({ kind: "helm-release", namespace: attributes.namespace, name: attributes.name, address, status: attributes.status });
      }
    }
  }
  return objects;
}

/** Whether a stack's state holds any managed resource. */
function stateHoldsResources(stateFile) {
  if (!fs.existsSync(stateFile)) return false;
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  return (state.resources || []).some((r) => r.mode === "managed" && (r.instances || []).length > 0);
}

/** Every object the cluster holds, as "<apiVersion> <kind> <namespace>/<name>" lines, less UNTRACKED_RESOURCES. */
function clusterObjects(kubectl) {
  const listed = kubectl(["api-resources", "--verbs=list", "-o", "name"]);
  if (!listed.ok) throw new Error(`kubectl api-resources: ${listed.stderr}`);
  const resources = listed.stdout.split("\n").filter((r) => r && !UNTRACKED_RESOURCES.includes(r));
  // One request per resource, in one kubectl run.
  const got = kubectl(["get", resources.join(","), "--all-namespaces", "--ignore-not-found", "-o", "jsonpath={range .items[*]}{.apiVersion} {.kind} {.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}"], { timeoutSeconds: 120 });
  if (!got.ok) throw new Error(`kubectl get (every listable resource): ${got.stderr}`);
  return new Set(got.stdout.split("\n").filter(Boolean).map((line) => line.replace(" /", " ")));
}

/** What `after` holds that `before` did not. */
function added(before, after) {
  return [...after].filter((line) => !before.has(line)).sort();
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls the cluster until it holds nothing beyond `baseline` and `expected` (what the
 * caller knows stays, each with its reason), at most `seconds`; returns the lines beyond
 * the baseline (expected ones included), so the caller can name them.
 */
async function settledRemnants(kubectl, baseline, { seconds = 60, expected = () => false } = {}) {
  let extra = [];
  for (let i = 0; i < seconds / 2; i++) {
    extra = added(baseline, clusterObjects(kubectl));
    if (extra.every(expected)) return extra;
    await sleep(2000);
  }
  return extra;
}

module.exports = { KIND_OF_TYPE, UNTRACKED_RESOURCES, makeKubectl, objectsInState, stateHoldsResources, clusterObjects, added, settledRemnants };
