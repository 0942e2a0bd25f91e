import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const S3AclsDisabled: PolicyRule = {
  id: "BKS-AWS-S3-ACLS-DISABLED",
  mirrors: ["CKV2_AWS_65"],
  explanation: "A bucket's object ownership must be BucketOwnerEnforced: ACLs off, the bucket policy alone decides access.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_s3_bucket_ownership_controls"],
  check: (r) => compliantIf(blocksOf(r.config.rule).some((rule) => rule.object_ownership === "BucketOwnerEnforced")),
};
