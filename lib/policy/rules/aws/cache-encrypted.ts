import { isTrue } from "../../rule";
import { cacheSetting } from "./selectors";

export const CacheEncrypted = cacheSetting(
  "BKS-AWS-CACHE-ENCRYPTED",
  ["CKV_AWS_29", "AVD-AWS-0045"],
  "An ElastiCache replication group must encrypt its data at rest (at_rest_encryption_enabled = true).",
  (c) => isTrue(c.at_rest_encryption_enabled),
);
