import { AWS_CATALOG, Cloud, KubernetesCluster, Network } from "../../lib";
import { resources, newStack, synthJson } from "../support/synth";

// The interface VPC endpoints the pods reach AWS services through: one set per network,
// whatever the number of clusters on it, and only this account's resources through them.

const ADMIN = AWS_CATALOG.limits.clusterAdministrator.example;

describe("the pods' service endpoints on AWS", () => {
  test("two clusters with workload identity on one network share one set (a second private-DNS endpoint would claim the same name)", () => {
    // GIVEN two clusters on one network, the second with an identity the first lacks (none needs a bucket here)
    const { stack } = newStack();
    const cloud = Cloud.aws({ region: "eu-central-1" });
    const network = new Network(stack, "Network", { cloud, cidr: "10.20.0.0/16", zones: 2 });
    const identity = (namespace: string) => ({ namespace, serviceAccountName: "app" });
    new KubernetesCluster(stack, "Shop", { cloud, network, administrators: [ADMIN], workloadIdentity: identity("shop") });
    new KubernetesCluster(stack, "Jobs", { cloud, network, administrators: [ADMIN], workloadIdentity: identity("jobs") });
    // THEN one Secrets Manager endpoint and one security group for them
    const json = synthJson(stack);
    expect(resources(json, "aws_vpc_endpoint").map((endpoint: any) => endpoint.service_name)).toEqual(["com.amazonaws.eu-central-1.secretsmanager"]);
    expect(resources(json, "aws_security_group").filter((group: any) => String(group.name_prefix).includes("service-endpoints"))).toHaveLength(1);
  });

  test("admit only this account's resources, whoever's credentials a client holds", () => {
    const { stack } = newStack();
    const cloud = Cloud.aws({ region: "eu-central-1" });
    const network = new Network(stack, "Network", { cloud, cidr: "10.20.0.0/16", zones: 2 });
    new KubernetesCluster(stack, "Shop", { cloud, network, administrators: [ADMIN], workloadIdentity: { namespace: "shop", serviceAccountName: "app" } });
    const [endpoint] = resources(synthJson(stack), "aws_vpc_endpoint") as any[];
    expect(endpoint.policy).toMatch(/"Condition" = \{"StringEquals" = \{"aws:ResourceAccount" = data\.aws_caller_identity\.\S+\.account_id\}\}/);
  });
});
