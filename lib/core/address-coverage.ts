import { Ipv4Cidr, NON_PUBLIC_RANGES, sizeOf } from "./cidr";

/**
 * How much of the internet a list of address arguments admits, judged by the addresses
 * they cover rather than by how they are written: `0.0.0.0/1` with `128.0.0.0/1`, or forty
 * blocks that tile the public space, admit the internet as surely as `0.0.0.0/0`.
 *
 * The threshold is one registry allocation: more public addresses than IANA hands a
 * regional internet registry at a time, a /8 of IPv4 (16,777,216 addresses, about 0.45 %
 * of the public IPv4 space) or a /12 of IPv6. No organisation one would name in an
 * allowlist holds more than that, so a list that covers more names the internet, or a
 * slice of it, rather than a set of known hosts.
 * ref: https://www.iana.org/assignments/ipv4-address-space/ (IPv4 goes to registries in /8s)
 * ref: https://www.iana.org/assignments/ipv6-unicast-address-assignments/ (IPv6 in /12s)
 *
 * Scanners compare literals instead: checkov's CKV_AWS_24 / CKV_AWS_38 / CKV_ALI_9 /
 * CKV_TC_8 look for `0.0.0.0/0` (or `0.0.0.0`, `::/0`), and CKV_AWS_39 refuses any public
 * EKS endpoint whatever its CIDRs; trivy's AVD-AWS-0041 / AVD-AWS-0107 flag any public
 * block of more than one address. The verdict here depends only on the set of addresses
 * covered, so splitting or merging blocks never changes it (test/core/address-coverage.test.ts).
 */

/** Public addresses a list may cover before it counts as the internet: one /8 of IPv4. */
export const INTERNET_IPV4_ADDRESSES = 2 ** 24;
/** Public addresses a list may cover before it counts as the internet: one /12 of IPv6. */
export const INTERNET_IPV6_ADDRESSES = 2n ** 116n;

/** What a list of address arguments covers of the public internet. */
export interface PublicCoverage {
  /** Distinct public IPv4 addresses (outside lib/core/cidr.ts's NON_PUBLIC_RANGES). */
  readonly ipv4: number;
  /** Distinct public IPv6 addresses (inside global unicast, 2000::/3). */
  readonly ipv6: bigint;
}

/** A run of addresses as 128-bit numbers (IPv4 in its own 32-bit space). */
interface Interval {
  readonly start: bigint;
  /** Inclusive. */
  readonly end: bigint;
}

const IPV4_ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const PREFIX = /^\d{1,3}$/;

/** The four octets of a dotted IPv4 address (`192.0.2.1`), or undefined for anything else. */
function ipv4Octets(address: string): number[] | undefined {
  const match = IPV4_ADDRESS.exec(address);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  return octets.some((o) => o > 255) ? undefined : octets;
}

/**
 * An IPv4 block, leniently: host bits are cleared (a provider that accepts `1.2.3.4/0` means
 * the whole /0), a bare address is a /32, and a bare `0.0.0.0` is everywhere, as
 * checkov's CKV_ALI_9 and the clouds' whitelists read it.
 */
export function parseIpv4Block(text: string): Ipv4Cidr | undefined {
  const [address, prefix, ...rest] = text.trim().split("/");
  const octets = ipv4Octets(address);
  if (!octets || rest.length > 0 || (prefix !== undefined && !PREFIX.test(prefix))) return undefined;
  const prefixLength = prefix === undefined ? (octets.every((o) => o === 0) ? 0 : 32) : Number(prefix);
  if (prefixLength > 32) return undefined;
  const value = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  return { network: (value & mask) >>> 0, prefixLength };
}

/** An IPv6 block as an interval of 128-bit numbers, host bits cleared; a bare address is a /128. */
export function parseIpv6Block(text: string): Interval | undefined {
  const [address, prefix, ...rest] = text.trim().split("/");
  if (rest.length > 0 || (prefix !== undefined && !PREFIX.test(prefix))) return undefined;
  const value = ipv6Value(address);
  const prefixLength = prefix === undefined ? 128 : Number(prefix);
  if (value === undefined || prefixLength > 128) return undefined;
  const hostBits = BigInt(128 - prefixLength);
  const start = (value >> hostBits) << hostBits;
  return { start, end: start + (1n << hostBits) - 1n };
}

