import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { BUCKET_TYPES, settingsOf } from "./selectors";

const SETTINGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export const S3PublicAccessBlock: PolicyRule = {
  id: "BKS-AWS-S3-PUBLIC-ACCESS-BLOCK",
  // CKV2_AWS_6 reads the bucket, CKV_AWS_53 to 56 each of the four settings on the block.
  mirrors: ["CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
  explanation: "A bucket must block every kind of public access (aws_s3_bucket_public_access_block with all four settings true).",
  level: PolicyLevel.ERROR,
  resourceTypes: BUCKET_TYPES,
  check: (r, stack) => compliantIf(settingsOf(stack, "aws_s3_bucket_public_access_block", r).some((b) => SETTINGS.every((s) => isTrue(b.config[s])))),
};
