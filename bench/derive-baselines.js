#!/usr/bin/env node
/*
 * Writes a straight-line cdktf baseline program per cloud, bench/baseline/generated/<cloud>-bookstore.ts,
 * from the JSON the library's example app synthesizes on that cloud: one `new <Binding>(stack, id,
 * { camelCase props })` per resource, data source and provider, one `new TerraformOutput` per
 * output, with the providers' deep imports (lib/generated/<cloud>/<resource> for Alibaba Cloud
 * and Tencent Cloud, @cdktf/provider-*\/lib/<resource> for AWS, Kubernetes and random) and no
 * library code. Run by `npm run bench` before it compiles (the files are not committed), so a
 * baseline always emits what the library emits now. See bench/README.md (Baselines) for what
 * such a program does and does not include.
 *
 * Usage: node bench/derive-baselines.js [cloud ...]   (default: alicloud tencentcloud aws)
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { bundle: bundleApp } = require("../scripts/run-app");

const ROOT = path.join(__dirname, "..");
const OUT_DIR = path.join(__dirname, "baseline", "generated");
const CLOUDS = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["alicloud", "tencentcloud", "aws"];

/** Where the bindings of a provider live, as imported from bench/baseline/generated/. */
const PACKAGES = {
  aws: { import: "@cdktf/provider-aws/lib", dir: path.join(ROOT, "node_modules", "@cdktf", "provider-aws", "lib") },
  kubernetes: { import: "@cdktf/provider-kubernetes/lib", dir: path.join(ROOT, "node_modules", "@cdktf", "provider-kubernetes", "lib") },
  helm: { import: "@cdktf/provider-helm/lib", dir: path.join(ROOT, "node_modules", "@cdktf", "provider-helm", "lib") },
  random: { import: "@cdktf/provider-random/lib", dir: path.join(ROOT, "node_modules", "@cdktf", "provider-random", "lib") },
  alicloud: { import: "../../../lib/generated/alicloud", dir: path.join(ROOT, "lib", "generated", "alicloud") },
  tencentcloud: { import: "../../../lib/generated/tencentcloud", dir: path.join(ROOT, "lib", "generated", "tencentcloud") },
};

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

// ------------------------------------------------------------------ the library's JSON

