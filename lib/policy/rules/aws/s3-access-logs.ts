import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { BUCKET_TYPES, settingsOf } from "./selectors";

export const S3AccessLogs: PolicyRule = {
  id: "BKS-AWS-S3-ACCESS-LOGS",
  mirrors: ["CKV_AWS_18"],
  explanation: "A bucket must write server access logs to another bucket (aws_s3_bucket_logging).",
  level: PolicyLevel.ERROR,
  resourceTypes: BUCKET_TYPES,
  // Being another bucket's logging target does not count: the bucket's own logging must be set.
  check: (r, stack) => compliantIf(r.config.logging !== undefined || settingsOf(stack, "aws_s3_bucket_logging", r).length > 0),
};
