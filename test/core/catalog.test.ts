import fc from "fast-check";
import { applyCatalogOverrides, AWS_CATALOG, CacheSize, Cloud, ComputeSize, DatabaseSize, enumValues, MysqlVersion, RedisVersion } from "../../lib";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";

describe("catalogs", () => {
  test("one catalog per implemented cloud", () => {
    expect(IMPLEMENTED_CATALOGS.map(([name]) => name)).toEqual([...Cloud.implemented]);
  });

  describe.each(IMPLEMENTED_CATALOGS)("%s", (cloud, catalog) => {
    test("names its cloud", () => expect(catalog.cloud).toBe(cloud));

    test("covers every neutral size, and the MySQL versions it offers", () => {
      for (const size of enumValues(ComputeSize)) expect(catalog.computeSizes[size]).toMatch(/\S/);
      // Versions: only those the cloud offers, the catalog's default among them.
      expect(catalog.mysqlVersions[catalog.defaultMysqlVersion]).toMatch(/\S/);
      for (const version of Object.keys(catalog.mysqlVersions)) expect(enumValues(MysqlVersion)).toContain(version);
      for (const size of enumValues(DatabaseSize)) {
        const entry = catalog.databaseSizes[size];
        expect(entry.instanceClass).toMatch(/\S/);
        expect(entry.storageGiB.min).toBeLessThanOrEqual(entry.storageGiB.max);
        expect(entry.storageGiB.stepGiB).toBeGreaterThan(0);
      }
    });

    test("covers every cache size, and the Redis versions it offers, always the default, 7", () => {
      for (const size of enumValues(CacheSize)) expect(catalog.cache.sizes[size]).toMatch(/\S/);
      expect(catalog.cache.versions[RedisVersion.V7]).toMatch(/\S/);
      for (const version of Object.keys(catalog.cache.versions)) expect(enumValues(RedisVersion)).toContain(version);
      // The library keeps at least a week of the cache's backups too.
      expect(catalog.cache.backupRetentionDays.min).toBeLessThanOrEqual(7);
      expect(catalog.cache.backupRetentionDays.max).toBeGreaterThanOrEqual(7);
      // The default bookstore's cache name passes the cache service's own rule.
      expect(new RegExp(`^(?:${catalog.cache.name.pattern})$`).test("bookstore-cache")).toBe(true);
    });

    test("gives every region at least two distinct zones", () => {
      for (const [region, entry] of Object.entries(catalog.regions)) {
        expect({ region, enough: entry.zones.length >= 2 }).toEqual({ region, enough: true });
        expect(new Set(entry.zones).size).toBe(entry.zones.length);
      }
    });

    test("offers its default Kubernetes version", () => {
      expect(catalog.kubernetesVersions).toContain(catalog.defaultKubernetesVersion);
    });

    test("keeps at least the library's 7 days of backups possible", () => {
      expect(catalog.backupRetentionDays.max).toBeGreaterThanOrEqual(7);
    });

    test("is frozen", () => {
      expect(Object.isFrozen(catalog)).toBe(true);
      expect(Object.isFrozen(catalog.computeSizes)).toBe(true);
    });
  });

  test("overrides replace one entry and keep the rest", () => {
    const catalog = applyCatalogOverrides(AWS_CATALOG, { computeSizes: { [ComputeSize.MEDIUM]: "m7i.large" } });
    expect(catalog.computeSizes[ComputeSize.MEDIUM]).toBe("m7i.large");
    expect(catalog.computeSizes[ComputeSize.SMALL]).toBe(AWS_CATALOG.computeSizes[ComputeSize.SMALL]);
    expect(catalog.aws).toBe(AWS_CATALOG.aws);
    expect(AWS_CATALOG.computeSizes[ComputeSize.MEDIUM]).toBe("t3.medium");
  });

  test.each(IMPLEMENTED_CATALOGS)("%s: overrides replace exactly the keys they name (property)", (_cloud, catalog) => {
    const sizes = enumValues(ComputeSize);
    // Any instance type spelled as the cloud spells them: overrides pass the catalog's own rules.
    const instanceType = fc.stringMatching(new RegExp(`^(?:${catalog.catalogRules.instanceTypePattern})$`)).filter((type) => type.length <= 30);
    const overrides = fc.dictionary(fc.constantFrom(...sizes), instanceType);
    fc.assert(
      fc.property(overrides, (computeSizes) => {
        const merged = applyCatalogOverrides(catalog, { computeSizes });
        for (const size of sizes) expect(merged.computeSizes[size]).toBe(computeSizes[size] ?? catalog.computeSizes[size]);
        expect(merged.databaseSizes).toEqual(catalog.databaseSizes);
        expect(Object.isFrozen(merged.computeSizes)).toBe(true);
      }),
    );
  });

  test("a cloud built with overrides uses them", () => {
    const cloud = Cloud.aws({ region: "eu-central-1", catalogOverrides: { mysqlVersions: { [MysqlVersion.V8_0]: "8.0.40" } } });
    expect(cloud.catalog.mysqlVersions[MysqlVersion.V8_0]).toBe("8.0.40");
  });
});
