import { rdsSetting } from "./selectors";

export const RdsSsl = rdsSetting(
  "BKS-ALI-RDS-SSL",
  ["CKV_ALI_20", "KICS 7a1ee8a9-71be-4b11-bb70-efb62d16863b"],
  "An RDS instance must offer TLS to clients (ssl_action = Open or Update).",
  (c) => ["Open", "Update"].includes(c.ssl_action),
);
