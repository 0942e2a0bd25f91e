import { ALL_PORTS, ANY_PROTOCOL, cellReachesPort, cellsOf, groupKey, Opening, portsBetween, publicUnionsOf } from "../../lib/policy/openings";
import { ResourceBlock } from "../../lib/policy/rule";
import { stackView } from "../../lib/policy/stack-view";

// The engine under every address rule of the packs: which openings of a group add up.
// The rules themselves, on each cloud's resources, are in ./rule-unions.test.ts.

/**
 * The two halves of 12.0.0.0/7: each one public /8, which alone is not the internet (no
 * more than one registry allocation, lib/core/address-coverage.ts), together two /8s, which is.
 * (0.0.0.0/1 and 128.0.0.0/1 are each far more than a /8, and flagged alone.)
 */
const HALF_1 = "12.0.0.0/8";
const HALF_2 = "13.0.0.0/8";

const block = (name: string): ResourceBlock => ({ type: "test_rule", name, address: `test_rule.${name}`, constructPath: name, config: {} });

/** An opening of resource `name` on group `a`, ingress, TCP port 22 from HALF_1, unless told otherwise. */
function opening(name: string, overrides: Partial<Omit<Opening, "resource">> = {}): Opening {
  return { resource: block(name), group: "a", direction: "ingress", protocol: "tcp", ports: { from: 22, to: 22 }, addresses: [HALF_1], ...overrides };
}

/** The names of the openings whose resource takes part in a union that admits the internet. */
const flagged = (openings: Opening[]) => openings.filter((o) => publicUnionsOf(o.resource, openings).length > 0).map((o) => o.resource.name);

