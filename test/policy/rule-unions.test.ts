import * as fc from "fast-check";
import { admitsInternet, publicCoverage } from "../../lib/core/address-coverage";
import { formatCidr } from "../../lib/core/cidr";
import { evaluate } from "../../lib/policy/evaluate";
import { ALICLOUD_POLICY_PACK } from "../../lib/policy/packs/alicloud";
import { AWS_POLICY_PACK } from "../../lib/policy/packs/aws";
import { TENCENTCLOUD_POLICY_PACK } from "../../lib/policy/packs/tencentcloud";
import { PolicyRule } from "../../lib/policy/rule";
import { propertyRuns } from "../support/property-budget";

// Issue #24, "packs that judge meaning": a group admits the union of its rules, so each
// address rule judges every resource that adds to the same group (or whitelist) on the same
// protocol and port, together. For each rule, addresses are planted as separate resources:
// the union is flagged and every resource of it named; the same addresses on other ports or
// other groups are not; and however the addresses are split over resources, the verdict is
// the one the rule gives them written in one place (admitsInternet of them all). The AWS and
// Tencent Cloud security group rules are planted a second time with the addresses in the
// prefix lists or address templates the rules name: the rules are named, not the lists.

type Json = Record<string, any>;
type Group = "a" | "b";

/** Addresses one or more resources write, on one group (or whitelist) and one port. */
interface Chunk {
  readonly group: Group;
  readonly port: number;
  readonly cidrs: readonly string[];
}

/** A resource that writes addresses, and which. */
interface Holder {
  readonly address: string;
  readonly cidrs: readonly string[];
}

interface Planted {
  /** The stack's resources. */
  readonly resource: Record<string, Record<string, Json>>;
  /** The resources that write the chunks' addresses. */
  readonly holders: readonly Holder[];
  /** Per group, what is flagged with a union that admits the internet besides the holders (the instance, the listener). */
  readonly subjects: Readonly<Record<Group, readonly string[]>>;
}

interface Plant {
  readonly rule: PolicyRule;
  /** Where the addresses are written, when not in the rules themselves (a prefix list, an address template). */
  readonly through?: string;
  /** Two ports the rule judges that do not add up; none where the rule has no ports. */
  readonly ports?: readonly [number, number];
  /** A stack in which each chunk is written by its own resources. */
  build(chunks: readonly Chunk[]): Planted;
}

const rule = (rules: readonly PolicyRule[], id: string) => rules.find((r) => r.id === id)!;
const ref = (type: string, name: string, attribute = "id") => `\${${type}.${name}.${attribute}}`;
/** Chunk `index` is the first its group has: some plants write that one in the group's own resource. */
const firstOfGroup = (chunks: readonly Chunk[], index: number) => chunks.findIndex((c) => c.group === chunks[index].group) === index;

/**
 * AWS, one direction: a group's first chunk inline on the `aws_security_group`, a single
 * address as an `aws_vpc_security_group_*_rule`, several as one `aws_security_group_rule`.
 */
function awsPlant(id: string, direction: "ingress" | "egress", ports: [number, number]): Plant {
  const vpcType = `aws_vpc_security_group_${direction}_rule`;
  return {
    rule: rule(AWS_POLICY_PACK.rules, id),
    ports,
    build(chunks) {
      const groups: Json = { a: { description: "a" }, b: { description: "b" } };
      const resource: Record<string, Record<string, Json>> = { aws_security_group: groups, [vpcType]: {}, aws_security_group_rule: {} };
      const holders = chunks.map((chunk, i): Holder => {
        const { cidrs } = chunk;
        if (firstOfGroup(chunks, i)) {
          groups[chunk.group][direction] = [{ protocol: "tcp", from_port: chunk.port, to_port: chunk.port, cidr_blocks: [...cidrs] }];
          return { address: `aws_security_group.${chunk.group}`, cidrs };
        }
        const group = ref("aws_security_group", chunk.group);
        if (cidrs.length === 1) {
          resource[vpcType][`r${i}`] = { security_group_id: group, ip_protocol: "tcp", from_port: chunk.port, to_port: chunk.port, cidr_ipv4: cidrs[0] };
          return { address: `${vpcType}.r${i}`, cidrs };
        }
        resource.aws_security_group_rule[`r${i}`] = { type: direction, security_group_id: group, protocol: "tcp", from_port: chunk.port, to_port: chunk.port, cidr_blocks: [...cidrs] };
        return { address: `aws_security_group_rule.r${i}`, cidrs };
      });
      return { resource, holders, subjects: { a: [], b: [] } };
    },
  };
}

