import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// `npm run synth` and `cdktf synth` run their entry through scripts/run-app.js, which reports a
// ValidationError that the entry does not catch in one line, and any other error with its
// stack trace mapped to the TypeScript lines.
const REPO = path.join(__dirname, "..");

function runEntry(body: string): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "run-app-errors-"));
  const name = path.basename(dir);
  const entry = path.join(dir, `${name}.ts`);
  fs.writeFileSync(entry, `import { App } from "cdktf";\nimport { BookstoreStacks, Cloud } from ${JSON.stringify(path.join(REPO, "lib"))};\n${body}\n`);
  try {
    const run = spawnSync(process.execPath, [path.join(REPO, "scripts", "run-app.js"), entry], { cwd: REPO, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
    return { status: run.status, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const suffix of [".js", ".js.map"]) fs.rmSync(path.join(REPO, "dist", "app", `${name}${suffix}`), { force: true });
  }
}

describe("scripts/run-app.js", () => {
  test("reports a ValidationError the app does not catch in one line, exit code 1", () => {
    const { status, stderr } = runEntry(
      'new BookstoreStacks(new App({ outdir: "/tmp/run-app-errors-never-synthesized" }), "shop-aws", { cloud: Cloud.aws({ region: "us-west-2" }), domain: "books.example.org", web: { image: "registry.example.org/shop:2.0.0", port: 70000 }, kubernetes: { enabled: false } });',
    );
    expect(status).toBe(1);
    expect(stderr).toBe("error: shop-aws/Bookstore/LoadBalancer: invalid web.port 70000; allowed: a whole number from 1 to 65535\n");
  });

  test("reports any other error with its stack trace, at the TypeScript lines", () => {
    const { status, stderr } = runEntry('void App; void BookstoreStacks; void Cloud;\nthrow new TypeError("a bug");');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^TypeError: a bug\n\s+at .*run-app-errors-\w+\.ts:4:\d+/);
  });
});
