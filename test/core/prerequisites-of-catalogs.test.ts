import { AppFeature } from "../../lib/core/prerequisites";
import { isIsoDay } from "../../lib/core/support-window";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";
import { FACTS_CHECKED_BY } from "../support/support-date";

const IMAGE_FEATURES = [AppFeature.REGISTRY, AppFeature.CLUSTER_REGISTRY];

describe.each(IMPLEMENTED_CATALOGS)("%s's account prerequisites", (_cloud, catalog) => {
  const prerequisites = catalog.prerequisites;

  test("are listed, each under its own kebab-case id", () => {
    expect(prerequisites.length).toBeGreaterThan(0);
    const ids = prerequisites.map((p) => p.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("each says what, when and how on one line, where it is documented and the day that was read, not after the latest day facts were checked", () => {
    for (const p of prerequisites) {
      for (const text of [p.what, p.how]) expect({ id: p.id, text }).toEqual({ id: p.id, text: expect.stringMatching(/^[^\n]*\S[^\n]*$/) });
      expect({ id: p.id, ref: p.ref }).toEqual({ id: p.id, ref: expect.stringMatching(/^https:\/\/\S+$/) });
      expect({ id: p.id, isoDay: isIsoDay(p.checkedOn) }).toEqual({ id: p.id, isoDay: true });
      expect({ id: p.id, checkedInTime: p.checkedOn <= FACTS_CHECKED_BY }).toEqual({ id: p.id, checkedInTime: true });
      if (p.prop !== undefined) expect(p.prop).toMatch(/\S/);
    }
  });

  test("each is for features the selection knows, and names registry hosts exactly when it is about a registry", () => {
    const known: string[] = Object.values(AppFeature);
    for (const p of prerequisites) {
      expect({ id: p.id, when: p.when.length > 0 && p.when.every((f) => known.includes(f)) }).toEqual({ id: p.id, when: true });
      const aboutRegistry = p.when.some((f) => IMAGE_FEATURES.includes(f));
      expect({ id: p.id, hostPattern: p.imageHostPattern !== undefined }).toEqual({ id: p.id, hostPattern: aboutRegistry });
      if (p.imageHostPattern !== undefined) expect(() => new RegExp(p.imageHostPattern!)).not.toThrow();
    }
  });

  test("regions, where an entry has them, are regions of the catalog", () => {
    for (const p of prerequisites.filter((q) => q.regions !== undefined)) {
      expect(p.regions!.length).toBeGreaterThan(0);
      for (const region of p.regions!) expect({ id: p.id, region, known: region in catalog.regions }).toEqual({ id: p.id, region, known: true });
    }
  });
});
