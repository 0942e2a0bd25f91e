import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { policyStatements, trustsAnyone } from "../../policy-document";

/** "*", or a RAM principal of any account (`acs:ram::*:root`, `acs:ram::*:role/x`). */
const anyone = (principal: string) => principal === "*" || /^acs:ram::\*:/.test(principal);

// No scanner checks a RAM role's trust policy: the library's own rule, the counterpart of
// BKS-AWS-IAM-TRUST (CKV_AWS_60).
// ref: https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements (Principal)
export const RamTrustAnyone: PolicyRule = {
  id: "BKS-ALI-RAM-TRUST",
  mirrors: [],
  explanation: 'A RAM role\'s trust policy must not let any account assume it (Principal "*" or {"RAM": "acs:ram::*:..."}) without a condition that narrows who.',
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_ram_role"],
  check: (r) => {
    // assume_role_policy_document, or the deprecated document (provider 1.289.0 takes either).
    const statements = policyStatements(r.config.assume_role_policy_document ?? r.config.document);
    if (statements === undefined) return Compliance.NOT_APPLICABLE;
    return compliantIf(!trustsAnyone(statements, anyone));
  },
};
