import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const ALGORITHMS = ["AES256", "KMS", "SM4"];

export const OssEncrypted: PolicyRule = {
  id: "BKS-ALI-OSS-ENCRYPTED",
  // CKV_ALI_6 asks for a customer master key (kms_master_key_id) and is not claimed: the
  // bookstore's bucket uses OSS-managed keys, which the CDN can read (lib/alicloud/asset-bucket.ts).
  mirrors: [],
  explanation: "An OSS bucket must encrypt new objects at rest by default (server_side_encryption_rule).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_oss_bucket"],
  check: (r) => compliantIf(blocksOf(r.config.server_side_encryption_rule).some((e) => ALGORITHMS.includes(e.sse_algorithm))),
};
