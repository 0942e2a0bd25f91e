import { admitsInternet, publicCoverage } from "../core/address-coverage";
import { ResourceBlock, StackView } from "./rule";

/**
 * What the security group rules of a stack open, and where the openings of one group add up
 * to the internet. A group admits the union of its rules: thirty rules that each admit one
 * public /8 on 443, or one rule for `0.0.0.0/1` and another for `128.0.0.0/1` on 22, open
 * that port to the internet as surely as one rule for `0.0.0.0/0`. So a rule that judges
 * addresses judges, for each protocol and port a resource opens, every opening of the same
 * group and direction that reaches that protocol and port, together (`admitsInternet`).
 * Openings of other ports, other protocols or other groups never add up: a rule for 22 and
 * one for 443 each open a different door.
 *
 * The clouds differ only in how a rule is written; each cloud's selectors turn its rules
 * into openings. Pure: the same stack always gives the same answer.
 */

/** Every protocol: AWS `-1`, Alibaba `all`, Tencent `ALL`. */
export const ANY_PROTOCOL = "all";

/** The protocols whose rules name ports. The others (ICMP, GRE, ...) open the whole protocol. */
export const PORTED_PROTOCOLS: readonly string[] = ["tcp", "udp"];

/** A run of ports, both ends included. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** Every port. */
export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/**
 * The ports `from` to `to` as a rule writes them: every port when either end is missing or
 * not a number (a rule that names none opens all), the ends in order.
 */
export function portsBetween(from: unknown, to: unknown): PortRange {
  const [a, b] = [Number(from), Number(to)];
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) return ALL_PORTS;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** What one rule (or one block of a resource that holds several) opens. */
export interface Opening {
  /** The resource that writes it. */
  readonly resource: ResourceBlock;
  /**
   * The group it applies to: the group's address when the group is in the stack, else
   * the expression as written (`sg-0123...`, a data source's attribute).
   */
  readonly group: string;
  readonly direction: "ingress" | "egress";
  /** Lower case: `tcp`, `udp`, `icmp`, ..., or ANY_PROTOCOL. */
  readonly protocol: string;
  /** The ports, for a ported protocol (ALL_PORTS when the rule names none); ignored otherwise. */
  readonly ports: PortRange;
  /**
   * The address arguments as written, with the entries of the address lists of the stack the
   * rule names (an AWS prefix list, a Tencent address template): CIDR blocks and bare
   * addresses; anything else (a literal list ID, another reference) covers nothing.
   */
  readonly addresses: readonly unknown[];
}

/** How a cloud's selectors read the openings one resource writes (none for a resource that is no rule). */
export type OpeningsReader = (resource: ResourceBlock, stack: StackView) => Opening[];

/** Each stack view's openings, by reader: a view never changes, so they are read once, not once per rule checked. */
const openingsByStack = new WeakMap<StackView, Map<OpeningsReader, readonly Opening[]>>();

/** Every opening of the stack in one direction, as `read` finds them. */
export function stackOpeningsBy(read: OpeningsReader, stack: StackView, direction: "ingress" | "egress"): Opening[] {
  let byReader = openingsByStack.get(stack);
  if (byReader === undefined) openingsByStack.set(stack, (byReader = new Map()));
  let all = byReader.get(read);
  if (all === undefined) byReader.set(read, (all = stack.resources.flatMap((r) => read(r, stack))));
  return all.filter((o) => o.direction === direction);
}

/** A protocol and a run of ports over which the same openings apply, and what they admit together. */
export interface Cell {
  /** A protocol, or ANY_PROTOCOL for the protocols no opening of the group names. */
  readonly protocol: string;
  /** The ports, for a ported protocol. */
  readonly ports?: PortRange;
  /** Every opening of the group and direction that reaches this protocol and these ports. */
  readonly openings: readonly Opening[];
}

