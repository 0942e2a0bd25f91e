import { Construct, RootConstruct } from "constructs";
import { Lazy, Token } from "../../lib/core/cdktf";
import { isPinnedImage, requirePinnedImage } from "../../lib/core/container-image";
import { ValidationError } from "../../lib/core/validation";

describe("container images", () => {
  test.each([
    "registry.example.com/bookstore:1.4.2",
    "registry.example.com:5000/shop/bookstore:v2",
    "bookstore:1",
    `bookstore@sha256:${"a".repeat(64)}`,
    `bookstore:latest@sha256:${"0123456789abcdef".repeat(4)}`,
    "localhost:5000/bookstore:1",
    "my--registry.example.com/bookstore:1",
    "shop/book_store/web-app.v2:v1.0-rc_2",
    "book_store:1",
    "web-app.v2:1",
    `bookstore:${"a".repeat(128)}`,
  ])("accepts the pinned image %s", (image) => expect(isPinnedImage(image)).toBe(true));

  test.each([
    "bookstore",
    "bookstore:latest",
    "registry.example.com/bookstore",
    "Bookstore:1",
    "bookstore:",
    "",
    "bookstore:1 ",
    "bookstore:-1",
    `bookstore:${"a".repeat(129)}`,
    "bookstore:1@sha256:abc",
    `bookstore@sha256:${"a".repeat(63)}`,
    `bookstore@sha256:${"A".repeat(64)}`,
    "shop//bookstore:1",
    "-bookstore:1",
    "localhost:port/bookstore:1",
  ])(
    "fails when given the unpinned or malformed image %j",
    (image) => expect(isPinnedImage(image)).toBe(false),
  );
});

describe("the 255-character limit on an image's name", () => {
  // A name of `length` characters: a registry host and one path component.
  const nameOf = (length: number, registry = "registry.example.com") => `${registry}/${"a".repeat(length - registry.length - 1)}`;
  const digest = `@sha256:${"0".repeat(64)}`;

  // The tag and digest do not count towards the name.
  test.each<[string, string]>([
    ["a 255-character name with a one-character tag", `${nameOf(255)}:1`],
    ["a 255-character name with a dotted tag", `${nameOf(255)}:1.4.2`],
    ["a 255-character name with a 128-character tag", `${nameOf(255)}:${"v".repeat(128)}`],
    ["a 255-character name with a digest", `${nameOf(255)}${digest}`],
    ["a 255-character name with a tag and a digest", `${nameOf(255)}:1.4.2${digest}`],
    ["a 255-character name whose registry has a port, with a 128-character tag", `${nameOf(255, "registry:5000")}:${"v".repeat(128)}`],
  ])("accepts %s", (_case, image) => {
    expect(isPinnedImage(image)).toBe(true);
  });

  test.each<[string, string]>([
    ["a 256-character name with a tag", `${nameOf(256)}:1`],
    ["a 256-character name with a digest", `${nameOf(256)}${digest}`],
    ["a 256-character name whose registry has a port", `${nameOf(256, "registry:5000")}:1`],
  ])("fails when given %s", (_case, image) => {
    expect(isPinnedImage(image)).toBe(false);
  });
});

describe("isPinnedImage on values the types do not allow", () => {
  test.each<[string, unknown]>([
    ["a number", 1],
    ["a list holding a pinned image", ["bookstore:1"]],
    ["nothing", undefined],
  ])("fails when given %s", (_case, image) => {
    expect(isPinnedImage(image as string)).toBe(false);
  });
});

describe("requirePinnedImage", () => {
  const scope = new Construct(new RootConstruct(), "Workloads");

  test("returns a pinned image, and one only known at apply time", () => {
    expect(requirePinnedImage(scope, "image", "bookstore:1.4.2")).toBe("bookstore:1.4.2");
    const later = Token.asString(Lazy.stringValue({ produce: () => "bookstore" }));
    expect(requirePinnedImage(scope, "image", later)).toBe(later);
  });

  test.each([undefined, "bookstore:latest", "Bookstore:1"])("fails when given %j", (image) => {
    let caught: unknown;
    try {
      requirePinnedImage(scope, "image", image);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const { constructPath, field, value, allowed } = caught as ValidationError;
    expect({ constructPath, field, value, allowed }).toEqual({
      constructPath: "Workloads",
      field: "image",
      value: image,
      allowed: "a container image pinned by a tag other than latest or by digest, its name at most 255 characters, e.g. registry.example.com/bookstore:1.4.2",
    });
  });
});
