import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const CertificateCreateBeforeDestroy: PolicyRule = {
  id: "BKS-AWS-ACM-CREATE-BEFORE-DESTROY",
  mirrors: ["CKV_AWS_233"],
  explanation: "A replaced ACM certificate must be created before the old one is destroyed.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_acm_certificate"],
  check: (r) => compliantIf(isTrue(r.config.lifecycle?.create_before_destroy)),
};
