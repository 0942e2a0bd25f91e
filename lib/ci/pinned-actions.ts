import type { PinnedAction } from "./cloud-sign-in";

// The actions every generated job uses, each pinned to the commit of a release tag (a tag
// can be moved; a commit cannot), checked against the repositories on 2026-12-07. The
// clouds' sign-in actions are pinned beside their sign-ins (lib/ci/<cloud>-sign-in.ts).
// All three run on Node 24, which needs Actions Runner v2.327.1 or later on a self-hosted runner.

/**
 * ref: https://github.com/actions/checkout/blob/3d3c42e5aac5ba805825da76410c181273ba90b1/action.yml
 *   (persist-credentials: false keeps the token out of the checkout; no git push here)
 */
export const CHECKOUT: PinnedAction = Object.freeze({
  repository: "actions/checkout",
  version: "v7.0.1",
  commit: "3d3c42e5aac5ba805825da76410c181273ba90b1",
  released: "2026-07-17",
  ref: "https://github.com/actions/checkout/blob/v7.0.1/action.yml",
  inputs: ["persist-credentials"],
  requiredInputs: [],
});

/**
 * ref: https://github.com/actions/setup-node/blob/820762786026740c76f36085b0efc47a31fe5020/action.yml
 *   (node-version; package-manager-cache: false, which its README advises for workflows holding credentials)
 */
export const SETUP_NODE: PinnedAction = Object.freeze({
  repository: "actions/setup-node",
  version: "v7.0.0",
  commit: "820762786026740c76f36085b0efc47a31fe5020",
  released: "2026-07-13",
  ref: "https://github.com/actions/setup-node/blob/v7.0.0/action.yml",
  inputs: ["node-version", "package-manager-cache"],
  requiredInputs: [],
});

/**
 * ref: https://github.com/hashicorp/setup-terraform/blob/dfe3c3f87815947d99a8997f908cb6525fc44e9e/action.yml
 *   (terraform_version; terraform_wrapper: false, so cdktf reads terraform's own output and exit codes)
 */
export const SETUP_TERRAFORM: PinnedAction = Object.freeze({
  repository: "hashicorp/setup-terraform",
  version: "v4.0.1",
  commit: "dfe3c3f87815947d99a8997f908cb6525fc44e9e",
  released: "2026-05-12",
  ref: "https://github.com/hashicorp/setup-terraform/blob/v4.0.1/action.yml",
  inputs: ["terraform_version", "terraform_wrapper"],
  requiredInputs: [],
});
