import { Cloud, WebRuntime } from "../../lib";
import { bookstoreProps, synthBookstore } from "../support/bookstore";
import { onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";

const alicloud = () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" });
const CCM = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-";
const onRuntime = (runtime: WebRuntime) => synthBookstore(alicloud(), { web: { ...bookstoreProps(alicloud()).web, runtime } });
const addresses = (json: TerraformJson, type: string) => Object.keys(json.resource?.[type] ?? {}).sort();
const clusterRules = (json: TerraformJson) =>
  (resources(json, "alicloud_security_group_rule") as any[]).filter((r) => String(r.security_group_id).includes("alicloud_cs_managed_kubernetes."));

describe("Alibaba Cloud: one front door for VMs and pods", () => {
  describe("the example, 90% on VMs and 10% on pods", () => {
    let json: TerraformJson;
    let workloads: TerraformJson;
    beforeAll(() => {
      // GIVEN the example bookstore (WebRuntime.weighted 90/10) WHEN synthesized for Alibaba Cloud
      ({ json, workloads } = synthBookstore(alicloud()) as { json: TerraformJson; workloads: TerraformJson });
    });

    test("has one internet-facing CLB and one vServer group, which the HTTPS listener forwards to", () => {
      expect(onlyResource(json, "alicloud_slb_load_balancer").address_type).toBe("internet");
      const [group] = addresses(json, "alicloud_slb_server_group");
      expect(addresses(json, "alicloud_slb_server_group")).toHaveLength(1);
      const https = (resources(json, "alicloud_slb_listener") as any[]).find((l) => l.protocol === "https");
      expect(https.server_group_id).toBe(`\${alicloud_slb_server_group.${group}.id}`);
    });

    test("registers the pods into that CLB's vServer group through a LoadBalancer Service that names both", () => {
      const service = onlyResource(workloads, "kubernetes_service_v1");
      expect(service.spec.type).toBe("LoadBalancer");
      const annotations = service.metadata.annotations;
      // The IDs come from the infrastructure stack's CLB and vServer group, through its outputs.
      expect(annotations[`${CCM}id`]).toMatch(/terraform_remote_state\..*cross-stack-output-alicloud_slb_load_balancerBookstore_LoadBalancer_\w+id\}$/);
      expect(annotations[`${CCM}vgroup-port`]).toMatch(/cross-stack-output-alicloud_slb_server_groupBookstore_LoadBalancer_ServerGroup_\w+id\}:80$/);
      expect(service.spec.port).toEqual([expect.objectContaining({ port: 80, target_port: "8080" })]);
      expect(annotations[`${CCM}force-override-listeners`]).toBe("false");
      expect(annotations["service.beta.kubernetes.io/backend-type"]).toBe("eni");
    });

    test("splits by weight: the pods together weigh 10, each of the two VMs 45", () => {
      expect(onlyResource(workloads, "kubernetes_service_v1").metadata.annotations[`${CCM}weight`]).toBe("10");
      const attachment = onlyResource(json, "alicloud_ess_scalinggroup_vserver_groups");
      expect(attachment.vserver_groups[0].vserver_attributes[0].weight).toBe(45);
    });

    test("creates no second load balancer: no Ingress, no Service without the existing CLB's ID", () => {
      expect(resources(workloads, "kubernetes_ingress_v1")).toEqual([]);
      for (const service of resources(workloads, "kubernetes_service_v1") as any[]) {
        if (service.spec.type === "LoadBalancer") expect(service.metadata.annotations[`${CCM}id`]).toEqual(expect.stringContaining("alicloud_slb_load_balancer"));
      }
      expect(Object.keys(json.resource ?? {}).filter((type) => /^alicloud_(alb|nlb)_/.test(type))).toEqual([]);
    });

    test("admits the CLB's source range on the pods' port only, on the cluster's security group and in the NetworkPolicy", () => {
      expect(clusterRules(json).filter((r) => r.cidr_ip === "100.64.0.0/10")).toEqual([
        expect.objectContaining({ type: "ingress", ip_protocol: "tcp", port_range: "8080/8080", policy: "accept" }),
      ]);
      const ingress = resourceAt(workloads, "kubernetes_network_policy_v1", "NetworkPolicy").spec.ingress;
      expect(ingress).toEqual([{ from: [{ ip_block: { cidr: "100.64.0.0/10" } }], ports: [{ port: "8080", protocol: "TCP" }] }]);
    });
  });

  test.each([
    ["VMs", WebRuntime.vms()],
    ["the cluster", WebRuntime.kubernetes()],
    ["both, half and half", WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 })],
  ])("keeps the load balancer's and the database's Terraform addresses when the web tier runs on %s", (_what, runtime) => {
    // GIVEN the example (90/10) and the same shop on another runtime
    const example = synthBookstore(alicloud()).json;
    const { json } = onRuntime(runtime);
    // THEN the CLB, its listeners, certificate and vServer group, and the database are the same blocks
    for (const type of ["alicloud_slb_load_balancer", "alicloud_slb_listener", "alicloud_slb_server_certificate", "alicloud_slb_server_group", "alicloud_db_instance", "alicloud_kms_secret", "alicloud_rds_account"]) {
      expect({ type, addresses: addresses(json, type) }).toEqual({ type, addresses: addresses(example, type) });
    }
  });

  test("on VMs alone: no pod binding, the pods' Service stays inside the cluster, and each VM weighs 100", () => {
    const { json, workloads } = onRuntime(WebRuntime.vms());
    expect(onlyResource(json, "alicloud_ess_scalinggroup_vserver_groups").vserver_groups[0].vserver_attributes[0].weight).toBe(100);
    const service = onlyResource(workloads!, "kubernetes_service_v1");
    expect(service.spec.type).toBe("ClusterIP");
    expect(service.metadata.annotations ?? {}).toEqual({});
    expect(clusterRules(json).filter((r) => r.cidr_ip === "100.64.0.0/10")).toEqual([]);
    expect(resourceAt(workloads!, "kubernetes_network_policy_v1", "NetworkPolicy").spec.ingress ?? []).toEqual([]);
  });

  test("on the cluster alone: no VMs, and the pods hold the vServer group's whole weight", () => {
    const { json, workloads } = onRuntime(WebRuntime.kubernetes());
    for (const type of ["alicloud_ess_scaling_group", "alicloud_ess_scaling_configuration", "alicloud_ess_scalinggroup_vserver_groups"]) expect(resources(json, type)).toEqual([]);
    expect(addresses(json, "alicloud_slb_server_group")).toHaveLength(1);
    expect(onlyResource(workloads!, "kubernetes_service_v1").metadata.annotations[`${CCM}weight`]).toBe("100");
  });
});
