import { formatCidr, NON_PUBLIC_RANGES, sizeOf } from "../../lib/core/cidr";

/**
 * The public IPv4 space as the fewest CIDR blocks (73), largest first: the space less
 * lib/core/cidr.ts's non-public ranges, each gap cut into the largest aligned blocks.
 * Its first 40 blocks cover 99.5 % of the public space and none overlaps a non-public
 * range, so each passes the per-block checks of a cluster's public API ranges (and EKS's
 * limit of 40) and of a load balancer's client ranges: the allowlist bypass of issue #24,
 * which only their coverage in all refuses.
 */
export function publicIpv4Blocks(): string[] {
  const ranges = [...NON_PUBLIC_RANGES].sort((a, b) => a.network - b.network);
  const blocks: { network: number; prefixLength: number }[] = [];
  let next = 0;
  const fill = (start: number, endExclusive: number) => {
    let at = start;
    while (at < endExclusive) {
      // The largest block aligned at `at` that fits before the end.
      let prefixLength = 0;
      while (at % 2 ** (32 - prefixLength) !== 0) prefixLength += 1;
      while (2 ** (32 - prefixLength) > endExclusive - at) prefixLength += 1;
      blocks.push({ network: at, prefixLength });
      at += 2 ** (32 - prefixLength);
    }
  };
  for (const range of ranges) {
    fill(next, range.network);
    next = range.network + sizeOf(range);
  }
  fill(next, 2 ** 32);
  return blocks.sort((a, b) => a.prefixLength - b.prefixLength || a.network - b.network).map(formatCidr);
}
