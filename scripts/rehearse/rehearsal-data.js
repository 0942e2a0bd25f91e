/*
 * The rehearsal's data: where each cloud's runbook (docs/<cloud>.md) keeps its deploy command, and what
 * stands in for what only a cloud's cluster has (its controllers' webhooks, CRDs that a
 * cloud installs and publishes no definition of). Pure, except crdNamesInChart (reads a
 * packaged chart with tar).
 */
"use strict";

const { spawnSync } = require("child_process");

/** The runbook heading of each cloud's page, docs/<cloud>.md: `## Deploy runbook: <title>`. */
const RUNBOOK_TITLES = Object.freeze({ aws: "AWS", alicloud: "Alibaba Cloud", tencentcloud: "Tencent Cloud" });

/** The stack patterns of a runbook command's arguments: quoted words unquoted, stopping at a comment or a closing backtick. */
function commandPatterns(argumentText) {
  const words = [];
  const word = /\s*('([^']*)'|"([^"]*)"|([^\s'"`#]+))/y;
  let match;
  while ((match = word.exec(argumentText)) !== null) {
    const value = match[2] ?? match[3] ?? match[4];
    if (value.startsWith("-")) continue;
    words.push(value);
  }
  return words;
}

/**
 * The stack patterns of `cloud`'s deploy command in its runbook, the text of docs/<cloud>.md (the first
 * `npm run cdktf -- deploy ...` of the section whose patterns all name the cloud's stacks),
 * e.g. ["bookstore-aws*"]; undefined when the runbook gives none.
 */
function runbookDeployCommand(page, cloud) {
  const title = RUNBOOK_TITLES[cloud];
  if (!title) return undefined;
  const start = page.indexOf(`\n## Deploy runbook: ${title}\n`);
  if (start < 0) return undefined;
  const next = page.indexOf("\n## ", start + 1);
  const section = page.slice(start, next < 0 ? undefined : next);
  // The runbook's last deploy command of the cloud's own stacks: the one that applies all of
  // them (AWS's first deploy applies the infrastructure stack alone first, then this one).
  let found;
  for (const match of section.matchAll(/npm run cdktf -- deploy([^\n`]*)/g)) {
    const patterns = commandPatterns(match[1]);
    if (patterns.length > 0 && patterns.every((p) => p.startsWith(`bookstore-${cloud}`))) found = patterns;
  }
  return found;
}

/** The names of the CustomResourceDefinitions in a packaged chart's crds/ folder (which Helm installs and never deletes). */
function crdNamesInChart(file) {
  const listed = spawnSync("tar", ["-xzOf", file, "--wildcards", "*/crds/*.yaml"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) return [];
  return listed.stdout
    .split(/^---\s*$/m)
    .filter((document) => /^kind:\s*CustomResourceDefinition\s*$/m.test(document))
    .map((document) => (/^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*(\S+)/m.exec(document) || [])[1])
    .filter(Boolean);
}

/**
 * Webhooks of charts whose controller does not run on kwok's fake nodes: the egress guard
 * answers them (egress-guard.js), with the chart's own certificate, "allowed", unchanged.
 * Without them every Service and every pod of a namespace the controller watches is refused
 * (their failure policy is Fail), which is right on a real cluster whose controller is down.
 * ref: https://github.com/aws/eks-charts/blob/master/stable/aws-load-balancer-controller/templates/webhook.yaml
 * (the webhook Service aws-load-balancer-webhook-service, the Secret aws-load-balancer-tls)
 */
const WEBHOOK_STAND_INS = Object.freeze([
  {
    service: "kube-system/aws-load-balancer-webhook-service",
    tlsSecret: "kube-system/aws-load-balancer-tls",
    what: "the AWS Load Balancer Controller's webhooks by an admit-all responder (so no pod readiness gate is injected and no target group is looked up)",
    reason: "aws-load-balancer-controller webhooks",
  },
]);

/**
 * CRDs that a cloud's cluster has from the cloud itself, with no public definition: a
 * stand-in that accepts any spec is applied before the cloud's workloads and deleted after.
 * Its schema types the envelope (apiVersion, kind, metadata) and leaves spec open, as a
 * generated CRD's would at least: with no schema at all (x-kubernetes-preserve-unknown-fields
 * at the root) the kubernetes provider dry-runs the object at plan, and the first deploy
 * fails with "Dry-run failed for non-structured resource: namespaces "bookstore" not found",
 * the namespace being created by the same apply (measured; docs/rehearsal.md).
 */
const CRD_STAND_INS = Object.freeze([
  {
    cloud: "tencentcloud",
    what: "TKE's TkeServiceConfig CRD by one that accepts any spec",
    reason: "TKE installs cloud.tencent.com/v1alpha1 TkeServiceConfig itself and publishes no definition; the stand-in accepts any spec",
    crd: {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "tkeserviceconfigs.cloud.tencent.com" },
      spec: {
        group: "cloud.tencent.com",
        scope: "Namespaced",
        names: { kind: "TkeServiceConfig", listKind: "TkeServiceConfigList", plural: "tkeserviceconfigs", singular: "tkeserviceconfig" },
        versions: [
          {
            name: "v1alpha1",
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: "object",
                properties: {
                  apiVersion: { type: "string" },
                  kind: { type: "string" },
                  metadata: { type: "object" },
                  spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
                  status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
                },
              },
            },
          },
        ],
      },
    },
  },
]);

/**
 * Values of the application contract that Terraform computes in the workloads stack from
 * the infrastructure stack's outputs, as they must read in the deployed ConfigMap given the
 * stand-in's values: the rehearsal reads them back from the API server, so the expression
 * runs in real Terraform, not only in a snapshot.
 */
const CONTRACT_EXPECTATIONS = Object.freeze({
  aws: {
    configMap: { namespace: "bookstore", name: "bookstore-config" },
    // The S3 endpoint's regional name (the stand-in lists it between two zonal ones), `bucket` for `*`.
    data: { ASSET_BUCKET_ENDPOINT: "bucket.vpce-0123456789abcdef0-rehearsa.s3.eu-central-1.vpce.amazonaws.com" },
  },
});

module.exports = { RUNBOOK_TITLES, commandPatterns, runbookDeployCommand, crdNamesInChart, WEBHOOK_STAND_INS, CRD_STAND_INS, CONTRACT_EXPECTATIONS };
