import * as fs from "fs";
import * as path from "path";
import { CLOUD_REGISTRATIONS } from "../lib";

// The rules that keep the library easy to grow: cloud knowledge lives only in the cloud
// folders and their registrations, and each layer imports only the layers below it.

const LIB = path.join(__dirname, "..", "lib");

/** Every hand-written .ts file below a folder of lib/, as a path relative to lib/. */
function sourcesIn(folder: string): string[] {
  const root = path.join(LIB, folder);
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith(".ts") ? [path.relative(LIB, full)] : [];
    });
  return fs.statSync(root).isDirectory() ? walk(root) : [folder];
}

/** The lib/-relative targets of a file's relative imports (`../core/cloud` -> `core/cloud`). */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(LIB, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|require\(|import)\s*["'](\.[^"']+)["']/g)].map((m) => m[1]);
  return specifiers.map((specifier) => path.relative(LIB, path.resolve(path.dirname(path.join(LIB, file)), specifier)));
}

/** The source without its comments. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

const CLOUD_NAMES = CLOUD_REGISTRATIONS.map((registration) => registration.name);

/** The neutral layers, less the folders that are per cloud by design (packs, rules). */
const NEUTRAL_FILES = ["core", "bookstore", "kubernetes", "policy"]
  .flatMap(sourcesIn)
  .filter((file) => !file.startsWith(`policy${path.sep}packs`) && !file.startsWith(`policy${path.sep}rules`));

describe("cloud names live only in the cloud folders and the registry", () => {
  test("the neutral layers hold files to check", () => {
    expect(NEUTRAL_FILES.length).toBeGreaterThan(20);
  });

  test.each(NEUTRAL_FILES)("%s names no cloud in a string literal", (file) => {
    // Doc comments may name a cloud as an example; code may not.
    const text = withoutComments(fs.readFileSync(path.join(LIB, file), "utf8"));
    const literal = new RegExp(`["'\`](${CLOUD_NAMES.join("|")})["'\`]`);
    expect(text.match(literal)?.[0]).toBeUndefined();
  });

  test.each(NEUTRAL_FILES)("%s imports no cloud folder", (file) => {
    const cloudFolders = relativeImports(file).filter((target) => CLOUD_NAMES.includes(target.split(path.sep)[0]));
    expect(cloudFolders).toEqual([]);
  });

  test("every cloud folder exports a registration whose name is the folder's", () => {
    for (const name of CLOUD_NAMES) {
      expect(fs.existsSync(path.join(LIB, name, "registration.ts"))).toBe(true);
    }
  });
});

/** What each layer may import, besides itself; anything under lib/ not listed is refused. */
const ALLOWED_IMPORTS: readonly [layer: string, mayImport: readonly string[]][] = [
  ["core", []],
  ["policy", ["core"]],
  ["kubernetes", ["core"]],
  ...CLOUD_NAMES.map((name): [string, string[]] => [name, ["core", "policy", "generated", "cloud-registration.ts"]]),
  ["bookstore", ["core", "kubernetes", "policy", "clouds.ts", "tags.ts"]],
];

describe("layers only point down", () => {
  test.each(ALLOWED_IMPORTS)("lib/%s imports only from itself and %j", (layer, mayImport) => {
    const offending = sourcesIn(layer).flatMap((file) =>
      relativeImports(file)
        .map((target) => target.split(path.sep)[0].replace(/$/, target.includes(path.sep) ? "" : ".ts"))
        .filter((top) => top !== layer && !mayImport.includes(top))
        .map((top) => `${file} -> ${top}`),
    );
    expect(offending).toEqual([]);
  });
});
