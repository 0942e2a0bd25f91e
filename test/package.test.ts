import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Packs the library as npm would publish it, installs the tarball into a fresh cdktf
// project outside this repository, compiles a user's program against its type
// declarations and synthesizes a bookstore with it. Installs from the npm cache when it
// can (the dependencies are the ones `npm ci` just fetched).
const REPO = path.join(__dirname, "..");
const TSC = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
const CDKTF = path.join(REPO, "node_modules", ".bin", "cdktf");

/** Newest modification time of the .ts files below a folder. */
function newestSource(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestSource(full));
    return entry.name.endsWith(".ts") || entry.name.endsWith(".json") ? Math.max(newest, fs.statSync(full).mtimeMs) : newest;
  }, 0);
}

/**
 * True when dist/lib was built after the last change to lib/ (CI builds it before the
 * tests): then packing skips the 25-second rebuild of `prepack`. Otherwise npm pack runs
 * prepack, which builds it afresh.
 */
function builtLibraryIsFresh(): boolean {
  const built = path.join(REPO, "dist", "lib", "index.js");
  return fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource(path.join(REPO, "lib"));
}

const USER_PROGRAM = `
import { App } from "cdktf";
import { BookstoreStacks, Cloud, ComputeSize, DatabaseSize, MysqlVersion, ValidationError } from "multicloud-bookstore";

const app = new App({ outdir: "cdktf.out" });
new BookstoreStacks(app, "shop-aws", {
  cloud: Cloud.aws({ region: "us-west-2" }),
  name: "shop",
  domain: "books.example.org",
  web: { image: "registry.example.org/shop:2.0.0", size: ComputeSize.SMALL },
  database: { version: MysqlVersion.V8_4, size: DatabaseSize.MEDIUM, storageGiB: 100 },
  kubernetes: { enabled: false },
});
app.synth();
console.log(typeof ValidationError);
`;

const TENCENTCLOUD_SHOP = `
import { App } from "cdktf";
import { BookstoreStacks, Cloud, ComputeSize } from "multicloud-bookstore";

const app = new App({ outdir: "cdktf.out" });
const cloud = Cloud.tencentcloud({ region: "ap-guangzhou" });
new BookstoreStacks(app, "bookstore-tencentcloud", {
  cloud,
  domain: "shop.example.com",
  certificate: cloud.certificate.existing("Xa7dQ2mK"),
  web: { image: "registry.example.org/shop:2.0.0", size: ComputeSize.SMALL },
});
app.synth();
let awsError = "";
try {
  Cloud.aws({ region: "eu-central-1" });
} catch (error) {
  awsError = (error as Error).message;
}
console.log(awsError);
`;

interface TencentcloudShopRun {
  readonly awsBindingsInstalled: boolean;
  readonly stacks: string[];
  readonly awsError: string;
}

/** Compiles and runs a Tencent Cloud shop's program in a folder of the project, before the AWS bindings are installed. */
function runTencentcloudShop(project: string): TencentcloudShopRun {
  const dir = path.join(project, "tencentcloud-shop");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "main.ts"), TENCENTCLOUD_SHOP);
  execFileSync(process.execPath, [TSC, "main.ts", "--strict", "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck"], { cwd: dir, stdio: "pipe" });
  const out = execFileSync(process.execPath, ["main.js"], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  return {
    awsBindingsInstalled: fs.existsSync(path.join(project, "node_modules", "@cdktf", "provider-aws")),
    stacks: fs.readdirSync(path.join(dir, "cdktf.out", "stacks")).sort(),
    awsError: out.trim().split("\n").pop()!,
  };
}

