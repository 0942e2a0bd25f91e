import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { policyStatements, trustsAnyone } from "../../policy-document";

// checkov's CKV_AWS_60 flags {"AWS": "*"} with or without a condition and passes
// `Principal: "*"` (it looks for the AWS key); this rule flags both forms and accepts a
// condition (aws:PrincipalOrgID, sts:ExternalId, ...) as the narrowing that makes "*" a choice.
// ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
export const IamTrustAnyone: PolicyRule = {
  id: "BKS-AWS-IAM-TRUST",
  mirrors: ["CKV_AWS_60"],
  explanation: 'A role\'s trust policy must not let any principal assume it (Principal "*" or {"AWS": "*"}) without a condition that narrows who.',
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_iam_role"],
  check: (r) => {
    const statements = policyStatements(r.config.assume_role_policy);
    if (statements === undefined) return Compliance.NOT_APPLICABLE;
    return compliantIf(!trustsAnyone(statements, (principal) => principal === "*"));
  },
};
