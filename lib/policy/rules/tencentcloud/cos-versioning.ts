import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const CosVersioning: PolicyRule = {
  id: "BKS-TC-COS-VERSIONING",
  mirrors: [],
  explanation: "A COS bucket must keep old versions of its objects (versioning_enable), so an overwrite or a deletion can be undone.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_cos_bucket"],
  check: (r) => compliantIf(isTrue(r.config.versioning_enable)),
};
