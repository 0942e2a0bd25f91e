import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const ClbAccessLogs: PolicyRule = {
  id: "BKS-TC-CLB-ACCESS-LOGS",
  mirrors: ["CKV_TC_11"],
  explanation: "A CLB must send its access logs to CLS (log_set_id and log_topic_id).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_clb_instance"],
  check: (r) => compliantIf(Boolean(r.config.log_set_id) && Boolean(r.config.log_topic_id)),
};
