import { TerraformStack } from "cdktf";
import fc from "fast-check";
import { Bookstore, BookstoreProps, Cache, CacheProps, CacheSize, CacheSpec, ComputeGroup, ComputeGroupSpec, Network, RedisVersion, TlsTrust, TlsVerifyMode, WebRuntime } from "../../lib";
import { FakeCloud } from "../support/fake-cloud";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";
import { propertyRuns } from "../support/property-budget";

// The neutral cache on a recording fake cloud: what it validates, what it resolves
// through the catalog, and how the composition wires it. No adapter runs.

function cache(cloud: FakeCloud, stack: TerraformStack, props: Partial<CacheProps> = {}): Cache {
  return new Cache(stack, "Cache", { cloud, network: new Network(stack, "Net", { cloud }), ...props });
}

function shop(cloud: FakeCloud, stack: TerraformStack, overrides: Partial<BookstoreProps> = {}): Bookstore {
  return new Bookstore(stack, "Shop", { cloud, domain: "shop.example.com", web: { image: "registry.example.com/bookstore:1.4.2", runtime: WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 }) }, ...overrides });
}

describe("Cache", () => {
  test("gets the catalog's class and version, highly available, a week of backups and deletion protection by default", () => {
    // GIVEN a fake cloud WHEN a cache is built with defaults
    const cloud = new FakeCloud();
    cache(cloud, newStack().stack);
    // THEN the adapter gets what the catalog maps the defaults to
    expect(cloud.specOf<CacheSpec>("cache")).toMatchObject({
      name: "cache",
      cacheClass: "fake.cache.small",
      engineVersion: "fake-redis-7",
      highlyAvailable: true,
      backupRetentionDays: 7,
      deletionProtection: true,
    });
  });

  test.each([
    [CacheSize.SMALL, "fake.cache.small"],
    [CacheSize.MEDIUM, "fake.cache.medium"],
    [CacheSize.LARGE, "fake.cache.large"],
  ])("maps the size %s to the catalog's %s", (size, cacheClass) => {
    const cloud = new FakeCloud();
    cache(cloud, newStack().stack, { size });
    expect(cloud.specOf<CacheSpec>("cache").cacheClass).toBe(cacheClass);
  });

  test("takes a catalog override of a size", () => {
    const cloud = new FakeCloud("fake-east-1", { cacheSizes: { SMALL: "fake.cache.custom" } });
    cache(cloud, newStack().stack);
    expect(cloud.specOf<CacheSpec>("cache").cacheClass).toBe("fake.cache.custom");
  });

  test("exposes the adapter's connection", () => {
    const cloud = new FakeCloud();
    expect(cache(cloud, newStack().stack).connection).toEqual({
      host: "cache.fake",
      port: 6379,
      tls: true,
      tlsVerification: { mode: TlsVerifyMode.VERIFY_CA, trust: TlsTrust.systemTrustStore() },
      credentialsSecretId: "cache-secret-1",
    });
  });

  test("any retention in the cloud's range, from the library's floor of 7 days, reaches the adapter (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 14 }), (days) => {
        const cloud = new FakeCloud();
        cache(cloud, newStack().stack, { backupRetentionDays: days });
        expect(cloud.specOf<CacheSpec>("cache").backupRetentionDays).toBe(days);
      }),
      { numRuns: propertyRuns(8) },
    );
  });

  test.each<[string, Partial<CacheProps>, string, unknown]>([
    ["a size the catalog lacks", { size: "HUGE" as CacheSize }, "size", "HUGE"],
    ["a Redis version the cloud does not offer", { engineVersion: RedisVersion.V6 }, "engineVersion", "6"],
    ["a Redis version that does not exist", { engineVersion: "5" as RedisVersion }, "engineVersion", "5"],
    ["backups kept less than the library's 7 days", { backupRetentionDays: 6 }, "backupRetentionDays", 6],
    ["backups kept longer than the cloud allows", { backupRetentionDays: 15 }, "backupRetentionDays", 15],
    ["a fractional retention", { backupRetentionDays: 7.5 }, "backupRetentionDays", 7.5],
    ["NaN as the retention", { backupRetentionDays: NaN }, "backupRetentionDays", NaN],
    ["a string as highlyAvailable", { highlyAvailable: "yes" as unknown as boolean }, "highlyAvailable", "yes"],
    ["a string as deletionProtection", { deletionProtection: "no" as unknown as boolean }, "deletionProtection", "no"],
    ["a name the cloud's rule refuses", { name: "Cache" }, "name", "Cache"],
    ["a name the cache service refuses (two hyphens in a row)", { name: "my--cache" }, "name", "my--cache"],
    ["a name longer than the cache service takes", { name: "c".repeat(25) }, "name", "c".repeat(25)],
  ])("fails when given %s, before the adapter runs", (_what, props, field, value) => {
    const cloud = new FakeCloud();
    expectValidationError(() => cache(cloud, newStack().stack, props), { constructPath: "test/Cache", field, value });
    expect(cloud.order).not.toContain("cache");
  });

  test("fails when a peer of another cloud is let in", () => {
    const cloud = new FakeCloud();
    const other = new FakeCloud("fake-east-1", undefined, "other");
    const { stack } = newStack();
    const built = cache(cloud, stack);
    const peer = new ComputeGroup(stack, "Web", { cloud: other, network: new Network(stack, "OtherNet", { cloud: other }), image: "r.example.com/b:1" });
    expectValidationError(() => built.allowConnectionsFrom(peer), { constructPath: "test/Cache", field: "peer", value: "test/Web (other)" });
  });
});

