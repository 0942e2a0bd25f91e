import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

// What several Alibaba Cloud rules look at.

export const ANYWHERE = ["0.0.0.0/0", "0.0.0.0", "::/0"];

/** A rule that one argument of `alicloud_db_instance` must satisfy. */
export function rdsSetting(id: string, mirrors: string[], explanation: string, holds: (config: Record<string, any>) => boolean): PolicyRule {
  return { id, mirrors, explanation, level: PolicyLevel.ERROR, resourceTypes: ["alicloud_db_instance"], check: (r) => compliantIf(holds(r.config)) };
}

/** "22/22" -> [22, 22]; "-1/-1" -> every port; "22" (no upper end) -> [22, 22]. */
export function portRange(text: unknown): [number, number] {
  const [from, to] = String(text ?? "-1/-1").split("/").map(Number);
  return from === -1 || Number.isNaN(from) ? [1, 65535] : [from, to === undefined || Number.isNaN(to) ? from : to];
}
