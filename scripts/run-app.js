#!/usr/bin/env node
/*
 * Runs the example app (examples/main.ts, or the entry given as the first argument, e.g.
 * examples/validate.ts) transpile-only: esbuild bundles it with the library's sources
 * into dist/app/<entry>.js (packages in node_modules stay external) and Node runs it.
 * No type-checking here: that is `npm run typecheck`, run in CI, so an edit to one file
 * synthesizes in about a second instead of waiting for tsc over the library, the
 * examples and the tests. `bundle` is also what the benchmark times.
 *
 * cdktf.json's `app` and `npm run synth` both run this.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");

/** Bundles a TypeScript program with the library's sources into `outfile`; returns `outfile`. */
function bundle(entry, outfile) {
  esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    target: "node20",
    format: "cjs",
    // <outfile>.map, read only to show an error (below); `--enable-source-maps` uses it too.
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
  });
  return outfile;
}

module.exports = { bundle };

if (require.main === module) {
  const entry = path.resolve(ROOT, process.argv[2] || path.join("examples", "main.ts"));
  const outfile = bundle(entry, path.join(ROOT, "dist", "app", `${path.basename(entry, ".ts")}.js`));
  // The CLI's version check calls home; nothing here needs it.
  process.env.CHECKPOINT_DISABLE = process.env.CHECKPOINT_DISABLE || "1";
  // The program reads its own arguments from process.argv[2] on, as if Node ran it.
  if (process.argv.length > 2) process.argv.splice(2, 1);
  try {
    require(outfile);
  } catch (error) {
    // Errors point at the TypeScript lines, not the bundle's. The map is read only here:
    // with source maps enabled up front, Node parses the whole map on every run (about
    // 0.3 s of CPU for the example app, a third of its synth).
    // A ValidationError is the user's to fix, and says where: one line, as the library's
    // handleValidationErrors prints it, never the library's stack.
    if (error instanceof Error && error.name === "ValidationError") {
      console.error(`error: ${error.message}`);
    } else {
      const shown = withTypeScriptLines(error, outfile);
      console.error(shown instanceof Error ? shown.stack : shown);
    }
    process.exitCode = 1;
  }
}

/** The error with each `<outfile>:line:column` in its stack replaced by the TypeScript source's. */
function withTypeScriptLines(error, OUTFILE) {
  if (!(error instanceof Error) || typeof error.stack !== "string") return error;
  try {
    const { SourceMap } = require("module");
    const map = new SourceMap(JSON.parse(fs.readFileSync(`${OUTFILE}.map`, "utf8")));
    const frame = new RegExp(`${OUTFILE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`, "g");
    error.stack = error.stack.replace(frame, (text, line, column) => {
      const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry || entry.originalSource === undefined) return text;
      const source = path.relative(ROOT, path.resolve(path.dirname(OUTFILE), entry.originalSource));
      return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    });
  } catch {
    // No map or an unreadable one: the bundle's lines are still a trace.
  }
  return error;
}
