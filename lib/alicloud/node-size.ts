import { Construct } from "constructs";
import { Annotations } from "../core/cdktf";
import { ComputeSize, enumValues } from "../core/sizes";
import { ValidationError } from "../core/validation";
import { ALICLOUD_CATALOG, AlicloudCatalog } from "./catalog";

/**
 * The instance type of ACK's workload node pool for the node size the neutral cluster chose.
 *
 * The neutral cluster hands the adapter `computeSizes[nodeSize]`, the VMs' type, which on Alibaba
 * Cloud has 2 vCPUs up to LARGE, and ACK takes no node of fewer than 4. The size is read back from
 * that type and mapped through `ackNodeSizes`, which every size maps to a type ACK takes. Should
 * overrides give two sizes one type, the size that type is shipped for wins, else the largest.
 * `catalogOverrides.computeSizes` thus sizes the VMs only: an override of the cluster's node size is
 * said in a warning at synth, so that it is not taken for the nodes' type.
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/select-ecs-instances-to-create-the-master-and-worker-nodes-of-an-ack-cluster
 *   (instance types with fewer than 4 vCPU cores are not supported)
 */
export function ackNodeInstanceType(scope: Construct, catalog: AlicloudCatalog, vmInstanceType: string): string {
  const sizes = enumValues(ComputeSize);
  const candidates = sizes.filter((candidate) => catalog.computeSizes[candidate] === vmInstanceType);
  const shipped = candidates.filter((candidate) => ALICLOUD_CATALOG.computeSizes[candidate] === vmInstanceType);
  const size = shipped.pop() ?? candidates.pop();
  if (size === undefined) {
    throw new ValidationError(scope, "nodeSize", vmInstanceType, `one of the neutral sizes ${sizes.join(", ")}, whose ACK node type is the catalog's alicloud.ackNodeSizes`);
  }
  const nodeType = catalog.alicloud.ackNodeSizes[size];
  if (vmInstanceType !== ALICLOUD_CATALOG.computeSizes[size]) {
    Annotations.of(scope).addWarning(
      `nodeSize ${size}: catalogOverrides.computeSizes.${size} (${vmInstanceType}) sizes the VMs only on alicloud; ACK's workload nodes of ${size} are ${nodeType} (alicloud.ackNodeSizes), as ACK takes no node of fewer than ${catalog.alicloud.ackMinNodeVcpus} vCPUs.`,
    );
  }
  return nodeType;
}
