import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { BUCKET_TYPES, settingsOf } from "./selectors";

// The policy is JSON, or HCL written by jsonencode: `"Key": "value"` or `"Key" = "value"`.
const DENY = /"Effect"\s*[:=]\s*"Deny"/;
const INSECURE = /"aws:SecureTransport"\s*[:=]\s*"?false"?/;

export const S3TlsOnly: PolicyRule = {
  id: "BKS-AWS-S3-TLS-ONLY",
  mirrors: ["KICS 4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9"],
  explanation: "A bucket's policy must deny every request not made over TLS (Deny when aws:SecureTransport is false).",
  level: PolicyLevel.ERROR,
  resourceTypes: BUCKET_TYPES,
  check: (r, stack) =>
    compliantIf(
      [r.config.policy, ...settingsOf(stack, "aws_s3_bucket_policy", r).map((p) => p.config.policy)].some(
        (policy) => typeof policy === "string" && DENY.test(policy) && INSECURE.test(policy),
      ),
    ),
};
