import { cellReachesPort, publicUnionsOf } from "../../openings";
import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { INGRESS_TYPES, stackOpenings } from "./selectors";

/** Ports no security group may open to the internet: SSH, RDP, plain HTTP. A rule of every port (CKV_AWS_277) holds them all. */
const ADMIN_AND_PLAIN_PORTS = [22, 3389, 80];

// A group admits the union of its rules: 0.0.0.0/1 and 128.0.0.0/1 on 22, in two rules,
// open SSH to the internet (lib/policy/openings.ts).
export const NoPublicAdminPorts: PolicyRule = {
  id: "BKS-AWS-SG-PUBLIC-ADMIN-PORTS",
  mirrors: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
  explanation:
    "No security group may open SSH, RDP, HTTP or every port to the internet: the ingress rules of a group that reach one of those ports, taken together, must not cover 0.0.0.0/0 or more than a /8 of public addresses.",
  level: PolicyLevel.ERROR,
  resourceTypes: INGRESS_TYPES,
  check: (r, stack) => {
    const unions = publicUnionsOf(r, stackOpenings(stack, "ingress"));
    return compliantIf(!unions.some((cell) => ADMIN_AND_PLAIN_PORTS.some((port) => cellReachesPort(cell, port))));
  },
};
