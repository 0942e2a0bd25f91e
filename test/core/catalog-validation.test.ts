import fc from "fast-check";
import { applyCatalogOverrides, CacheSize, CatalogOverrides, CLOUD_REGISTRATIONS, ComputeSize, DatabaseSize, MysqlVersion, requireValidCatalog, ValidationError } from "../../lib";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";
import { expectValidationError } from "../support/validation";
import { propertyRuns } from "../support/property-budget";

describe("catalog overrides are checked like the shipped catalog", () => {
  test.each(IMPLEMENTED_CATALOGS)("%s: the shipped catalog passes its own rules", (_cloud, catalog) => {
    // GIVEN the catalog as shipped WHEN it is checked THEN nothing is refused
    expect(() => requireValidCatalog(catalog)).not.toThrow();
  });

  test.each(IMPLEMENTED_CATALOGS)("%s: overrides spelled as the cloud spells them pass", (_cloud, catalog) => {
    const rules = catalog.catalogRules;
    const region = Object.keys(catalog.regions)[0];
    const overrides: CatalogOverrides = {
      computeSizes: { [ComputeSize.MEDIUM]: rules.examples.instanceType },
      cacheSizes: { [CacheSize.LARGE]: rules.examples.cacheClass },
      databaseSizes: { [DatabaseSize.SMALL]: { instanceClass: rules.examples.databaseClass, storageGiB: { min: 50, max: 100, stepGiB: 5 } } },
      regions: { [region]: { zones: catalog.regions[region].zones.slice(0, 2) } },
    };
    const applied = applyCatalogOverrides(catalog, overrides);
    expect(applied.computeSizes[ComputeSize.MEDIUM]).toBe(rules.examples.instanceType);
    expect(applied.cache.sizes[CacheSize.LARGE]).toBe(rules.examples.cacheClass);
    expect(applied.cache.sizes[CacheSize.SMALL]).toBe(catalog.cache.sizes[CacheSize.SMALL]);
  });

  /** [what is wrong, the overrides, field, value] per cloud: each cloud's spelling differs. */
  const storage = { min: 20, max: 100, stepGiB: 5 };
  const badOverrides = (cloud: string): [string, CatalogOverrides, string, unknown][] => {
    const catalog = IMPLEMENTED_CATALOGS.find(([name]) => name === cloud)![1];
    const region = Object.keys(catalog.regions)[0];
    const otherCloud = IMPLEMENTED_CATALOGS.find(([name]) => name !== cloud)![1];
    const otherRegion = Object.keys(catalog.regions)[1];
    const databaseClass = catalog.databaseSizes.SMALL.instanceClass;
    return [
      ["an empty instance type", { computeSizes: { [ComputeSize.SMALL]: "" } }, "catalogOverrides.computeSizes.SMALL", ""],
      ["another cloud's instance type", { computeSizes: { [ComputeSize.MEDIUM]: otherCloud.computeSizes.MEDIUM } }, "catalogOverrides.computeSizes.MEDIUM", otherCloud.computeSizes.MEDIUM],
      ["an instance type with a space", { computeSizes: { [ComputeSize.LARGE]: ` ${catalog.computeSizes.LARGE}` } }, "catalogOverrides.computeSizes.LARGE", ` ${catalog.computeSizes.LARGE}`],
      ["a size the library does not have", { computeSizes: { HUGE: catalog.computeSizes.LARGE } as never }, "catalogOverrides.computeSizes.HUGE", "HUGE"],
      ["an empty cache class", { cacheSizes: { [CacheSize.SMALL]: "" } }, "catalogOverrides.cacheSizes.SMALL", ""],
      ["another cloud's cache class", { cacheSizes: { [CacheSize.MEDIUM]: otherCloud.cache.sizes.MEDIUM } }, "catalogOverrides.cacheSizes.MEDIUM", otherCloud.cache.sizes.MEDIUM],
      ["a cache size the library does not have", { cacheSizes: { HUGE: catalog.cache.sizes.LARGE } as never }, "catalogOverrides.cacheSizes.HUGE", "HUGE"],
      ["an empty engine version", { mysqlVersions: { [MysqlVersion.V8_0]: "" } }, "catalogOverrides.mysqlVersions.8.0", ""],
      ["an engine version with words", { mysqlVersions: { [MysqlVersion.V8_0]: "mysql 8" } }, "catalogOverrides.mysqlVersions.8.0", "mysql 8"],
      ["another cloud's database class", { databaseSizes: { [DatabaseSize.SMALL]: { instanceClass: otherCloud.databaseSizes.SMALL.instanceClass, storageGiB: storage } } }, "catalogOverrides.databaseSizes.SMALL.instanceClass", otherCloud.databaseSizes.SMALL.instanceClass],
      ["a storage step of 0", { databaseSizes: { [DatabaseSize.SMALL]: { instanceClass: databaseClass, storageGiB: { ...storage, stepGiB: 0 } } } }, "catalogOverrides.databaseSizes.SMALL.storageGiB.stepGiB", 0],
      ["a NaN storage step", { databaseSizes: { [DatabaseSize.SMALL]: { instanceClass: databaseClass, storageGiB: { ...storage, stepGiB: NaN } } } }, "catalogOverrides.databaseSizes.SMALL.storageGiB.stepGiB", NaN],
      ["a fractional minimum", { databaseSizes: { [DatabaseSize.MEDIUM]: { instanceClass: databaseClass, storageGiB: { ...storage, min: 20.5 } } } }, "catalogOverrides.databaseSizes.MEDIUM.storageGiB.min", 20.5],
      ["a minimum above the maximum", { databaseSizes: { [DatabaseSize.LARGE]: { instanceClass: databaseClass, storageGiB: { min: 200, max: 100, stepGiB: 5 } } } }, "catalogOverrides.databaseSizes.LARGE.storageGiB.max", 100],
      ["an infinite maximum", { databaseSizes: { [DatabaseSize.LARGE]: { instanceClass: databaseClass, storageGiB: { ...storage, max: Infinity } } } }, "catalogOverrides.databaseSizes.LARGE.storageGiB.max", Infinity],
      ["a minimum off the step", { databaseSizes: { [DatabaseSize.SMALL]: { instanceClass: databaseClass, storageGiB: { min: 22, max: 100, stepGiB: 5 } } } }, "catalogOverrides.databaseSizes.SMALL.storageGiB.min", 22],
      ["a database size without storage", { databaseSizes: { [DatabaseSize.SMALL]: { instanceClass: databaseClass } as never } }, "catalogOverrides.databaseSizes.SMALL.storageGiB", undefined],
      ["a region left with one zone", { regions: { [region]: { zones: [catalog.regions[region].zones[0]] } } }, `catalogOverrides.regions.${region}.zones`, [catalog.regions[region].zones[0]]],
      ["a zone of another region", { regions: { [region]: { zones: [catalog.regions[region].zones[0], catalog.regions[otherRegion].zones[0]] } } }, `catalogOverrides.regions.${region}.zones[1]`, catalog.regions[otherRegion].zones[0]],
      ["the same zone twice", { regions: { [region]: { zones: [catalog.regions[region].zones[0], catalog.regions[region].zones[0]] } } }, `catalogOverrides.regions.${region}.zones`, [catalog.regions[region].zones[0], catalog.regions[region].zones[0]]],
      ["an upper-case region", { regions: { [region.toUpperCase()]: { zones: catalog.regions[region].zones.map((z) => z.toUpperCase()) } } }, `catalogOverrides.regions.${region.toUpperCase()}`, region.toUpperCase()],
    ];
  };

  describe.each(IMPLEMENTED_CATALOGS)("%s", (cloud) => {
    test.each(badOverrides(cloud))("fails when an override gives %s", (_what, catalogOverrides, field, value) => {
      // GIVEN overrides the shipped catalog would not pass WHEN the cloud is created
      // THEN the error names the override as written, at the cloud's entry point
      const registration = CLOUD_REGISTRATIONS.find(({ name }) => name === cloud)!;
      expectValidationError(() => registration.create({ region: registration.example.region, catalogOverrides }), {
        constructPath: `Cloud.${cloud}`,
        field,
        value,
      });
    });
  });
});

