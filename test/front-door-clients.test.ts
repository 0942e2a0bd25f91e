import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { BookstoreStacks, checkStack, Cloud, ICloud, LoadBalancerClients } from "../lib";
import { serverGroupTargetOf } from "../lib/alicloud/load-balancer";
import { SlbListener } from "../lib/generated/alicloud/slb-listener";
import { SecurityGroupRule } from "../lib/generated/tencentcloud/security-group-rule";
import { exampleProps } from "../examples/bookstore-app";
import { synthBookstore, TEST_CLOUDS } from "./support/bookstore";
import { resources, TerraformJson } from "./support/synth";

// Issue #24, "one way in": who each cloud's load balancer admits, read from the synthesized
// infrastructure stack, by port. By default: on AWS only CloudFront's VPC-origin security
// group (the ALB is internal); on Alibaba Cloud and Tencent Cloud anyone, which the README's
// "One front door" lists as what is left. With `loadBalancer.clients` naming ranges (the
// CDN's origin-pull ranges for the domain, say): exactly those, on every listener's port.

type Block = Record<string, any>;
/** Port → the sources admitted on it, sorted. */
type Admitted = Record<string, string[]>;

const ANYWHERE = "0.0.0.0/0";
const LOAD_BALANCER_GROUP = "Bookstore_LoadBalancer_SecurityGroup";

function byPort(entries: [string, string][]): Admitted {
  const admitted: Admitted = {};
  for (const [port, source] of entries) (admitted[port] ??= []).push(source);
  for (const sources of Object.values(admitted)) sources.sort();
  return admitted;
}

/** Each cloud's reading of its load balancer's admitted sources: the security group's ingress rules, or the CLB listeners' access lists. */
const ADMITTED: Readonly<Record<string, (json: TerraformJson) => Admitted>> = {
  aws: (json) =>
    byPort(
      (resources(json, "aws_vpc_security_group_ingress_rule") as Block[])
        .filter((rule) => String(rule.security_group_id).includes(LOAD_BALANCER_GROUP))
        .map((rule) => [String(rule.from_port), rule.cidr_ipv4 ?? rule.cidr_ipv6 ?? rule.prefix_list_id ?? rule.referenced_security_group_id]),
    ),
  alicloud: (json) => {
    const entries = resources(json, "alicloud_slb_acl_entry_attachment") as Block[];
    return byPort(
      (resources(json, "alicloud_slb_listener") as Block[]).flatMap((listener): [string, string][] => {
        const port = String(listener.frontend_port);
        // A listener without a whitelist (or with an empty one) forwards every address.
        if (listener.acl_status !== "on" || listener.acl_type !== "white") return [[port, ANYWHERE]];
        const listed = entries.filter((entry) => (listener.acl_ids as string[]).includes(entry.acl_id));
        return listed.length === 0 ? [[port, ANYWHERE]] : listed.map((entry) => [port, entry.entry]);
      }),
    );
  },
  tencentcloud: (json) =>
    byPort(
      (resources(json, "tencentcloud_security_group_rule") as Block[])
        .filter((rule) => rule.type === "ingress" && String(rule.security_group_id).includes(LOAD_BALANCER_GROUP))
        .map((rule) => [String(rule.port_range), rule.cidr_ip]),
    ),
};

/** What the example admits by default, per cloud. */
const DEFAULT_ADMITTED: Readonly<Record<string, Admitted>> = {
  aws: { "443": ["${data.aws_security_group.Bookstore_LoadBalancer_CdnVpcOriginSecurityGroup_7C50D0DE.id}"] },
  // No origin-pull list to hold: the listeners (HTTPS, and HTTP redirecting for the VMs) take everyone.
  alicloud: { "443": [ANYWHERE], "80": [ANYWHERE] },
  // The example runs on pods only: TKE's HTTPS listener, no HTTP one.
  tencentcloud: { "443": [ANYWHERE] },
};

const RANGES = ["203.0.113.0/24", "198.51.100.0/24"];
const withRanges = (cloud: ICloud) => ({ loadBalancer: { ...exampleProps(cloud).loadBalancer, clients: LoadBalancerClients.addressRanges(RANGES) } });

test("every implemented cloud has its reading of the admitted sources and its default here", () => {
  expect(Object.keys(ADMITTED).sort()).toEqual([...Cloud.implemented].sort());
  expect(Object.keys(DEFAULT_ADMITTED).sort()).toEqual([...Cloud.implemented].sort());
});

