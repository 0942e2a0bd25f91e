import { includesMainlandChina, includesOutsideMainlandChina } from "../../lib/core/service-area";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";

// Every cloud's DNS service data holds together: the lines a geo split uses are in its
// pinned enumeration, one of them is the catch-all, and what the editions claim is backed
// by the service (weights in a range, health checks with settings).
describe.each(IMPLEMENTED_CATALOGS)("%s's DNS catalog", (_cloud, catalog) => {
  const dns = catalog.dns;

  test("defaults to an edition it lists, and every edition's minimum TTL is within the service's", () => {
    expect(Object.keys(dns.editions)).toContain(dns.defaultEdition);
    for (const edition of Object.values(dns.editions)) {
      expect(Number.isInteger(edition.minimumTtlSeconds) && edition.minimumTtlSeconds >= 0 && edition.minimumTtlSeconds <= dns.maximumTtlSeconds).toBe(true);
      for (const server of edition.nameServers) expect(server).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });

  test("splits the world on two of its own lines, one of them the catch-all, each on its side", () => {
    const { catchAll, mainlandChina, outsideMainlandChina } = dns.locations;
    for (const line of [catchAll, mainlandChina, outsideMainlandChina]) expect(Object.keys(dns.lines)).toContain(line);
    expect(mainlandChina).not.toBe(outsideMainlandChina);
    expect([mainlandChina, outsideMainlandChina].filter((line) => line === catchAll)).toHaveLength(1);
    expect(includesMainlandChina(dns.lines[mainlandChina].side)).toBe(true);
    expect(includesOutsideMainlandChina(dns.lines[outsideMainlandChina].side)).toBe(true);
  });

  test("gives every line a unique ASCII id for construct IDs", () => {
    const ids = Object.values(dns.lines).map((line) => line.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("has a weight range wherever an edition weights records, and settings wherever it health-checks", () => {
    if (Object.values(dns.editions).some((edition) => edition.weightedRecords)) {
      expect(dns.weights).toBeDefined();
      expect(dns.weights!.min).toBeLessThan(dns.weights!.max);
    }
    if (dns.healthChecks) {
      expect(dns.healthChecks.intervalsSeconds.length).toBeGreaterThan(0);
      expect(dns.healthChecks.failureThreshold.min).toBeLessThanOrEqual(dns.healthChecks.failureThreshold.max);
    }
  });

  test("is frozen", () => {
    expect(Object.isFrozen(dns)).toBe(true);
    expect(Object.isFrozen(dns.lines)).toBe(true);
  });
});
