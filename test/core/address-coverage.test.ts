import * as fc from "fast-check";
import { formatCidr, Ipv4Cidr, nonPublicOverlap, sizeOf } from "../../lib/core/cidr";
import { admitsInternet, parseIpv4Block, parseIpv6Block, publicCoverage, rangeBlocks } from "../../lib/core/address-coverage";
import { propertyRuns } from "../support/property-budget";
import { publicIpv4Blocks } from "../support/public-blocks";

const PUBLIC_IPV4 = 3_702_259_456;

describe("parsing address blocks", () => {
  test.each<[string, string | undefined]>([
    ["203.0.113.0/24", "203.0.113.0/24"],
    ["203.0.113.7/24", "203.0.113.0/24"],
    ["1.2.3.4/0", "0.0.0.0/0"],
    ["203.0.113.7", "203.0.113.7/32"],
    ["0.0.0.0", "0.0.0.0/0"],
    [" 10.0.0.0/8 ", "10.0.0.0/8"],
    ["256.0.0.0/8", undefined],
    ["10.0.0.0/33", undefined],
    ["10.0.0.0/8/8", undefined],
    ["10.0.0/8", undefined],
    ["${aws_vpc.main.cidr_block}", undefined],
    ["sg-0123456789abcdef0", undefined],
  ])("IPv4 %j reads as %j", (text, expected) => {
    const block = parseIpv4Block(text);
    expect(block && formatCidr(block)).toBe(expected);
  });

  test.each<[string, bigint | undefined, bigint | undefined]>([
    ["::/0", 0n, 2n ** 128n - 1n],
    ["2001:db8::/32", 0x20010db8n << 96n, ((0x20010db8n + 1n) << 96n) - 1n],
    ["2001:db8::1", (0x20010db8n << 96n) + 1n, (0x20010db8n << 96n) + 1n],
    ["2001:db8::1/32", 0x20010db8n << 96n, ((0x20010db8n + 1n) << 96n) - 1n],
    ["::ffff:192.0.2.1/128", 0xffffc0000201n, 0xffffc0000201n],
    ["1:2:3:4:5:6:7:8/128", 0x00010002000300040005000600070008n, 0x00010002000300040005000600070008n],
    ["2001:db8::/129", undefined, undefined],
    ["2001::db8::/32", undefined, undefined],
    ["1:2:3:4:5:6:7/128", undefined, undefined],
    ["2001:db8:g::/48", undefined, undefined],
  ])("IPv6 %j spans the expected addresses", (text, start, end) => {
    const block = parseIpv6Block(text);
    expect(block?.start).toBe(start);
    expect(block?.end).toBe(end);
  });
});

describe("what a list of blocks covers of the internet", () => {
  test("the whole internet, written in full, in halves or as a bare 0.0.0.0", () => {
    expect(publicCoverage(["0.0.0.0/0"])).toEqual({ ipv4: PUBLIC_IPV4, ipv6: 0n });
    expect(publicCoverage(["0.0.0.0/1", "128.0.0.0/1"])).toEqual({ ipv4: PUBLIC_IPV4, ipv6: 0n });
    expect(publicCoverage(["0.0.0.0"]).ipv4).toBe(PUBLIC_IPV4);
    expect(publicCoverage(["::/0"]).ipv6).toBe(2n ** 125n);
  });

  test("the public space's 73 blocks cover it exactly, and their largest 40 cover 99.5 % of it", () => {
    const blocks = publicIpv4Blocks();
    expect(blocks.length).toBe(73);
    expect(publicCoverage(blocks).ipv4).toBe(PUBLIC_IPV4);
    const forty = publicCoverage(blocks.slice(0, 40)).ipv4 / PUBLIC_IPV4;
    expect(forty).toBeGreaterThan(0.994);
    expect(forty).toBeLessThan(0.995);
  });

  test("private, special and unknown entries cover nothing public", () => {
    expect(publicCoverage(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "224.0.0.0/3", "fc00::/7", "fe80::/10", "${var.cidr}", 7])).toEqual({ ipv4: 0, ipv6: 0n });
  });

  test("overlapping and adjacent blocks count each address once", () => {
    expect(publicCoverage(["203.0.113.0/24", "203.0.113.128/25", "203.0.112.0/24"]).ipv4).toBe(512);
  });
});

