import { ANYWHERE_CIDRS } from "../../rule";
import { rdsSetting } from "./selectors";

export const RdsNoPublicWhitelist = rdsSetting(
  "BKS-ALI-RDS-WHITELIST",
  ["CKV_ALI_9", "KICS 1b4565c0-4877-49ac-ab03-adebbccd42ae"],
  "An RDS instance's IP whitelist (security_ips) must not hold 0.0.0.0 or 0.0.0.0/0.",
  (c) => !(c.security_ips ?? []).some((ip: unknown) => ANYWHERE_CIDRS.includes(String(ip))),
);
