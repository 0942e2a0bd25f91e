import * as fc from "fast-check";
import { AccountPrerequisite, AppFeature, prerequisiteCondition, prerequisitesFor } from "../../lib/core/prerequisites";
import { ValidationError } from "../../lib/core/validation";

const entry = (id: string, when: AppFeature[], extra: Partial<AccountPrerequisite> = {}): AccountPrerequisite => ({
  id,
  what: `${id} in place`,
  when,
  how: `do ${id}`,
  ref: `https://example.com/${id}`,
  checkedOn: "2026-12-07",
  ...extra,
});

// A registry host as the clouds' registries spell them: <name>.registry.example.com.
const REGISTRY_HOST = "[a-z0-9-]+\\.registry\\.example\\.com";

const CATALOG: AccountPrerequisite[] = [
  entry("account", [AppFeature.ALWAYS]),
  entry("cluster-roles", [AppFeature.KUBERNETES]),
  entry("cdn-ownership", [AppFeature.CDN]),
  entry("logs", [AppFeature.VMS, AppFeature.KUBERNETES]),
  entry("mainland-filing", [AppFeature.ALWAYS], { regions: ["cn-east-1"] }),
  entry("registry-network", [AppFeature.REGISTRY], { imageHostPattern: REGISTRY_HOST }),
  entry("registry-nodes", [AppFeature.CLUSTER_REGISTRY], { imageHostPattern: REGISTRY_HOST }),
  entry("zone", [AppFeature.GLOBAL_DOMAIN]),
];

const ids = (features: AppFeature[], extra: { region?: string; vmImage?: string; podImage?: string } = {}) =>
  prerequisitesFor(CATALOG, { region: extra.region ?? "eu-west-1", features, vmImage: extra.vmImage, podImage: extra.podImage }).map((p) => p.id);

describe("prerequisitesFor", () => {
  test("an app that uses nothing in particular needs only what is always needed", () => {
    expect(ids([])).toEqual(["account"]);
  });

  test("the CDN's ownership verification only with a CDN", () => {
    expect(ids([AppFeature.VMS])).not.toContain("cdn-ownership");
    expect(ids([AppFeature.VMS, AppFeature.CDN])).toContain("cdn-ownership");
  });

  test("an entry any of whose features the app uses, once, in the catalog's order", () => {
    expect(ids([AppFeature.GLOBAL_DOMAIN, AppFeature.KUBERNETES, AppFeature.VMS])).toEqual(["account", "cluster-roles", "logs", "zone"]);
  });

  test("an entry for some regions only in those regions", () => {
    expect(ids([], { region: "cn-east-1" })).toEqual(["account", "mainland-filing"]);
    expect(ids([], { region: "cn-west-1" })).toEqual(["account"]);
  });

  test("the registry's entries only for an image in that registry: the VMs' or the pods' for REGISTRY, the pods' alone for CLUSTER_REGISTRY", () => {
    const inRegistry = "shop.registry.example.com/team/bookstore:1.4.2";
    const elsewhere = "registry.example.org/team/bookstore:1.4.2";
    expect(ids([AppFeature.VMS], { vmImage: inRegistry })).toEqual(["account", "logs", "registry-network"]);
    expect(ids([AppFeature.KUBERNETES], { podImage: inRegistry })).toEqual(["account", "cluster-roles", "logs", "registry-network", "registry-nodes"]);
    expect(ids([AppFeature.VMS, AppFeature.KUBERNETES], { vmImage: elsewhere, podImage: elsewhere })).toEqual(["account", "cluster-roles", "logs"]);
  });

  test("an image's host is matched as a whole, and an image without one is in no registry", () => {
    expect(ids([], { vmImage: "shop.registry.example.com.evil.example/bookstore:1" })).toEqual(["account"]);
    expect(ids([], { vmImage: "bookstore:1.4.2" })).toEqual(["account"]);
    // REGISTRY as a feature alone selects nothing: only an image can be in a registry.
    expect(ids([AppFeature.REGISTRY, AppFeature.CLUSTER_REGISTRY])).toEqual(["account"]);
  });

  test("fails when a feature is not an AppFeature, naming its place in usage.features", () => {
    let error: unknown;
    try {
      prerequisitesFor(CATALOG, { region: "eu-west-1", features: [AppFeature.CDN, "cdns" as AppFeature] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "usage.features[1]", value: "cdns" });
  });

  test("using more never needs less (property)", () => {
    const features = fc.subarray(Object.values(AppFeature));
    const image = fc.constantFrom(undefined, "shop.registry.example.com/a/b:1", "elsewhere.example/a/b:1");
    fc.assert(
      fc.property(features, features, fc.constantFrom("eu-west-1", "cn-east-1"), image, image, (some, more, region, vmImage, podImage) => {
        const fewer = prerequisitesFor(CATALOG, { region, features: some, vmImage, podImage }).map((p) => p.id);
        const all = prerequisitesFor(CATALOG, { region, features: [...some, ...more], vmImage, podImage }).map((p) => p.id);
        expect(all).toEqual(expect.arrayContaining(fewer));
        // Always a subsequence of the catalog: its order, no repeats.
        expect(all).toEqual(CATALOG.map((p) => p.id).filter((id) => all.includes(id)));
      }),
    );
  });
});

test("prerequisiteCondition says when, in words, with its regions", () => {
  expect(prerequisiteCondition(CATALOG[3])).toBe("with VMs (the web tier's runtime sends them requests), or with a cluster");
  expect(prerequisiteCondition(CATALOG[4])).toBe("always, in cn-east-1");
});
