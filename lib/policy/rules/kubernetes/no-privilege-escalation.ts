import { containerRule, securityValue } from "./selectors";

export const NoPrivilegeEscalation = containerRule(
  "BKS-K8S-PRIVILEGE-ESCALATION",
  ["CKV_K8S_20", "KSV001"],
  "Containers must set allowPrivilegeEscalation to false.",
  (c) => securityValue(c, {}, "allow_privilege_escalation") === false,
);
