import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { BUCKET_TYPES, settingsOf } from "./selectors";

export const S3Lifecycle: PolicyRule = {
  id: "BKS-AWS-S3-LIFECYCLE",
  // CKV2_AWS_61 reads the bucket, CKV_AWS_300 the lifecycle configuration.
  mirrors: ["CKV2_AWS_61", "CKV_AWS_300"],
  explanation: "A bucket must have an enabled lifecycle rule that aborts incomplete multipart uploads, so abandoned parts are not stored forever.",
  level: PolicyLevel.ERROR,
  resourceTypes: BUCKET_TYPES,
  check: (r, stack) =>
    compliantIf(
      settingsOf(stack, "aws_s3_bucket_lifecycle_configuration", r).some((l) =>
        blocksOf(l.config.rule).some((rule) => rule.status === "Enabled" && blocksOf(rule.abort_incomplete_multipart_upload).some((a) => Number(a.days_after_initiation) > 0)),
      ),
    ),
};
