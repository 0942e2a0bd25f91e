import { Bookstore, Cloud, ComputeGroup, ComputeGroupSpec, ICloud, Network, WebRuntime } from "../lib";
import { dockerRunOptions, HARDENED_CONTAINER } from "../lib/core/user-data";
import { bookstoreProps, synthBookstore } from "./support/bookstore";
import { FakeCloud } from "./support/fake-cloud";
import { newStack, onlyResource } from "./support/synth";
import { expectValidationError } from "./support/validation";

// The VMs' container is hardened as the pods are (issue #24): a non-root UID, a read-only
// root filesystem with a 64 MiB /tmp, no capabilities, no new privileges. Each
// relaxation is a named prop; a port below 1024 needs the one that runs it as root.

const IMAGE = "registry.example.com/bookstore:1.4.2";

function group(cloud: FakeCloud, props: Record<string, unknown> = {}): ComputeGroupSpec {
  const { stack } = newStack();
  new ComputeGroup(stack, "Web", { cloud, network: new Network(stack, "Net", { cloud }), image: IMAGE, ...props });
  return cloud.specOf<ComputeGroupSpec>("computeGroup");
}

describe("dockerRunOptions", () => {
  test("by default: UID 10001, read-only root, /tmp in memory, every capability dropped, no new privileges", () => {
    const options = dockerRunOptions(HARDENED_CONTAINER);
    expect(options).toEqual(
      expect.arrayContaining(["--network host", "--user 10001:10001", "--read-only", "--tmpfs /tmp:rw,exec,nosuid,nodev,size=64m,mode=1777", "--cap-drop ALL", "--security-opt no-new-privileges=true"]),
    );
    expect(options.some((option) => option.startsWith("--cap-add") || option.startsWith("--privileged"))).toBe(false);
  });

  test("a writable root drops --read-only and nothing else", () => {
    const relaxed = dockerRunOptions({ ...HARDENED_CONTAINER, writableRootFilesystem: true });
    expect(dockerRunOptions(HARDENED_CONTAINER).filter((option) => !relaxed.includes(option))).toEqual(["--read-only"]);
  });

  test("root for a low port keeps NET_BIND_SERVICE alone", () => {
    const options = dockerRunOptions({ user: 0, writableRootFilesystem: false, bindsPortBelow1024: true });
    expect(options).toContain("--user 0:0");
    expect(options.filter((option) => option.startsWith("--cap-"))).toEqual(["--cap-drop ALL", "--cap-add NET_BIND_SERVICE"]);
  });
});

describe("ComputeGroup's container", () => {
  test("is hardened by default", () => {
    expect(group(new FakeCloud()).container).toEqual({ user: 10001, writableRootFilesystem: false, bindsPortBelow1024: false });
  });

  test.each<[string, Record<string, unknown>, object]>([
    ["another UID", { runAsUser: 20000 }, { user: 20000, writableRootFilesystem: false, bindsPortBelow1024: false }],
    ["a writable root filesystem", { writableRootFilesystem: true }, { user: 10001, writableRootFilesystem: true, bindsPortBelow1024: false }],
    ["port 80 as root", { containerPort: 80, runAsRootForPrivilegedPort: true }, { user: 0, writableRootFilesystem: false, bindsPortBelow1024: true }],
  ])("takes %s", (_what, props, container) => {
    expect(group(new FakeCloud(), props).container).toEqual(container);
  });

  test.each<[string, Record<string, unknown>, string, unknown]>([
    ["a port below 1024 without the relaxation", { containerPort: 80 }, "containerPort", 80],
    ["the root relaxation for a port from 1024", { runAsRootForPrivilegedPort: true }, "runAsRootForPrivilegedPort", true],
    ["root by UID", { runAsUser: 0 }, "runAsUser", 0],
    ["a UID among the host's users", { runAsUser: 1000 }, "runAsUser", 1000],
    ["a UID beside the root relaxation", { containerPort: 443, runAsRootForPrivilegedPort: true, runAsUser: 20000 }, "runAsUser", 20000],
    ["a writable root given as a string", { writableRootFilesystem: "false" }, "writableRootFilesystem", "false"],
  ])("fails when given %s", (_what, props, field, value) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expectValidationError(() => new ComputeGroup(stack, "Web", { cloud, network: new Network(stack, "Net", { cloud }), image: IMAGE, ...props }), { constructPath: "test/Web", field, value });
  });

  test("the bookstore names the refused prop as web.*", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expectValidationError(() => new Bookstore(stack, "Shop", { cloud, domain: "shop.example.com", web: { image: IMAGE, port: 80, runtime: WebRuntime.vms() }, kubernetes: { enabled: false } }), {
      constructPath: "test/Shop/Web",
      field: "web.port",
      value: 80,
    });
  });
});

describe("a bookstore whose pods alone serve", () => {
  const podsOnly = (web: Record<string, unknown>) => () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    return new Bookstore(stack, "Shop", { cloud, domain: "shop.example.com", web: { image: IMAGE, runtime: WebRuntime.kubernetes(), ...web } });
  };

  test("still holds the VMs' container props to their rules", () => {
    expectValidationError(podsOnly({ runAsUser: 0 }), { constructPath: "test/Shop", field: "web.runAsUser", value: 0 });
    expectValidationError(podsOnly({ writableRootFilesystem: "yes" }), { constructPath: "test/Shop", field: "web.writableRootFilesystem", value: "yes" });
  });

  test("takes a port below 1024 without the root relaxation: it is the pods' port", () => {
    expect(podsOnly({ port: 80 })).not.toThrow();
  });
});

/** The launch resource holding each cloud's user data. */
const LAUNCH: Record<string, { make: () => ICloud; launch: string }> = {
  aws: { make: () => Cloud.aws({ region: "eu-central-1" }), launch: "aws_launch_template" },
  alicloud: { make: () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" }), launch: "alicloud_ess_scaling_configuration" },
  tencentcloud: { make: () => Cloud.tencentcloud({ region: "ap-guangzhou" }), launch: "tencentcloud_as_scaling_config" },
};

describe.each(Object.keys(LAUNCH))("on %s, the VMs' boot script", (name) => {
  test("starts the container hardened", () => {
    const cloud = LAUNCH[name].make();
    const { json } = synthBookstore(cloud, { web: { ...bookstoreProps(cloud).web, image: IMAGE, runtime: WebRuntime.vms() }, kubernetes: { enabled: false } });
    const userData = String(onlyResource(json, LAUNCH[name].launch).user_data);
    const run = userData.split("\\n").find((line) => line.startsWith("docker run "));
    expect(run).toBe(`docker run ${dockerRunOptions(HARDENED_CONTAINER).join(" ")} ${IMAGE}`);
  });
});
