import { rangeBlocks } from "../../../core/address-coverage";
import { ALL_PORTS, ANY_PROTOCOL, groupKey, Opening, portsBetween, PortRange, stackOpeningsBy } from "../../openings";
import { blocksOf, ResourceBlock, settingRule, StackView } from "../../rule";

// What several Tencent Cloud rules look at: the places where an instance's launch
// settings live, which differ between a CVM, a launch configuration, a TKE node pool and
// the node configs of a TKE cluster.


/** The resource types that launch CVM instances. */
export const INSTANCE_TYPES = ["tencentcloud_instance", "tencentcloud_as_scaling_config", "tencentcloud_kubernetes_node_pool", "tencentcloud_kubernetes_cluster"];

/**
 * The blocks holding one kind of instance's launch settings: the resource itself for a
 * CVM or a launch configuration, `auto_scaling_config` (+ `node_config`) for a node pool,
 * every `master_config` and `worker_config` for a cluster.
 */
export function launchSettings(r: ResourceBlock): Record<string, any>[] {
  switch (r.type) {
    case "tencentcloud_kubernetes_node_pool":
      return blocksOf(r.config.auto_scaling_config);
    case "tencentcloud_kubernetes_cluster":
      return [...blocksOf(r.config.master_config), ...blocksOf(r.config.worker_config)];
    default:
      return [r.config];
  }
}

/** True when `value` is explicitly false (`false` or `"false"`). */
export function isFalse(value: unknown): boolean {
  return value === false || value === "false";
}

/** A rule that one argument of `tencentcloud_mysql_instance` must satisfy. */
export const mysqlSetting = settingRule("tencentcloud_mysql_instance");

/** A rule that one argument of `tencentcloud_redis_instance` must satisfy. */
export const redisSetting = settingRule("tencentcloud_redis_instance");

/** The resource types that hold security group rules. */
export const SECURITY_GROUP_RULE_TYPES = ["tencentcloud_security_group_rule", "tencentcloud_security_group_rule_set", "tencentcloud_security_group_lite_rule"];

/**
 * A rule's protocol: `TCP`, `UDP`, `ICMP`, `ICMPv6` or `ALL`, every protocol when absent.
 * A protocol template (`ppm-...`, `protocol_template`, `service_template_*`) may hold any
 * protocol and port, so it counts as every one.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/vpc/resource_tc_security_group_rule_set.go (protocol, port)
 */
function protocolOf(value: unknown): string {
  const name = String(value ?? "ALL").toLowerCase();
  return name === "all" || /^ppmg?-/.test(name) ? ANY_PROTOCOL : name;
}

/** `80`, `80,443`, `80-90`, `ALL` or absent (every port), as runs of ports. */
function portsOf(value: unknown): PortRange[] {
  if (value === undefined || value === null || String(value).toLowerCase() === "all") return [ALL_PORTS];
  return String(value)
    .split(",")
    .map((item) => {
      const [from, to] = item.split("-");
      return portsBetween(from, to ?? from);
    });
}

/** One ACCEPT rule as openings, one per run of ports it names; a DROP rule opens nothing. */
function accepted(r: ResourceBlock, group: string, direction: string, rule: { action: unknown; protocol: unknown; ports: unknown; addresses: unknown[] }): Opening[] {
  const dir = String(direction).toLowerCase();
  if (String(rule.action ?? "").toUpperCase() !== "ACCEPT" || (dir !== "ingress" && dir !== "egress")) return [];
  const protocol = protocolOf(rule.protocol);
  return portsOf(rule.ports).map((ports) => ({ resource: r, group, direction: dir, protocol, ports, addresses: rule.addresses }));
}

/** An address template written with plain `addresses`, one written with `addresses_extra` blocks (remarks beside each), and a group of templates. */
const ADDRESS_TEMPLATE = "tencentcloud_address_template";
const ADDRESS_EXTRA_TEMPLATE = "tencentcloud_address_extra_template";
const ADDRESS_TEMPLATE_GROUP = "tencentcloud_address_template_group";

