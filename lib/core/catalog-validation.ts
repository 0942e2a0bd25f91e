import type { CatalogOverrides, CatalogRules, CloudCatalog, DatabaseClass, RegionEntry } from "./catalog";
import { CacheSize, ComputeSize, DatabaseSize, enumValues, MysqlVersion } from "./sizes";
import { ValidationError } from "./validation";

/** The bookstore spreads over at least two zones, so a region needs two (see `MIN_ZONES`). */
const MIN_ZONES_PER_REGION = 2;

/**
 * Checks catalog entries against the cloud's own spelling of its identifiers, so an
 * override with another cloud's instance type, a zone of another region or a storage
 * step of 0 is refused where it is written (`catalogOverrides.databaseSizes.SMALL...`),
 * not later by a construct that blames its own field. The shipped catalogs pass the
 * same checks (tested), so an override is held to exactly the built-in standard.
 *
 * @param entryPoint where the entries were given, e.g. `Cloud.aws`
 * @param prefix the entries' field, e.g. `catalogOverrides`
 */
export function requireValidCatalogEntries(entryPoint: string, prefix: string, rules: CatalogRules, entries: CatalogOverrides): void {
  const refuse = (field: string, value: unknown, allowed: string): never => {
    throw new ValidationError(entryPoint, `${prefix}.${field}`, value, allowed);
  };
  const matches = (pattern: string, value: unknown) => typeof value === "string" && new RegExp(`^(?:${pattern})$`).test(value);
  const keysOf = <T>(table: string, record: Readonly<Partial<Record<string, T>>> | undefined, allowedKeys: readonly string[]): [string, T][] => {
    if (record === undefined) return [];
    if (record === null || typeof record !== "object") return refuse(table, record, `an object keyed by ${allowedKeys.join(", ")}`);
    return Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => (allowedKeys.includes(key) ? [key, value as T] : refuse(`${table}.${key}`, key, `one of the keys ${allowedKeys.join(", ")}`)));
  };

  for (const [size, instanceType] of keysOf<string>("computeSizes", entries.computeSizes, enumValues(ComputeSize))) {
    if (!matches(rules.instanceTypePattern, instanceType)) refuse(`computeSizes.${size}`, instanceType, `an instance type of this cloud, e.g. ${rules.examples.instanceType}`);
  }
  for (const [version, engineVersion] of keysOf<string>("mysqlVersions", entries.mysqlVersions, enumValues(MysqlVersion))) {
    if (!matches(rules.mysqlEngineVersionPattern, engineVersion)) refuse(`mysqlVersions.${version}`, engineVersion, "an engine version of this cloud's MySQL service, e.g. 8.0");
  }
  for (const [size, databaseClass] of keysOf<DatabaseClass>("databaseSizes", entries.databaseSizes, enumValues(DatabaseSize))) {
    requireValidDatabaseClass(`databaseSizes.${size}`, databaseClass, rules, refuse, matches);
  }
  for (const [size, cacheClass] of keysOf<string>("cacheSizes", entries.cacheSizes, enumValues(CacheSize))) {
    if (!matches(rules.cacheClassPattern, cacheClass)) refuse(`cacheSizes.${size}`, cacheClass, `a cache node type or class of this cloud, e.g. ${rules.examples.cacheClass}`);
  }
  const regions = entries.regions;
  if (regions !== undefined) {
    for (const [region, entry] of keysOf<RegionEntry>("regions", regions, Object.keys(regions))) {
      if (!matches(rules.regionPattern, region)) refuse(`regions.${region}`, region, "a region name of this cloud");
      requireValidZones(`regions.${region}.zones`, region, entry, rules, refuse, matches);
    }
  }
}

/** Checks a whole catalog (the shipped ones, in the tests) with the rules it carries. */
export function requireValidCatalog(catalog: CloudCatalog): void {
  const { computeSizes, mysqlVersions, databaseSizes, regions } = catalog;
  requireValidCatalogEntries(`catalog ${catalog.cloud}`, "catalog", catalog.catalogRules, { computeSizes, mysqlVersions, databaseSizes, cacheSizes: catalog.cache.sizes, regions });
}

type Refuse = (field: string, value: unknown, allowed: string) => never;
type Matches = (pattern: string, value: unknown) => boolean;

function requireValidDatabaseClass(field: string, databaseClass: DatabaseClass, rules: CatalogRules, refuse: Refuse, matches: Matches): void {
  if (databaseClass === null || typeof databaseClass !== "object") {
    refuse(field, databaseClass, `{ instanceClass, storageGiB: { min, max, stepGiB } }, e.g. { instanceClass: "${rules.examples.databaseClass}", ... }`);
  }
  if (!matches(rules.databaseClassPattern, databaseClass.instanceClass)) {
    refuse(`${field}.instanceClass`, databaseClass.instanceClass, `a database class of this cloud, e.g. ${rules.examples.databaseClass}`);
  }
  const storage = databaseClass.storageGiB;
  if (storage === null || typeof storage !== "object") refuse(`${field}.storageGiB`, storage, "{ min, max, stepGiB } in GiB");
  const whole = (name: "min" | "max" | "stepGiB", min: number) => {
    const value = storage[name];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) refuse(`${field}.storageGiB.${name}`, value, `a whole number of at least ${min} GiB`);
  };
  whole("stepGiB", 1);
  whole("min", 1);
  whole("max", storage.min);
  if (storage.min % storage.stepGiB !== 0) {
    refuse(`${field}.storageGiB.min`, storage.min, `a multiple of stepGiB (${storage.stepGiB}), or no storage size could be chosen at the minimum`);
  }
}

function requireValidZones(field: string, region: string, entry: RegionEntry, rules: CatalogRules, refuse: Refuse, matches: Matches): void {
  const zones = entry?.zones;
  if (!Array.isArray(zones) || zones.length < MIN_ZONES_PER_REGION) {
    refuse(field, zones, `at least ${MIN_ZONES_PER_REGION} zones of ${region}: the bookstore spreads over two zones`);
  }
  const zonePattern = rules.zonePattern.replace("{region}", region.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  zones.forEach((zone, index) => {
    if (!matches(zonePattern, zone)) refuse(`${field}[${index}]`, zone, `a zone of ${region}, named as this cloud names zones (e.g. ${rules.examples.zone})`);
  });
  if (new Set(zones).size !== zones.length) refuse(field, zones, "distinct zone names");
}
