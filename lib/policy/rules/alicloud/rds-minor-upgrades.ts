import { rdsSetting } from "./selectors";

export const RdsMinorUpgrades = rdsSetting(
  "BKS-ALI-RDS-MINOR-UPGRADES",
  ["CKV_ALI_30"],
  "An RDS instance must take minor engine upgrades automatically (auto_upgrade_minor_version = Auto).",
  (c) => c.auto_upgrade_minor_version === "Auto",
);