describe("the npm package", () => {
  let workDir: string;
  let project: string;
  let tarball: string;
  let tencentcloudShop: TencentcloudShopRun;

  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-pack-"));
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", npm_config_loglevel: "error" };
    const packArgs = ["pack", "--json", "--pack-destination", workDir, ...(builtLibraryIsFresh() ? ["--ignore-scripts"] : [])];
    // stderr piped too: prepack's build output would land in the middle of the test results.
    const packed = JSON.parse(execFileSync("npm", packArgs, { cwd: REPO, env, encoding: "utf8", stdio: "pipe" }));
    tarball = path.join(workDir, packed[0].filename);
    project = path.join(workDir, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true }));
    fs.writeFileSync(path.join(project, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node main.js" }));
    // First as a Tencent Cloud shop installs it: the AWS bindings are an optional peer, left out.
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, "cdktf@0.21.0", "constructs@10.4.2"], { cwd: project, env, stdio: "pipe" });
    tencentcloudShop = runTencentcloudShop(project);
    // Then as an AWS shop: with the optional peer the README names.
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "@cdktf/provider-aws@21.22.1"], { cwd: project, env, stdio: "pipe" });
    fs.writeFileSync(path.join(project, "main.ts"), USER_PROGRAM);
  }, 300_000);

  afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  test("holds compiled JavaScript and type declarations only, generated bindings included", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(listing).toEqual(expect.arrayContaining(["package/dist/lib/index.js", "package/dist/lib/index.d.ts", "package/package.json", "package/README.md"]));
    expect(listing.some((f) => f.startsWith("package/dist/lib/generated/alicloud/"))).toBe(true);
    expect(listing.some((f) => f.startsWith("package/dist/lib/generated/tencentcloud/"))).toBe(true);
    expect(listing.filter((f) => /\/(test|examples|scripts)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);
  });

  test("holds the docs the README links to, so its links resolve in node_modules too", () => {
    const listing = new Set(execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean));
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const intoDocs = [...readme.matchAll(/\]\((docs\/[^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]);
    expect(intoDocs.length).toBeGreaterThan(10);
    expect(intoDocs.filter((target) => !listing.has(`package/${target}`))).toEqual([]);
  });

  test("installs no AWS bindings for a Tencent Cloud shop, which compiles and synthesizes without them", () => {
    expect(tencentcloudShop.awsBindingsInstalled).toBe(false);
    expect(tencentcloudShop.stacks).toEqual(["bookstore-tencentcloud", "bookstore-tencentcloud-workloads"]);
    // Cloud.aws without them says what to install.
    expect(tencentcloudShop.awsError).toBe(
      "Cloud.aws needs @cdktf/provider-aws, an optional peer dependency of multicloud-bookstore installed only by shops that use it: npm install @cdktf/provider-aws@21.22.1",
    );
  });

  test("compiles a user's program against its types and synthesizes a bookstore", () => {
    execFileSync(process.execPath, [TSC, "main.ts", "--strict", "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck"], {
      cwd: project,
      stdio: "pipe",
    });
    const out = execFileSync(process.execPath, ["main.js"], { cwd: project, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
    expect(out.trim()).toBe("function");
    const stack = JSON.parse(fs.readFileSync(path.join(project, "cdktf.out", "stacks", "shop-aws", "cdk.tf.json"), "utf8"));
    expect(Object.values(stack.resource.aws_db_instance)).toEqual([expect.objectContaining({ engine_version: "8.4", instance_class: "db.m6g.large" })]);
    expect(stack.resource.aws_eks_cluster).toBeUndefined();
  });

  test("installs the multicloud-bookstore-ci command, which writes the user's deploy workflow from their synth", () => {
    // After the test above synthesized the user's "shop" (one stack, no cluster) into cdktf.out.
    const workflow = execFileSync("npx", ["--no-install", "multicloud-bookstore-ci", "github-actions", "--out", "-"], {
      cwd: project,
      env: { ...process.env, npm_config_update_notifier: "false" },
      encoding: "utf8",
    });
    expect(workflow).toContain("  deploy-shop-aws:\n");
    expect(workflow).toContain("npx cdktf deploy shop-aws --auto-approve --skip-synth\n");
    expect(workflow).toContain("    runs-on: ubuntu-latest\n");
  });

  test("exports the generator as multicloud-bookstore/ci, with its types", () => {
    fs.writeFileSync(
      path.join(project, "ci.ts"),
      'import { DeliveryPlan, githubActionsWorkflow } from "multicloud-bookstore/ci";\nconsole.log(githubActionsWorkflow(DeliveryPlan.fromCdktfOutput("cdktf.out"), { branch: "release" }).includes("refs/heads/release"));\n',
    );
    execFileSync(process.execPath, [TSC, "ci.ts", "--strict", "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck"], { cwd: project, stdio: "pipe" });
    expect(execFileSync(process.execPath, ["ci.js"], { cwd: project, encoding: "utf8" }).trim()).toBe("true");
  });

  test("exports each cloud's resource classes and the policy matchers for the user's own tests", () => {
    // GIVEN a user's test of an Alibaba Cloud and a Tencent Cloud bookstore, written against the
    // package's subpaths: the generated bindings by namespace and by resource, the policy checks
    const program = `
import { Testing } from "cdktf";
// What cdktf's Jest matcher \`expect(json).toHaveResource(Class)\` runs (cdktf/lib/testing/adapters/jest.js),
// called directly: this project has no Jest.
import { getToHaveResourceWithProperties } from "cdktf/lib/testing/matchers";
import { BookstoreStacks, Cloud, ComputeSize } from "multicloud-bookstore";
import { dbInstance } from "multicloud-bookstore/alicloud";
import { MysqlInstance } from "multicloud-bookstore/tencentcloud/mysql-instance";
import { redisInstance } from "multicloud-bookstore/tencentcloud";
import { ALICLOUD_POLICY_PACK, TENCENTCLOUD_POLICY_PACK, policyMatchers } from "multicloud-bookstore/policy";

const app = Testing.app();
const web = { image: "registry.example.org/shop:2.0.0", size: ComputeSize.SMALL };
const ali = Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz62ee817bvyyr5xabcd" });
const aliStacks = new BookstoreStacks(app, "bookstore-alicloud", { cloud: ali, domain: "shop.example.com", certificate: ali.certificate.existing("14368012"), web, kubernetes: { enabled: false } });
const tc = Cloud.tencentcloud({ region: "ap-guangzhou" });
const tcStacks = new BookstoreStacks(app, "bookstore-tencentcloud", { cloud: tc, domain: "shop.example.com", certificate: tc.certificate.existing("Xa7dQ2mK"), web, kubernetes: { enabled: false } });
const toHaveResource = getToHaveResourceWithProperties();
const aliJson = Testing.synth(aliStacks.infrastructure);
const tcJson = Testing.synth(tcStacks.infrastructure);
console.log(JSON.stringify({
  alicloudDatabase: toHaveResource(aliJson, dbInstance.DbInstance, {}).pass,
  tencentcloudDatabase: toHaveResource(tcJson, MysqlInstance, {}).pass,
  tencentcloudCache: toHaveResource(tcJson, redisInstance.RedisInstance, {}).pass,
  alicloudCacheAsTencent: toHaveResource(aliJson, redisInstance.RedisInstance, {}).pass,
  alicloudPolicy: policyMatchers.toHaveNoPolicyFindings(aliStacks.infrastructure, ALICLOUD_POLICY_PACK).pass,
  tencentcloudPolicy: policyMatchers.toHaveNoPolicyFindings(tcStacks.infrastructure, TENCENTCLOUD_POLICY_PACK).pass,
}));
`;
    const dir = path.join(project, "user-test");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "main.ts"), program);
    // WHEN it is compiled against the package's types (no \`as any\`) and run
    execFileSync(process.execPath, [TSC, "main.ts", "--strict", "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck"], { cwd: dir, stdio: "pipe" });
    const out = execFileSync(process.execPath, ["main.js"], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
    // THEN each class finds its resource in its own cloud's stack only, and both packs pass
    expect(JSON.parse(out.trim().split("\n").pop()!)).toEqual({
      alicloudDatabase: true,
      tencentcloudDatabase: true,
      tencentcloudCache: true,
      alicloudCacheAsTencent: false,
      alicloudPolicy: true,
      tencentcloudPolicy: true,
    });
  });

  test("a bad prop ends the user's app with one line, no stack trace, run by Node or by the cdktf CLI", () => {
    // GIVEN a user's main.ts that installs the handler, with a port no load balancer takes
    const dir = path.join(project, "bad-prop");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "main.ts"),
      `import { App } from "cdktf";
import { BookstoreStacks, Cloud, handleValidationErrors } from "multicloud-bookstore";

handleValidationErrors();
const app = new App();
new BookstoreStacks(app, "shop-aws", { cloud: Cloud.aws({ region: "us-west-2" }), domain: "books.example.org", web: { image: "registry.example.org/shop:2.0.0", port: 70000 }, kubernetes: { enabled: false } });
app.synth();
`,
    );
    fs.writeFileSync(path.join(dir, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node main.js" }));
    execFileSync(process.execPath, [TSC, "main.ts", "--strict", "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck"], { cwd: dir, stdio: "pipe" });
    const line = /^error: shop-aws\/Bookstore\S*: invalid web\.port 70000; allowed: .+$/;
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", FORCE_COLOR: "0" };
    // WHEN Node runs it THEN stderr is that one line, and the exit code 1
    const byNode = spawnSync(process.execPath, ["main.js"], { cwd: dir, env, encoding: "utf8" });
    expect(byNode.status).toBe(1);
    expect(byNode.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(line)]);
    // WHEN the cdktf CLI runs it THEN the line is shown (the CLI repeats the app's stderr in its
    // failure summary: cdktf-cli 0.21.0, @cdktf/cli-core synth-stack.js) and no stack frame is
    const byCli = spawnSync(CDKTF, ["synth"], { cwd: dir, env, encoding: "utf8" });
    const output = byCli.stdout + byCli.stderr;
    expect(byCli.status).toBe(1);
    expect(output).toMatch(/error: shop-aws\/Bookstore\S*: invalid web\.port 70000; allowed: /);
    expect(output).not.toMatch(/^\s+at /m);
  }, 120_000);

  test("runs the README's \"Testing your app\" tests as written, with the Jest the README installs", () => {
    // GIVEN the packed README's Jest install command, its Jest configuration and its main.test.ts
    const readme = fs.readFileSync(path.join(project, "node_modules", "multicloud-bookstore", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## Testing your app\n"));
    const install = /`npm install --save-dev ((?:[@\w./-]+@[\w.-]+ ?)+)`/.exec(section)?.[1].trim().split(" ");
    expect(install).toEqual(expect.arrayContaining([expect.stringMatching(/^jest@/), expect.stringMatching(/^@swc\/jest@/)]));
    const transform = /`("transform": \{[^`]+\})`/.exec(section)?.[1];
    expect(transform).toBeDefined();
    const tests = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(tests).toContain("toHaveNoPolicyFindings");
    const dir = path.join(project, "readme-tests");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "main.test.ts"), tests!);
    fs.writeFileSync(path.join(dir, "jest.config.json"), `{ ${transform}, "testEnvironment": "node" }`);
    // WHEN Jest is installed as the README says (from the npm cache where it is there) and runs them
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", npm_config_loglevel: "error" };
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", ...install!], { cwd: project, env, stdio: "pipe" });
    // on a developer's machine (no CI variable: Jest writes the new snapshot, as the README says)
    const jest = (ci: boolean) => {
      const local: NodeJS.ProcessEnv = { ...env };
      delete local.CI;
      return spawnSync(path.join(project, "node_modules", ".bin", "jest"), ["--config", "jest.config.json", "--rootDir", "."], {
        cwd: dir, env: ci ? { ...local, CI: "true" } : local, encoding: "utf8",
      });
    };
    const first = jest(false);
    // THEN every test passes and the snapshot is written
    expect({ status: first.status, output: first.status === 0 ? "" : first.stdout + first.stderr }).toEqual({ status: 0, output: "" });
    expect(first.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(first.stderr).toMatch(/1 snapshot written/);
    // WHEN the same tests run again in CI (CI=true: Jest writes no snapshot, it compares the committed one)
    const inCi = jest(true);
    // THEN they pass against the snapshot the first run wrote
    expect({ status: inCi.status, output: inCi.status === 0 ? "" : inCi.stdout + inCi.stderr }).toEqual({ status: 0, output: "" });
    expect(inCi.stderr).toMatch(/Snapshots:\s+1 passed, 1 total/);
  }, 300_000);

  test("compiles and synthesizes the README's two-cloud program (\"Use it in your project\"), as the packed README writes it", () => {
    // GIVEN the first TypeScript block of that section of the README in the tarball
    const readme = fs.readFileSync(path.join(project, "node_modules", "multicloud-bookstore", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## Use it in your project\n"));
    const program = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(program).toContain('new BookstoreStacks(app, "bookstore-aws", {');
    expect(program).toContain('new BookstoreStacks(app, "bookstore-tencentcloud", {');
    // In a folder of its own, so its cdktf.out is not the other program's.
    const dir = path.join(project, "readme");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "main.ts"), program!);
    // WHEN it is compiled against the package's types and run
    execFileSync(process.execPath, [TSC, "main.ts", "--strict", "--module", "commonjs", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck"], { cwd: dir, stdio: "pipe" });
    execFileSync(process.execPath, ["main.js"], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8", stdio: "pipe" });
    // THEN it writes the five stacks the README names, the AWS bookstore with an access entry for the administrator it names
    expect(fs.readdirSync(path.join(dir, "cdktf.out", "stacks")).sort()).toEqual([
      "bookstore-aws",
      "bookstore-aws-addons",
      "bookstore-aws-workloads",
      "bookstore-tencentcloud",
      "bookstore-tencentcloud-workloads",
    ]);
    expect(readme.replace(/\s+/g, " ")).toContain(
      "writes five stacks: `bookstore-aws`, `bookstore-aws-addons`, `bookstore-aws-workloads`, `bookstore-tencentcloud` and `bookstore-tencentcloud-workloads`",
    );
    const stack = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "stacks", "bookstore-aws", "cdk.tf.json"), "utf8"));
    expect(Object.values(stack.resource.aws_eks_access_entry)).toEqual([expect.objectContaining({ principal_arn: "arn:aws:iam::123456789012:role/ci-deployer" })]);
  });
});
