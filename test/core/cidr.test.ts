import fc from "fast-check";
import {
  ANYWHERE_IPV4,
  contains,
  formatCidr,
  Ipv4Cidr,
  isPrivate,
  NON_PUBLIC_RANGES,
  nonPublicOverlap,
  overlaps,
  parseCidr,
  planSubnets,
  sizeOf,
  subdivide,
} from "../../lib/core/cidr";

const cidr = (text: string): Ipv4Cidr => parseCidr(text)!;

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

  test.each(["0.0.0.0/32", "1.2.3.4/32", "100.64.0.0/10", "10.0.0.0/8"])("accepts %s, whose octets have no leading zero", (text) => {
    expect(formatCidr(parseCidr(text)!)).toBe(text);
  });

  test("reads each octet into its own byte of the network address", () => {
    expect(parseCidr("1.2.3.4/32")).toEqual({ network: 0x01020304, prefixLength: 32 });
    expect(parseCidr("255.255.255.255/32")).toEqual({ network: 0xffffffff, prefixLength: 32 });
  });

  test.each([
    "10.0.0/16",
    "10..0.0/16",
    "10.0.0.0/",
    "10.0.0.1/16",
    "10.0.0.0/33",
    "0.0.0.0/33",
    "10.0.0.0/99",
    "256.0.0.0/8",
    "10.256.0.0/16",
    "010.0.0.0/8",
    "10.00.0.0/16",
    "10.0.0.0",
    " 10.0.0.0/16",
    "10.0.0.0/16 ",
    "1000.0.0.0/8",
    "10.0.0.0/100",
    "a.b.c.d/8",
    "0.0.0.1/0",
  ])(
    "fails when given %s",
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  test("formatting then parsing gives the same block", () => {
    fc.assert(fc.property(cidrArbitrary, (cidr) => expect(parseCidr(formatCidr(cidr))).toEqual(cidr)));
  });
});

describe("sizeOf", () => {
  test.each([
    ["0.0.0.0/0", 2 ** 32],
    ["10.0.0.0/8", 2 ** 24],
    ["10.0.0.0/24", 256],
    ["10.0.0.0/31", 2],
    ["10.0.0.1/32", 1],
  ])("%s holds %d addresses", (text, size) => {
    expect(sizeOf(cidr(text))).toBe(size);
  });
});

describe("contains and overlaps", () => {
  // [outer, inner, outer contains inner]
  test.each([
    ["10.0.0.0/16", "10.0.0.0/16", true],
    ["10.0.0.0/16", "10.0.255.0/24", true],
    ["10.0.0.0/16", "10.0.0.7/32", true],
    ["0.0.0.0/0", "203.0.113.0/24", true],
    ["0.0.0.0/0", "255.255.255.255/32", true],
    ["0.0.0.0/0", "0.0.0.0/0", true],
    ["10.0.0.0/24", "10.0.0.0/16", false],
    ["10.0.0.0/16", "10.1.0.0/16", false],
    ["10.0.0.0/16", "10.1.0.0/24", false],
    ["10.0.0.0/24", "0.0.0.0/0", false],
    ["192.168.0.0/16", "192.169.0.0/24", false],
  ])("contains(%s, %s) is %s", (outer, inner, expected) => {
    expect(contains(cidr(outer), cidr(inner))).toBe(expected);
  });

  // [a, b, they overlap]: nested either way round, equal, or disjoint.
  test.each([
    ["10.0.0.0/16", "10.0.128.0/17", true],
    ["10.0.128.0/17", "10.0.0.0/16", true],
    ["0.0.0.0/0", "10.0.0.0/8", true],
    ["10.0.0.0/8", "0.0.0.0/0", true],
    ["10.0.0.0/24", "10.0.0.0/24", true],
    ["10.0.0.0/24", "10.0.1.0/24", false],
    ["10.0.0.0/17", "10.0.128.0/17", false],
    ["10.0.0.0/16", "172.16.0.0/12", false],
  ])("overlaps(%s, %s) is %s", (a, b, expected) => {
    expect(overlaps(cidr(a), cidr(b))).toBe(expected);
  });
});

describe("isPrivate", () => {
  test.each(["10.0.0.0/8", "10.255.255.0/24", "172.16.0.0/12", "172.31.0.0/16", "192.168.0.0/16", "192.168.255.255/32"])("%s is private (RFC 1918)", (text) => {
    expect(isPrivate(cidr(text))).toBe(true);
  });

  test.each(["0.0.0.0/0", "10.0.0.0/7", "11.0.0.0/8", "172.15.0.0/16", "172.32.0.0/16", "172.0.0.0/11", "192.167.0.0/16", "192.169.0.0/16", "100.64.0.0/10"])(
    "%s is not private",
    (text) => {
      expect(isPrivate(cidr(text))).toBe(false);
    },
  );
});

describe("ANYWHERE_IPV4", () => {
  test("is every IPv4 address", () => {
    expect(ANYWHERE_IPV4).toBe("0.0.0.0/0");
    expect(parseCidr(ANYWHERE_IPV4)).toEqual({ network: 0, prefixLength: 0 });
  });
});

