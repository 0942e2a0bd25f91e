import { containerRule } from "./selectors";

export const ImagePullAlways = containerRule(
  "BKS-K8S-IMAGE-PULL-ALWAYS",
  ["CKV_K8S_15"],
  "Images must be pulled every time (imagePullPolicy Always), so a node's cache never serves a revoked image.",
  (c) => c.image_pull_policy === "Always",
);
