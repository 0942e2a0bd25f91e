import { rdsSetting } from "./selectors";

export const RdsDeletionProtection = rdsSetting(
  "BKS-ALI-RDS-DELETION-PROTECTION",
  [],
  "An RDS instance must refuse deletion through the API (deletion_protection = true), unless removed on purpose.",
  (c) => c.deletion_protection === true || c.deletion_protection === "true",
);
