import { IConstruct } from "constructs";
import { isUnresolved, ValidationError } from "./validation";

// registry/path:tag or registry/path@sha256:<64 hex>; a port may follow the registry host.
const IMAGE_PATTERN = /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::([\w][\w.-]{0,127}))?(?:@sha256:[a-f0-9]{64})?$/;

const MAX_IMAGE_NAME_LENGTH = 255;

/**
 * True when an image reference is pinned: it has a tag other than `latest`, or a
 * digest. An unpinned image changes under a running service without any plan showing it.
 */
export function isPinnedImage(image: string): boolean {
  if (typeof image !== "string") return false;
  const match = IMAGE_PATTERN.exec(image);
  if (!match) return false;
  const tag = match[1];
  const hasDigest = image.includes("@sha256:");
  // ref: https://github.com/distribution/reference/blob/main/reference.go (a name is at most 255 characters)
  const name = image.split("@")[0].replace(/:[\w][\w.-]{0,127}$/, "");
  if (name.length > MAX_IMAGE_NAME_LENGTH) return false;
  return hasDigest || (tag !== undefined && tag !== "latest");
}

/** Returns the image, or throws when it is malformed or not pinned. */
export function requirePinnedImage(scope: IConstruct, field: string, image: string | undefined): string {
  if (image !== undefined && isUnresolved(image)) return image;
  if (image === undefined || !isPinnedImage(image)) {
    throw new ValidationError(
      scope,
      field,
      image,
      "a container image pinned by a tag other than latest or by digest, its name at most 255 characters, e.g. registry.example.com/bookstore:1.4.2",
    );
  }
  return image;
}