/**
 * AWS through prefix lists: each chunk is a customer-managed prefix list of its own, named
 * by its own rule (the group's first chunk from the `aws_security_group`'s inline block,
 * the others from `aws_vpc_security_group_*_rule`s). A list holds its addresses as inline
 * entries or, every other chunk, as entry resources that name it (the provider does not
 * mix the two on one list).
 */
function awsPrefixListPlant(id: string, direction: "ingress" | "egress", ports: [number, number]): Plant {
  const vpcType = `aws_vpc_security_group_${direction}_rule`;
  return {
    rule: rule(AWS_POLICY_PACK.rules, id),
    through: "prefix lists",
    ports,
    build(chunks) {
      const groups: Json = { a: { description: "a" }, b: { description: "b" } };
      const lists: Json = {};
      const entries: Json = {};
      const resource: Record<string, Record<string, Json>> = { aws_security_group: groups, [vpcType]: {}, aws_ec2_managed_prefix_list: lists, aws_ec2_managed_prefix_list_entry: entries };
      const holders = chunks.map((chunk, i): Holder => {
        const { cidrs } = chunk;
        const list = ref("aws_ec2_managed_prefix_list", `l${i}`);
        lists[`l${i}`] = { name: `l${i}`, address_family: "IPv4", max_entries: cidrs.length };
        if (i % 2 === 0) lists[`l${i}`].entry = cidrs.map((cidr) => ({ cidr }));
        else cidrs.forEach((cidr, j) => (entries[`l${i}_${j}`] = { prefix_list_id: list, cidr }));
        if (firstOfGroup(chunks, i)) {
          groups[chunk.group][direction] = [{ protocol: "tcp", from_port: chunk.port, to_port: chunk.port, prefix_list_ids: [list] }];
          return { address: `aws_security_group.${chunk.group}`, cidrs };
        }
        resource[vpcType][`r${i}`] = { security_group_id: ref("aws_security_group", chunk.group), ip_protocol: "tcp", from_port: chunk.port, to_port: chunk.port, prefix_list_id: list };
        return { address: `${vpcType}.r${i}`, cidrs };
      });
      return { resource, holders, subjects: { a: [], b: [] } };
    },
  };
}

/** Tencent Cloud: a group's first chunk as a lite rule, a single address as a rule, several as a rule set. */
const tencentPlant: Plant = {
  rule: rule(TENCENTCLOUD_POLICY_PACK.rules, "BKS-TC-SG-PUBLIC-INGRESS"),
  ports: [443, 8443],
  build(chunks) {
    const resource: Record<string, Record<string, Json>> = {
      tencentcloud_security_group: { a: { name: "a" }, b: { name: "b" } },
      tencentcloud_security_group_rule: {},
      tencentcloud_security_group_rule_set: {},
      tencentcloud_security_group_lite_rule: {},
    };
    const holders = chunks.map((chunk, i): Holder => {
      const { cidrs } = chunk;
      const group = ref("tencentcloud_security_group", chunk.group);
      if (firstOfGroup(chunks, i)) {
        resource.tencentcloud_security_group_lite_rule[`r${i}`] = { security_group_id: group, ingress: cidrs.map((cidr) => `ACCEPT#${cidr}#${chunk.port}#TCP`) };
        return { address: `tencentcloud_security_group_lite_rule.r${i}`, cidrs };
      }
      if (cidrs.length === 1) {
        resource.tencentcloud_security_group_rule[`r${i}`] = { security_group_id: group, type: "ingress", policy: "ACCEPT", ip_protocol: "TCP", port_range: String(chunk.port), cidr_ip: cidrs[0] };
        return { address: `tencentcloud_security_group_rule.r${i}`, cidrs };
      }
      resource.tencentcloud_security_group_rule_set[`r${i}`] = {
        security_group_id: group,
        ingress: cidrs.map((cidr) => ({ action: "ACCEPT", cidr_block: cidr, protocol: "TCP", port: String(chunk.port) })),
      };
      return { address: `tencentcloud_security_group_rule_set.r${i}`, cidrs };
    });
    return { resource, holders, subjects: { a: [], b: [] } };
  },
};

/**
 * Tencent Cloud through address templates: each chunk is an address template of its own,
 * named by its own rule: the group's first chunk through a template group from a rule set's
 * block, the others from a rule's `address_template` or a lite rule's source, in turn.
 */
