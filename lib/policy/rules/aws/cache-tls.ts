import { isTrue } from "../../rule";
import { cacheSetting } from "./selectors";

// transit_encryption_mode "preferred" is the migration step that accepts plain-text clients
// beside TLS ones, so it enforces nothing; unset, a group created with TLS requires it.
// checkov's CKV_AWS_30 reads transit_encryption_enabled only and passes "preferred".
// ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption-enable-existing.html
// ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#transit_encryption_mode
export const CacheTls = cacheSetting(
  "BKS-AWS-CACHE-TLS",
  ["CKV_AWS_30", "AVD-AWS-0051"],
  "An ElastiCache replication group must require TLS (transit_encryption_enabled = true; transit_encryption_mode unset or required, since preferred also accepts plain text).",
  (c) => isTrue(c.transit_encryption_enabled) && (c.transit_encryption_mode === undefined || c.transit_encryption_mode === "required"),
);