/** Synthesizes bench/library-app.ts on one cloud (bundled with esbuild, as scripts/run-app.js does) and returns its stacks. */
function librarySynth(cloud) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-derive-"));
  try {
    const bundle = bundleApp(path.join(__dirname, "library-app.ts"), path.join(tmp, "library-app.js"));
    const outdir = path.join(tmp, "out");
    // NODE_PATH: the bundle's packages resolve from the repository, not from the temporary folder.
    const env = { ...process.env, BOOKSTORE_CLOUDS: cloud, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1", NODE_PATH: path.join(ROOT, "node_modules") };
    for (const name of Object.keys(env)) if (name.startsWith("BOOKSTORE_STATE_")) delete env[name];
    const result = spawnSync(process.execPath, [bundle], { cwd: ROOT, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`library-app on ${cloud} failed:\n${result.stderr}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    // The manifest lists stacks in the order the app created them; dependencies come first.
    return Object.values(manifest.stacks).map((s) => ({
      name: s.name,
      dependencies: s.dependencies ?? [],
      json: JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8")),
    }));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ bindings

const bindingCache = new Map();

/**
 * The binding of a Terraform type: its module, class, and which of its arguments are maps
 * or `any` (keys kept as they are), numbers or lists (a `${...}` reference needs a typed token there).
 */
function binding(type, kind) {
  const key = `${kind}:${type}`;
  if (bindingCache.has(key)) return bindingCache.get(key);
  const providerName = kind === "provider" ? type : type.split("_")[0];
  const pkg = PACKAGES[providerName];
  if (!pkg) throw new Error(`no bindings known for provider "${providerName}" (type ${type}); add it to PACKAGES`);
  const file =
    kind === "provider" ? "provider" : kind === "data" ? `data-${type.replace(/_/g, "-")}` : type.slice(providerName.length + 1).replace(/_/g, "-");
  const dir = path.join(pkg.dir, file);
  if (!fs.existsSync(dir)) throw new Error(`no binding module ${dir} for ${kind} ${type}`);
  const sources = listFiles(dir).filter((f) => (f.endsWith(".js") || (f.endsWith(".ts") && !f.endsWith(".d.ts"))));
  const text = sources.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  const declared = listFiles(dir).filter((f) => f.endsWith(".d.ts") || (f.endsWith(".ts") && !f.endsWith(".d.ts")));
  const declText = declared.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  // The class is the last one declared before its `tfResourceType`.
  const at = declText.indexOf(`static readonly tfResourceType = "${type}";`);
  const classMatch = at < 0 ? null : [...declText.slice(0, at).matchAll(/export (?:declare )?class (\w+) extends/g)].pop();
  if (!classMatch) throw new Error(`no class with tfResourceType "${type}" in ${dir}`);
  // `snake_name: cdktf.<mapper>(` (indexOf: a regex over megabytes of bindings is slow).
  const argsOf = (mapper) => {
    const names = new Set();
    const needle = `: cdktf.${mapper}(`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      let start = at;
      while (start > 0 && /\w/.test(text[start - 1])) start--;
      names.add(text.slice(start, at));
    }
    return names;
  };
  const result = {
    module: `${pkg.import}/${file}`,
    className: classMatch[1],
    // Maps, and arguments typed `any` (too deep for the schema, e.g. WAF statements): passed as they are.
    maps: new Set([...argsOf("hashMapper"), ...argsOf("anyToTerraform")]),
    numbers: argsOf("numberToTerraform"),
    lists: argsOf("listMapper"),
    // Lists of numbers, whose elements may be references (a zone ID looked up by a data source).
    numberLists: argsOf("listMapper(cdktf.numberToTerraform, false)"),
  };
  bindingCache.set(key, result);
  return result;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// ------------------------------------------------------------------ TypeScript text

const REFERENCE = /^\$\{.*\}$/s;

/** A block's arguments as a TypeScript object literal: snake_case names become the binding's camelCase props. */
function props(value, b, indent) {
  const entries = Object.entries(value).filter(([k]) => k !== "//");
  if (entries.length === 0) return "{}";
  const pad = "  ".repeat(indent + 1);
  const lines = entries.map(([k, v]) => `${pad}${camel(k)}: ${argument(k, v, b, indent + 1)},`);
  return `{\n${lines.join("\n")}\n${"  ".repeat(indent)}}`;
}

function argument(name, value, b, indent) {
  if (typeof value === "string" && REFERENCE.test(value)) {
    // A whole-value reference where the binding wants a number or a list: the typed token a
    // hand-written program would get from `resource.attribute`.
    if (b.numbers.has(name)) return `Token.asNumber(${JSON.stringify(value)})`;
    if (b.lists.has(name)) return `Token.asList(${JSON.stringify(value)})`;
  }
  if (b.maps.has(name)) return literal(value, indent);
  if (Array.isArray(value) && b.numberLists.has(name)) {
    return `[${value.map((v) => (typeof v === "string" && REFERENCE.test(v) ? `Token.asNumber(${JSON.stringify(v)})` : literal(v, indent))).join(", ")}]`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (isObject(v) ? props(v, b, indent) : literal(v, indent))).join(", ")}]`;
  if (isObject(value)) return props(value, b, indent);
  return literal(value, indent);
}

/** A value passed as it is (maps, outputs, scalars). */
function literal(value, indent) {
  if (!isObject(value) && !Array.isArray(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(", ")}]`;
  const pad = "  ".repeat(indent + 1);
  const entries = Object.entries(value).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${literal(v, indent + 1)},`);
  return entries.length === 0 ? "{}" : `{\n${entries.join("\n")}\n${"  ".repeat(indent)}}`;
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** The TypeScript program for one cloud's stacks. */
function program(stacks) {
  const imports = new Map(); // module -> class name
  const cdktfNames = new Set(["App", "TerraformStack"]);
  const use = (b) => {
    imports.set(b.module, b.className);
    return b.className;
  };
  const body = [];
  const stackVar = new Map();
  stacks.forEach((stack, si) => {
    const s = `stack${si}`;
    stackVar.set(stack.name, s);
    const json = stack.json;
    body.push("", `// ==== ${stack.name} ====`, `const ${s} = new TerraformStack(app, ${JSON.stringify(stack.name)});`);
    for (const dep of stack.dependencies) body.push(`${s}.addDependency(${stackVar.get(dep)});`);
    const local = json.terraform?.backend?.local;
    if (local) {
      cdktfNames.add("LocalBackend");
      body.push(`new LocalBackend(${s}, ${literal(local, 0)});`);
    } else if (json.terraform?.backend) {
      throw new Error(`${stack.name}: only the local backend is supported (unset BOOKSTORE_STATE_*)`);
    }
    // Providers, by alias, for the resources' `provider` argument.
    const providerVar = new Map();
    for (const [type, configs] of Object.entries(json.provider ?? {})) {
      configs.forEach((config, i) => {
        const b = binding(type, "provider");
        const v = `${s}_${type}${i}`;
        const id = config.alias ? `${type}-${config.alias}` : type;
        providerVar.set(config.alias ? `${type}.${config.alias}` : type, v);
        const named = Object.values(json.resource ?? {}).concat(Object.values(json.data ?? {}))
          .some((byName) => Object.values(byName).some((r) => r.provider === (config.alias ? `${type}.${config.alias}` : type)));
        body.push(`${named ? `const ${v} = ` : ""}new ${use(b)}(${s}, ${JSON.stringify(id)}, ${props(config, b, 0)});`);
      });
    }
    // Resources and data sources, those named by another's depends_on first.
    const items = [];
    for (const [kind, block] of [["resource", json.resource], ["data", json.data]]) {
      for (const [type, byName] of Object.entries(block ?? {})) {
        for (const [name, config] of Object.entries(byName)) items.push({ kind, type, name, config, address: `${kind === "data" ? "data." : ""}${type}.${name}` });
      }
    }
    const byAddress = new Map(items.map((it) => [it.address, it]));
    const needed = new Set(items.flatMap((it) => it.config.depends_on ?? []));
    const ordered = [];
    const visit = (it) => {
      if (it.placed) return;
      it.placed = true;
      for (const dep of it.config.depends_on ?? []) visit(byAddress.get(dep) ?? fail(`${it.address} depends on unknown ${dep}`));
      ordered.push(it);
    };
    items.forEach(visit);
    const varOf = new Map();
    ordered.forEach((it, i) => {
      const { depends_on: dependsOn, provider, lifecycle, ...args } = it.config;
      let text;
      if (it.type === "terraform_remote_state") {
        if (args.backend !== "local") throw new Error(`${it.address}: only the local backend is supported`);
        cdktfNames.add("DataTerraformRemoteStateLocal");
        text = `new DataTerraformRemoteStateLocal(${s}, ${JSON.stringify(it.name)}, ${literal({ ...args.config, ...(args.workspace ? { workspace: args.workspace } : {}) }, 0)})`;
      } else {
        const b = binding(it.type, it.kind);
        const extra = [];
        if (dependsOn) extra.push(`  dependsOn: [${dependsOn.map((d) => varOf.get(d)).join(", ")}],`);
        if (provider) extra.push(`  provider: ${providerVar.get(provider) ?? fail(`${it.address}: unknown provider ${provider}`)},`);
        if (lifecycle) extra.push(`  lifecycle: ${props(lifecycle, { maps: new Set(), numbers: new Set(), lists: new Set(), numberLists: new Set() }, 1)},`);
        let config = props(args, b, 0);
        if (extra.length > 0) config = config === "{}" ? `{\n${extra.join("\n")}\n}` : config.replace(/\n\}$/, `\n${extra.join("\n")}\n}`);
        text = `new ${use(b)}(${s}, ${JSON.stringify(it.name)}, ${config})`;
      }
      if (needed.has(it.address)) {
        const v = `${s}_r${i}`;
        varOf.set(it.address, v);
        body.push(`const ${v} = ${text};`);
      } else {
        body.push(`${text};`);
      }
    });
    for (const [name, output] of Object.entries(json.output ?? {})) {
      cdktfNames.add("TerraformOutput");
      body.push(`new TerraformOutput(${s}, ${JSON.stringify(name)}, ${literal(output, 0)});`);
    }
  });
  if (body.some((line) => line.includes("Token.as"))) cdktfNames.add("Token");

  // Two bindings with one class name (e.g. two providers' `Instance`) get distinct local names.
  const seen = new Map();
  const importLines = [];
  let text = body.join("\n");
  for (const [module, className] of [...imports].sort(([a], [b]) => a.localeCompare(b))) {
    const n = seen.get(className) ?? 0;
    seen.set(className, n + 1);
    if (n === 0) importLines.push(`import { ${className} } from "${module}";`);
    else throw new Error(`two bindings named ${className}; aliasing is not implemented`);
  }
  return [
    `// GENERATED by bench/derive-baselines.js from the library's synthesized ${stacks.map((s) => s.name).join(" and ")}: do not edit.`,
    "// A straight-line cdktf program with the providers' deep imports and no library code; references",
    "// are literal ${...} strings. See bench/README.md (Baselines).",
    `import { ${[...cdktfNames].sort().join(", ")} } from "cdktf";`,
    ...importLines,
    "",
    "const app = new App();",
    text,
    "",
    "app.synth();",
    "",
  ].join("\n");
}

function fail(message) {
  throw new Error(message);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const cloud of CLOUDS) {
  const target = path.join(OUT_DIR, `${cloud}-bookstore.ts`);
  fs.writeFileSync(target, program(librarySynth(cloud)));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
