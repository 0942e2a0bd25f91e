import { cellReachesPort, publicUnionsOf } from "../../openings";
import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { stackOpenings } from "./selectors";

const ADMIN_PORTS = [22, 3389];

/**
 * A group admits the union of what it accepts: each TCP (or every-protocol) ingress rule is
 * judged with every other accepting ingress rule of its group that reaches the same TCP
 * ports (lib/policy/openings.ts). Not applicable where that union does not admit the
 * internet, nor to rules of other protocols (SSH and RDP are TCP).
 */
export const NoPublicAdminPorts: PolicyRule = {
  id: "BKS-ALI-SG-ADMIN-PORTS",
  mirrors: ["CKV_ALI_2", "CKV_ALI_3", "KICS 2ae9d554-23fb-4065-bfd1-fe43d5f7c419"],
  explanation:
    "No security group may accept SSH (22) or RDP (3389) from the internet: the accepting ingress rules of a group that reach one of those TCP ports, taken together, must not cover 0.0.0.0/0 or more than a /8 of public addresses.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_security_group_rule"],
  check: (r, stack) => {
    if (!["tcp", "all"].includes(String(r.config.ip_protocol))) return Compliance.NOT_APPLICABLE;
    const unions = publicUnionsOf(r, stackOpenings(stack, "ingress")).filter((cell) => cell.protocol === "tcp");
    if (unions.length === 0) return Compliance.NOT_APPLICABLE;
    return compliantIf(!unions.some((cell) => ADMIN_PORTS.some((port) => cellReachesPort(cell, port))));
  },
};
