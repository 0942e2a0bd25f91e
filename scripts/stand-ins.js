/*
 * The stand-in transform of scripts/validate-providers.js: a synthesized stack split
 * into one file per block, where every resource or data source of a provider that is
 * not at hand becomes a built-in `terraform_data` whose `output` stands for every
 * attribute referenced (references, depends_on and replace_triggered_by rewritten;
 * count / for_each kept), so that terraform can validate the rest with the real
 * providers. Pure functions, no I/O.
 */
"use strict";

/** Meta-arguments that are not part of a block's body. */
const META_ARGUMENTS = ["//", "count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"];

/** "aws" -> "hashicorp/aws"; "registry.terraform.io/aliyun/alicloud" -> "aliyun/alicloud". */
function normalizeSource(source) {
  const parts = source.split("/");
  if (parts.length === 1) return `hashicorp/${parts[0]}`;
  if (parts.length === 3) return `${parts[1]}/${parts[2]}`;
  return source;
}

/** The provider local name a block belongs to: its provider meta-argument, else its type's prefix. */
function providerLocalName(type, block) {
  if (typeof block.provider === "string") return block.provider.split(".")[0];
  return type.split("_")[0];
}

function standInName(kind, type, name) {
  return `standin_${kind === "data" ? "d" : "r"}__${type}__${name}`;
}

/** Calls fn on the text of every ${...} interpolation in str (honouring $${ escapes, nested braces and quoted strings). */
function mapInterpolations(str, fn) {
  let out = "";
  let i = 0;
  while (i < str.length) {
    const start = str.indexOf("${", i);
    if (start < 0) break;
    if (start > 0 && str[start - 1] === "$") {
      out += str.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    let depth = 1;
    let j = start + 2;
    let quoted = false;
    for (; j < str.length && depth > 0; j++) {
      const c = str[j];
      if (quoted) {
        if (c === "\\") j++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    if (depth > 0) break; // unterminated: leave the rest as it is
    out += str.slice(i, start + 2) + fn(str.slice(start + 2, j - 1)) + "}";
    i = j;
  }
  return out + str.slice(i);
}

const REFERENCE = /(?<![\w.\-])(data\.)?([A-Za-z][\w]*)\.([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\.\d+|\.\*|\[[^\]]*\])*)/g;

function rewriteReferences(code, standIns) {
  return code.replace(REFERENCE, (match, data, type, name, traversal) => {
    const standIn = standIns.get(`${data ? "data." : ""}${type}.${name}`);
    if (!standIn) return match;
    // An attribute of the stand-in would not exist: its output stands for all of them.
    // A counted (count / for_each) stand-in keeps the instance key, or the splat.
    if (!standIn.multiple) return `terraform_data.${standIn.name}.output`;
    const key = /^(\[[^\]]*\]|\.\*)/.exec(traversal || "");
    return key ? `terraform_data.${standIn.name}${key[1]}.output` : `terraform_data.${standIn.name}`;
  });
}

/**
 * Rewrites references to replaced blocks ("type.name" / "data.type.name" keys of
 * standIns) inside one expression; quoted strings are text, except their own ${...}.
 */
function rewriteExpression(expression, standIns) {
  let out = "";
  let i = 0;
  while (i < expression.length) {
    const quote = expression.indexOf('"', i);
    if (quote < 0) break;
    out += rewriteReferences(expression.slice(i, quote), standIns);
    let j = quote + 1;
    for (; j < expression.length && expression[j] !== '"'; j++) if (expression[j] === "\\") j++;
    out += mapInterpolations(expression.slice(quote, j + 1), (e) => rewriteExpression(e, standIns));
    i = j + 1;
  }
  return out + rewriteReferences(expression.slice(i), standIns);
}

function rewriteValue(value, standIns) {
  if (typeof value === "string") return value.includes("${") ? mapInterpolations(value, (e) => rewriteExpression(e, standIns)) : value;
  if (Array.isArray(value)) return value.map((v) => rewriteValue(v, standIns));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = rewriteValue(v, standIns);
    return out;
  }
  return value;
}

