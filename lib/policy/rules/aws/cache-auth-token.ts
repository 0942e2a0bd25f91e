import { isTrue } from "../../rule";
import { cacheSetting } from "./selectors";

export const CacheAuthToken = cacheSetting(
  "BKS-AWS-CACHE-AUTH",
  ["CKV_AWS_31"],
  "An ElastiCache replication group must encrypt its traffic and require clients to authenticate (auth_token or user_group_ids).",
  (c) => isTrue(c.transit_encryption_enabled) && (Boolean(c.auth_token) || (Array.isArray(c.user_group_ids) && c.user_group_ids.length > 0)),
);
