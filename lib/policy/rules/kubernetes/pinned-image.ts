import { isPinnedImage } from "../../../core/container-image";
import { containerRule } from "./selectors";

export const PinnedImage = containerRule(
  "BKS-K8S-PINNED-IMAGE",
  ["CKV_K8S_14", "KSV013"],
  "Every image must be pinned by a tag other than latest, or by digest.",
  (c) => typeof c.image === "string" && (c.image.includes("${") || isPinnedImage(c.image)),
);
