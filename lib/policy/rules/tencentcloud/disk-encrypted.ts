import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule, ResourceBlock } from "../../rule";
import { launchSettings } from "./selectors";

// Where the provider can encrypt a disk: CBS volumes, a CVM's system and data disks, the
// data disks of node pools and cluster node configs. A launch configuration
// (tencentcloud_as_scaling_config) and a node pool's system disk have no such argument.
function encrypted(r: ResourceBlock): boolean {
  const c = r.config;
  switch (r.type) {
    case "tencentcloud_cbs_storage":
      return isTrue(c.encrypt);
    case "tencentcloud_instance":
      return isTrue(c.system_disk_encrypt) && blocksOf(c.data_disks).every((d) => isTrue(d.encrypt));
    default:
      return launchSettings(r).every((s) => blocksOf(s.data_disk).every((d) => isTrue(d.encrypt)));
  }
}

export const DiskEncrypted: PolicyRule = {
  id: "BKS-TC-DISK-ENCRYPTED",
  mirrors: ["CKV_TC_1"],
  explanation: "Disks must be encrypted where the provider allows it: CBS volumes (encrypt), CVM system and data disks, node data disks.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_cbs_storage", "tencentcloud_instance", "tencentcloud_kubernetes_node_pool", "tencentcloud_kubernetes_cluster"],
  check: (r) => compliantIf(encrypted(r)),
};
