import { blocksOf } from "../../rule";
import { containerRule } from "./selectors";

export const CpuRequestsAndLimits = containerRule(
  "BKS-K8S-CPU",
  ["CKV_K8S_10", "CKV_K8S_11", "KSV011", "KSV015"],
  "Every container needs a CPU request and a CPU limit.",
  (c) => blocksOf(c.resources).some((r) => r.requests?.cpu !== undefined && r.limits?.cpu !== undefined),
);
