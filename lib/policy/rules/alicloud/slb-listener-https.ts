import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const SlbListenerHttps: PolicyRule = {
  id: "BKS-ALI-SLB-HTTPS",
  mirrors: [],
  explanation: "A CLB layer-7 listener must speak HTTPS, or redirect HTTP to the HTTPS listener (listener_forward = on, forward_port = 443).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_slb_listener"],
  check: (r) => {
    const protocol = String(r.config.protocol);
    if (protocol === "https") return Compliance.COMPLIANT;
    if (protocol !== "http") return Compliance.NOT_APPLICABLE;
    return compliantIf(r.config.listener_forward === "on" && Number(r.config.forward_port) === 443);
  },
};
