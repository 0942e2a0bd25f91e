import { admitsInternet, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { portRange } from "./selectors";

const ADMIN_PORTS = [22, 3389];

export const NoPublicAdminPorts: PolicyRule = {
  id: "BKS-ALI-SG-ADMIN-PORTS",
  mirrors: ["CKV_ALI_2", "CKV_ALI_3", "KICS 2ae9d554-23fb-4065-bfd1-fe43d5f7c419"],
  explanation: "No security group may accept SSH (22) or RDP (3389) from the internet (0.0.0.0/0, or a block of more than a /8 of public addresses).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_security_group_rule"],
  check: (r) => {
    const c = r.config;
    if (c.type !== "ingress" || (c.policy ?? "accept") !== "accept" || !admitsInternet([c.cidr_ip, c.ipv6_cidr_ip])) return Compliance.NOT_APPLICABLE;
    if (!["tcp", "all"].includes(String(c.ip_protocol))) return Compliance.NOT_APPLICABLE;
    const [from, to] = portRange(c.port_range);
    return compliantIf(!ADMIN_PORTS.some((port) => port >= from && port <= to));
  },
};
