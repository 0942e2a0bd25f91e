import fc from "fast-check";
import { Cache, ComputeGroup, Database, INetworkPeer, KubernetesCluster, KubernetesClusterSpec, Network, ValidationError } from "../../lib";
import { AWS_POLICY_PACK } from "../../lib/policy/packs/aws";
import { Compliance } from "../../lib/policy/rule";
import { stackView } from "../../lib/policy/stack-view";
import { FakeCloud } from "../support/fake-cloud";
import { propertyRuns } from "../support/property-budget";
import { publicIpv4Blocks } from "../support/public-blocks";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";

// Public address allowlists in the props are judged as the policy packs judge them
// (lib/core/address-coverage.ts): by the public addresses they cover, not by how they are
// written. What a cluster accepts, the EKS rule accepts (issue #24).

/** The five largest public blocks: each public and apart from the others, together most of IPv4. */
const FIVE_LARGEST = publicIpv4Blocks().slice(0, 5);

function cluster(cloud: FakeCloud, publicApiAllowedCidrs: string[]): KubernetesCluster {
  const { stack } = newStack();
  return new KubernetesCluster(stack, "K8s", { cloud, network: new Network(stack, "Net", { cloud }), publicApiAllowedCidrs });
}

/** The EKS rule's answer for an endpoint public to `cidrs`. */
function eksRuleAnswer(cidrs: string[]): Compliance {
  const rule = AWS_POLICY_PACK.rules.find((r) => r.id === "BKS-AWS-EKS-ENDPOINT")!;
  const view = stackView({ resource: { aws_eks_cluster: { subject: { vpc_config: [{ endpoint_public_access: true, public_access_cidrs: cidrs }] } } } });
  return rule.check(view.resources[0], view);
}

describe("KubernetesCluster publicApiAllowedCidrs", () => {
  test.each<[string, string[]]>([
    ["two /8s", ["1.0.0.0/8", "2.0.0.0/8"]],
    ["the five largest public blocks (most of IPv4, none touching a private range)", FIVE_LARGEST],
    ["a /7", ["2.0.0.0/7"]],
  ])("fails when the public blocks add up to more than one /8: %s", (_what, cidrs) => {
    const cloud = new FakeCloud();
    expectValidationError(() => cluster(cloud, cidrs), { constructPath: "test/K8s", field: "publicApiAllowedCidrs", value: cidrs });
    expect(cloud.calls.filter((call) => call.capability === "kubernetesCluster")).toHaveLength(0);
  });

  test.each<[string, string[]]>([
    ["one /8", ["1.0.0.0/8"]],
    ["one /8 in two halves", ["1.0.0.0/9", "1.128.0.0/9"]],
    ["an office and a CI runner", ["203.0.113.0/24", "198.51.100.7/32"]],
  ])("accepts %s and hands it to the adapter", (_what, cidrs) => {
    const cloud = new FakeCloud();
    cluster(cloud, cidrs);
    expect(cloud.specOf<KubernetesClusterSpec>("kubernetesCluster").publicApiAllowedCidrs).toEqual(cidrs);
  });

  test("the message says how much the blocks cover and how much is allowed", () => {
    expect(() => cluster(new FakeCloud(), ["1.0.0.0/8", "2.0.0.0/8"])).toThrow(/at most 16,777,216 addresses in all .*these cover 33,554,432/);
  });

  test("accepts a list exactly when the EKS policy rule does (property)", () => {
    // Subsets of the public space's 73 blocks (/3s down to a /24, each public, none
    // overlapping another), so only what they cover in all can refuse them: some pass, some do not.
    const blocks = publicIpv4Blocks();
    fc.assert(
      fc.property(fc.subarray(blocks, { minLength: 1, maxLength: 5 }), (cidrs) => {
        let accepted = true;
        try {
          cluster(new FakeCloud(), cidrs);
        } catch (error) {
          expect((error as ValidationError).field).toBe("publicApiAllowedCidrs");
          accepted = false;
        }
        expect(accepted).toBe(eksRuleAnswer(cidrs) === Compliance.COMPLIANT);
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});

describe("a peer's source ranges", () => {
  /** A compute group whose connections claim to come from `sourceCidrs` too. */
  function peerFrom(cloud: FakeCloud, stack: ReturnType<typeof newStack>["stack"], network: Network, sourceCidrs: string[]): INetworkPeer {
    const web = new ComputeGroup(stack, "Web", { cloud, network, image: "registry.example.com/bookstore:1.4.2" });
    return Object.assign(Object.create(web) as INetworkPeer, { sourceCidrs });
  }

  test.each<[string, string[]]>([
    ["the internet's two halves", ["0.0.0.0/1", "128.0.0.0/1"]],
    ["the five largest public blocks", FIVE_LARGEST],
  ])("fail a database's and a cache's allowConnectionsFrom when they cover %s", (_what, sourceCidrs) => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    const peer = peerFrom(cloud, stack, network, sourceCidrs);
    const database = new Database(stack, "Db", { cloud, network });
    const cache = new Cache(stack, "Cache", { cloud, network });
    expectValidationError(() => database.allowConnectionsFrom(peer), { constructPath: "test/Db", field: "peer.sourceCidrs", value: sourceCidrs });
    expectValidationError(() => cache.allowConnectionsFrom(peer), { constructPath: "test/Cache", field: "peer.sourceCidrs", value: sourceCidrs });
    expect(cloud.calls.filter((call) => call.capability === "allowConnectionsFrom")).toHaveLength(0);
  });

  test("a pod range and carrier-grade NAT pass", () => {
    const cloud = new FakeCloud();
    const { stack } = newStack();
    const network = new Network(stack, "Net", { cloud });
    const peer = peerFrom(cloud, stack, network, ["172.20.0.0/16", "100.64.0.0/10"]);
    new Database(stack, "Db", { cloud, network }).allowConnectionsFrom(peer);
    expect(cloud.calls.filter((call) => call.capability === "allowConnectionsFrom")).toHaveLength(1);
  });
});
