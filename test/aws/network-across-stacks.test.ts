import { Testing, TerraformStack } from "cdktf";
import { Cloud, ComputeGroup, LoadBalancer, LoadBalancerClients, Network, WebRuntime } from "../../lib";
import { TerraformJson } from "../support/synth";

// A network built in one stack and used by a load balancer and VMs in another: the web stack's
// depends_on may name only its own resources (cdktf does not carry depends_on across stacks,
// and Terraform refuses a reference to an undeclared resource).

/** Every depends_on entry of the stack's resources and data sources. */
function dependsOn(json: TerraformJson): string[] {
  const blocks = [...Object.values(json.resource ?? {}), ...Object.values((json.data ?? {}) as Record<string, Record<string, any>>)];
  return blocks.flatMap((byName) => Object.values(byName as Record<string, any>).flatMap((block) => (block.depends_on ?? []) as string[]));
}

/** The addresses a stack declares: `type.name` and `data.type.name`. */
function declared(json: TerraformJson): Set<string> {
  const resources = Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((name) => `${type}.${name}`));
  const data = Object.entries((json.data ?? {}) as Record<string, object>).flatMap(([type, byName]) => Object.keys(byName).map((name) => `data.${type}.${name}`));
  return new Set([...resources, ...data]);
}

test("AWS: a load balancer and VMs in another stack than their network wait only for resources of their own stack", () => {
  // GIVEN the network in one stack, and a CDN-only load balancer with VMs behind it in another
  const app = Testing.app();
  const cloud = Cloud.aws({ region: "eu-central-1" });
  const network = new Network(new TerraformStack(app, "net"), "Net", { cloud });
  const web = new TerraformStack(app, "web");
  const loadBalancer = new LoadBalancer(web, "Lb", { cloud, network, domain: "shop.example.com", clients: LoadBalancerClients.cdnEdgesOnly(), runtime: WebRuntime.vms() });
  new ComputeGroup(web, "Web", { cloud, network, image: "registry.example.com/bookstore:1.4.2", loadBalancer });
  // WHEN the web stack is synthesized
  const json = JSON.parse(Testing.synth(web, true)) as TerraformJson;
  // THEN the VPC origin and the group exist, and every depends_on names a block of that stack
  expect(Object.keys(json.resource?.aws_cloudfront_vpc_origin ?? {})).toHaveLength(1);
  expect(Object.keys(json.resource?.aws_autoscaling_group ?? {})).toHaveLength(1);
  const own = declared(json);
  expect(dependsOn(json).filter((address) => !own.has(address))).toEqual([]);
});
