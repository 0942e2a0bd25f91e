#!/usr/bin/env node
/*
 * Fills a chart mirror, a directory of packaged Helm charts (`<chart>-<version>.tgz`, the
 * layout `ChartSource.localDirectory` reads), from the charts' own git repositories, for
 * the rehearsal and for air-gapped deploys. Packaged with `git archive` (Helm's package
 * format is a gzipped tar of the chart's folder), so neither Helm nor a chart repository
 * is needed; each package's Chart.yaml must state the version its file name gives.
 *
 * Usage: node scripts/rehearse/chart-mirror.js [--dir DIR] [--source OWNER/REPO=GITDIR]... [CHART@VERSION ...]
 *   --dir     the mirror (default <tools cache>/charts, outside the repository)
 *   --source  a local clone (or bare mirror) of a chart's repository; without one the
 *             repository is cloned from GitHub into <tools cache>/chart-sources (bare)
 *   CHART@VERSION  the charts to mirror (default: every chart of CHART_SOURCES at the
 *             versions the catalogs pin first)
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

/**
 * Where each chart's source is: its GitHub repository, the chart's folder, and how a
 * version is found (a tag, or the commit whose Chart.yaml states that version).
 * ref: https://github.com/aws/eks-charts/tree/master/stable/aws-load-balancer-controller (no tags: one commit per release, "aws-load-balancer-controller: v3.5.0")
 * ref: https://github.com/kubernetes/autoscaler/tags (cluster-autoscaler-chart-<version>)
 */
const CHART_SOURCES = Object.freeze({
  "aws-load-balancer-controller": { repository: "aws/eks-charts", folder: "stable/aws-load-balancer-controller" },
  "cluster-autoscaler": { repository: "kubernetes/autoscaler", folder: "cluster-autoscaler/charts/cluster-autoscaler", tag: (version) => `cluster-autoscaler-chart-${version}` },
});

/** How far back the history is searched for a Chart.yaml of the version wanted. */
const MAX_COMMITS_SEARCHED = 300;

function toolsCache(env = process.env) {
  return env.BOOKSTORE_TOOLS_CACHE || path.join(os.homedir(), ".cache", "multicloud-bookstore");
}

function mirrorDir(env = process.env) {
  return path.join(toolsCache(env), "charts");
}