describe("admitsInternet: more public addresses than one /8 of IPv4 or one /12 of IPv6", () => {
  test.each<[string, string[], boolean]>([
    ["0.0.0.0/0", ["0.0.0.0/0"], true],
    ["::/0", ["::/0"], true],
    ["the two halves of IPv4", ["0.0.0.0/1", "128.0.0.0/1"], true],
    ["one half of IPv4", ["128.0.0.0/1"], true],
    ["a /7 of public addresses", ["2.0.0.0/7"], true],
    ["a /8 and one more address", ["11.0.0.0/8", "203.0.113.7"], true],
    ["all of global unicast IPv6", ["2000::/3"], true],
    ["a /11 of IPv6", ["2400::/11"], true],
    ["one public /8", ["11.0.0.0/8"], false],
    ["a /7 whose other half is 0.0.0.0/8, which is not on the internet", ["0.0.0.0/7"], false],
    ["an office and a VPN", ["203.0.113.0/24", "198.51.100.7/32"], false],
    ["the private ranges", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], false],
    ["a /12 of IPv6", ["2400::/12"], false],
    ["unique local IPv6", ["fc00::/7"], false],
    ["nothing", [], false],
  ])("%s: %j -> %s", (_case, entries, expected) => {
    expect(admitsInternet(entries)).toBe(expected);
  });

  test("the 40-block allowlist of issue #24 admits the internet", () => {
    expect(admitsInternet(publicIpv4Blocks().slice(0, 40))).toBe(true);
  });
});

// Arbitrary IPv4 blocks: every prefix length is as likely, so wide and narrow blocks both come up.
const ipv4Block = fc.record({ address: fc.integer({ min: 0, max: 2 ** 32 - 1 }), prefixLength: fc.integer({ min: 0, max: 32 }) }).map(({ address, prefixLength }): Ipv4Cidr => {
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  return { network: (address & mask) >>> 0, prefixLength };
});
const halves = (b: Ipv4Cidr): string[] => [formatCidr({ network: b.network, prefixLength: b.prefixLength + 1 }), formatCidr({ network: b.network + sizeOf(b) / 2, prefixLength: b.prefixLength + 1 })];