/**
 * The group a rule's `security_group_id` (or the like) names, as a key that two rules of
 * the same group share: the group's address when the expression is its ID
 * (`${aws_security_group.web.id}`), so that standalone rules meet the group's own inline
 * rules; else the expression as written (`sg-0123...`, another resource's attribute); else,
 * when the rule names no group, the rule's own address, so that it is judged alone.
 */
export function groupKey(stack: StackView, expression: unknown, rule: ResourceBlock): string {
  const group = stack.referenced(expression);
  if (group && expression === `\${${group.address}.id}`) return group.address;
  return typeof expression === "string" && expression !== "" ? expression : rule.address;
}

/** True when some of the addresses are public (the rest cover nothing of the internet). */
export function coversPublicAddresses(addresses: readonly unknown[]): boolean {
  const { ipv4, ipv6 } = publicCoverage(addresses);
  return ipv4 > 0 || ipv6 > 0n;
}

const isPorted = (protocol: string) => PORTED_PROTOCOLS.includes(protocol);
const portsOf = (o: Opening): PortRange => (o.protocol === ANY_PROTOCOL || !isPorted(o.protocol) ? ALL_PORTS : o.ports);
const reaches = (o: Opening, protocol: string) => o.protocol === ANY_PROTOCOL || o.protocol === protocol;

/**
 * The cells of `subject`'s reach, each with every opening of `all` on the same group and
 * direction that reaches it. An opening of every protocol is cut by the protocols the
 * others name (TCP and UDP always, for their ports), plus one cell for the rest.
 */
export function cellsOf(subject: Opening, all: readonly Opening[]): Cell[] {
  const peers = all.filter((o) => o.group === subject.group && o.direction === subject.direction && (subject.protocol === ANY_PROTOCOL || reaches(o, subject.protocol)));
  const protocols =
    subject.protocol === ANY_PROTOCOL ? [...new Set([...PORTED_PROTOCOLS, ...peers.map((o) => o.protocol).filter((p) => p !== ANY_PROTOCOL)])] : [subject.protocol];
  const cells: Cell[] = protocols.flatMap((protocol) => {
    const members = peers.filter((o) => reaches(o, protocol));
    if (!isPorted(protocol)) return [{ protocol, openings: members }];
    const span = subject.protocol === ANY_PROTOCOL ? ALL_PORTS : portsOf(subject);
    // Each opening starts or ends a run of ports where the set of openings changes.
    const cuts = new Set([span.from, span.to + 1]);
    for (const { from, to } of members.map(portsOf)) {
      if (from > span.from && from <= span.to) cuts.add(from);
      if (to + 1 > span.from && to + 1 <= span.to) cuts.add(to + 1);
    }
    const edges = [...cuts].sort((a, b) => a - b);
    return edges.slice(0, -1).map((from, i) => {
      const ports = { from, to: edges[i + 1] - 1 };
      return { protocol, ports, openings: members.filter((o) => portsOf(o).from <= from && portsOf(o).to >= ports.to) };
    });
  });
  if (subject.protocol === ANY_PROTOCOL) cells.push({ protocol: ANY_PROTOCOL, openings: peers.filter((o) => o.protocol === ANY_PROTOCOL) });
  return cells;
}

/**
 * The cells where `resource` takes part in a union that admits the internet: its openings
 * that name public addresses, cut into cells, where the openings of the cell together admit
 * it. Empty when the resource is not part of such a union. An opening that names only
 * private addresses (or another group) never is: it adds nothing to what the internet reaches.
 */
export function publicUnionsOf(resource: ResourceBlock, all: readonly Opening[]): Cell[] {
  return all
    .filter((o) => o.resource.address === resource.address && coversPublicAddresses(o.addresses))
    .flatMap((o) => cellsOf(o, all))
    .filter((cell) => admitsInternet(cell.openings.flatMap((o) => o.addresses)));
}

/** True when the cell holds `port` of a ported protocol (TCP or UDP). */
export function cellReachesPort(cell: Cell, port: number): boolean {
  return cell.ports !== undefined && cell.ports.from <= port && port <= cell.ports.to;
}
