import { blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule, ResourceBlock } from "../../rule";
import { grantsWildcardActions, PolicyStatement, policyStatements } from "../../policy-document";

/** Identity policies: the policy resources' `policy`, and a role's inline_policy blocks. */
const IDENTITY_POLICY_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role"];

function documentsOf(r: ResourceBlock): (PolicyStatement[] | undefined)[] {
  const texts = r.type === "aws_iam_role" ? blocksOf(r.config.inline_policy).map((p) => p.policy) : [r.config.policy];
  return texts.filter((t) => t !== undefined).map(policyStatements);
}

// checkov reads the policy only when it is JSON text (CKV_AWS_62 and CKV_AWS_63 pass the
// `${jsonencode(...)}` CDKTF writes when a document holds references); this rule reads both.
// Its `service:*` on `*` goes beyond checkov, which flags only `*` (62, 63) and `iam:*` (CKV2_AWS_40).
export const IamWildcardActions: PolicyRule = {
  id: "BKS-AWS-IAM-WILDCARDS",
  mirrors: ["CKV_AWS_62", "CKV_AWS_63", "CKV2_AWS_40", "AVD-AWS-0057"],
  explanation: 'An IAM policy must not Allow every action ("*"), nor every action of a service ("iam:*", "s3:*") or all but some (NotAction) on every resource ("*").',
  level: PolicyLevel.ERROR,
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (r) => {
    const documents = documentsOf(r);
    // A document read from elsewhere (a data source's JSON) cannot be judged here.
    if (documents.length === 0 || documents.some((d) => d === undefined)) return Compliance.NOT_APPLICABLE;
    return compliantIf(!documents.some((statements) => grantsWildcardActions(statements!)));
  },
};
