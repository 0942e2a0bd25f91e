import fc from "fast-check";
import { BookstoreStacks, CacheSize, ComputeSize, DatabaseSize, enumValues, ICloud, MysqlVersion, RedisVersion } from "../lib";
import { newStack, synthJson } from "./support/synth";
import { exampleProps } from "../examples/bookstore-app";
import { TEST_CLOUDS } from "./support/bookstore";
import { propertyRuns } from "./support/property-budget";

/** Props a user may legally write for `cloud`, drawn from its catalog. */
function validProps(cloud: ICloud) {
  const catalog = cloud.catalog;
  const zoneCount = catalog.regions[cloud.region].zones.length;
  return fc.record({
    cidr: fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: catalog.network.prefixLength.min, max: catalog.network.prefixLength.max }))
      .map(([second, prefix]) => `10.${second}.0.0/${prefix}`),
    zones: fc.integer({ min: 2, max: Math.min(zoneCount, 3) }),
    webSize: fc.constantFrom(...enumValues(ComputeSize)),
    minInstances: fc.integer({ min: 1, max: 4 }),
    extraInstances: fc.integer({ min: 0, max: 6 }),
    version: fc.constantFrom(...(Object.keys(catalog.mysqlVersions) as MysqlVersion[])),
    dbSize: fc.constantFrom(...enumValues(DatabaseSize)),
    storageFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    highlyAvailable: fc.boolean(),
    backupRetentionDays: fc.integer({ min: Math.max(7, catalog.backupRetentionDays.min), max: catalog.backupRetentionDays.max }),
    cdn: fc.boolean(),
    cache: fc.record({
      enabled: fc.boolean(),
      size: fc.constantFrom(...enumValues(CacheSize)),
      engineVersion: fc.constantFrom(...(Object.keys(catalog.cache.versions) as RedisVersion[])),
      highlyAvailable: fc.boolean(),
      backupRetentionDays: fc.integer({ min: Math.max(7, catalog.cache.backupRetentionDays.min), max: catalog.cache.backupRetentionDays.max }),
    }),
    kubernetesVersion: fc.constantFrom(...catalog.kubernetesVersions),
    minNodes: fc.integer({ min: 1, max: 3 }),
  });
}

describe.each(TEST_CLOUDS)("$name: any valid props synthesize", ({ make }) => {
  test("the bookstore builds, synthesizes and passes its policy pack for any valid props", () => {
    const cloud = make();
    fc.assert(
      fc.property(validProps(cloud), (p) => {
        const range = cloud.catalog.databaseSizes[p.dbSize].storageGiB;
        const steps = Math.floor((range.max - range.min) / range.stepGiB);
        const storageGiB = range.min + Math.round(p.storageFraction * Math.min(steps, 200)) * range.stepGiB;
        const { app } = newStack();
        const base = exampleProps(cloud);
        const stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, {
          ...base,
          network: { cidr: p.cidr, zones: p.zones },
          web: { ...base.web, size: p.webSize, minInstances: p.minInstances, maxInstances: p.minInstances + p.extraInstances },
          database: { version: p.version, size: p.dbSize, storageGiB, highlyAvailable: p.highlyAvailable, backupRetentionDays: p.backupRetentionDays },
          cdn: { ...base.cdn, enabled: p.cdn },
          cache: p.cache,
          // The example's administrators stay: EKS gives the creator no access of its own.
          kubernetes: { administrators: base.kubernetes?.administrators, version: p.kubernetesVersion, minNodes: p.minNodes, maxNodes: p.minNodes + 2 }, cloud });
        // Synth runs the policy checks: an ERROR finding would throw here.
        const json = synthJson(stacks.infrastructure);
        expect(Object.keys(json.resource ?? {}).length).toBeGreaterThan(10);
      }),
      { numRuns: propertyRuns(20) },
    );
  });
});
