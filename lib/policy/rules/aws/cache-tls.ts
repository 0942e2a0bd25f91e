import { isTrue } from "../../rule";
import { cacheSetting } from "./selectors";

export const CacheTls = cacheSetting(
  "BKS-AWS-CACHE-TLS",
  ["CKV_AWS_30", "AVD-AWS-0051"],
  "An ElastiCache replication group must encrypt its traffic (transit_encryption_enabled = true).",
  (c) => isTrue(c.transit_encryption_enabled),
);
