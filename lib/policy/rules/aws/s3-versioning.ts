import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { BUCKET_TYPES, settingsOf } from "./selectors";

export const S3Versioning: PolicyRule = {
  id: "BKS-AWS-S3-VERSIONING",
  mirrors: ["CKV_AWS_21"],
  explanation: "A bucket must keep old versions of its objects (versioning Enabled), so an overwrite or a deletion can be undone.",
  level: PolicyLevel.ERROR,
  resourceTypes: BUCKET_TYPES,
  check: (r, stack) =>
    compliantIf(settingsOf(stack, "aws_s3_bucket_versioning", r).some((v) => blocksOf(v.config.versioning_configuration).some((c) => c.status === "Enabled"))),
};
