import { compliantIf, PolicyLevel, PolicyRule, ResourceBlock } from "../../rule";
import { launchSettings } from "./selectors";

/** The security groups an instance is launched into; none means the default group. */
function groupsOf(r: ResourceBlock): unknown[] {
  return launchSettings(r).flatMap((s) => [...(s.orderly_security_groups ?? []), ...(s.security_groups ?? []), ...(s.security_group_ids ?? []), ...(s.orderly_security_group_ids ?? [])]);
}

export const NotDefaultSecurityGroup: PolicyRule = {
  id: "BKS-TC-NOT-DEFAULT-SG",
  mirrors: ["CKV_TC_4", "KICS 93bb2065-63ec-45a2-a466-f106b56f2e32"],
  explanation: "Instances must be launched into security groups of their own, never none (the default group) or one named default.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_instance", "tencentcloud_as_scaling_config", "tencentcloud_kubernetes_node_pool"],
  check: (r) => {
    const groups = groupsOf(r);
    return compliantIf(groups.length > 0 && !groups.some((g) => String(g).toLowerCase().includes("default")));
  },
};
