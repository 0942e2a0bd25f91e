import { isTrue } from "../../rule";
import { rdsSetting } from "./selectors";

export const RdsMinorVersionUpgrades = rdsSetting(
  "BKS-AWS-RDS-MINOR-UPGRADES",
  ["CKV_AWS_226"],
  "RDS must take minor engine upgrades automatically (auto_minor_version_upgrade = true).",
  (c) => c.auto_minor_version_upgrade === undefined || isTrue(c.auto_minor_version_upgrade),
);
