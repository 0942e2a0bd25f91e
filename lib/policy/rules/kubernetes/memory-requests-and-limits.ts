import { blocksOf } from "../../rule";
import { containerRule } from "./selectors";

// checkov's CKV_K8S_12 and CKV_K8S_13 swap meanings between manifests and Terraform: both set.
export const MemoryRequestsAndLimits = containerRule(
  "BKS-K8S-MEMORY",
  ["CKV_K8S_12", "CKV_K8S_13", "KSV016", "KSV018"],
  "Every container needs a memory request and a memory limit.",
  (c) => blocksOf(c.resources).some((r) => r.requests?.memory !== undefined && r.limits?.memory !== undefined),
);
