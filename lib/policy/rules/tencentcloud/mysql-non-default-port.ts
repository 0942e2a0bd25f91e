import { mysqlSetting } from "./selectors";

// The provider's default intranet_port is 3306, so a missing port is the default port.
export const MysqlNonDefaultPort = mysqlSetting(
  "BKS-TC-MYSQL-PORT",
  ["CKV_TC_10"],
  "A MySQL instance must listen on a port other than the well-known 3306 (intranet_port), which scanners probe first.",
  (c) => Number(c.intranet_port ?? 3306) !== 3306,
);
