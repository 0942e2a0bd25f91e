import { IConstruct } from "constructs";
import { CloudCatalog } from "./catalog";
import { requireNumberInRange, ValidationError, withArticle } from "./validation";

/** The bookstore spreads over at least two zones so that one zone's outage leaves it running. */
export const MIN_ZONES = 2;

/** Refuses a region the catalog does not list. */
export function requireKnownRegion(scope: IConstruct, field: string, region: string, catalog: CloudCatalog): void {
  // Own keys only: "constructor" or "toString" is no region, though `in` finds them on the prototype.
  if (!Object.hasOwn(catalog.regions, region)) {
    throw new ValidationError(
      scope,
      field,
      region,
      `${withArticle(catalog.cloud)} region in the catalog: ${Object.keys(catalog.regions).join(", ")} (another region of the cloud can be added with catalogOverrides.regions)`,
    );
  }
}

/**
 * The zones a network uses: the named ones, checked against the region, or else the
 * first `zoneCount` of the region in catalog order.
 */
export function resolveZones(
  scope: IConstruct,
  catalog: CloudCatalog,
  region: string,
  zoneCount: number | undefined,
  zoneNames: readonly string[] | undefined,
): string[] {
  requireKnownRegion(scope, "region", region, catalog);
  const available = catalog.regions[region].zones;
  if (zoneNames !== undefined) {
    if (zoneNames.length < MIN_ZONES) {
      throw new ValidationError(scope, "zoneNames", zoneNames, `at least ${MIN_ZONES} zones of ${region}: ${available.join(", ")}`);
    }
    for (const zone of zoneNames) {
      if (!available.includes(zone)) {
        throw new ValidationError(scope, "zoneNames", zone, `a zone of ${region}: ${available.join(", ")}`);
      }
    }
    if (new Set(zoneNames).size !== zoneNames.length) {
      throw new ValidationError(scope, "zoneNames", zoneNames, "distinct zone names");
    }
    if (zoneCount !== undefined && zoneCount !== zoneNames.length) {
      throw new ValidationError(scope, "zones", zoneCount, `the number of zoneNames given (${zoneNames.length}), or leave zones unset`);
    }
    return [...zoneNames];
  }
  const count = zoneCount ?? MIN_ZONES;
  requireNumberInRange(scope, "zones", count, { min: MIN_ZONES, max: available.length, unit: `zones (${region} has ${available.length})` });
  return available.slice(0, count);
}
