import { admitsInternet, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { INGRESS_TYPES, ingressRules } from "./selectors";

export const NoPublicIngress: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-INGRESS",
  mirrors: ["AVD-AWS-0107"],
  explanation: "No security group should admit the internet (0.0.0.0/0, or blocks that add up to more than a /8 of public addresses); a public load balancer documents its suppression.",
  level: PolicyLevel.ERROR,
  resourceTypes: INGRESS_TYPES,
  check: (r) => compliantIf(!ingressRules(r).some((i) => admitsInternet(i.cidrs))),
};
