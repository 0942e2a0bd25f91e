import { admitsInternet } from "../../rule";
import { rdsSetting } from "./selectors";

export const RdsNoPublicWhitelist = rdsSetting(
  "BKS-ALI-RDS-WHITELIST",
  ["CKV_ALI_9", "KICS 1b4565c0-4877-49ac-ab03-adebbccd42ae"],
  "An RDS instance's IP whitelist (security_ips) must not admit the internet: 0.0.0.0, 0.0.0.0/0, or blocks that add up to more than a /8 of public addresses.",
  (c) => !admitsInternet(c.security_ips ?? []),
);
