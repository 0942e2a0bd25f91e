import { isTrue } from "../../rule";
import { rdsSetting } from "./selectors";

export const RdsCopyTagsToSnapshot = rdsSetting(
  "BKS-AWS-RDS-SNAPSHOT-TAGS",
  ["CKV2_AWS_60"],
  "RDS must copy its tags to snapshots, so backups stay attributable.",
  (c) => isTrue(c.copy_tags_to_snapshot),
);
