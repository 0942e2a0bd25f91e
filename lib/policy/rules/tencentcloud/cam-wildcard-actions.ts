import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { grantsWildcardActions, policyStatements } from "../../policy-document";

// checkov and KICS have no check of CAM policy documents: the library's own rule, the
// counterpart of BKS-AWS-IAM-WILDCARDS. CAM actions read `name/cos:GetObject` or `cos:*`.
// ref: https://www.tencentcloud.com/document/product/598/10603
export const CamWildcardActions: PolicyRule = {
  id: "BKS-TC-CAM-WILDCARDS",
  mirrors: [],
  explanation: 'A CAM policy must not allow every action ("*"), nor every action of a service ("cam:*", "name/cos:*") or all but some on every resource ("*").',
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_cam_policy"],
  check: (r) => {
    const statements = policyStatements(r.config.document);
    if (statements === undefined) return Compliance.NOT_APPLICABLE;
    return compliantIf(!grantsWildcardActions(statements));
  },
};
