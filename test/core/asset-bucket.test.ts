import fc from "fast-check";
import { TerraformStack } from "cdktf";
import {
  AssetBucket,
  AssetBucketSpec,
  Bookstore,
  BookstoreProps,
  bucketNamePrefix,
  Cdn,
  CdnSpec,
  ComputeGroup,
  ComputeGroupSpec,
  LoadBalancer,
  matchesPages,
  maxAssetBucketNameLength,
  Network, WebRuntime } from "../../lib";
import { FAKE_CATALOG, FakeCloud } from "../support/fake-cloud";
import { newStack, synthJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

// The neutral asset bucket on a recording fake cloud: its name and retention checked
// against the catalog, its wiring into the CDN and the web tier. The fake catalog's
// bucket names are at most 40 characters, and its host name `{name}.objects.{region}.fake`
// at most 50, which leaves 25 in fake-east-1.

function shop(cloud: FakeCloud, stack: TerraformStack, overrides: Partial<BookstoreProps> = {}): Bookstore {
  return new Bookstore(stack, "Shop", { cloud, domain: "shop.example.com", web: { image: "registry.example.com/bookstore:1.4.2", runtime: WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 }) }, ...overrides });
}

describe("the asset bucket's name", () => {
  test("defaults to the construct ID and 8 random hexadecimal characters that Terraform draws once, where names are shared by every account", () => {
    // GIVEN a cloud whose bucket names are global WHEN a bucket is built without a name
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new AssetBucket(stack, "Covers", { cloud });
    // THEN the adapter gets the ID's kebab case and a random_id's hex, drawn once
    expect(cloud.specOf<AssetBucketSpec>("assetBucket")).toEqual({ name: expect.stringMatching(/^covers-\$\{TfToken\[TOKEN\.\d+\]\}$/), noncurrentVersionRetentionDays: 30, deletionProtection: true });
    expect(Object.values(synthJson(stack).resource!.random_id)).toEqual([expect.objectContaining({ byte_length: 4 })]);
  });

  test("defaults to the prefix alone where the cloud makes names the account's own", () => {
    const cloud = new FakeCloud("fake-east-1", undefined, "fake");
    // A catalog without a global namespace, as on a cloud that appends the account's ID.
    Object.defineProperty(cloud, "catalog", { value: { ...FAKE_CATALOG, assetBucket: { ...FAKE_CATALOG.assetBucket, globallyUnique: false } } });
    const { stack } = newStack();
    new AssetBucket(stack, "Covers", { cloud, namePrefix: "Shop_Covers" });
    expect(cloud.specOf<AssetBucketSpec>("assetBucket").name).toBe("shop-covers");
    expect(synthJson(stack).resource?.random_id).toBeUndefined();
  });

  test("a given name is used as it is", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new AssetBucket(stack, "Covers", { cloud, name: "acme-covers-2024" });
    expect(cloud.specOf<AssetBucketSpec>("assetBucket").name).toBe("acme-covers-2024");
  });

  test("a long prefix is shortened to leave room for the random end within the host name's bound", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new AssetBucket(stack, "Covers", { cloud, namePrefix: "a-very-long-shop-name-with-covers" });
    // 25 characters in fake-east-1, less 9 for "-" and the 8 random characters.
    expect(cloud.specOf<AssetBucketSpec>("assetBucket").name).toMatch(/^a-very-long-shop-\$\{/);
  });

  test.each([
    ["upper-case letters", "Acme-Covers"],
    ["an IP address's form", "192.168.5.4"],
    ["a reserved prefix", "fake-covers"],
    ["a reserved suffix", "covers-fake"],
    ["a hyphen at the end", "covers-"],
    ["two characters", "ab"],
    ["more than the host name leaves in the region", "a".repeat(26)],
  ])("fails when the name has %s", (_what, name) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expectValidationError(() => new AssetBucket(stack, "Covers", { cloud, name }), { constructPath: "test/Covers", field: "name", value: name });
  });

  test("the refusal says what the cloud takes and whose names the bucket shares", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expect(() => new AssetBucket(stack, "Covers", { cloud, name: "fake-covers" })).toThrow(/at most 25 characters; not fake-\.\.\., \.\.\.-fake, which fake reserves.*names are shared by every fake account/);
  });

  test("fails when the prefix makes no bucket name", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expectValidationError(() => new AssetBucket(stack, "Covers", { cloud, namePrefix: "--" }), { constructPath: "test/Covers", field: "namePrefix", value: "--" });
  });
});