const tencentTemplatePlant: Plant = {
  rule: rule(TENCENTCLOUD_POLICY_PACK.rules, "BKS-TC-SG-PUBLIC-INGRESS"),
  through: "address templates",
  ports: [443, 8443],
  build(chunks) {
    const resource: Record<string, Record<string, Json>> = {
      tencentcloud_security_group: { a: { name: "a" }, b: { name: "b" } },
      tencentcloud_address_template: {},
      tencentcloud_address_template_group: {},
      tencentcloud_security_group_rule: {},
      tencentcloud_security_group_rule_set: {},
      tencentcloud_security_group_lite_rule: {},
    };
    const holders = chunks.map((chunk, i): Holder => {
      const { cidrs } = chunk;
      const group = ref("tencentcloud_security_group", chunk.group);
      const template = ref("tencentcloud_address_template", `t${i}`);
      resource.tencentcloud_address_template[`t${i}`] = { name: `t${i}`, addresses: [...cidrs] };
      if (firstOfGroup(chunks, i)) {
        resource.tencentcloud_address_template_group[`g${i}`] = { name: `g${i}`, template_ids: [template] };
        const templateGroup = ref("tencentcloud_address_template_group", `g${i}`);
        resource.tencentcloud_security_group_rule_set[`r${i}`] = { security_group_id: group, ingress: [{ action: "ACCEPT", address_template_group: templateGroup, protocol: "TCP", port: String(chunk.port) }] };
        return { address: `tencentcloud_security_group_rule_set.r${i}`, cidrs };
      }
      if (i % 2 === 0) {
        resource.tencentcloud_security_group_rule[`r${i}`] = { security_group_id: group, type: "ingress", policy: "ACCEPT", ip_protocol: "TCP", port_range: String(chunk.port), address_template: [{ template_id: template }] };
        return { address: `tencentcloud_security_group_rule.r${i}`, cidrs };
      }
      resource.tencentcloud_security_group_lite_rule[`r${i}`] = { security_group_id: group, ingress: [`ACCEPT#${template}#${chunk.port}#TCP`] };
      return { address: `tencentcloud_security_group_lite_rule.r${i}`, cidrs };
    });
    return { resource, holders, subjects: { a: [], b: [] } };
  },
};

/** Alibaba Cloud security groups: one `alicloud_security_group_rule` per address (a rule holds one). */
const alicloudAdminPlant: Plant = {
  rule: rule(ALICLOUD_POLICY_PACK.rules, "BKS-ALI-SG-ADMIN-PORTS"),
  ports: [22, 3389],
  build(chunks) {
    const rules: Json = {};
    const holders = chunks.flatMap((chunk, i) =>
      chunk.cidrs.map((cidr, j): Holder => {
        rules[`r${i}_${j}`] = {
          security_group_id: ref("alicloud_security_group", chunk.group),
          type: "ingress",
          ip_protocol: "tcp",
          policy: "accept",
          port_range: `${chunk.port}/${chunk.port}`,
          cidr_ip: cidr,
        };
        return { address: `alicloud_security_group_rule.r${i}_${j}`, cidrs: [cidr] };
      }),
    );
    return { resource: { alicloud_security_group: { a: {}, b: {} }, alicloud_security_group_rule: rules }, holders, subjects: { a: [], b: [] } };
  },
};

/** Alibaba Cloud RDS: a group is an instance; its first chunk in `security_ips`, each other one a whitelist template it attaches. */
const rdsPlant: Plant = {
  rule: rule(ALICLOUD_POLICY_PACK.rules, "BKS-ALI-RDS-WHITELIST"),
  build(chunks) {
    const instances: Json = { a: { template_id_list: [] }, b: { template_id_list: [] } };
    const templates: Json = {};
    const holders = chunks.map((chunk, i): Holder => {
      const { cidrs } = chunk;
      if (firstOfGroup(chunks, i)) {
        instances[chunk.group].security_ips = [...cidrs];
        return { address: `alicloud_db_instance.${chunk.group}`, cidrs };
      }
      templates[`t${i}`] = { template_name: `t${i}`, ip_white_list: cidrs.join(",") };
      instances[chunk.group].template_id_list.push(ref("alicloud_rds_whitelist_template", `t${i}`));
      return { address: `alicloud_rds_whitelist_template.t${i}`, cidrs };
    });
    return { resource: { alicloud_db_instance: instances, alicloud_rds_whitelist_template: templates }, holders, subjects: { a: ["alicloud_db_instance.a"], b: ["alicloud_db_instance.b"] } };
  },
};

