import { AWS_PROVIDER_BINDINGS_VERSION } from "../../lib/aws/registration";
import { requireOptionalPeer } from "../../lib/core/optional-peer";
import * as packageJson from "../../package.json";

describe("optional peer dependencies", () => {
  test("the AWS bindings are an optional peer, at the version the AWS adapters name", () => {
    expect(packageJson.peerDependencies["@cdktf/provider-aws"]).toBe(AWS_PROVIDER_BINDINGS_VERSION);
    expect(packageJson.peerDependenciesMeta["@cdktf/provider-aws"]).toEqual({ optional: true });
    expect(Object.keys(packageJson.dependencies)).not.toContain("@cdktf/provider-aws");
    // The tests and the example app use them: installed for development.
    expect(packageJson.devDependencies["@cdktf/provider-aws"]).toBe(AWS_PROVIDER_BINDINGS_VERSION);
  });

  test("an installed peer passes", () => {
    expect(() => requireOptionalPeer("@cdktf/provider-aws", "21.22.1", "Cloud.aws")).not.toThrow();
  });

  test("fails when the peer is not installed, naming the command that installs it", () => {
    expect(() => requireOptionalPeer("@cdktf/provider-not-installed", "1.2.3", "Cloud.example")).toThrow(
      "Cloud.example needs @cdktf/provider-not-installed, an optional peer dependency of multicloud-bookstore installed only by shops that use it: npm install @cdktf/provider-not-installed@1.2.3",
    );
  });
});