describe("the asset bucket's settings", () => {
  test("take the retention and deletion protection given", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    new AssetBucket(stack, "Covers", { cloud, name: "acme-covers", noncurrentVersionRetentionDays: 90, deletionProtection: false });
    expect(cloud.specOf<AssetBucketSpec>("assetBucket")).toEqual({ name: "acme-covers", noncurrentVersionRetentionDays: 90, deletionProtection: false });
  });

  test.each([0, 366, 1.5, NaN, Infinity, -1])("fails when the retention is %s days (the catalog's range: 1 to 365)", (days) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expectValidationError(() => new AssetBucket(stack, "Covers", { cloud, name: "acme-covers", noncurrentVersionRetentionDays: days }), {
      constructPath: "test/Covers",
      field: "noncurrentVersionRetentionDays",
      value: days,
    });
  });

  test("fails when deletion protection is not a boolean", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    expectValidationError(() => new AssetBucket(stack, "Covers", { cloud, name: "acme-covers", deletionProtection: "false" as unknown as boolean }), {
      constructPath: "test/Covers",
      field: "deletionProtection",
      value: "false",
    });
  });
});

describe("the asset bucket in the bookstore", () => {
  test("is named after the shop, written by the web tier and served by the CDN, which may read it", () => {
    // GIVEN a fake cloud WHEN the bookstore is composed with defaults
    const cloud = new FakeCloud();
    const bookstore = shop(cloud, newStack().stack, { name: "acme" });
    // THEN one bucket, named after the shop, reaches the web tier and the CDN
    expect(cloud.specOf<AssetBucketSpec>("assetBucket").name).toMatch(/^acme-assets-\$\{/);
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup").assetBucket).toBe(bookstore.assets);
    expect(cloud.specOf<CdnSpec>("cdn")).toMatchObject({ assets: bookstore.assets, assetsDomain: undefined });
    expect(cloud.calls.filter((c) => c.capability === "allowCdnReads")).toHaveLength(1);
    expect(bookstore.cdn!.assetsDomain).toBe("shop.example.com");
  });

  test("takes the user's name and settings, and none with assets.enabled false", () => {
    const cloud = new FakeCloud();
    shop(cloud, newStack().stack, { assets: { name: "acme-assets", noncurrentVersionRetentionDays: 7 } });
    expect(cloud.specOf<AssetBucketSpec>("assetBucket")).toMatchObject({ name: "acme-assets", noncurrentVersionRetentionDays: 7 });

    const without = new FakeCloud();
    const bookstore = shop(without, newStack().stack, { assets: { enabled: false } });
    expect(without.order).not.toContain("assetBucket");
    expect(bookstore.assets).toBeUndefined();
    expect(without.specOf<ComputeGroupSpec>("computeGroup").assetBucket).toBeUndefined();
    expect(without.specOf<CdnSpec>("cdn").assets).toBeUndefined();
  });

  test("outputs the bucket's name", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    shop(cloud, stack, { assets: { name: "acme-assets" } });
    const outputs = synthJson(stack).output!;
    expect(Object.entries(outputs).find(([id]) => id.startsWith("Shop_AssetBucketName"))?.[1].value).toBe("acme-assets");
  });

  test("names a refused prop as the bookstore's props spell it", () => {
    const cloud = new FakeCloud();
    expectValidationError(() => shop(cloud, newStack().stack, { assets: { name: "Acme" } }), { constructPath: "test/Shop/Assets", field: "assets.name", value: "Acme" });
    expectValidationError(() => shop(cloud, newStack().stack, { assets: { noncurrentVersionRetentionDays: 0 } }), {
      constructPath: "test/Shop/Assets",
      field: "assets.noncurrentVersionRetentionDays",
      value: 0,
    });
    expectValidationError(() => shop(cloud, newStack().stack, { assets: { enabled: "yes" as unknown as boolean } }), { constructPath: "test/Shop", field: "assets.enabled", value: "yes" });
  });
});

