import * as fs from "fs";
import * as path from "path";
import { CLOUD_REGISTRATIONS } from "../../lib";

// lib/ci reads what synth wrote and names no cloud outside each cloud's own sign-in
// (lib/ci/<cloud>-sign-in.ts and what only that sign-in uses) and the list of sign-ins; it
// builds on the core's remote-state settings only, and no other layer of the library
// depends on it (constructs users do not load a workflow generator).

const LIB = path.join(__dirname, "..", "..", "lib");
const CI = path.join(LIB, "ci");
const CLOUD_NAMES = CLOUD_REGISTRATIONS.map((registration) => registration.name);
const FILES = fs.readdirSync(CI).filter((file) => file.endsWith(".ts"));
const PER_CLOUD = (file: string) => CLOUD_NAMES.some((cloud) => file.startsWith(`${cloud}-`)) || file === "cloud-sign-ins.ts" || file === "index.ts";

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function imports(text: string): string[] {
  return [...text.matchAll(/(?:from|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

describe("lib/ci", () => {
  test("holds a sign-in file per registered cloud", () => {
    expect(FILES.filter((file) => file.endsWith("-sign-in.ts") && file !== "cloud-sign-in.ts").sort()).toEqual(CLOUD_NAMES.map((cloud) => `${cloud}-sign-in.ts`).sort());
  });

  test.each(FILES.filter((file) => !PER_CLOUD(file)))("%s names no cloud in a string literal", (file) => {
    const text = withoutComments(fs.readFileSync(path.join(CI, file), "utf8"));
    expect(text.match(new RegExp(`["'\`][^"'\`\\n]*\\b(${CLOUD_NAMES.join("|")})\\b[^"'\`\\n]*["'\`]`))?.[0]).toBeUndefined();
  });

  test.each(FILES)("%s imports Node's modules, lib/ci and the core's remote state only", (file) => {
    const outside = imports(fs.readFileSync(path.join(CI, file), "utf8")).filter((specifier) => specifier.startsWith(".") && !specifier.startsWith("./") && specifier !== "../core/remote-state");
    const packages = imports(fs.readFileSync(path.join(CI, file), "utf8")).filter((specifier) => !specifier.startsWith(".") && !["fs", "path", "crypto"].includes(specifier));
    expect({ outside, packages }).toEqual({ outside: [], packages: [] });
  });

  test("no other part of the library imports it", () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return full === CI || entry.name === "generated" ? [] : walk(full);
        return entry.name.endsWith(".ts") ? [full] : [];
      });
    const importers = walk(LIB).filter((file) => imports(fs.readFileSync(file, "utf8")).some((specifier) => /(^|\/)ci(\/|$)/.test(specifier)));
    expect(importers.map((file) => path.relative(LIB, file))).toEqual([]);
  });
});
