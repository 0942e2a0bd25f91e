import { ANY_PROTOCOL, groupKey, Opening, stackOpeningsBy } from "../../openings";
import { ResourceBlock, settingRule, StackView } from "../../rule";

// What several Alibaba Cloud rules look at.


/** A rule that one argument of `alicloud_db_instance` must satisfy. */
export const rdsSetting = settingRule("alicloud_db_instance");

/** A rule that one argument of `alicloud_kvstore_instance` (Tair / Redis) must satisfy. */
export const redisSetting = settingRule("alicloud_kvstore_instance");

/** "22/22" -> [22, 22]; "-1/-1" -> every port; "22" (no upper end) -> [22, 22]. */
export function portRange(text: unknown): [number, number] {
  const [from, to] = String(text ?? "-1/-1").split("/").map(Number);
  return from === -1 || Number.isNaN(from) ? [1, 65535] : [from, to === undefined || Number.isNaN(to) ? from : to];
}

/**
 * What an `alicloud_security_group_rule` opens: its protocol (`all` is every one), ports
 * and addresses, on the group its `security_group_id` names. A `drop` rule opens nothing:
 * what a group admits is judged by what it accepts, whatever the priorities.
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_security_group_rule.go
 */
export function openingsOf(r: ResourceBlock, stack: StackView): Opening[] {
  const c = r.config;
  if (r.type !== "alicloud_security_group_rule" || (c.type !== "ingress" && c.type !== "egress") || (c.policy ?? "accept") !== "accept") return [];
  const [from, to] = portRange(c.port_range);
  const protocol = String(c.ip_protocol).toLowerCase();
  return [
    {
      resource: r,
      group: groupKey(stack, c.security_group_id, r),
      direction: c.type,
      protocol: protocol === "all" ? ANY_PROTOCOL : protocol,
      ports: { from, to },
      addresses: [c.cidr_ip, c.ipv6_cidr_ip],
    },
  ];
}

/** Every accepting opening of the stack's security groups in one direction. */
export function stackOpenings(stack: StackView, direction: "ingress" | "egress"): Opening[] {
  return stackOpeningsBy(openingsOf, stack, direction);
}

/**
 * The addresses of an IP whitelist as the API receives them: the provider joins a list's
 * elements with commas (`SecurityIps`), and a template's `ip_white_list` is one such
 * string, so `"0.0.0.0/1,128.0.0.0/1"` in one element names two blocks.
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_db_instance.go (strings.Join(security_ips, ","))
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_kvstore_instance.go (convertListToCommaSeparate(security_ips))
 */
export function whitelistEntries(value: unknown): unknown[] {
  const elements = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return elements.flatMap((e) => (typeof e === "string" ? e.split(",") : [e]));
}
