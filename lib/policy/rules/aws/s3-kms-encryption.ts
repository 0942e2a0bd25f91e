import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { BUCKET_TYPES, settingsOf } from "./selectors";

export const S3KmsEncryption: PolicyRule = {
  id: "BKS-AWS-S3-KMS",
  mirrors: ["CKV_AWS_145"],
  explanation: "A bucket must encrypt new objects with a KMS key by default (sse_algorithm aws:kms), so reading them also needs the key.",
  level: PolicyLevel.ERROR,
  resourceTypes: BUCKET_TYPES,
  check: (r, stack) =>
    compliantIf(
      settingsOf(stack, "aws_s3_bucket_server_side_encryption_configuration", r).some((c) =>
        blocksOf(c.config.rule).some((rule) => blocksOf(rule.apply_server_side_encryption_by_default).some((d) => d.sse_algorithm === "aws:kms")),
      ),
    ),
};
