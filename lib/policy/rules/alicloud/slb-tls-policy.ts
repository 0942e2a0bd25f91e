import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const STRONG_POLICIES = ["tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3"];

export const SlbTlsPolicy: PolicyRule = {
  id: "BKS-ALI-SLB-TLS",
  mirrors: ["CKV_ALI_33", "KICS dbfc834a-56e5-4750-b5da-73fda8e73f70"],
  explanation: "HTTPS listeners must use a TLS 1.2+ policy, and custom TLS policies must not allow TLSv1.0 or TLSv1.1.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_slb_listener", "alicloud_slb_tls_cipher_policy"],
  check: (r) => {
    if (r.type === "alicloud_slb_tls_cipher_policy") {
      return compliantIf(!(r.config.tls_versions ?? []).some((v: unknown) => ["TLSv1.0", "TLSv1.1"].includes(String(v))));
    }
    if (r.config.protocol !== "https") return Compliance.NOT_APPLICABLE;
    const policy = String(r.config.tls_cipher_policy ?? "tls_cipher_policy_1_0");
    // A reference is a custom policy of this stack, checked as its own resource.
    return compliantIf(STRONG_POLICIES.includes(policy) || policy.includes("${alicloud_slb_tls_cipher_policy."));
  },
};
