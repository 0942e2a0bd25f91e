import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const OssVersioning: PolicyRule = {
  id: "BKS-ALI-OSS-VERSIONING",
  mirrors: ["CKV_ALI_10"],
  explanation: "An OSS bucket must keep old versions of its objects (versioning Enabled), so an overwrite or a deletion can be undone.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_oss_bucket"],
  check: (r) => compliantIf(blocksOf(r.config.versioning).some((v) => v.status === "Enabled")),
};
