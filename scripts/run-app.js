#!/usr/bin/env node
/*
 * Runs the example app (examples/main.ts, or the entry given as the first argument, e.g.
 * examples/validate.ts) transpile-only: esbuild bundles it with the library's sources
 * into dist/app/<entry>.js (packages in node_modules stay external) and Node runs it. No type-checking here: that is `npm run typecheck`, run in CI, so an
 * edit to one file synthesizes in about a second instead of waiting for tsc over the
 * library, the examples and the tests.
 *
 * cdktf.json's `app` and `npm run synth` both run this.
 */
"use strict";

const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");
const ENTRY = path.resolve(ROOT, process.argv[2] || path.join("examples", "main.ts"));
const OUTFILE = path.join(ROOT, "dist", "app", `${path.basename(ENTRY, ".ts")}.js`);

// The CLI's version check calls home; nothing here needs it.
process.env.CHECKPOINT_DISABLE = process.env.CHECKPOINT_DISABLE || "1";

esbuild.buildSync({
  entryPoints: [ENTRY],
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
