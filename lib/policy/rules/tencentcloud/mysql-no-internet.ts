import { mysqlSetting } from "./selectors";

export const MysqlNoInternet = mysqlSetting(
  "BKS-TC-MYSQL-NO-INTERNET",
  ["CKV_TC_9", "KICS 5d820574-4a60-4916-b049-0810b8629731"],
  "A MySQL instance must not be reachable from the internet (internet_service != 1).",
  (c) => Number(c.internet_service ?? 0) !== 1,
);