describe("which openings add up", () => {
  test.each<[string, Opening[], string[]]>([
    ["two halves on one group, protocol and port", [opening("x"), opening("y", { addresses: [HALF_2] })], ["x", "y"]],
    ["one half alone", [opening("x")], []],
    ["0.0.0.0/1 alone (far more than a /8)", [opening("x", { addresses: ["0.0.0.0/1"] })], ["x"]],
    ["a /8 and a /9: one /8 and a half", [opening("x"), opening("y", { addresses: ["13.0.0.0/9"] })], ["x", "y"]],
    ["two halves on different ports", [opening("x"), opening("y", { addresses: [HALF_2], ports: { from: 443, to: 443 } })], []],
    ["two halves on different groups", [opening("x"), opening("y", { addresses: [HALF_2], group: "b" })], []],
    ["two halves in different directions", [opening("x"), opening("y", { addresses: [HALF_2], direction: "egress" })], []],
    ["two halves on TCP and UDP", [opening("x"), opening("y", { addresses: [HALF_2], protocol: "udp" })], []],
    ["a half on every port and a half on 22", [opening("x", { ports: ALL_PORTS }), opening("y", { addresses: [HALF_2] })], ["x", "y"]],
    ["a half on every protocol and a half on TCP 22", [opening("x", { protocol: ANY_PROTOCOL }), opening("y", { addresses: [HALF_2] })], ["x", "y"]],
    ["a half on every protocol and a half on ICMP", [opening("x", { protocol: ANY_PROTOCOL }), opening("y", { addresses: [HALF_2], protocol: "icmp" })], ["x", "y"]],
    ["halves on ICMP and ICMPv6", [opening("x", { protocol: "icmp" }), opening("y", { addresses: [HALF_2], protocol: "icmpv6" })], []],
    ["halves on ICMP whatever the type (ICMP has no ports)", [opening("x", { protocol: "icmp", ports: { from: 8, to: 8 } }), opening("y", { addresses: [HALF_2], protocol: "icmp", ports: { from: 0, to: 0 } })], ["x", "y"]],
    ["ranges 20-22 and 22-25 meet on 22", [opening("x", { ports: { from: 20, to: 22 } }), opening("y", { addresses: [HALF_2], ports: { from: 22, to: 25 } })], ["x", "y"]],
    ["ranges 20-21 and 22-23 touch but do not meet", [opening("x", { ports: { from: 20, to: 21 } }), opening("y", { addresses: [HALF_2], ports: { from: 22, to: 23 } })], []],
    // A /8 on 20-22, a /9 on 22-24, a /9 on 24-26: on 22 a /8 and a /9 (more than a /8), on 24 two /9s (exactly a /8).
    // Were overlaps chained, all three would add up.
    [
      "a chain 20-22, 22-24, 24-26: only openings that share a port add up",
      [opening("x", { ports: { from: 20, to: 22 } }), opening("y", { addresses: ["13.0.0.0/9"], ports: { from: 22, to: 24 } }), opening("z", { addresses: ["13.128.0.0/9"], ports: { from: 24, to: 26 } })],
      ["x", "y"],
    ],
    ["a private rule beside a public one is not part of the way in", [opening("x", { addresses: ["0.0.0.0/0"] }), opening("private", { addresses: ["10.0.0.0/8"] })], ["x"]],
    ["a rule naming another group (no addresses) beside a public one", [opening("x", { addresses: ["0.0.0.0/0"] }), opening("peer", { addresses: [] })], ["x"]],
    ["thirty /24s on one port stay below a /8", Array.from({ length: 30 }, (_, i) => opening(`r${i}`, { addresses: [`203.0.${i}.0/24`] })), []],
  ])("%s", (_case, openings, expected) => {
    expect(flagged(openings)).toEqual(expected);
  });

  test("the cells say where: TCP 22 for a half on every port and a half on 22", () => {
    const openings = [opening("x", { ports: ALL_PORTS }), opening("y", { addresses: [HALF_2] })];
    const cells = publicUnionsOf(openings[0].resource, openings);
    expect(cells.map((c) => [c.protocol, c.ports, c.openings.map((o) => o.resource.name)])).toEqual([["tcp", { from: 22, to: 22 }, ["x", "y"]]]);
    expect(cellReachesPort(cells[0], 22)).toBe(true);
    expect(cellReachesPort(cells[0], 23)).toBe(false);
  });

  test("an opening of every protocol is cut by TCP, UDP, the protocols its peers name, and the rest", () => {
    const subject = opening("x", { protocol: ANY_PROTOCOL });
    const cells = cellsOf(subject, [subject, opening("y", { protocol: "icmp" }), opening("z", { ports: { from: 443, to: 443 } })]);
    expect(cells.map((c) => `${c.protocol} ${c.ports ? `${c.ports.from}-${c.ports.to}` : "-"} ${c.openings.map((o) => o.resource.name).join(",")}`)).toEqual([
      "tcp 0-442 x",
      "tcp 443-443 x,z",
      "tcp 444-65535 x",
      "udp 0-65535 x",
      "icmp - x,y",
      "all - x",
    ]);
  });
});

describe("which group a rule names", () => {
  const view = stackView({ resource: { aws_security_group: { web: {} }, aws_eks_cluster: { k: {} } } });
  const rule = block("rule");
  test.each<[string, unknown, string]>([
    ["a group of the stack, by its ID", "${aws_security_group.web.id}", "aws_security_group.web"],
    ["another attribute of a resource, as written", "${aws_eks_cluster.k.vpc_config[0].cluster_security_group_id}", "${aws_eks_cluster.k.vpc_config[0].cluster_security_group_id}"],
    ["a group outside the stack, as written", "sg-0123456789abcdef0", "sg-0123456789abcdef0"],
    ["a data source, as written", "${data.aws_security_group.shared.id}", "${data.aws_security_group.shared.id}"],
    ["no group: the rule alone", undefined, "test_rule.rule"],
  ])("%s", (_case, expression, expected) => {
    expect(groupKey(view, expression, rule)).toBe(expected);
  });
});

describe("ports as rules write them", () => {
  test.each<[unknown, unknown, { from: number; to: number }]>([
    [22, 22, { from: 22, to: 22 }],
    ["443", "443", { from: 443, to: 443 }],
    [25, 20, { from: 20, to: 25 }],
    [-1, -1, ALL_PORTS],
    [undefined, 22, ALL_PORTS],
    ["${var.port}", 22, ALL_PORTS],
  ])("%j to %j", (from, to, expected) => {
    expect(portsBetween(from, to)).toEqual(expected);
  });
});
