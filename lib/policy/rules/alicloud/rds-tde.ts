import { rdsSetting } from "./selectors";

export const RdsTde = rdsSetting(
  "BKS-ALI-RDS-TDE",
  ["CKV_ALI_22", "KICS 44d434ca-a9bf-4203-8828-4c81a8d5a598"],
  "An RDS instance must encrypt its data at rest with TDE (tde_status = Enabled).",
  (c) => c.tde_status === "Enabled",
);
