import { ANYWHERE_CIDRS, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { INGRESS_TYPES, IngressRule, ingressRules } from "./selectors";

/** Ports no security group may open to the internet: SSH, RDP, plain HTTP. */
const ADMIN_AND_PLAIN_PORTS = [22, 3389, 80];

const allPorts = (rule: IngressRule) => rule.protocol === "-1" || (rule.from <= 0 && rule.to >= 65535);

export const NoPublicAdminPorts: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS",
  mirrors: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
  explanation: "No security group may open SSH, RDP, HTTP or every port to 0.0.0.0/0.",
  level: PolicyLevel.ERROR,
  resourceTypes: INGRESS_TYPES,
  check: (r) => {
    const publicRules = ingressRules(r).filter((i) => i.cidrs.some((c) => ANYWHERE_CIDRS.includes(c)));
    return compliantIf(!publicRules.some((i) => allPorts(i) || ADMIN_AND_PLAIN_PORTS.some((p) => i.from <= p && p <= i.to)));
  },
};