describe("junk in catalog overrides (property)", () => {
  const junkString = fc.oneof(fc.constantFrom("", " ", "t3.medium", "ecs.g7.large", "S5.MEDIUM4", "db.m6g.large", "8000", "8.0", "😀"), fc.string({ maxLength: 30 }));
  const junkNumber = fc.oneof(fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, 0.5), fc.integer({ min: -10, max: 70000 }));
  const junkOverrides = fc.oneof(
    fc.record({ computeSizes: fc.dictionary(fc.constantFrom("SMALL", "MEDIUM", "HUGE"), junkString) }),
    fc.record({ mysqlVersions: fc.dictionary(fc.constantFrom("8.0", "8.4", "9.9"), junkString) }),
    fc.record({
      databaseSizes: fc.dictionary(
        fc.constantFrom("SMALL", "LARGE"),
        fc.record({ instanceClass: junkString, storageGiB: fc.record({ min: junkNumber, max: junkNumber, stepGiB: junkNumber }) }),
      ),
    }),
    fc.record({ regions: fc.dictionary(junkString, fc.record({ zones: fc.array(junkString, { maxLength: 4 }) })) }),
  );

  test.each(CLOUD_REGISTRATIONS.map((registration) => [registration.name, registration] as const))(
    "%s: junk is refused by the override's own field, or makes a catalog that passes the shipped catalog's checks",
    (_name, registration) => {
      fc.assert(
        fc.property(junkOverrides, (catalogOverrides) => {
          let created;
          try {
            created = registration.create({ region: registration.example.region, catalogOverrides: catalogOverrides as CatalogOverrides });
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            expect(error.constructPath).toBe(`Cloud.${registration.name}`);
            expect(error.field).toMatch(/^catalogOverrides\.(computeSizes|mysqlVersions|databaseSizes|regions)/);
            return;
          }
          expect(() => requireValidCatalog(created.catalog)).not.toThrow();
        }),
        { numRuns: propertyRuns(200) },
      );
    },
  );
});
