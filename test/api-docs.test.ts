import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { differences } from "../scripts/api-docs";

// `npm run docs:check` (in .ci/run) regenerates the API reference with typedoc, whose
// validation fails on an undocumented export, and compares it with docs/api through
// `differences`: typedoc itself takes 10 to 30 s, so it runs there, not in every jest run.
describe("the API reference check", () => {
  let root: string;
  const tree = (name: string, files: Record<string, string>): string => {
    const dir = path.join(root, name);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-api-docs-test-"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test("finds nothing when the committed reference is what typedoc writes", () => {
    const files = { "README.md": "# API", "multicloud-bookstore/classes/Bookstore.md": "# Bookstore" };
    expect(differences(tree("generated", files), tree("committed", files))).toEqual([]);
  });

  test("fails when a page changed, one is missing, and one is no longer generated", () => {
    const generated = tree("generated", { "README.md": "# API", "a/New.md": "new", "a/Changed.md": "v2" });
    const committed = tree("committed", { "README.md": "# API", "a/Changed.md": "v1", "a/Removed.md": "old" });
    expect(differences(generated, committed)).toEqual([
      "stale: docs/api/a/Changed.md",
      "missing: docs/api/a/New.md",
      "not generated any more: docs/api/a/Removed.md",
    ]);
  });

  test("the committed reference exists and covers both entry points", () => {
    const index = fs.readFileSync(path.join(__dirname, "..", "docs", "api", "README.md"), "utf8");
    expect(index).toContain("[multicloud-bookstore](multicloud-bookstore/README.md)");
    expect(index).toContain("[multicloud-bookstore/ci](multicloud-bookstore/ci/README.md)");
  });
});
