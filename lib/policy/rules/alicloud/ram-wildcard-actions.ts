import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { grantsWildcardActions, policyStatements } from "../../policy-document";

// KICS flags Action "*" on Resource "*" (AdministratorAccess) when attached to a user, group
// or role; this rule judges the policy itself, and every action of a service ("ram:*") on
// "*" too. checkov has no check of RAM policy documents.
// ref: https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements
export const RamWildcardActions: PolicyRule = {
  id: "BKS-ALI-RAM-WILDCARDS",
  mirrors: ["KICS e8e62026-da63-4904-b402-65adfe3ca975"],
  explanation: 'A RAM policy must not Allow every action ("*"), nor every action of a service ("ram:*", "oss:*") or all but some (NotAction) on every resource ("*").',
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_ram_policy"],
  check: (r) => {
    // policy_document, or the deprecated document (provider 1.289.0 takes either).
    const statements = policyStatements(r.config.policy_document ?? r.config.document);
    if (statements === undefined) return Compliance.NOT_APPLICABLE;
    return compliantIf(!grantsWildcardActions(statements));
  },
};
