import { rdsSetting } from "./selectors";

export const RdsSqlAudit = rdsSetting(
  "BKS-ALI-RDS-SQL-AUDIT",
  ["CKV_ALI_25", "KICS dc158941-28ce-481d-a7fa-dc80761edf46"],
  "An RDS instance must keep its SQL audit log at least 180 days (sql_collector_status = Enabled, sql_collector_config_value >= 180).",
  (c) => c.sql_collector_status === "Enabled" && Number(c.sql_collector_config_value) >= 180,
);