describe("the composition's cache", () => {
  test("is named after the shop and reached by the web tier, which may read its secret", () => {
    const cloud = new FakeCloud();
    const bookstore = shop(cloud, newStack().stack, { name: "books" });
    expect(cloud.specOf<CacheSpec>("cache").name).toBe("books-cache");
    expect(cloud.specOf<ComputeGroupSpec>("computeGroup").cache).toBe(bookstore.cache);
    // The application contract says where the cache and its password are, never the password.
    const environment = cloud.specOf<ComputeGroupSpec>("computeGroup").environment;
    expect(Object.fromEntries(Object.entries(environment).filter(([k]) => k.startsWith("CACHE_")))).toEqual({
      CACHE_HOST: bookstore.cache!.connection.host,
      CACHE_PORT: String(bookstore.cache!.connection.port),
      CACHE_TLS: String(bookstore.cache!.connection.tls),
      CACHE_TLS_MODE: bookstore.cache!.connection.tlsVerification.mode,
      CACHE_TLS_CA: bookstore.cache!.connection.tlsVerification.trust.environmentValue,
      CACHE_CREDENTIALS_SECRET: bookstore.cache!.connection.credentialsSecretId,
    });
    expect(bookstore.workloadEnvironment).toEqual(environment);
  });

  test("takes the cache props, and is left out with cache.enabled false", () => {
    const withProps = new FakeCloud();
    shop(withProps, newStack().stack, { cache: { size: CacheSize.MEDIUM, highlyAvailable: false, backupRetentionDays: 10, deletionProtection: false } });
    expect(withProps.specOf<CacheSpec>("cache")).toMatchObject({ cacheClass: "fake.cache.medium", highlyAvailable: false, backupRetentionDays: 10, deletionProtection: false });

    const without = new FakeCloud();
    const bookstore = shop(without, newStack().stack, { cache: { enabled: false } });
    expect(without.order).not.toContain("cache");
    expect(bookstore.cache).toBeUndefined();
    expect(without.specOf<ComputeGroupSpec>("computeGroup").cache).toBeUndefined();
  });

  test.each<[string, Partial<BookstoreProps>, string, string, unknown]>([
    ["a cache size the catalog lacks, as cache.size", { cache: { size: "HUGE" as CacheSize } }, "test/Shop/Cache", "cache.size", "HUGE"],
    ["a Redis version the cloud lacks, as cache.engineVersion", { cache: { engineVersion: RedisVersion.V6 } }, "test/Shop/Cache", "cache.engineVersion", "6"],
    ["a retention out of the cloud's range, as cache.backupRetentionDays", { cache: { backupRetentionDays: 30 } }, "test/Shop/Cache", "cache.backupRetentionDays", 30],
    ["a string as cache.enabled", { cache: { enabled: "no" as unknown as boolean } }, "test/Shop", "cache.enabled", "no"],
    ["a string as cache.highlyAvailable", { cache: { highlyAvailable: "no" as unknown as boolean } }, "test/Shop/Cache", "cache.highlyAvailable", "no"],
    // The fake cloud's names take 30 characters: 26 for the shop, but its cache's name (and the cache service's 24) leave 18.
    ["a shop name that leaves no room for the cache's", { name: "s".repeat(19) }, "test/Shop", "name", "s".repeat(19)],
    ["a shop name the cache service refuses (two hyphens in a row)", { name: "my--shop" }, "test/Shop", "name", "my--shop"],
  ])("fails when given %s, named as the bookstore's props spell it", (_what, overrides, constructPath, field, value) => {
    const cloud = new FakeCloud();
    expectValidationError(() => shop(cloud, newStack().stack, overrides), { constructPath, field, value });
  });

  test("a shop name too long for the cache builds once the cache is off", () => {
    const cloud = new FakeCloud();
    expect(() => shop(cloud, newStack().stack, { name: "s".repeat(19), cache: { enabled: false } })).not.toThrow();
  });
});
