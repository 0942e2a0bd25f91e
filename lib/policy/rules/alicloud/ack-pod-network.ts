import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

export const AckPodNetwork: PolicyRule = {
  id: "BKS-ALI-ACK-POD-NETWORK",
  // Not checkov's CKV_ALI_26: it reads alicloud_cs_kubernetes only, never the managed cluster
  // (checked against checkov 3.3.30 by test/scan/checkov-breakage.test.ts).
  mirrors: [],
  explanation: "An ACK cluster must name its pod network: pod_vswitch_ids (Terway) or pod_cidr (Flannel).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_cs_managed_kubernetes"],
  check: (r) => compliantIf(Boolean(r.config.pod_cidr) || (r.config.pod_vswitch_ids ?? []).length > 0),
};
