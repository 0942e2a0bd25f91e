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
