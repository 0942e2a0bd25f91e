import fc from "fast-check";
import { AWS_CATALOG, isPinnedImage, nameFromId, satisfiesNameRule } from "../../lib";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";

describe("name rules", () => {
  test.each(IMPLEMENTED_CATALOGS)("%s: every kebab-case name within the length passes", (_cloud, catalog) => {
    const kebab = fc
      .array(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join("-"))
      .filter((name) => name.length <= catalog.names.maxLength);
    fc.assert(fc.property(kebab, (name) => expect(satisfiesNameRule(name, catalog.names)).toBe(true)));
  });

  test.each(IMPLEMENTED_CATALOGS)("%s: names over the length, with capitals or a trailing hyphen fail", (_cloud, catalog) => {
    expect(satisfiesNameRule("a".repeat(catalog.names.maxLength + 1), catalog.names)).toBe(false);
    expect(satisfiesNameRule("Shop", catalog.names)).toBe(false);
    expect(satisfiesNameRule("shop-", catalog.names)).toBe(false);
    expect(satisfiesNameRule("", catalog.names)).toBe(false);
  });

  test("nameFromId turns construct IDs into names every cloud accepts", () => {
    expect(nameFromId("OrdersDb")).toBe("orders-db");
    const ids = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,15}$/);
    fc.assert(fc.property(ids, (id) => expect(satisfiesNameRule(nameFromId(id), AWS_CATALOG.names)).toBe(true)));
  });
});

describe("container images", () => {
  test.each([
    "registry.example.com/bookstore:1.4.2",
    "registry.example.com:5000/shop/bookstore:v2",
    "bookstore:1",
    `bookstore@sha256:${"a".repeat(64)}`,
  ])("accepts the pinned image %s", (image) => expect(isPinnedImage(image)).toBe(true));

  test.each(["bookstore", "bookstore:latest", "registry.example.com/bookstore", "Bookstore:1", "bookstore:", ""])(
    "fails when given the unpinned or malformed image %j",
    (image) => expect(isPinnedImage(image)).toBe(false),
  );
});
