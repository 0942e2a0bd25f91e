import { blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const RdsRequireTls: PolicyRule = {
  id: "BKS-AWS-RDS-TLS",
  mirrors: ["CKV2_AWS_69"],
  explanation: "A MySQL RDS instance must use a parameter group with require_secure_transport = 1.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_db_instance"],
  check: (r, stack) => {
    if (!String(r.config.engine ?? "").includes("mysql")) return Compliance.NOT_APPLICABLE;
    const group = stack.referenced(r.config.parameter_group_name);
    if (!group) return Compliance.NON_COMPLIANT;
    return compliantIf(blocksOf(group.config.parameter).some((p) => p.name === "require_secure_transport" && ["1", "ON", "on"].includes(String(p.value))));
  },
};
