import { ANYWHERE_CIDRS, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { INGRESS_TYPES, ingressRules } from "./selectors";

export const NoPublicIngress: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-INGRESS",
  mirrors: ["AVD-AWS-0107"],
  explanation: "No security group should admit the whole internet; a public load balancer documents its suppression.",
  level: PolicyLevel.ERROR,
  resourceTypes: INGRESS_TYPES,
  check: (r) => compliantIf(!ingressRules(r).some((i) => i.cidrs.some((c) => ANYWHERE_CIDRS.includes(c)))),
};
