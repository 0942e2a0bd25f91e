import { blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { LISTENER_TYPES } from "./selectors";

export const ListenerHttpsOrRedirect: PolicyRule = {
  id: "BKS-AWS-LISTENER-HTTPS",
  mirrors: ["CKV_AWS_2", "CKV2_AWS_20", "AVD-AWS-0054"],
  explanation: "A listener must speak HTTPS, or redirect HTTP to HTTPS.",
  level: PolicyLevel.ERROR,
  resourceTypes: LISTENER_TYPES,
  check: (r) => {
    const protocol = String(r.config.protocol ?? "HTTP").toUpperCase();
    if (["HTTPS", "TLS"].includes(protocol)) return Compliance.COMPLIANT;
    if (!["HTTP"].includes(protocol)) return Compliance.NOT_APPLICABLE;
    const actions = blocksOf(r.config.default_action);
    return compliantIf(actions.length > 0 && actions.every((a) => a.type === "redirect" && blocksOf(a.redirect).every((d) => d.protocol === "HTTPS")));
  },
};