/** A template's addresses: IPs, CIDR blocks and ranges (`10.0.0.1-10.0.0.100`), a range as the blocks it holds. */
function templateEntries(template: ResourceBlock): unknown[] {
  const written = template.type === ADDRESS_EXTRA_TEMPLATE ? blocksOf(template.config.addresses_extra).map((a) => a.address) : ((template.config.addresses ?? []) as unknown[]);
  return written.flatMap((entry) => (typeof entry === "string" ? (rangeBlocks(entry) ?? [entry]) : [entry]));
}

/**
 * The addresses an address template (`ipm-...`) or template group (`ipmg-...`) that a rule
 * names holds, when the stack holds it: a template's `addresses` (or `addresses_extra`), a
 * group's every template of the stack (`template_ids`). A rule admits what its templates
 * hold as surely as the block it writes itself. A template named by a literal ID, or read
 * from a data source, is not in the stack and adds nothing: its addresses are unknown at synth.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/vpc/resource_tc_address_template.go (addresses: IP, CIDR or IP range)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/vpc/resource_tc_address_extra_template.go (addresses_extra.address)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/vpc/resource_tc_address_template_group.go (template_ids)
 */
function templateAddresses(stack: StackView, id: unknown): unknown[] {
  const named = stack.referenced(id);
  switch (named?.type) {
    case ADDRESS_TEMPLATE:
    case ADDRESS_EXTRA_TEMPLATE:
      return templateEntries(named);
    case ADDRESS_TEMPLATE_GROUP:
      return ((named.config.template_ids ?? []) as unknown[])
        .map((member) => stack.referenced(member))
        .filter((t): t is ResourceBlock => t?.type === ADDRESS_TEMPLATE || t?.type === ADDRESS_EXTRA_TEMPLATE)
        .flatMap(templateEntries);
    default:
      return [];
  }
}

/**
 * What a security group rule opens, in each shape the provider accepts: a single
 * `tencentcloud_security_group_rule`, the ordered blocks of a `..._rule_set`, or the
 * `ACTION#SOURCE#PORT#PROTOCOL` strings of a `..._lite_rule`; each applies to the group its
 * `security_group_id` names. Its addresses are the block it writes, or those of the
 * address template or template group of the stack it names (`address_template`,
 * `address_template_id` / `address_template_group`, a lite rule's `ipm-` / `ipmg-` source).
 * DROP rules are left out: what a group admits is judged by what it accepts, whatever
 * order the rules take.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/vpc/resource_tc_security_group_rule.go
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/vpc/resource_tc_security_group_lite_rule.go
 */
export function openingsOf(r: ResourceBlock, stack: StackView): Opening[] {
  const c = r.config;
  const group = groupKey(stack, c.security_group_id, r);
  switch (r.type) {
    case "tencentcloud_security_group_rule": {
      const template = c.protocol_template === undefined ? c.ip_protocol : "ppm-template";
      const addresses = blocksOf(c.address_template).flatMap((t) => [...templateAddresses(stack, t.template_id), ...templateAddresses(stack, t.group_id)]);
      return accepted(r, group, c.type, { action: c.policy, protocol: template, ports: c.port_range, addresses: [c.cidr_ip, ...addresses] });
    }
    case "tencentcloud_security_group_rule_set":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        blocksOf(c[direction]).flatMap((b) => {
          const service = b.service_template_id ?? b.service_template_group;
          const addresses = [b.cidr_block, b.ipv6_cidr_block, ...templateAddresses(stack, b.address_template_id), ...templateAddresses(stack, b.address_template_group)];
          return accepted(r, group, direction, { action: b.action, protocol: service === undefined ? b.protocol : "ppm-template", ports: b.port, addresses });
        }),
      );
    case "tencentcloud_security_group_lite_rule":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        ((c[direction] ?? []) as unknown[]).flatMap((text) => {
          const [action, source, ports, protocol] = String(text).split("#");
          return accepted(r, group, direction, { action, protocol, ports, addresses: [source, ...templateAddresses(stack, source)] });
        }),
      );
    default:
      return [];
  }
}

/** Every ACCEPT opening of the stack's security groups in one direction. */
export function stackOpenings(stack: StackView, direction: "ingress" | "egress"): Opening[] {
  return stackOpeningsBy(openingsOf, stack, direction);
}
