import fc from "fast-check";
import { contains, formatCidr, isPrivate, overlaps, parseCidr, planSubnets, sizeOf } from "../../lib/core/cidr";

const cidrArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([address, prefixLength]) => {
    const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
    return { network: (address & mask) >>> 0, prefixLength };
  });

describe("parseCidr", () => {
  test.each(["10.0.0.0/16", "192.168.1.0/24", "0.0.0.0/0", "255.255.255.255/32"])("accepts %s", (text) => {
    expect(formatCidr(parseCidr(text)!)).toBe(text);
  });

  test.each(["10.0.0/16", "10.0.0.1/16", "10.0.0.0/33", "256.0.0.0/8", "010.0.0.0/8", "10.0.0.0", " 10.0.0.0/16", "a.b.c.d/8"])(
    "fails when given %s",
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  test("formatting then parsing gives the same block", () => {
    fc.assert(fc.property(cidrArbitrary, (cidr) => expect(parseCidr(formatCidr(cidr))).toEqual(cidr)));
  });
});

describe("planSubnets", () => {
  // 10.x.0.0 with a prefix from /16 to /24: no host bits are ever set.
  const privateNetworks = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }))
    .map(([second, prefixLength]) => ({ network: parseCidr(`10.${second}.0.0/16`)!.network, prefixLength }));

  test("gives every zone a private and a public subnet, inside the network, none overlapping", () => {
    fc.assert(
      fc.property(privateNetworks, fc.integer({ min: 2, max: 6 }), (network, zones) => {
        const plan = planSubnets(network, zones, 28);
        if (!plan) {
          // Refused only when the subnets would be smaller than /28.
          expect(network.prefixLength + 1 + Math.ceil(Math.log2(zones))).toBeGreaterThan(28);
          return;
        }
        const all = [...plan.privateSubnets, ...plan.publicSubnets].map((text) => parseCidr(text)!);
        expect(plan.privateSubnets).toHaveLength(zones);
        expect(plan.publicSubnets).toHaveLength(zones);
        for (const subnet of all) {
          expect(contains(network, subnet)).toBe(true);
          expect(isPrivate(subnet)).toBe(true);
          expect(subnet.prefixLength).toBe(plan.subnetPrefixLength);
        }
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i], all[j])).toBe(false);
        }
        // Private subnets take the lower half of the network, public ones the upper.
        const half = sizeOf(network) / 2;
        expect(all.slice(0, zones).every((s) => s.network - network.network < half)).toBe(true);
        expect(all.slice(zones).every((s) => s.network - network.network >= half)).toBe(true);
      }),
    );
  });

  test("splits a /16 over two zones into four /18s", () => {
    expect(planSubnets(parseCidr("10.20.0.0/16")!, 2, 28)).toEqual({
      privateSubnets: ["10.20.0.0/18", "10.20.64.0/18"],
      publicSubnets: ["10.20.128.0/18", "10.20.192.0/18"],
      subnetPrefixLength: 18,
    });
  });

  test("fails when subnets would be smaller than allowed", () => {
    expect(planSubnets(parseCidr("10.0.0.0/26")!, 3, 28)).toBeUndefined();
  });
});

describe("overlaps", () => {
  test("is symmetric and true for a block and itself", () => {
    fc.assert(
      fc.property(cidrArbitrary, cidrArbitrary, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        expect(overlaps(a, a)).toBe(true);
      }),
    );
  });
});
