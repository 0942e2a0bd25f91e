import { admitsInternet, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { INGRESS_TYPES, IngressRule, ingressRules } from "./selectors";

/** Ports no security group may open to the internet: SSH, RDP, plain HTTP. */
const ADMIN_AND_PLAIN_PORTS = [22, 3389, 80];

const allPorts = (rule: IngressRule) => rule.protocol === "-1" || (rule.from <= 0 && rule.to >= 65535);

export const NoPublicAdminPorts: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS",
  mirrors: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
  explanation: "No security group may open SSH, RDP, HTTP or every port to the internet (0.0.0.0/0, or blocks that add up to more than a /8 of public addresses).",
  level: PolicyLevel.ERROR,
  resourceTypes: INGRESS_TYPES,
  check: (r) => {
    const publicRules = ingressRules(r).filter((i) => admitsInternet(i.cidrs));
    return compliantIf(!publicRules.some((i) => allPorts(i) || ADMIN_AND_PLAIN_PORTS.some((p) => i.from <= p && p <= i.to)));
  },
};
