import { Testing } from "cdktf";
import { Bookstore, BookstoreStacks, RegistryCredentials, WebRuntime } from "../../lib";
import { exampleCloud } from "../../examples/bookstore-app";
import { bookstoreProps } from "../support/bookstore";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";
import { warningMessagesUnder } from "../../examples/warnings";

// TKE has no operator here that turns an SSM secret into an image pull secret (the External
// Secrets Operator has no Tencent Cloud provider: external-secrets/external-secrets#3321),
// so registry credentials for the pods are refused at synth rather than left unusable.

const LOGIN = RegistryCredentials.fromSecret("bookstore-registry");

describe("Tencent Cloud: a private registry's login for the pods", () => {
  test("GIVEN the cluster WHEN web.registryCredentials is set THEN synth refuses it, naming the prop", () => {
    const cloud = exampleCloud("tencentcloud");
    const props = bookstoreProps(cloud);
    expectValidationError(() => new Bookstore(newStack().stack, "Shop", { ...props, web: { ...props.web, registryCredentials: LOGIN } }), {
      constructPath: "test/Shop/Kubernetes",
      field: "web.registryCredentials",
      value: "bookstore-registry",
    });
  });

  test("the refusal says why and what to do instead", () => {
    const cloud = exampleCloud("tencentcloud");
    const props = bookstoreProps(cloud);
    expect(() => new Bookstore(newStack().stack, "Shop", { ...props, web: { ...props.web, registryCredentials: LOGIN } })).toThrow(
      /no operator here that turns a secret of the secret store into an image pull secret.*kubernetes\.enabled false/,
    );
  });

  test("GIVEN VMs only WHEN web.registryCredentials is set THEN synth takes it", () => {
    const cloud = exampleCloud("tencentcloud");
    const props = bookstoreProps(cloud);
    expect(() => new Bookstore(newStack().stack, "Shop", { ...props, web: { ...props.web, runtime: WebRuntime.vms(), registryCredentials: LOGIN }, kubernetes: { enabled: false } })).not.toThrow();
  });
});

describe("Tencent Cloud: a TCR image for the pods", () => {
  const warningsFor = (image: string) => {
    const cloud = exampleCloud("tencentcloud");
    const props = bookstoreProps(cloud);
    const stacks = new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...props, web: { ...props.web, image }, cloud });
    return warningMessagesUnder(stacks.infrastructure);
  };

  test.each([
    ["TCR Enterprise", "shop-registry.tencentcloudcr.com/shop/bookstore:1.4.2", 1],
    ["TCR Personal", "ccr.ccs.tencentyun.com/shop/bookstore:1.4.2", 1],
    ["another registry", "registry.example.com/bookstore:1.4.2", 0],
  ])("GIVEN an image in %s WHEN the cluster runs it THEN synth warns that TKE's nodes get no login, and what to do", (_where, image, count) => {
    const warnings = warningsFor(image).filter((w) => w.includes("TKE's nodes get no login"));
    expect(warnings).toHaveLength(count);
    for (const warning of warnings) expect(warning).toMatch(/kubernetes\.workloads\.image \(by default web\.image\) .*install the TCR add-on/);
  });
});
