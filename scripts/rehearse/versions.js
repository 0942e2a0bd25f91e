/*
 * The pinned versions of the local control plane that `npm run rehearse` deploys to
 * (scripts/rehearse/build-control-plane.js builds them, control-plane.js starts them).
 * One place for every version: the build, the cache paths and docs/rehearsal.md read these.
 */
"use strict";

const KUBERNETES = Object.freeze({
  version: "v1.34.4",
  module: "k8s.io/kubernetes",
  // k8s.io/kubernetes replaces each of these with ./staging/src/k8s.io/<name>, which
  // `go install` refuses and a dependent module ignores; the wrapper module replaces each
  // with its published release at the matching v0.<minor>.<patch>.
  // ref: https://github.com/kubernetes/kubernetes/blob/v1.34.4/go.mod (the replace block)
  stagingModules: Object.freeze([
    "api", "apiextensions-apiserver", "apimachinery", "apiserver", "cli-runtime", "client-go",
    "cloud-provider", "cluster-bootstrap", "code-generator", "component-base", "component-helpers",
    "controller-manager", "cri-api", "cri-client", "csi-translation-lib", "dynamic-resource-allocation",
    "endpointslice", "externaljwt", "kms", "kube-aggregator", "kube-controller-manager", "kube-proxy",
    "kube-scheduler", "kubectl", "kubelet", "metrics", "mount-utils", "pod-security-admission",
    "sample-apiserver", "sample-cli-plugin", "sample-controller",
  ]),
  commands: Object.freeze(["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl"]),
});

const ETCD = Object.freeze({ version: "v3.6.4", module: "go.etcd.io/etcd/server/v3", mainPackage: "go.etcd.io/etcd/server/v3/etcdmain" });

const KWOK = Object.freeze({ version: "v0.8.0", module: "sigs.k8s.io/kwok", command: "cmd/kwok" });

/** The staging modules' tag for a Kubernetes tag: v1.34.4 -> v0.34.4. */
function stagingVersion(kubernetesVersion) {
  return kubernetesVersion.replace(/^v1\./, "v0.");
}

module.exports = { KUBERNETES, ETCD, KWOK, stagingVersion };