describe.each(TEST_CLOUDS)("$name: one way in", ({ name, make }) => {
  test("by default, the load balancer admits exactly the documented sources", () => {
    const { json } = synthBookstore(make());
    expect(ADMITTED[name](json)).toEqual(DEFAULT_ADMITTED[name]);
  });

  test("with loadBalancer.clients naming ranges, every port admits exactly those ranges and nothing else", () => {
    const cloud = make();
    const { json } = synthBookstore(cloud, withRanges(cloud));
    const admitted = ADMITTED[name](json);
    expect(Object.keys(admitted)).toContain("443");
    for (const [port, sources] of Object.entries(admitted)) expect({ port, sources }).toEqual({ port, sources: [...RANGES].sort() });
  });
});

describe("AWS: the ALB is internal and CloudFront's VPC origin is the way in", () => {
  test("with named ranges instead, the ALB is internet-facing, has no VPC origin, and the CDN reaches it as a custom origin", () => {
    const cloud = Cloud.aws({ region: "eu-central-1" });
    const { json } = synthBookstore(cloud, withRanges(cloud));
    expect((resources(json, "aws_lb")[0] as Block).internal).toBe(false);
    expect(resources(json, "aws_cloudfront_vpc_origin")).toEqual([]);
    const origin = (resources(json, "aws_cloudfront_distribution")[0] as Block).origin[0];
    expect(origin.custom_origin_config).toEqual(expect.objectContaining({ origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"] }));
  });
});

/** A user's hand-written way around the front door, planted in the infrastructure stack next to the bookstore. */
const BYPASSES: Readonly<Record<string, { rule: string; clients?: LoadBalancerClients; plant: (stack: TerraformStack, stacks: BookstoreStacks) => Construct }>> = {
  aws: {
    rule: "BKS-AWS-SG-PUBLIC-INGRESS",
    plant: (stack, stacks) =>
      new VpcSecurityGroupIngressRule(stack, "ShortcutToLoadBalancer", {
        securityGroupId: stacks.bookstore.loadBalancer.securityGroupId!,
        description: "HTTPS from anywhere",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: ANYWHERE,
      }),
  },
  alicloud: {
    rule: "BKS-ALI-SLB-LISTENER-ACL",
    clients: LoadBalancerClients.addressRanges(RANGES),
    plant: (stack, stacks) =>
      new SlbListener(stack, "ShortcutToLoadBalancer", {
        loadBalancerId: serverGroupTargetOf(stack, "loadBalancer", stacks.bookstore.loadBalancer).loadBalancerId,
        protocol: "https",
        frontendPort: 8443,
        bandwidth: -1,
        serverCertificateId: "cert-planted",
      }),
  },
  tencentcloud: {
    rule: "BKS-TC-SG-PUBLIC-INGRESS",
    plant: (stack, stacks) =>
      new SecurityGroupRule(stack, "ShortcutToLoadBalancer", {
        securityGroupId: stacks.bookstore.loadBalancer.securityGroupId!,
        type: "ingress",
        cidrIp: ANYWHERE,
        ipProtocol: "TCP",
        portRange: "443",
        policy: "ACCEPT",
        description: "HTTPS from anywhere",
      }),
  },
};

describe.each(TEST_CLOUDS)("$name: a planted way around the front door", ({ name, make }) => {
  test("is reported by the cloud's policy pack, naming the planted resource's address", () => {
    // GIVEN the example bookstore (with its own client list where the bypass goes around one)
    const cloud = make();
    const bypass = BYPASSES[name];
    const props = exampleProps(cloud);
    const stacks = new BookstoreStacks(Testing.app(), cloud, {
      ...props,
      policyChecks: false,
      ...(bypass.clients ? { loadBalancer: { ...props.loadBalancer, clients: bypass.clients } } : {}),
    });
    // WHEN the user adds a hand-written block that opens the load balancer
    const planted = bypass.plant(stacks.infrastructure, stacks);
    // THEN the pack reports it by its Terraform address, and nothing of the bookstore's own
    const report = checkStack(stacks.infrastructure, Cloud.registrationNamed(name).policyPacks);
    const flagged = report.findings.filter((f) => f.rule.id === bypass.rule).map((f) => f.resource.address);
    expect(flagged).toEqual([expect.stringMatching(new RegExp(`\\.${planted.node.id}(_[0-9A-F]{8})?$`))]);
  });
});

test("every implemented cloud has its planted bypass here", () => {
  expect(Object.keys(BYPASSES).sort()).toEqual([...Cloud.implemented].sort());
});
