import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { LISTENER_TYPES } from "./selectors";

// Policies that allow TLS 1.2+ only; trivy also refuses TLS13-1-0/1-1/1-2-Ext*-2021-06.
const WEAK_TLS13 = /^ELBSecurityPolicy-TLS13-1-(0|1)-|^ELBSecurityPolicy-TLS13-1-2-Ext(1|2)-2021-06$/;

const STRONG = /^ELBSecurityPolicy-(TLS13|TLS-1-2|FS-1-2)/;

export const ListenerTlsPolicy: PolicyRule = {
  id: "BKS-AWS-LISTENER-TLS-POLICY",
  mirrors: ["CKV_AWS_103", "CKV2_AWS_74", "AVD-AWS-0047"],
  explanation: "An HTTPS listener must use a TLS 1.2+ security policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
  level: PolicyLevel.ERROR,
  resourceTypes: LISTENER_TYPES,
  check: (r) => {
    if (!["HTTPS", "TLS"].includes(String(r.config.protocol ?? "").toUpperCase())) return Compliance.NOT_APPLICABLE;
    const policy = String(r.config.ssl_policy ?? "");
    return compliantIf(STRONG.test(policy) && !WEAK_TLS13.test(policy));
  },
};
