import { Bookstore, RegistryCredentials, WebRuntime } from "../../lib";
import { exampleCloud } from "../../examples/bookstore-app";
import { bookstoreProps } from "../support/bookstore";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";

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
