import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

// The policy is JSON, or HCL written by jsonencode: `"Key": value` or `"Key" = value`.
const DENY = /"Effect"\s*[:=]\s*"Deny"/;
const INSECURE = /"acs:SecureTransport"\s*[:=]\s*\[?\s*"?false"?/;

export const OssTlsOnly: PolicyRule = {
  id: "BKS-ALI-OSS-TLS-ONLY",
  mirrors: [],
  explanation: "An OSS bucket's policy must deny every request not made over HTTPS (Deny when acs:SecureTransport is false).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_oss_bucket"],
  check: (r) => compliantIf(typeof r.config.policy === "string" && DENY.test(r.config.policy) && INSECURE.test(r.config.policy)),
};
