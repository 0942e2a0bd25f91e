import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Cloud } from "../lib";
import { exampleAppOutdir } from "./support/bookstore";

// Providers cannot be downloaded here, so `terraform validate` stops at "Missing
// required provider" once it has checked the configuration's structure; any other
// error is a real defect. `terraform providers` checks every provider source.
const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" });
const hasTerraform = terraform.status === 0;
const SKIP_REASON = "skipped: terraform is not on the PATH, so the synthesized JSON was not checked by terraform";

const maybe = hasTerraform ? test : test.skip;

describe(hasTerraform ? "terraform accepts every synthesized stack" : `terraform validate (${SKIP_REASON})`, () => {
  let workDir: string;
  let stackDirs: [string, string][] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };

  beforeAll(() => {
    if (!hasTerraform) return;
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-tf-"));
    // An empty CLI config: the machine's may point at a missing file or a mirror.
    env.TF_CLI_CONFIG_FILE = path.join(workDir, "terraformrc");
    fs.writeFileSync(env.TF_CLI_CONFIG_FILE, "");
    const synthesized = exampleAppOutdir();
    stackDirs = fs.readdirSync(path.join(synthesized, "stacks")).map((stack) => {
      // Without the backend block, `terraform providers` needs no `init`.
      const json = JSON.parse(fs.readFileSync(path.join(synthesized, "stacks", stack, "cdk.tf.json"), "utf8"));
      delete json.terraform.backend;
      const dir = path.join(workDir, stack);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(json));
      return [stack, dir];
    });
  });

  afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  maybe("synthesizes an infrastructure stack per implemented cloud, its workloads stack, and the global domain", () => {
    const names = stackDirs.map(([stack]) => stack);
    for (const cloud of Cloud.implemented) expect(names).toContain(`bookstore-${cloud}`);
    expect(names).toContain("bookstore-global-dns");
    expect(names.filter((n) => !/^bookstore-(?:[a-z]+(-addons|-workloads)?|global-dns)$/.test(n))).toEqual([]);
  });

  maybe("terraform validate reports nothing but the providers it cannot download", () => {
    for (const [stack, dir] of stackDirs) {
      const result = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env, encoding: "utf8" });
      const report = JSON.parse(result.stdout) as { diagnostics: { severity: string; summary: string; detail: string }[] };
      const unexpected = report.diagnostics.filter((d) => d.summary !== "Missing required provider");
      expect({ stack, unexpected }).toEqual({ stack, unexpected: [] });
    }
  });

  maybe("terraform providers resolves every provider source", () => {
    for (const [stack, dir] of stackDirs) {
      const out = execFileSync("terraform", ["providers", "-no-color"], { cwd: dir, env, encoding: "utf8" });
      const json = JSON.parse(fs.readFileSync(path.join(dir, "main.tf.json"), "utf8"));
      const sources = Object.values(json.terraform.required_providers as Record<string, { source: string }>).map(({ source }) =>
        // A bare name is short for hashicorp/<name> on the public registry.
        `provider[registry.terraform.io/${source.includes("/") ? source : `hashicorp/${source}`}]`,
      );
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect({ stack, source, listed: out.includes(source) }).toEqual({ stack, source, listed: true });
    }
  });
});