describe("the verdict depends on the addresses, not on how they are written", () => {
  test("splitting a block into its two halves changes nothing", () => {
    fc.assert(
      fc.property(fc.array(ipv4Block, { maxLength: 6 }), ipv4Block.filter((b) => b.prefixLength < 32), (others, split) => {
        const whole = [...others.map(formatCidr), formatCidr(split)];
        const written = [...others.map(formatCidr), ...halves(split)];
        expect(publicCoverage(written)).toEqual(publicCoverage(whole));
        expect(admitsInternet(written)).toBe(admitsInternet(whole));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test("order and repetition change nothing, and adding a block never lowers the coverage", () => {
    fc.assert(
      fc.property(fc.array(ipv4Block, { minLength: 1, maxLength: 8 }), ipv4Block, (blocks, added) => {
        const texts = blocks.map(formatCidr);
        const coverage = publicCoverage(texts);
        expect(publicCoverage([...texts].reverse().concat(texts[0]))).toEqual(coverage);
        expect(publicCoverage([...texts, formatCidr(added)]).ipv4).toBeGreaterThanOrEqual(coverage.ipv4);
        expect(coverage.ipv4).toBeLessThanOrEqual(PUBLIC_IPV4);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test("a block of /24 or narrower covers all its addresses, or none where lib/core/cidr.ts calls it non-public", () => {
    // Every non-public range is a /24 or wider, so such a block lies wholly inside one or outside all.
    fc.assert(
      fc.property(ipv4Block.filter((b) => b.prefixLength >= 24), (block) => {
        expect(publicCoverage([formatCidr(block)]).ipv4).toBe(nonPublicOverlap(block) ? 0 : sizeOf(block));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test("distinct public /16s admit the internet exactly when there are more than 256 of them (a /8's worth)", () => {
    // 32.0.0.0/3 is public throughout: its /16s are disjoint and each holds 65,536 public addresses.
    const slash16 = (index: number) => formatCidr({ network: 32 * 2 ** 24 + index * 2 ** 16, prefixLength: 16 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 8191 }), { minLength: 200, maxLength: 320 }), (indexes) => {
        expect(admitsInternet(indexes.map(slash16))).toBe(indexes.length > 256);
      }),
      { numRuns: propertyRuns(50) },
    );
  });
});

describe("address ranges (first-last) as blocks", () => {
  test.each<[string, string[] | undefined]>([
    ["10.0.0.1-10.0.0.100", ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/30", "10.0.0.8/29", "10.0.0.16/28", "10.0.0.32/27", "10.0.0.64/27", "10.0.0.96/30", "10.0.0.100/32"]],
    ["203.0.113.7-203.0.113.7", ["203.0.113.7/32"]],
    ["0.0.0.0-255.255.255.255", ["0.0.0.0/0"]],
    [" 12.0.0.0 - 13.255.255.255 ", ["12.0.0.0/7"]],
    ["2001:db8::-2001:db8::ffff", ["2001:db8:0:0:0:0:0:0/112"]],
    ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ["0:0:0:0:0:0:0:0/0"]],
    ["10.0.0.5-10.0.0.1", undefined],
    ["10.0.0.1", undefined],
    ["10.0.0.1-2001:db8::1", undefined],
    ["10.0.0.0/8-10.0.0.255", undefined],
    ["10.0.0.1-10.0.0.2-10.0.0.3", undefined],
    ["256.0.0.0-256.0.0.1", undefined],
    ["${tencentcloud_address_template.office.id}", undefined],
  ])("%j is %j", (text, expected) => {
    expect(rangeBlocks(text)).toEqual(expected);
  });

  test("a range is judged by the addresses it holds: 1.0.0.0 to 126.255.255.255 is the internet, one /8 is not, one /8 and one address more is", () => {
    expect(admitsInternet(rangeBlocks("1.0.0.0-126.255.255.255")!)).toBe(true);
    expect(admitsInternet(rangeBlocks("12.0.0.0-12.255.255.255")!)).toBe(false);
    expect(admitsInternet(rangeBlocks("12.0.0.0-13.0.0.0")!)).toBe(true);
    expect(admitsInternet(rangeBlocks("2000::-3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")!)).toBe(true);
  });

  test("the blocks hold exactly the range, in order, aligned, and no two of them make one block", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (a, b) => {
        const [first, last] = [Math.min(a, b), Math.max(a, b)];
        const dotted = (n: number) => formatCidr({ network: n, prefixLength: 32 }).replace("/32", "");
        const blocks = rangeBlocks(`${dotted(first)}-${dotted(last)}`)!.map((text) => {
          const block = parseIpv4Block(text)!;
          expect(formatCidr(block)).toBe(text); // host bits clear: the block starts where it says
          return block;
        });
        let next = first;
        for (const [i, block] of blocks.entries()) {
          expect(block.network).toBe(next);
          next += sizeOf(block);
          const following = blocks[i + 1];
          // Two neighbours of one size whose union is aligned would be one block.
          const mergeable = following && following.prefixLength === block.prefixLength && block.prefixLength > 0 && block.network % (2 * sizeOf(block)) === 0;
          expect(mergeable).toBeFalsy();
        }
        expect(next).toBe(last + 1);
        expect(blocks.length).toBeLessThanOrEqual(62);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
