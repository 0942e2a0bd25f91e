import * as fc from "fast-check";
import { DeliveryPlan } from "../../lib/ci/delivery-plan";
import { DeliveryPlanError } from "../../lib/ci/errors";
import { SynthesizedStack } from "../../lib/ci/synthesized-stacks";
import { exampleAppOutdir } from "../support/bookstore";
import { propertyRuns } from "../support/property-budget";

/** A stack as the manifest and its JSON describe it; it declares resources of every provider it uses unless `readOnly` names some. */
function stack(name: string, providers: string[], dependencies: string[] = [], regions: Record<string, string> = {}, readOnly: string[] = []): SynthesizedStack {
  return { name, providers, managedProviders: providers.filter((p) => !readOnly.includes(p)), dependencies, regions, backend: "s3" };
}

describe("DeliveryPlan", () => {
  test("reads the example app's manifest: one lane per cloud, then the global domain after all three", () => {
    // GIVEN the example app as the test run synthesized it (every cloud, and the global domain)
    const plan = DeliveryPlan.fromCdktfOutput(exampleAppOutdir());
    // THEN
    expect(plan.lanes.map((lane) => [lane.name, lane.stacks, lane.after])).toEqual([
      ["bookstore-alicloud", ["bookstore-alicloud", "bookstore-alicloud-workloads"], []],
      ["bookstore-aws", ["bookstore-aws", "bookstore-aws-addons", "bookstore-aws-workloads"], []],
      ["bookstore-tencentcloud", ["bookstore-tencentcloud", "bookstore-tencentcloud-workloads"], []],
      ["bookstore-global-dns", ["bookstore-global-dns"], ["bookstore-alicloud", "bookstore-aws", "bookstore-tencentcloud"]],
    ]);
    expect(plan.lane("bookstore-aws").changes).toEqual([{ cloud: "aws", region: "eu-central-1" }]);
    // The Tencent Cloud workloads stack has no tencentcloud provider; its lane's first stack does.
    expect(plan.lane("bookstore-tencentcloud").changes).toEqual([{ cloud: "tencentcloud", region: "ap-guangzhou" }]);
    // The global domain only reads the CDN host names on Alibaba Cloud and Tencent Cloud (data sources): it changes AWS alone.
    expect(plan.lane("bookstore-global-dns").changes).toEqual([{ cloud: "aws", region: "eu-central-1" }]);
    expect(plan.lane("bookstore-global-dns").reads).toEqual([
      { cloud: "alicloud", region: "cn-hangzhou" },
      { cloud: "tencentcloud", region: "ap-guangzhou" },
    ]);
    expect(plan.lanes.map((lane) => lane.reachesCluster)).toEqual([true, true, true, false]);
  });

  test("names nothing of the bookstore: another shop's stacks make their own lanes", () => {
    const plan = DeliveryPlan.fromStacks([
      stack("shop-eu", ["aws", "random"], [], { aws: "eu-west-1" }),
      stack("shop-eu-k8s", ["aws", "kubernetes"], ["shop-eu"], { aws: "eu-west-1" }),
      stack("shop-cn", ["alicloud"], [], { alicloud: "cn-shanghai" }),
      stack("shop-dns", ["aws"], ["shop-eu", "shop-cn"], { aws: "eu-west-1" }),
    ]);
    expect(plan.lanes.map((lane) => lane.name)).toEqual(["shop-eu", "shop-cn", "shop-dns"]);
    expect(plan.deployArguments(plan.lane("shop-eu"))).toEqual(["deploy", "shop-eu", "shop-eu-k8s", "--auto-approve", "--skip-synth"]);
    // A lane that reads others names its own stacks only: the workflow deploys the others first.
    expect(plan.deployArguments(plan.lane("shop-dns"))).toEqual(["deploy", "shop-dns", "--ignore-missing-stack-dependencies", "--auto-approve", "--skip-synth"]);
    expect(plan.lane("shop-dns").reads).toEqual([{ cloud: "alicloud", region: "cn-shanghai" }]);
  });

  test("plans every stack in deploy order, or before the first deploy only those that read no other", () => {
    const plan = DeliveryPlan.fromStacks([stack("a", ["aws"]), stack("a-workloads", ["kubernetes"], ["a"]), stack("a-addons", ["helm"], ["a"])]);
    const lane = plan.lane("a");
    expect(lane.stacks).toEqual(["a", "a-workloads", "a-addons"]);
    expect(plan.planArguments(lane, false)).toEqual([
      ["diff", "a", "--skip-synth"],
      ["diff", "a-workloads", "--skip-synth"],
      ["diff", "a-addons", "--skip-synth"],
    ]);
    expect(plan.planArguments(lane, true)).toEqual([["diff", "a", "--skip-synth"]]);
  });

  test("a one-cloud app without a cluster is one lane of one stack that needs no runner inside the network", () => {
    const plan = DeliveryPlan.fromStacks([stack("books-tencentcloud", ["tencentcloud", "random"], [], { tencentcloud: "ap-singapore" })]);
    expect(plan.lanes).toEqual([
      {
        name: "books-tencentcloud",
        stacks: ["books-tencentcloud"],
        after: [],
        changes: [{ cloud: "tencentcloud", region: "ap-singapore" }],
        reads: [],
        reachesCluster: false,
        independentStacks: ["books-tencentcloud"],
      },
    ]);
  });

  test.each([
    ["a dependency the manifest does not list", [stack("a", ["aws"], ["b"])], /a depends on b, which the manifest does not list/],
    ["stacks that depend on each other", [stack("a", ["aws"], ["b"]), stack("b", ["aws"], ["a"])], /the stacks a, b depend on each other in a cycle/],
    ["a provider it cannot sign in to", [stack("a", ["aws", "google"])], /a uses the provider google, which a generated workflow cannot sign in to; it signs in to aws \(aws\)/],
    ["a stack named twice", [stack("a", ["aws"]), stack("a", ["aws"])], /a stack name appears twice/],
  ])("fails when the app has %s", (_what, stacks, message) => {
    expect(() => DeliveryPlan.fromStacks(stacks)).toThrow(DeliveryPlanError);
    expect(() => DeliveryPlan.fromStacks(stacks)).toThrow(message);
  });

  test("fails, saying what to run, when nothing was synthesized", () => {
    expect(() => DeliveryPlan.fromCdktfOutput("/nonexistent/cdktf.out")).toThrow(/manifest.json does not exist: run `npx cdktf synth` first/);
  });

  test("property: every stack is in exactly one lane, after every stack it reads", () => {
    // Random acyclic apps: each stack may read any of the stacks before it.
    const apps = fc
      .array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 9 })
      .map((reads) => reads.map((picks, i) => stack(`s${i}`, [i % 2 === 0 ? "aws" : "kubernetes"], i === 0 ? [] : [...new Set(picks.map((p) => `s${p % i}`))])));
    fc.assert(
      fc.property(apps, (stacks) => {
        const plan = DeliveryPlan.fromStacks([...stacks].reverse());
        const order = plan.lanes.flatMap((lane) => lane.stacks);
        expect([...order].sort()).toEqual(stacks.map((s) => s.name).sort());
        for (const s of stacks) for (const d of s.dependencies) expect(order.indexOf(d)).toBeLessThan(order.indexOf(s.name));
        // A lane comes after the lanes it names, and a lane's stacks read only its own and those lanes'.
        for (const [index, lane] of plan.lanes.entries()) {
          const before = plan.lanes.slice(0, index).map((l) => l.name);
          expect(lane.after.every((a) => before.includes(a))).toBe(true);
          const readable = new Set([...lane.stacks, ...lane.after.flatMap((a) => plan.lane(a).stacks)]);
          for (const name of lane.stacks) expect(stacks.find((s) => s.name === name)!.dependencies.every((d) => readable.has(d))).toBe(true);
        }
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});
