import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { Cloud } from "../lib";
import { buildExampleApp, selectedClouds } from "../examples/bookstore-app";
import { formatSummary, summarizeStack } from "../examples/summary";

describe("the example app", () => {
  test("builds every implemented cloud when BOOKSTORE_CLOUDS is unset or empty", () => {
    expect(selectedClouds(undefined).map((c) => c.name)).toEqual([...Cloud.implemented]);
    expect(selectedClouds(" ").map((c) => c.name)).toEqual([...Cloud.implemented]);
  });

  test("builds only the clouds BOOKSTORE_CLOUDS names, once each", () => {
    expect(selectedClouds("aws, aws").map((c) => c.name)).toEqual(["aws"]);
  });

  test("fails when BOOKSTORE_CLOUDS names a cloud that is not implemented", () => {
    expect(() => selectedClouds("aws,gcp")).toThrow(/"gcp".*implemented clouds: aws/);
  });

  test("writes one stack per cloud, named after it, and a summary of each", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-example-"));
    try {
      const app = new App({ outdir });
      const built = buildExampleApp(app, selectedClouds(undefined));
      app.synth();
      const expected = built.flatMap((b) => b.stacks.map((stack) => stack.node.id)).sort();
      expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(expected);
      // Every cloud has its infrastructure stack, named after it.
      for (const cloud of Cloud.implemented) expect(expected).toContain(`bookstore-${cloud}`);
      const summaries = built.map((b) => summarizeStack(outdir, { cloud: b.cloud.name, stackName: b.infrastructure.node.id }));
      for (const summary of summaries) {
        expect(Object.keys(summary.byCapability)).toEqual(expect.arrayContaining(["Network", "Database", "LoadBalancer", "Web", "Cdn", "Kubernetes"]));
        expect(summary.resources).toBe(Object.values(summary.byCapability).reduce((a, b) => a + b, 0));
      }
      const table = formatSummary(summaries);
      expect(table.split("\n")[0]).toMatch(/^cloud\s+stack\s+resources\s+by capability\s+output$/);
      for (const cloud of Cloud.implemented) expect(table).toMatch(new RegExp(`^${cloud}\\s+bookstore-${cloud}\\s+\\d+\\s+.*Cdn \\d+`, "m"));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
