import { publicUnionsOf } from "../../openings";
import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { SECURITY_GROUP_RULE_TYPES, stackOpenings } from "./selectors";

// A group admits the union of what it accepts: each rule is judged with every other ACCEPT
// ingress rule of its group that reaches the same protocol and ports (lib/policy/openings.ts).
export const NoPublicIngress: PolicyRule = {
  id: "BKS-TC-SG-PUBLIC-INGRESS",
  mirrors: ["CKV_TC_8"],
  explanation:
    "No security group may ACCEPT ingress from the internet: the ACCEPT rules of a group that reach the same protocol and port, taken together, must not cover 0.0.0.0/0, ::/0 or more than a /8 of public addresses; a public load balancer documents its suppression.",
  level: PolicyLevel.ERROR,
  resourceTypes: SECURITY_GROUP_RULE_TYPES,
  check: (r, stack) => compliantIf(publicUnionsOf(r, stackOpenings(stack, "ingress")).length === 0),
};
