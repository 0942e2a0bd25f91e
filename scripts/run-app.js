#!/usr/bin/env node
/*
 * Runs the example app (examples/main.ts) transpile-only: esbuild bundles the app with
 * the library's sources into dist/app/main.js (packages in node_modules stay external)
 * and Node runs it. No type-checking here: that is `npm run typecheck`, run in CI, so an
 * edit to one file synthesizes in about a second instead of waiting for tsc over the
 * library, the examples and the tests.
 *
 * cdktf.json's `app` and `npm run synth` both run this.
 */
"use strict";

const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");
const OUTFILE = path.join(ROOT, "dist", "app", "main.js");

// The CLI's version check calls home; nothing here needs it.
process.env.CHECKPOINT_DISABLE = process.env.CHECKPOINT_DISABLE || "1";

esbuild.buildSync({
  entryPoints: [path.join(ROOT, "examples", "main.ts")],
  outfile: OUTFILE,
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "cjs",
  // Errors point at the TypeScript lines, not the bundle's.
  sourcemap: "inline",
  logLevel: "warning",
});
process.setSourceMapsEnabled(true);
require(OUTFILE);