/** `2001:db8::1` as a number; an IPv4 tail (`::ffff:192.0.2.1`) counts as two groups. */
function ipv6Value(address: string): bigint | undefined {
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): string[] | undefined => {
    if (part === "") return [];
    const groups = part.split(":");
    const last = groups[groups.length - 1];
    if (last.includes(".")) {
      const v4 = ipv4Octets(last);
      if (!v4) return undefined;
      const [a, b, c, d] = v4;
      groups.splice(groups.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    }
    return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups : undefined;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** Sorted, disjoint intervals covering the same addresses. */
function merged(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    // Adjacent blocks join too, so the sums below count each address once.
    if (last && next.start <= last.end + 1n) {
      if (next.end > last.end) out[out.length - 1] = { start: last.start, end: next.end };
    } else {
      out.push(next);
    }
  }
  return out;
}

/** How many addresses of `ranges` (disjoint) the merged intervals hold. */
function countInside(intervals: Interval[], ranges: readonly Interval[]): bigint {
  let count = 0n;
  for (const { start, end } of merged(intervals)) {
    for (const range of ranges) {
      const from = start > range.start ? start : range.start;
      const to = end < range.end ? end : range.end;
      if (to >= from) count += to - from + 1n;
    }
  }
  return count;
}

const ipv4Interval = (block: Ipv4Cidr): Interval => ({ start: BigInt(block.network), end: BigInt(block.network) + BigInt(sizeOf(block)) - 1n });

/** Every public IPv4 address: the space less lib/core/cidr.ts's non-public ranges (disjoint, sorted here). */
const PUBLIC_IPV4: readonly Interval[] = (() => {
  const out: Interval[] = [];
  let next = 0n;
  for (const range of merged(NON_PUBLIC_RANGES.map(ipv4Interval))) {
    if (range.start > next) out.push({ start: next, end: range.start - 1n });
    next = range.end + 1n;
  }
  if (next <= 0xffffffffn) out.push({ start: next, end: 0xffffffffn });
  return out;
})();

/** Global unicast: every public IPv6 address. ref: https://www.iana.org/assignments/ipv6-address-space/ */
const PUBLIC_IPV6: readonly Interval[] = [{ start: 0x2n << 124n, end: (0x4n << 124n) - 1n }];

/**
 * What the entries cover of the public internet. Entries that are no address block (a
 * Terraform reference, a security group ID) cover nothing: what they stand for is unknown here.
 */
export function publicCoverage(entries: readonly unknown[]): PublicCoverage {
  const v4: Interval[] = [];
  const v6: Interval[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string") continue;
    const block = parseIpv4Block(entry);
    if (block) {
      v4.push(ipv4Interval(block));
      continue;
    }
    const block6 = entry.includes(":") ? parseIpv6Block(entry) : undefined;
    if (block6) v6.push(block6);
  }
  return { ipv4: Number(countInside(v4, PUBLIC_IPV4)), ipv6: countInside(v6, PUBLIC_IPV6) };
}

/**
 * True when the entries, taken together, admit the internet: more public addresses than
 * one registry allocation (a /8 of IPv4, a /12 of IPv6). See the file comment for why.
 */
export function admitsInternet(entries: readonly unknown[]): boolean {
  const { ipv4, ipv6 } = publicCoverage(entries);
  return ipv4 > INTERNET_IPV4_ADDRESSES || ipv6 > INTERNET_IPV6_ADDRESSES;
}

/** A bare IPv4 address (no prefix) as a number. */
function ipv4Value(address: string): bigint | undefined {
  return ipv4Octets(address.trim())?.reduce((value, octet) => (value << 8n) | BigInt(octet), 0n);
}

/** An address of `bits` bits (32 or 128) in the form the parsers above read back: dotted IPv4, or eight IPv6 groups. */
function formatAddress(value: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join(".");
  return Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(":");
}

/**
 * An address range `first-last` (two IPv4 or two IPv6 addresses, first not after last) as
 * the fewest CIDR blocks that hold exactly its addresses, so that a list that may write
 * ranges (Tencent Cloud's address templates: `10.0.0.1-10.0.0.100`) is judged by the same
 * measure as one of blocks. Undefined for anything else.
 */
export function rangeBlocks(text: string): string[] | undefined {
  const [first, last, ...rest] = text.split("-");
  if (last === undefined || rest.length > 0) return undefined;
  const v4 = [first, last].map(ipv4Value);
  const v6 = [first, last].map((a) => (a.includes(":") ? ipv6Value(a.trim()) : undefined));
  const bits = v4.every((v) => v !== undefined) ? 32 : v6.every((v) => v !== undefined) ? 128 : undefined;
  if (bits === undefined) return undefined;
  const [start, end] = (bits === 32 ? v4 : v6) as bigint[];
  if (start > end) return undefined;
  const blocks: string[] = [];
  for (let at = start; at <= end; ) {
    // The largest block that starts at `at` (aligned to it) and ends within the range.
    let size = at === 0n ? 1n << BigInt(bits) : at & -at;
    while (at + size - 1n > end) size >>= 1n;
    blocks.push(`${formatAddress(at, bits)}/${bits - (size.toString(2).length - 1)}`);
    at += size;
  }
  return blocks;
}
