import { publicUnionsOf } from "../../openings";
import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { EGRESS_TYPES, stackOpenings } from "./selectors";

// A group sends to the union of its rules: each rule is judged with every other egress rule
// of its group that reaches the same protocol and ports (lib/policy/openings.ts).
export const NoPublicEgress: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-EGRESS",
  mirrors: ["AVD-AWS-0104"],
  explanation:
    "No security group should send to the internet: the egress rules of a group that reach the same protocol and port, taken together, must not cover 0.0.0.0/0 or more than a /8 of public addresses.",
  level: PolicyLevel.ERROR,
  resourceTypes: EGRESS_TYPES,
  check: (r, stack) => {
    if (r.type === "aws_security_group_rule" && r.config.type !== "egress") return Compliance.NOT_APPLICABLE;
    return compliantIf(publicUnionsOf(r, stackOpenings(stack, "egress")).length === 0);
  },
};
