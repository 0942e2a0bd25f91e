import { compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const SystemDiskEncrypted: PolicyRule = {
  id: "BKS-ALI-DISK-ENCRYPTED",
  // Not checkov's CKV_ALI_7 / CKV_ALI_32: they read alicloud_disk and alicloud_ecs_launch_template
  // only, never these types (checked against checkov 3.3.30 by test/scan/checkov-breakage.test.ts).
  mirrors: [],
  explanation: "Instances launched by scaling groups and node pools must encrypt their system disk (system_disk_encrypted = true).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_ess_scaling_configuration", "alicloud_cs_kubernetes_node_pool"],
  check: (r) => compliantIf(isTrue(r.config.system_disk_encrypted)),
};
