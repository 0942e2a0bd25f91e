import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const PUBLIC_ACLS = ["public-read", "public-read-write"];

export const OssPrivate: PolicyRule = {
  id: "BKS-ALI-OSS-PRIVATE",
  mirrors: ["CKV_ALI_1"],
  explanation: "An OSS bucket must not be readable by anonymous users: no public ACL on the bucket or in an alicloud_oss_bucket_acl, and Block Public Access on.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_oss_bucket"],
  check: (r, stack) => {
    // alicloud_oss_bucket_acl and _public_access_block name the bucket by its `bucket` attribute.
    const acls = stack.referencing("alicloud_oss_bucket_acl", r);
    const blocks = stack.referencing("alicloud_oss_bucket_public_access_block", r);
    return compliantIf(
      !PUBLIC_ACLS.includes(r.config.acl) && acls.every((a) => !PUBLIC_ACLS.includes(a.config.acl)) && blocks.some((b) => b.config.block_public_access === true || b.config.block_public_access === "true"),
    );
  },
};
