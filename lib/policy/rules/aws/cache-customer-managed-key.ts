import { cacheSetting } from "./selectors";

export const CacheCustomerManagedKey = cacheSetting(
  "BKS-AWS-CACHE-CMK",
  ["CKV_AWS_191"],
  "An ElastiCache replication group must be encrypted with a customer managed KMS key (kms_key_id), not AWS's own.",
  (c) => typeof c.kms_key_id === "string" && c.kms_key_id !== "",
);