function git(gitDir, args, options = {}) {
  const result = spawnSync("git", ["--git-dir", gitDir, ...args], { encoding: options.encoding ?? "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${(result.stderr || "").toString().trim()}`);
  return result.stdout;
}

/** The git directory of a work tree or bare repository. */
function gitDirOf(dir) {
  return fs.existsSync(path.join(dir, ".git")) ? path.join(dir, ".git") : dir;
}

function chartVersionAt(gitDir, ref, folder) {
  try {
    const text = git(gitDir, ["show", `${ref}:${folder}/Chart.yaml`]);
    return (/^version:\s*["']?([^"'\s]+)/m.exec(text) || [])[1];
  } catch {
    return undefined;
  }
}

/** The commit holding the chart at `version`: its tag, else the newest commit whose Chart.yaml says that version. */
function findRef(gitDir, source, version) {
  if (source.tag) {
    const tag = source.tag(version);
    if (chartVersionAt(gitDir, tag, source.folder) === version) return tag;
  }
  const commits = git(gitDir, ["log", "--format=%H", `-n${MAX_COMMITS_SEARCHED}`, "--all", "--", `${source.folder}/Chart.yaml`]).split("\n").filter(Boolean);
  return commits.find((commit) => chartVersionAt(gitDir, commit, source.folder) === version);
}

/** A .helmignore glob as a regular expression over one path or name (`*` and `?` stay within a segment). */
function globRegExp(glob) {
  const body = glob.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

/**
 * The files of a chart that `helm package` keeps: those no .helmignore line matches, as
 * Helm reads the file (a pattern without a slash matches a file's or a folder's name at any
 * depth, one with a slash the path from the chart's root, a trailing slash folders only,
 * `!` negates). Without this, a chart's crds/kustomization.yaml would be installed as a CRD.
 * ref: https://helm.sh/docs/chart_template_guide/helm_ignore_file/
 */
function packagedFiles(files, helmignore) {
  const rules = helmignore
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const negate = line.startsWith("!");
      let pattern = negate ? line.slice(1) : line;
      const directoryOnly = pattern.endsWith("/");
      if (directoryOnly) pattern = pattern.slice(0, -1);
      return { negate, directoryOnly, anchored: pattern.includes("/"), re: globRegExp(pattern.replace(/^\//, "")) };
    });
  const ignored = (file) => {
    const parts = file.split("/");
    let result = false;
    for (const rule of rules) {
      // Every folder on the way, then the file itself (not for folder-only rules).
      const candidates = parts.map((_, i) => ({ path: parts.slice(0, i + 1).join("/"), name: parts[i], isFile: i === parts.length - 1 }));
      const hit = candidates.some((c) => (!rule.directoryOnly || !c.isFile) && rule.re.test(rule.anchored ? c.path : c.name));
      if (hit) result = !rule.negate;
    }
    return result;
  };
  return files.filter((file) => !ignored(file));
}

/** Packages `chart` at `version` into `dir`; returns the file, or throws saying why not. */
function mirrorChart({ chart, version, dir, gitDir }) {
  const source = CHART_SOURCES[chart];
  if (!source) throw new Error(`no source is known for the chart ${chart} (CHART_SOURCES in scripts/rehearse/chart-mirror.js)`);
  const ref = findRef(gitDir, source, version);
  if (!ref) throw new Error(`${source.repository} holds no ${source.folder}/Chart.yaml of version ${version} (tag or the last ${MAX_COMMITS_SEARCHED} commits)`);
  const files = git(gitDir, ["ls-tree", "-r", "--name-only", `${ref}:${source.folder}`]).split("\n").filter(Boolean);
  const helmignore = files.includes(".helmignore") ? git(gitDir, ["show", `${ref}:${source.folder}/.helmignore`]) : "";
  const kept = packagedFiles(files, helmignore);
  const tar = spawnSync("git", ["--git-dir", gitDir, "archive", "--format=tar.gz", `--prefix=${chart}/`, `${ref}:${source.folder}`, "--", ...kept], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (tar.status !== 0) throw new Error(`git archive ${ref}:${source.folder}: ${tar.stderr}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${chart}-${version}.tgz`);
  fs.writeFileSync(file, tar.stdout);
  return { file, ref };
}

/** The source clone of a repository: given, or a bare clone in the cache (made once). */
function sourceFor(repository, given, env) {
  if (given[repository]) return gitDirOf(given[repository]);
  const bare = path.join(toolsCache(env), "chart-sources", `${repository.replace("/", "+")}.git`);
  if (!fs.existsSync(bare)) {
    const cloned = spawnSync("git", ["clone", "--bare", "--filter=blob:none", `https://github.com/${repository}.git`, bare], { encoding: "utf8", timeout: 600_000 });
    if (cloned.status !== 0) throw new Error(`git clone https://github.com/${repository}.git: ${(cloned.stderr || "").trim().split("\n").pop()}`);
  }
  return bare;
}

/** The charts the catalogs pin first, as CHART@VERSION (the AWS catalog's add-ons that have a known source). */
function defaultCharts() {
  const catalog = fs.readFileSync(path.join(__dirname, "..", "..", "lib", "aws", "catalog.ts"), "utf8");
  return Object.keys(CHART_SOURCES).flatMap((chart) => {
    const match = new RegExp(`"${chart}": \\{ versions: \\["([^"]+)"`).exec(catalog);
    return match ? [`${chart}@${match[1]}`] : [];
  });
}

function main(argv = process.argv.slice(2), env = process.env) {
  const given = {};
  let dir = mirrorDir(env);
  const charts = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dir") dir = path.resolve(argv[++i]);
    else if (argv[i] === "--source") {
      const [repository, gitDir] = argv[++i].split("=");
      given[repository] = path.resolve(gitDir);
    } else charts.push(argv[i]);
  }
  let failed = 0;
  for (const wanted of charts.length > 0 ? charts : defaultCharts()) {
    const [chart, version] = wanted.split("@");
    try {
      const source = CHART_SOURCES[chart];
      if (!source) throw new Error(`no source is known (CHART_SOURCES)`);
      const { file, ref } = mirrorChart({ chart, version, dir, gitDir: sourceFor(source.repository, given, env) });
      console.log(`${chart} ${version}: ${file} (github.com/${source.repository} ${ref}:${source.folder})`);
    } catch (error) {
      console.error(`${chart} ${version}: not mirrored: ${error.message}`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

module.exports = { CHART_SOURCES, mirrorDir, mirrorChart, packagedFiles, main };

if (require.main === module) process.exitCode = main();
