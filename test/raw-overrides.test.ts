import * as fs from "fs";
import * as path from "path";

// For AWS and Kubernetes only the typed bindings carry the provider schema, so anything
// that goes around them (raw overrides, untyped `any` arguments) is unchecked by the
// schema validator. Each such place must be listed here with the reason the binding
// cannot say it.
const ALLOWED: { file: string; line: string; reason: string }[] = [
  {
    file: "lib/aws/state-backend.ts",
    line: 'stack.addOverride("terraform.backend.s3.use_lockfile", true);',
    reason: "cdktf 0.21's S3BackendConfig predates use_lockfile (Terraform 1.10); without it the S3 backend does not lock.",
  },
];

const RAW = /\.(addOverride|overrideLogicalId|resetOverrideLogicalId)\(/;

/** Every raw override in the TypeScript below `dir`, generated bindings excepted. */
export function rawOverrides(files: { file: string; text: string }[]): { file: string; line: string }[] {
  return files.flatMap(({ file, text }) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => RAW.test(line) && !line.startsWith("//") && !line.startsWith("*"))
      .map((line) => ({ file, line })),
  );
}

function libraryFiles(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : libraryFiles(full);
    return entry.name.endsWith(".ts") ? [{ file: path.relative(path.join(__dirname, ".."), full), text: fs.readFileSync(full, "utf8") }] : [];
  });
}

describe("raw overrides in lib/", () => {
  test("every one is listed with a reason", () => {
    const found = rawOverrides(libraryFiles(path.join(__dirname, "..", "lib")));
    const unlisted = found.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.line === f.line));
    expect(unlisted).toEqual([]);
    for (const allowed of ALLOWED) expect(allowed.reason.length).toBeGreaterThan(30);
  });

  test("a listed override that no longer exists is removed from the list", () => {
    const found = rawOverrides(libraryFiles(path.join(__dirname, "..", "lib")));
    expect(ALLOWED.filter((a) => !found.some((f) => f.file === a.file && f.line === a.line))).toEqual([]);
  });

  test("fails on an unlisted override (the check can fail)", () => {
    const found = rawOverrides([{ file: "lib/x.ts", text: 'db.addOverride("storage_encrypted", false);\n// db.addOverride("ignored", 1);' }]);
    expect(found).toEqual([{ file: "lib/x.ts", line: 'db.addOverride("storage_encrypted", false);' }]);
  });
});
