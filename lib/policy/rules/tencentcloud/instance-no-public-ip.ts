import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const InstanceNoPublicIp: PolicyRule = {
  id: "BKS-TC-CVM-NO-PUBLIC-IP",
  mirrors: ["CKV_TC_2"],
  explanation: "CVM instances and launch configurations get no public address (allocate_public_ip / public_ip_assigned) and no internet bandwidth; they go out through NAT.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_instance", "tencentcloud_as_scaling_config"],
  check: (r) => {
    const c = r.config;
    return compliantIf(!isTrue(c.allocate_public_ip) && !isTrue(c.public_ip_assigned) && !(Number(c.internet_max_bandwidth_out ?? 0) > 0));
  },
};
