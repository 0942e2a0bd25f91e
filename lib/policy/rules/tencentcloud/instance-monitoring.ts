import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { INSTANCE_TYPES, isFalse, launchSettings } from "./selectors";

export const InstanceMonitoring: PolicyRule = {
  id: "BKS-TC-CVM-MONITORING",
  mirrors: ["CKV_TC_3"],
  explanation: "Instances must run the cloud monitor agent (disable_monitor_service not true; enhanced_monitor_service not false).",
  level: PolicyLevel.ERROR,
  resourceTypes: INSTANCE_TYPES,
  check: (r) => compliantIf(!launchSettings(r).some((s) => isTrue(s.disable_monitor_service) || isFalse(s.enhanced_monitor_service))),
};
