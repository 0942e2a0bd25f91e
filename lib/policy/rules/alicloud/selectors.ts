import { settingRule } from "../../rule";

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