describe("the CDN with an asset bucket", () => {
  function cdnWith(cloud: FakeCloud, props: { staticPaths?: string[]; assetsDomain?: string; assets?: boolean }) {
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    const origin = new LoadBalancer(stack, "Lb", { cloud, network, domain: "shop.example.com" });
    const assets = props.assets === false ? undefined : new AssetBucket(stack, "Assets", { cloud, name: "acme-assets" });
    return new Cdn(stack, "Cdn", { cloud, origin, assets, staticPaths: props.staticPaths, assetsDomain: props.assetsDomain });
  }

  test.each(["/*", "/", "//*", "/index.html", "/INDEX.HTM", "*.html", "*.htm"])("fails when a static path matches the shop's pages: %s", (path) => {
    expectValidationError(() => cdnWith(new FakeCloud(), { staticPaths: ["/static/*", path] }), { constructPath: "test/Cdn", field: "staticPaths[1]", value: path });
  });

  test("takes a catch-all without a bucket, as before", () => {
    expect(() => cdnWith(new FakeCloud(), { staticPaths: ["/*"], assets: false })).not.toThrow();
  });

  test("serves the bucket on the origin's domain where the CDN routes by path, and refuses a domain of its own there", () => {
    const cloud = new FakeCloud();
    expect(cdnWith(cloud, {}).assetsDomain).toBe("shop.example.com");
    expect(cloud.specOf<CdnSpec>("cdn").assetsDomain).toBeUndefined();
    expectValidationError(() => cdnWith(new FakeCloud(), { assetsDomain: "static.shop.example.com" }), { constructPath: "test/Cdn", field: "assetsDomain", value: "static.shop.example.com" });
    expectValidationError(() => cdnWith(new FakeCloud(), { assets: false, assetsDomain: "static.shop.example.com" }), { constructPath: "test/Cdn", field: "assetsDomain", value: "static.shop.example.com" });
  });

  test("gives the bucket a CDN domain of its own where the CDN cannot route by path: static. and the origin's domain, or the one given", () => {
    const cloud = new FakeCloud("fake-east-1", { capabilities: { cdnRoutesPathsToBucket: false } });
    const cdn = cdnWith(cloud, {});
    expect(cloud.specOf<CdnSpec>("cdn").assetsDomain).toBe("static.shop.example.com");
    expect(cdn.assetsDomain).toBe("static.shop.example.com");
    expect(cdn.assetsCdnDomainName).toBe("assets-cdn.fake");

    const named = new FakeCloud("fake-east-1", { capabilities: { cdnRoutesPathsToBucket: false } });
    cdnWith(named, { assetsDomain: "img.example.com" });
    expect(named.specOf<CdnSpec>("cdn").assetsDomain).toBe("img.example.com");
  });

  test.each(["shop.example.com", "Static.Shop.Example.Com", "not a domain"])("fails when the bucket's own domain is %s", (assetsDomain) => {
    const cloud = new FakeCloud("fake-east-1", { capabilities: { cdnRoutesPathsToBucket: false } });
    expectValidationError(() => cdnWith(cloud, { assetsDomain }), { constructPath: "test/Cdn", field: "assetsDomain", value: assetsDomain });
  });

  test("the web tier of another cloud's bucket is refused", () => {
    const { stack } = newStack();
    const cloud = new FakeCloud();
    const other = new FakeCloud("fake-east-1", undefined, "other");
    const network = new Network(stack, "Net", { cloud });
    const assets = new AssetBucket(stack, "Assets", { cloud: other, name: "acme-assets" });
    expectValidationError(() => new ComputeGroup(stack, "Web", { cloud, network, image: "registry.example.com/bookstore:1.4.2", assetBucket: assets }), {
      constructPath: "test/Web",
      field: "assetBucket",
      value: "test/Assets (other)",
    });
  });
});

describe("pure rules (property-based)", () => {
  test("a generated prefix is always a valid name's start, never longer than asked, never ending in a hyphen", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 63 }), (text, max) => {
        const prefix = bucketNamePrefix(text, max);
        expect(prefix.length).toBeLessThanOrEqual(max);
        expect(prefix).toMatch(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)?$/);
      }),
    );
  });

  test("a path under a directory never matches the pages; / and /* with any slashes always do", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.integer({ min: 1, max: 4 }), (directory, slashes) => {
        expect(matchesPages(`/${directory}/*`)).toBe(false);
        expect(matchesPages(`${"/".repeat(slashes)}*`)).toBe(true);
        expect(matchesPages("/".repeat(slashes))).toBe(true);
      }),
    );
  });

  test("the host name bound leaves the name what the region's host name does not take", () => {
    expect(maxAssetBucketNameLength(FAKE_CATALOG.assetBucket, "fake-east-1")).toBe(25);
    expect(maxAssetBucketNameLength({ ...FAKE_CATALOG.assetBucket, hostName: undefined }, "fake-east-1")).toBe(40);
  });
});
