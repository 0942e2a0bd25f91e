import { blocksOf } from "../../rule";
import { containerRule } from "./selectors";

export const DropAllCapabilities = containerRule(
  "BKS-K8S-CAPABILITIES",
  ["CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_25", "KSV003", "KSV022"],
  "Containers must drop ALL capabilities and add none.",
  (c) =>
    blocksOf(blocksOf(c.security_context)[0]?.capabilities).some((caps) => (caps.drop ?? []).includes("ALL") && (caps.add ?? []).length === 0),
);