/**
 * Alibaba Cloud CLB: a group is a whitelist ACL of its own listener, beside a listener
 * whose whitelist holds one office range; the group's first chunk in the ACL's
 * `entry_list`, every other address its own entry attachment.
 */
const slbPlant: Plant = {
  rule: rule(ALICLOUD_POLICY_PACK.rules, "BKS-ALI-SLB-LISTENER-ACL"),
  build(chunks) {
    const lb = ref("alicloud_slb_load_balancer", "lb");
    const listener = (port: number, acl: string) => ({ load_balancer_id: lb, frontend_port: port, acl_status: "on", acl_type: "white", acl_ids: [ref("alicloud_slb_acl", acl)] });
    const acls: Json = { office: { entry_list: [{ entry: "203.0.113.0/24" }] }, a: {}, b: {} };
    const entries: Json = {};
    const holders = chunks.flatMap((chunk, i): Holder[] => {
      if (firstOfGroup(chunks, i)) {
        acls[chunk.group].entry_list = chunk.cidrs.map((entry) => ({ entry }));
        return [{ address: `alicloud_slb_acl.${chunk.group}`, cidrs: chunk.cidrs }];
      }
      return chunk.cidrs.map((entry, j) => {
        entries[`e${i}_${j}`] = { acl_id: ref("alicloud_slb_acl", chunk.group), entry };
        return { address: `alicloud_slb_acl_entry_attachment.e${i}_${j}`, cidrs: [entry] };
      });
    });
    return {
      resource: {
        alicloud_slb_load_balancer: { lb: {} },
        alicloud_slb_listener: { office: listener(443, "office"), a: listener(80, "a"), b: listener(8080, "b") },
        alicloud_slb_acl: acls,
        alicloud_slb_acl_entry_attachment: entries,
      },
      holders,
      subjects: { a: ["alicloud_slb_listener.a"], b: ["alicloud_slb_listener.b"] },
    };
  },
};

