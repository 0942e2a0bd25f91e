import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { policyStatements, trustsAnyone } from "../../policy-document";

/** "*", CAM's "anyone" (`qcs::cam::anyone:anyone`), or a principal of any account (`qcs::cam::uin/*:...`). */
const anyone = (principal: string) => principal === "*" || /^qcs::cam::(?:anyone|uin\/\*)(?::|$)/.test(principal);

// checkov and KICS have no check of a CAM role's trust policy: the library's own rule, the
// counterpart of BKS-AWS-IAM-TRUST (CKV_AWS_60).
// ref: https://www.tencentcloud.com/document/product/598/10603 (principal)
export const CamTrustAnyone: PolicyRule = {
  id: "BKS-TC-CAM-TRUST",
  mirrors: [],
  explanation: 'A CAM role\'s trust policy must not let anyone assume it (principal "*", qcs::cam::anyone or qcs::cam::uin/*) without a condition that narrows who.',
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_cam_role"],
  check: (r) => {
    const statements = policyStatements(r.config.document);
    if (statements === undefined) return Compliance.NOT_APPLICABLE;
    return compliantIf(!trustsAnyone(statements, anyone));
  },
};