describe("nonPublicOverlap", () => {
  test("the non-public ranges are RFC 6890's special-purpose blocks, less the documentation ranges", () => {
    expect(NON_PUBLIC_RANGES.map(formatCidr)).toEqual([
      "0.0.0.0/8",
      "10.0.0.0/8",
      "100.64.0.0/10",
      "127.0.0.0/8",
      "169.254.0.0/16",
      "172.16.0.0/12",
      "192.0.0.0/24",
      "192.168.0.0/16",
      "198.18.0.0/15",
      "224.0.0.0/4",
      "240.0.0.0/4",
    ]);
  });

  // [block, the first non-public range it overlaps]
  test.each<[string, string]>([
    ["0.0.0.0/0", "0.0.0.0/8"],
    ["0.1.0.0/16", "0.0.0.0/8"],
    ["10.1.0.0/16", "10.0.0.0/8"],
    ["100.64.0.0/16", "100.64.0.0/10"],
    ["127.0.0.1/32", "127.0.0.0/8"],
    ["169.254.169.254/32", "169.254.0.0/16"],
    ["172.20.0.0/16", "172.16.0.0/12"],
    ["192.0.0.0/29", "192.0.0.0/24"],
    ["192.168.0.0/24", "192.168.0.0/16"],
    ["198.19.0.0/16", "198.18.0.0/15"],
    ["224.0.0.0/24", "224.0.0.0/4"],
    ["255.255.255.255/32", "240.0.0.0/4"],
    // A block that holds a non-public range overlaps it too.
    ["192.0.0.0/8", "192.0.0.0/24"],
  ])("%s overlaps %s", (text, range) => {
    const overlap = nonPublicOverlap(cidr(text));
    expect(overlap && formatCidr(overlap)).toBe(range);
  });

  test.each(["8.8.8.0/24", "1.0.0.0/8", "100.128.0.0/9", "172.32.0.0/16", "192.0.1.0/24", "198.20.0.0/16", "203.0.113.0/24", "223.255.255.0/24"])(
    "%s is all public",
    (text) => {
      expect(nonPublicOverlap(cidr(text))).toBeUndefined();
    },
  );
});

describe("subdivide", () => {
  test.each([
    ["10.0.0.0/16", 2, 0, "10.0.0.0/18"],
    ["10.0.0.0/16", 2, 3, "10.0.192.0/18"],
    ["10.0.0.0/16", 8, 255, "10.0.255.0/24"],
    ["10.0.0.0/24", 8, 0, "10.0.0.0/32"],
    ["10.0.0.0/24", 8, 255, "10.0.0.255/32"],
    ["0.0.0.0/0", 1, 1, "128.0.0.0/1"],
    ["10.0.0.0/16", 0, 0, "10.0.0.0/16"],
  ])("block of %s with %d more bits at index %d is %s", (parent, newBits, index, expected) => {
    expect(formatCidr(subdivide(cidr(parent), newBits, index))).toBe(expected);
  });

  test("matches Terraform's cidrsubnet for every block", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 24 }), fc.integer({ min: 0, max: 8 }), fc.nat(), (prefixLength, newBits, seed) => {
        const parent = { network: 0x0a000000, prefixLength };
        const index = seed % 2 ** newBits;
        const block = subdivide(parent, newBits, index);
        expect(block.prefixLength).toBe(prefixLength + newBits);
        expect(block.network - parent.network).toBe(index * sizeOf(block));
        expect(contains(parent, block)).toBe(true);
      }),
    );
  });

  // [parent, newBits, index, message]
  test.each([
    ["10.0.0.0/24", 2, -1, "cannot take block -1 of /26 inside /24"],
    ["10.0.0.0/24", 2, 4, "cannot take block 4 of /26 inside /24"],
    ["10.0.0.0/24", 0, 1, "cannot take block 1 of /24 inside /24"],
    ["10.0.0.0/24", 9, 0, "cannot take block 0 of /33 inside /24"],
    ["10.0.0.0/31", 2, 0, "cannot take block 0 of /33 inside /31"],
  ])("fails when taking from %s with %d more bits the block at index %d", (parent, newBits, index, message) => {
    expect(() => subdivide(cidr(parent), newBits, index)).toThrow(new RangeError(message));
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

  test("gives one zone the lower and the upper half", () => {
    expect(planSubnets(cidr("10.0.0.0/16"), 1, 28)).toEqual({
      privateSubnets: ["10.0.0.0/17"],
      publicSubnets: ["10.0.128.0/17"],
      subnetPrefixLength: 17,
    });
  });

  test("rounds three zones up to four blocks per half", () => {
    expect(planSubnets(cidr("10.0.0.0/16"), 3, 28)).toEqual({
      privateSubnets: ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"],
      publicSubnets: ["10.0.128.0/19", "10.0.160.0/19", "10.0.192.0/19"],
      subnetPrefixLength: 19,
    });
  });

  test("accepts subnets exactly as small as allowed", () => {
    expect(planSubnets(cidr("10.0.0.0/26"), 2, 28)).toEqual({
      privateSubnets: ["10.0.0.0/28", "10.0.0.16/28"],
      publicSubnets: ["10.0.0.32/28", "10.0.0.48/28"],
      subnetPrefixLength: 28,
    });
  });

  test("fails when subnets would be smaller than allowed", () => {
    expect(planSubnets(parseCidr("10.0.0.0/26")!, 3, 28)).toBeUndefined();
    expect(planSubnets(cidr("10.0.0.0/27"), 2, 28)).toBeUndefined();
  });

  test.each([0, -1])("fails when given %d zones", (zones) => {
    expect(planSubnets(cidr("10.0.0.0/16"), zones, 28)).toBeUndefined();
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