/** A bare address in depends_on / replace_triggered_by ("type.name[.attr]", "data.type.name"). */
function rewriteAddress(address, standIns) {
  const m = /^(data\.)?([^.]+)\.([^.[]+)/.exec(address);
  const standIn = m && standIns.get(`${m[1] || ""}${m[2]}.${m[3]}`);
  return standIn ? `terraform_data.${standIn.name}` : address;
}

function rewriteMeta(block, standIns) {
  const out = { ...block };
  if (Array.isArray(out.depends_on)) out.depends_on = out.depends_on.map((a) => rewriteAddress(a, standIns));
  if (out.lifecycle && Array.isArray(out.lifecycle.replace_triggered_by)) {
    out.lifecycle = { ...out.lifecycle, replace_triggered_by: out.lifecycle.replace_triggered_by.map((a) => rewriteAddress(a, standIns)) };
  }
  return out;
}

/**
 * Splits a synthesized stack into the files to validate. available: Set of normalized
 * sources ("aliyun/alicloud") whose binary is at hand. Returns
 *   { files: { [fileName]: json }, real: { [source]: count }, standIns: { [source]: count },
 *     standInFiles: Set<fileName> }
 */
function transformStack(stack, available) {
  const required = (stack.terraform && stack.terraform.required_providers) || {};
  const sourceOf = (local) => {
    if (local === "terraform") return "terraform.io/builtin/terraform";
    const entry = required[local];
    return normalizeSource(entry ? (typeof entry === "string" ? local : entry.source || local) : local);
  };
  const isBuiltin = (source) => source === "terraform.io/builtin/terraform";

  // First pass: which blocks become stand-ins.
  const standIns = new Map();
  for (const kind of ["resource", "data"]) {
    for (const [type, blocks] of Object.entries(stack[kind] || {})) {
      for (const [name, block] of Object.entries(blocks)) {
        const source = sourceOf(providerLocalName(type, block));
        if (!isBuiltin(source) && !available.has(source)) {
          const multiple = block.count !== undefined || block.for_each !== undefined;
          standIns.set(`${kind === "data" ? "data." : ""}${type}.${name}`, { name: standInName(kind, type, name), multiple });
        }
      }
    }
  }

  const files = {};
  const standInFiles = new Set();
  const real = {};
  const stood = {};
  for (const kind of ["resource", "data"]) {
    for (const [type, blocks] of Object.entries(stack[kind] || {})) {
      for (const [name, block] of Object.entries(blocks)) {
        const source = sourceOf(providerLocalName(type, block));
        const key = `${kind === "data" ? "data." : ""}${type}.${name}`;
        const replaced = standIns.get(key);
        if (replaced) {
          const input = {};
          for (const [k, v] of Object.entries(block)) if (!META_ARGUMENTS.includes(k)) input[k] = v;
          const standIn = { input: rewriteValue(input, standIns) };
          // count / for_each stay, so count.index and each.* in the body keep their meaning.
          for (const meta of ["count", "for_each"]) if (block[meta] !== undefined) standIn[meta] = rewriteValue(block[meta], standIns);
          if (Array.isArray(block.depends_on)) standIn.depends_on = rewriteMeta(block, standIns).depends_on;
          const file = `standin.${kind}.${type}.${name}.tf.json`;
          files[file] = { resource: { terraform_data: { [replaced.name]: standIn } } };
          standInFiles.add(file);
          stood[source] = (stood[source] || 0) + 1;
        } else {
          files[`${kind}.${type}.${name}.tf.json`] = { [kind]: { [type]: { [name]: rewriteMeta(rewriteValue(block, standIns), standIns) } } };
          if (!isBuiltin(source)) real[source] = (real[source] || 0) + 1;
        }
      }
    }
  }

  const keptRequired = {};
  for (const [local, entry] of Object.entries(required)) {
    const source = sourceOf(local);
    if (!available.has(source)) continue;
    keptRequired[local] = { ...(typeof entry === "string" ? { version: entry } : entry), source: `registry.terraform.io/${source}` };
  }
  const terraform = { ...(stack.terraform || {}), required_providers: keptRequired };
  delete terraform.backend;
  delete terraform.cloud;
  files["terraform.tf.json"] = { terraform };

  const providers = {};
  for (const [local, configs] of Object.entries(stack.provider || {})) if (available.has(sourceOf(local))) providers[local] = rewriteValue(configs, standIns);
  if (Object.keys(providers).length) files["provider.tf.json"] = { provider: providers };

  for (const kind of ["output", "locals", "variable", "module", "moved", "import", "check"]) {
    if (stack[kind] !== undefined) files[`${kind}.tf.json`] = { [kind]: rewriteValue(stack[kind], standIns) };
  }
  return { files, real, standIns: stood, standInFiles };
}

/** Every provider source (normalized) and its required version, over all stacks. */
function requiredProviders(stacks) {
  const out = new Map();
  for (const { json } of stacks) {
    for (const [local, entry] of Object.entries((json.terraform && json.terraform.required_providers) || {})) {
      const source = normalizeSource(typeof entry === "string" ? local : entry.source || local);
      const version = typeof entry === "string" ? entry : entry.version;
      const key = `${source}@${version}`;
      if (!out.has(key)) out.set(key, { source, version });
    }
  }
  return [...out.values()];
}

module.exports = { normalizeSource, mapInterpolations, rewriteExpression, transformStack, requiredProviders };
