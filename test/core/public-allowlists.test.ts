import fc from "fast-check";
import { TerraformStack } from "cdktf";
import { Cache, ComputeGroup, Database, formatCidr, ICloud, INetworkPeer, KubernetesCluster, KubernetesClusterSpec, LoadBalancer, LoadBalancerClients, LoadBalancerSpec, Network, ValidationError } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { TEST_CLOUDS } from "../support/bookstore";
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
// written. What a cluster accepts, the EKS rule accepts (issue #24); a load balancer's
// client ranges are held to the same measure on every cloud.

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

describe("LoadBalancer clients.addressRanges", () => {
  /** A bare load balancer of `cloud` admitting `clients`; a real cloud that issues no certificate gets the example's. */
  function loadBalancer(cloud: ICloud, clients: LoadBalancerClients, stack: TerraformStack = newStack().stack): LoadBalancer {
    const network = new Network(stack, "Net", { cloud });
    const certificate = cloud instanceof FakeCloud ? undefined : exampleProps(cloud).certificate;
    return new LoadBalancer(stack, "Lb", { cloud, network, domain: "shop.example.com", certificate, clients });
  }
  const ranges = (cidrs: string[]) => LoadBalancerClients.addressRanges(cidrs);
  /** Thirty public /8s, 32.0.0.0/8 to 61.0.0.0/8: each its own rule, none wider than a /8, together thirty of them (AWS takes 30 ranges). */
  const THIRTY_SLASH_8S = Array.from({ length: 30 }, (_, i) => `${32 + i}.0.0.0/8`);

  describe.each(TEST_CLOUDS)("on $name", ({ make }) => {
    test.each<[string, (max: number) => string[]]>([
      ["two /8s", () => ["1.0.0.0/8", "2.0.0.0/8"]],
      ["a /7", () => ["2.0.0.0/7"]],
      ["a /8 and one more address", () => ["11.0.0.0/8", "203.0.113.7/32"]],
      ["thirty public /8s, none of them more than a /8 alone", () => THIRTY_SLASH_8S],
      ["the largest public blocks, as many as the cloud takes (most of IPv4, none touching a private range)", (max) => publicIpv4Blocks().slice(0, max)],
    ])("fails when the ranges add up to more than one /8: %s", (_what, cidrsFor) => {
      const cloud = make();
      const cidrs = cidrsFor(cloud.catalog.limits.maxLoadBalancerClientCidrs);
      expectValidationError(() => loadBalancer(cloud, ranges(cidrs)), { constructPath: "test/Lb", field: "clients.addressRanges", value: cidrs });
    });

    test.each<[string, string[]]>([
      ["one /8", ["11.0.0.0/8"]],
      ["one /8 in two halves", ["11.0.0.0/9", "11.128.0.0/9"]],
      ["a CDN's origin-pull ranges", ["203.0.113.0/24", "198.51.100.0/25"]],
    ])("accepts %s", (_what, cidrs) => {
      expect(() => loadBalancer(make(), ranges(cidrs))).not.toThrow();
    });

    test("anyone is still LoadBalancerClients.anywhere(), and 0.0.0.0/0 in a list says so", () => {
      expect(() => loadBalancer(make(), LoadBalancerClients.anywhere())).not.toThrow();
      expectValidationError(() => loadBalancer(make(), ranges(["0.0.0.0/0"])), { constructPath: "test/Lb", field: "clients.addressRanges[0]", value: "0.0.0.0/0" });
      expect(() => loadBalancer(make(), ranges(["0.0.0.0/0"]))).toThrow(/to admit anyone: LoadBalancerClients\.anywhere\(\)/);
    });
  });

  test("the message says how much the ranges cover, how much is allowed and how to admit anyone", () => {
    expect(() => loadBalancer(new FakeCloud(), ranges(["1.0.0.0/8", "2.0.0.0/8"]))).toThrow(
      /at most 16,777,216 addresses in all .*these cover 33,554,432; to admit anyone: LoadBalancerClients\.anywhere\(\)$/,
    );
  });

  test("the adapter is never asked for a load balancer that would admit the internet, and gets the ranges it may admit", () => {
    const refused = new FakeCloud();
    expect(() => loadBalancer(refused, ranges(["2.0.0.0/7"]))).toThrow(ValidationError);
    expect(refused.calls.filter((call) => call.capability === "loadBalancer")).toHaveLength(0);
    const accepted = new FakeCloud();
    loadBalancer(accepted, ranges(["11.0.0.0/9", "11.128.0.0/9"]));
    expect(accepted.specOf<LoadBalancerSpec>("loadBalancer").clientCidrs).toEqual(["11.0.0.0/9", "11.128.0.0/9"]);
  });

  test("refuses exactly the lists that cover more than one /8 of public IPv4, on every cloud (property)", () => {
    // Blocks from /7 to /24, each in its own /7 of 32.0.0.0/3 (public throughout), so they are
    // public and apart: only what they cover in all, summed here by their sizes, can refuse them.
    const SLOTS = 16;
    const block = fc.record({ prefixLength: fc.oneof(fc.integer({ min: 7, max: 10 }), fc.integer({ min: 7, max: 24 })), offset: fc.nat() });
    const list = fc.uniqueArray(fc.integer({ min: 0, max: SLOTS - 1 }), { minLength: 1, maxLength: 6 }).chain((slots) =>
      fc.tuple(...slots.map(() => block)).map((blocks) =>
        blocks.map(({ prefixLength, offset }, i) => {
          const size = 2 ** (32 - prefixLength);
          const network = 32 * 2 ** 24 + slots[i] * 2 ** 25 + (offset % 2 ** (prefixLength - 7)) * size;
          return { cidr: formatCidr({ network, prefixLength }), size };
        }),
      ),
    );
    const seen = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...TEST_CLOUDS), list, ({ make }, blocks) => {
        const cidrs = blocks.map((b) => b.cidr);
        const covered = blocks.reduce((sum, b) => sum + b.size, 0);
        let refusedWith: ValidationError | undefined;
        try {
          loadBalancer(make(), ranges(cidrs));
        } catch (error) {
          refusedWith = error as ValidationError;
        }
        if (covered > 2 ** 24) {
          expect(refusedWith).toBeInstanceOf(ValidationError);
          expect({ field: refusedWith?.field, value: refusedWith?.value }).toEqual({ field: "clients.addressRanges", value: cidrs });
          expect(refusedWith?.allowed).toContain(`these cover ${covered.toLocaleString("en-US")}`);
          seen.refused += 1;
        } else {
          expect(refusedWith).toBeUndefined();
          seen.accepted += 1;
        }
      }),
      { numRuns: propertyRuns(40) },
    );
    // Both sides of the line were drawn, so the property could have failed either way.
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.accepted).toBeGreaterThan(0);
  });
});
