import { publicUnionsOf } from "../../openings";
import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { INGRESS_TYPES, stackOpenings } from "./selectors";

// A group admits the union of its rules: each rule is judged with every other ingress rule
// of its group that reaches the same protocol and ports (lib/policy/openings.ts).
export const NoPublicIngress: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-INGRESS",
  mirrors: ["AVD-AWS-0107"],
  explanation:
    "No security group should admit the internet: the ingress rules of a group that reach the same protocol and port, taken together, must not cover 0.0.0.0/0 or more than a /8 of public addresses; a public load balancer documents its suppression.",
  level: PolicyLevel.ERROR,
  resourceTypes: INGRESS_TYPES,
  check: (r, stack) => compliantIf(publicUnionsOf(r, stackOpenings(stack, "ingress")).length === 0),
};
