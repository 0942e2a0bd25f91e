import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const TkeLogAgent: PolicyRule = {
  id: "BKS-TC-TKE-LOG-AGENT",
  mirrors: ["CKV_TC_6"],
  explanation: "A TKE cluster must run the CLS log agent (log_agent.enabled = true).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_kubernetes_cluster"],
  check: (r) => compliantIf(blocksOf(r.config.log_agent).some((a) => isTrue(a.enabled))),
};
