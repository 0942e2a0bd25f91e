import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const AckPrivateApi: PolicyRule = {
  id: "BKS-ALI-ACK-PRIVATE-API",
  mirrors: [],
  explanation: "An ACK cluster's API server must not be on the internet (slb_internet_enabled = false): this provider cannot limit it to given addresses.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_cs_managed_kubernetes"],
  check: (r) => compliantIf(r.config.slb_internet_enabled === false || r.config.slb_internet_enabled === "false"),
};
