import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { commandPatterns, runbookDeployCommand } from "../scripts/rehearse/rehearsal-data";
import { STAND_IN_VALUES, standInKey, standInStack } from "../scripts/rehearse/infrastructure-stand-in";
import { catchingLine, PLANTS, runbookForm, stacksOf } from "../scripts/rehearse/rehearse";
import { ClusterTarget, ICloud } from "../lib";
import { synthBookstore, TEST_CLOUDS } from "./support/bookstore";

// The pure parts of `npm run rehearse` (scripts/rehearse/): which runbook command it runs per
// cloud, what stands in for each infrastructure stack, and which defects it plants. The
// rehearsal itself (minutes, a local control plane) runs in `.ci/run` where its tools are
// built, and here only with BOOKSTORE_REHEARSE=1.

const REPO = path.join(__dirname, "..");
const runbook = (cloud: string) => fs.readFileSync(path.join(REPO, "docs", `${cloud}.md`), "utf8");

/** The example's infrastructure stack as the rehearsal synthesizes it: add-ons and workloads sent to a kubeconfig. */
function rehearsedInfrastructure(cloud: ICloud): any {
  return synthBookstore(cloud, { clusterTarget: ClusterTarget.kubeconfig({ path: "/tmp/rehearsal/kubeconfig", context: "bookstore-rehearsal" }) }).json;
}

describe("the deploy command the rehearsal runs", () => {
  test.each(TEST_CLOUDS)("is the one $name's runbook (docs/$name.md) gives", ({ name }) => {
    const patterns = runbookDeployCommand(runbook(name), name);
    expect(patterns).toEqual([`bookstore-${name}*`]);
    expect(runbook(name)).toContain(runbookForm("deploy", patterns!));
  });

  test("a runbook without a deploy command for the cloud gives none", () => {
    expect(runbookDeployCommand("# AWS\n## Deploy runbook: AWS\nnpm run cdktf -- deploy bookstore-alicloud\n", "aws")).toBeUndefined();
    expect(runbookDeployCommand(runbook("aws"), "no-such-cloud")).toBeUndefined();
  });

  test("the arguments are read as a shell would pass them, without flags, comments or a closing backtick", () => {
    expect(commandPatterns(" 'bookstore-aws*' --auto-approve   # a comment")).toEqual(["bookstore-aws*"]);
    expect(commandPatterns(" bookstore-aws bookstore-aws-workloads` applies")).toEqual(["bookstore-aws", "bookstore-aws-workloads"]);
  });
});

describe("the infrastructure stack's stand-in", () => {
  test.each(TEST_CLOUDS)("on $name holds every output another stack reads, each with a value of its real shape, and no resource", ({ make }) => {
    // GIVEN the example app's infrastructure stack, as the rehearsal synthesizes it
    const stack = structuredClone(rehearsedInfrastructure(make()));
    const read = Object.keys(stack.output).filter((o) => o.startsWith("cross-stack-output-"));
    // WHEN it is stood in for
    const standIn = standInStack(stack);
    // THEN the other stacks' outputs are all there, with table values, and nothing else is
    expect(Object.keys(standIn.output).sort()).toEqual(read.sort());
    for (const [output, { value }] of Object.entries(standIn.output as Record<string, { value: string }>)) {
      expect({ output, value }).toEqual({ output, value: STAND_IN_VALUES[standInKey(stack.output[output].value)!] });
    }
    expect(standIn.resource).toBeUndefined();
    expect(standIn.provider).toBeUndefined();
    expect(standIn.terraform.backend).toEqual(stack.terraform.backend);
  });

  test("an AWS target group's stand-in ARN has the target group ID where the binding's name takes it", () => {
    expect(STAND_IN_VALUES["aws_lb_target_group.arn"].split("/")[2]).toMatch(/^[0-9a-f]{16}$/);
  });

  test("fails when an output has no stand-in value, naming it", () => {
    const stack = { output: { "cross-stack-output-x": { value: "${aws_thing.Name.attribute}" } } };
    expect(() => standInStack(stack)).toThrow(/no rehearsal value for 1 output.*\n\s+cross-stack-output-x = \$\{aws_thing\.Name\.attribute\} \(key aws_thing\.attribute\)/);
  });
});

describe("the planted defects", () => {
  test("each names a cloud, what it plants and the message that must catch it", () => {
    expect(Object.keys(PLANTS).sort()).toEqual(["deployment-field", "left-out-addons", "left-out-workloads", "workloads-before-addons"]);
    for (const plant of Object.values(PLANTS)) {
      expect(TEST_CLOUDS.map((c) => c.name)).toContain(plant.cloud);
      expect(plant.plant !== undefined || plant.patterns !== undefined).toBe(true);
    }
  });

  test("the message that caught a failure is found in Terraform's boxed output", () => {
    const output = "bookstore-x  ╷\nbookstore-x  │ Error: Failed to create deployment: Deployment.apps \"bookstore\" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: \"64\": must be less than or equal to cpu limit of 1\n";
    expect(catchingLine(output, PLANTS["deployment-field"].caughtBy)).toMatch(/^bookstore-x  │ Error: Failed to create deployment/);
  });

  test("the stacks of a cloud are taken in deploy order", () => {
    const manifest = { stacks: { "bookstore-aws-workloads": {}, "bookstore-aws": {}, "bookstore-aws-addons": {}, "bookstore-alicloud": {} } };
    expect(stacksOf(manifest, "aws")).toEqual(["bookstore-aws", "bookstore-aws-addons", "bookstore-aws-workloads"]);
  });
});

const rehearse = process.env.BOOKSTORE_REHEARSE === "1" ? test : test.skip;

rehearse(
  "npm run rehearse deploys and destroys every cloud's stacks on the local control plane, and catches every planted defect",
  () => {
    const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-rehearse-test-")), "rehearsal.json");
    const result = spawnSync(process.execPath, [path.join(REPO, "scripts", "rehearse", "rehearse.js"), "--require", "--plant", "all", "--record", record], { encoding: "utf8", timeout: 40 * 60_000 });
    expect({ status: result.status, out: result.stdout.split("\n").slice(-2).join("\n") }).toEqual({ status: 0, out: expect.stringMatching(/rehearse: passed/) });
    const recorded = JSON.parse(fs.readFileSync(record, "utf8"));
    expect(Object.keys(recorded.clouds).sort()).toEqual(["alicloud", "aws", "tencentcloud"]);
  },
  45 * 60_000,
);
