import { Cloud, ComputeSize, KubernetesCluster, Network } from "../../lib";
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { ackNodeInstanceType } from "../../lib/alicloud/node-size";
import { COMPUTE_SIZE_CAPACITY, enumValues } from "../../lib/core/sizes";
import { synthBookstore } from "../support/bookstore";
import { newStack, resourceAt, resources, synthJson, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

// ACK takes no node of fewer than 4 vCPUs; the VMs' computeSizes has 2-vCPU types up to LARGE.
const specifics = ALICLOUD_CATALOG.alicloud;
const capacityOf = (instanceType: string) => {
  const capacity = specifics.instanceTypeCapacity[instanceType];
  if (capacity === undefined) throw new Error(`the catalog's instanceTypeCapacity lacks ${instanceType}`);
  return capacity;
};
const alicloud = (catalogOverrides?: object) => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000", catalogOverrides });

/** A cluster of one node size in a bare stack. */
function clusterOf(nodeSize: ComputeSize, cloud = alicloud()) {
  const { stack } = newStack();
  const cluster = new KubernetesCluster(stack, "K8s", { cloud, network: new Network(stack, "Net", { cloud }), nodeSize });
  return { stack, cluster, json: synthJson(stack) };
}
/** The autoscaled workloads' pool: the one with a scaling_config (the system pool has none). */
const workloadPool = (json: TerraformJson) => (resources(json, "alicloud_cs_kubernetes_node_pool") as any[]).filter((pool) => pool.scaling_config !== undefined);
const nodePoolTypes = (json: TerraformJson): string[] => (resources(json, "alicloud_cs_kubernetes_node_pool") as any[]).flatMap((pool) => pool.instance_types);

describe("Alibaba Cloud: ACK's node sizes", () => {
  test.each(enumValues(ComputeSize))("%s nodes have at least ACK's 4 vCPUs, the neutral size's vCPUs and memory, and room for Terway's pods", (size) => {
    // GIVEN the catalog's ACK node type of a neutral size
    const capacity = capacityOf(specifics.ackNodeSizes[size]);
    // THEN ACK takes it, it is at least the neutral size, and Terway's shared ENIs give it more than 11 pods
    expect(capacity.vcpus).toBeGreaterThanOrEqual(specifics.ackMinNodeVcpus);
    expect(capacity.vcpus).toBeGreaterThanOrEqual(COMPUTE_SIZE_CAPACITY[size].vcpus);
    expect(capacity.memoryGiB).toBeGreaterThanOrEqual(COMPUTE_SIZE_CAPACITY[size].memoryGiB);
    expect((capacity.enis - 1) * capacity.privateIpsPerEni).toBeGreaterThan(11);
  });

  test("ACK's minimum is 4 vCPUs, and the VMs' table has types below it: the reason nodes have a table of their own", () => {
    expect(specifics.ackMinNodeVcpus).toBe(4);
    expect(ALICLOUD_CATALOG.computeSizes[ComputeSize.MEDIUM]).toBe("ecs.c7.large");
    expect(specifics.ackNodeSizes).toEqual({ SMALL: "ecs.c7.xlarge", MEDIUM: "ecs.c7.xlarge", LARGE: "ecs.g7.xlarge", XLARGE: "ecs.g7.2xlarge" });
  });

  test("every type of the ACK tables is spelled as the catalog's instance types are, and its capacity is known", () => {
    const types = [...Object.values(specifics.ackNodeSizes), ...specifics.ackSystemNodePool.instanceTypes];
    for (const instanceType of types) {
      expect(instanceType).toMatch(new RegExp(`^(?:${ALICLOUD_CATALOG.catalogRules.instanceTypePattern})$`));
      expect(capacityOf(instanceType).vcpus).toBeGreaterThanOrEqual(specifics.ackMinNodeVcpus);
    }
  });

  test("a larger size never gets a smaller node", () => {
    const sizes = enumValues(ComputeSize).map((size) => capacityOf(specifics.ackNodeSizes[size]));
    sizes.slice(1).forEach((capacity, i) => {
      expect(capacity.vcpus).toBeGreaterThanOrEqual(sizes[i].vcpus);
      expect(capacity.memoryGiB).toBeGreaterThanOrEqual(sizes[i].memoryGiB);
    });
  });

  test.each(enumValues(ComputeSize))("every node pool of a %s cluster has only instance types of 4 vCPUs or more", (size) => {
    // GIVEN a cluster of the size WHEN it is synthesized
    const { json } = clusterOf(size);
    // THEN both node pools (workloads and system) use types the catalog knows to have at least 4 vCPUs
    expect(resources(json, "alicloud_cs_kubernetes_node_pool")).toHaveLength(2);
    for (const instanceType of nodePoolTypes(json)) expect({ instanceType, vcpus: capacityOf(instanceType).vcpus >= specifics.ackMinNodeVcpus }).toEqual({ instanceType, vcpus: true });
    expect(workloadPool(json).map((pool) => pool.instance_types)).toEqual([[specifics.ackNodeSizes[size]]]);
  });

  test("the example's LARGE nodes are ecs.g7.xlarge, in the pool of the same construct ID, while its VMs keep their own type", () => {
    const json = synthBookstore(alicloud()).json;
    expect(resourceAt(json, "alicloud_cs_kubernetes_node_pool", "Kubernetes/NodePool").instance_types).toEqual(["ecs.g7.xlarge"]);
    for (const instanceType of nodePoolTypes(json)) expect(capacityOf(instanceType).vcpus).toBeGreaterThanOrEqual(4);
    expect((resources(json, "alicloud_ess_scaling_configuration") as any[]).map((c) => c.instance_type)).toEqual([ALICLOUD_CATALOG.computeSizes[ComputeSize.MEDIUM]]);
  });

  test("an override of computeSizes sizes the VMs only, and synth says so for the cluster's node size", () => {
    // GIVEN MEDIUM overridden to a larger VM type
    const { cluster, json } = clusterOf(ComputeSize.MEDIUM, alicloud({ computeSizes: { MEDIUM: "ecs.c7.2xlarge" } }));
    // THEN the nodes keep the ACK table's type, and a warning on the cluster names both
    expect(workloadPool(json).map((pool) => pool.instance_types)).toEqual([["ecs.c7.xlarge"]]);
    const warnings = cluster.node.metadata.filter((entry) => entry.type === "@cdktf/warn").map((entry) => String(entry.data));
    expect(warnings).toEqual([expect.stringContaining("catalogOverrides.computeSizes.MEDIUM (ecs.c7.2xlarge) sizes the VMs only on alicloud; ACK's workload nodes of MEDIUM are ecs.c7.xlarge")]);
  });

  test("no warning without an override", () => {
    const { cluster } = clusterOf(ComputeSize.LARGE);
    expect(cluster.node.metadata.filter((entry) => entry.type === "@cdktf/warn")).toEqual([]);
  });

  test("two sizes of one VM type (by override): the size the type is shipped for wins", () => {
    // GIVEN LARGE's VMs overridden to MEDIUM's shipped type WHEN a MEDIUM cluster is built
    const { cluster, json } = clusterOf(ComputeSize.MEDIUM, alicloud({ computeSizes: { LARGE: "ecs.c7.large" } }));
    // THEN its nodes are MEDIUM's, and nothing is warned of: MEDIUM's VM type is the shipped one
    expect(workloadPool(json).map((pool) => pool.instance_types)).toEqual([[specifics.ackNodeSizes[ComputeSize.MEDIUM]]]);
    expect(cluster.node.metadata.filter((entry) => entry.type === "@cdktf/warn")).toEqual([]);
  });

  test("two overridden sizes of one VM type give the larger size's node", () => {
    const { stack } = newStack();
    const catalog = alicloud({ computeSizes: { SMALL: "ecs.g8i.large", MEDIUM: "ecs.g8i.large" } }).catalog;
    expect(ackNodeInstanceType(stack, catalog, "ecs.g8i.large")).toBe(specifics.ackNodeSizes[ComputeSize.MEDIUM]);
  });

  test("fails when the VM type is of no neutral size (a spec built around the neutral cluster)", () => {
    const { stack } = newStack();
    expectValidationError(() => ackNodeInstanceType(stack, ALICLOUD_CATALOG, "ecs.r7.large"), { constructPath: "test", field: "nodeSize", value: "ecs.r7.large" });
  });
});
