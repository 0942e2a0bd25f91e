/**
 * Pure IPv4 CIDR arithmetic: parsing, containment, overlap and the subnet plan of a
 * network. No construct or cloud knowledge lives here, so it is tested with
 * property-based tests.
 */

export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly network: number;
  /** Prefix length, 0 to 32. */
  readonly prefixLength: number;
}

/** Every IPv4 address: a default route, or a rule open to the whole internet. */
export const ANYWHERE_IPV4 = "0.0.0.0/0";

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses "a.b.c.d/n". Returns undefined for anything else, including host bits set
 * ("10.0.0.1/16"), which Terraform providers reject or silently change.
 */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((o, i) => o > 255 || (match[i + 1].length > 1 && match[i + 1].startsWith("0")))) return undefined;
  if (prefixLength > 32) return undefined;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  if ((address & ~maskOf(prefixLength)) >>> 0 !== 0) return undefined;
  return { network: address, prefixLength };
}

/** The range in the usual `a.b.c.d/n` form. */
export function formatCidr(cidr: Ipv4Cidr): string {
  const a = cidr.network;
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${cidr.prefixLength}`;
}

function maskOf(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

/** Number of addresses in the block. */
export function sizeOf(cidr: Ipv4Cidr): number {
  return 2 ** (32 - cidr.prefixLength);
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefixLength >= outer.prefixLength && (inner.network & maskOf(outer.prefixLength)) >>> 0 === outer.network;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** The private ranges of RFC 1918, which every cloud here accepts for a VPC. */
export const PRIVATE_RANGES: readonly Ipv4Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(
  (text) => parseCidr(text)!,
);

/** True when the whole range lies in a private (RFC 1918) block. */
export function isPrivate(cidr: Ipv4Cidr): boolean {
  return PRIVATE_RANGES.some((range) => contains(range, cidr));
}

/**
 * Every range that is not a public internet address (RFC 6890's special-purpose
 * registry, less the documentation ranges): "this network", RFC 1918, carrier-grade NAT
 * (which some clouds use inside their own networks), loopback, link-local, IETF protocol
 * assignments, benchmarking, multicast and the reserved block up to the broadcast address.
 * ref: https://www.iana.org/assignments/iana-ipv4-special-registry/
 */
export const NON_PUBLIC_RANGES: readonly Ipv4Cidr[] = [
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
].map((text) => parseCidr(text)!);

/** The first non-public range a block overlaps, or undefined when all of it is public. */
export function nonPublicOverlap(cidr: Ipv4Cidr): Ipv4Cidr | undefined {
  return NON_PUBLIC_RANGES.find((range) => overlaps(range, cidr));
}

/** The `index`-th block of `newBits` more bits inside `parent` (Terraform's `cidrsubnet`). */
export function subdivide(parent: Ipv4Cidr, newBits: number, index: number): Ipv4Cidr {
  const prefixLength = parent.prefixLength + newBits;
  if (prefixLength > 32 || index < 0 || index >= 2 ** newBits) {
    throw new RangeError(`cannot take block ${index} of /${prefixLength} inside /${parent.prefixLength}`);
  }
  return { network: (parent.network + index * 2 ** (32 - prefixLength)) >>> 0, prefixLength };
}

/** How a network's range is split into subnets. */
export interface SubnetPlan {
  /** One public subnet per zone, in zone order. */
  readonly publicSubnets: readonly string[];
  /** One private subnet per zone, in zone order. */
  readonly privateSubnets: readonly string[];
  /** Prefix length of every subnet in the plan. */
  readonly subnetPrefixLength: number;
}

/**
 * Splits a network into one public and one private subnet per zone.
 *
 * Private subnets come first and take the lower half of the network, because they
 * hold the servers, database and Kubernetes pods; public subnets only hold load
 * balancers and NAT gateways, so they take equal blocks in the upper half.
 * Returns undefined when a subnet would be smaller than `smallestSubnetPrefixLength`.
 */
export function planSubnets(network: Ipv4Cidr, zoneCount: number, smallestSubnetPrefixLength: number): SubnetPlan | undefined {
  if (zoneCount < 1) return undefined;
  // Two halves (private, public), each split into a power of two >= zoneCount.
  const bitsPerHalf = Math.ceil(Math.log2(zoneCount));
  const newBits = 1 + bitsPerHalf;
  const subnetPrefixLength = network.prefixLength + newBits;
  if (subnetPrefixLength > smallestSubnetPrefixLength) return undefined;
  const half = 2 ** bitsPerHalf;
  const zones = Array.from({ length: zoneCount }, (_, i) => i);
  return {
    privateSubnets: zones.map((i) => formatCidr(subdivide(network, newBits, i))),
    publicSubnets: zones.map((i) => formatCidr(subdivide(network, newBits, half + i))),
    subnetPrefixLength,
  };
}