const PLANTS: readonly Plant[] = [
  awsPlant("BKS-AWS-SG-PUBLIC-INGRESS", "ingress", [443, 8443]),
  awsPlant("BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "ingress", [22, 3389]),
  awsPlant("BKS-AWS-SG-PUBLIC-EGRESS", "egress", [443, 5432]),
  awsPrefixListPlant("BKS-AWS-SG-PUBLIC-INGRESS", "ingress", [443, 8443]),
  awsPrefixListPlant("BKS-AWS-SG-PUBLIC-ADMIN-PORTS", "ingress", [22, 3389]),
  awsPrefixListPlant("BKS-AWS-SG-PUBLIC-EGRESS", "egress", [443, 5432]),
  tencentPlant,
  tencentTemplatePlant,
  alicloudAdminPlant,
  rdsPlant,
  slbPlant,
];

/**
 * The two halves of 12.0.0.0/7: each one public /8, no more than one registry allocation
 * and so not the internet alone (lib/core/address-coverage.ts), together two. (The literal
 * halves 0.0.0.0/1 and 128.0.0.0/1 are each far more than a /8: flagged alone too.)
 */
const HALVES = ["12.0.0.0/8", "13.0.0.0/8"];
/** Thirty public /8s: 11.0.0.0/8 to 40.0.0.0/8. */
const THIRTY_SLASH_8S = Array.from({ length: 30 }, (_, i) => `${11 + i}.0.0.0/8`);

/** What the rule must flag where group `a`'s union admits the internet: every resource that adds a public address to it, and the subject. */
function unionOf(planted: Planted): string[] {
  const adding = planted.holders.filter((h) => publicCoverage(h.cidrs).ipv4 > 0).map((h) => h.address);
  return [...new Set([...adding, ...planted.subjects.a])].sort();
}

/** The addresses the rule flags in the planted stack. */
function flaggedIn(plant: Plant, planted: Planted): string[] {
  return evaluate({ resource: planted.resource }, [plant.rule]).findings.map((f) => f.resource.address).sort();
}
const portOf = (plant: Plant, which = 0) => plant.ports?.[which] ?? 0;

describe.each(PLANTS.map((p) => [p.through ? `${p.rule.id} through ${p.through}` : p.rule.id, p] as const))("%s judges the union of what it adds up", (_id, plant) => {
  test("one half of 12.0.0.0/7 alone is not the internet", () => {
    expect(flaggedIn(plant, plant.build([{ group: "a", port: portOf(plant), cidrs: [HALVES[0]] }]))).toEqual([]);
  });

  test("two halves of 12.0.0.0/7 in two resources on one group and port are flagged, each resource named", () => {
    const planted = plant.build(HALVES.map((cidr) => ({ group: "a", port: portOf(plant), cidrs: [cidr] })));
    expect(planted.holders.length).toBe(2);
    expect(flaggedIn(plant, planted)).toEqual(unionOf(planted));
    expect(flaggedIn(plant, planted)).toEqual(expect.arrayContaining(planted.holders.map((h) => h.address)));
  });

  test("0.0.0.0/1 and 128.0.0.0/1 in two resources are flagged, both named", () => {
    const planted = plant.build(["0.0.0.0/1", "128.0.0.0/1"].map((cidr) => ({ group: "a", port: portOf(plant), cidrs: [cidr] })));
    expect(flaggedIn(plant, planted)).toEqual(expect.arrayContaining(planted.holders.map((h) => h.address)));
  });

  if (plant.ports) {
    test("the same halves on two ports do not add up", () => {
      const planted = plant.build(HALVES.map((cidr, i) => ({ group: "a", port: portOf(plant, i), cidrs: [cidr] })));
      expect(flaggedIn(plant, planted)).toEqual([]);
    });
  }

  test("the same halves on two groups do not add up", () => {
    const planted = plant.build([
      { group: "a", port: portOf(plant), cidrs: [HALVES[0]] },
      { group: "b", port: portOf(plant), cidrs: [HALVES[1]] },
    ]);
    expect(flaggedIn(plant, planted)).toEqual([]);
  });

  test("thirty public /8s as thirty resources are flagged, every one named", () => {
    const planted = plant.build(THIRTY_SLASH_8S.map((cidr) => ({ group: "a", port: portOf(plant), cidrs: [cidr] })));
    expect(planted.holders.length).toBe(30);
    expect(flaggedIn(plant, planted)).toEqual(unionOf(planted));
    expect(flaggedIn(plant, planted)).toEqual(expect.arrayContaining(planted.holders.map((h) => h.address)));
  });

  test("thirty public /24s as thirty resources stay below a /8", () => {
    const planted = plant.build(THIRTY_SLASH_8S.map((_, i) => ({ group: "a", port: portOf(plant), cidrs: [`203.0.${i}.0/24`] })));
    expect(flaggedIn(plant, planted)).toEqual([]);
  });
});

// Blocks from a /4 to a /16, so that a few of them land on either side of one /8 in all.
const ipv4Block = fc
  .record({ address: fc.integer({ min: 0, max: 2 ** 32 - 1 }), prefixLength: fc.integer({ min: 4, max: 16 }) })
  .map(({ address, prefixLength }) => formatCidr({ network: (address & ((0xffffffff << (32 - prefixLength)) >>> 0)) >>> 0, prefixLength }));

/** The blocks cut into consecutive chunks at the given sizes (each at least one block), all on group `a`. */
function chunked(blocks: readonly string[], sizes: readonly number[], port: number): Chunk[] {
  const chunks: Chunk[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= blocks.length) break;
    chunks.push({ group: "a", port, cidrs: blocks.slice(at, at + size) });
    at += size;
  }
  if (at < blocks.length) chunks.push({ group: "a", port, cidrs: blocks.slice(at) });
  return chunks;
}

describe.each(PLANTS.map((p) => [p.through ? `${p.rule.id} through ${p.through}` : p.rule.id, p] as const))("%s: splitting addresses over resources never changes the verdict", (_id, plant) => {
  test("any split of a set of blocks over resources on one group and port is judged as the set", () => {
    const verdicts = new Set<boolean>();
    fc.assert(
      fc.property(fc.array(ipv4Block, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 8 }), (blocks, sizes) => {
        const expected = admitsInternet(blocks);
        verdicts.add(expected);
        const whole = flaggedIn(plant, plant.build([{ group: "a", port: portOf(plant), cidrs: blocks }]));
        const planted = plant.build(chunked(blocks, sizes, portOf(plant)));
        const split = flaggedIn(plant, planted);
        expect(whole.length > 0).toBe(expected);
        // Flagged or not as the set is, and when flagged, every resource that adds a public address named.
        expect(split).toEqual(expected ? unionOf(planted) : []);
      }),
      { numRuns: propertyRuns(100) },
    );
    // The blocks' sizes put sets on both sides of the line: the property saw both verdicts.
    expect([...verdicts].sort()).toEqual([false, true]);
  });
});
