import { blocksOf, compliantIf, PolicyLevel, PolicyRule, ResourceBlock } from "../../rule";
import { INSTANCE_TYPES, launchSettings } from "./selectors";

// API keys must never be baked into user data: the provider's variable names and the
// shape of a Tencent Cloud SecretId.
const SECRET_PATTERN = /TENCENTCLOUD_SECRET_(ID|KEY)|AKID[0-9A-Za-z]{32}/;

/** Literal text, and its base64 decoding when the whole value looks like base64. */
function readable(value: unknown): string {
  const text = String(value ?? "");
  if (/^[A-Za-z0-9+/]+=*$/.test(text) && text.length % 4 === 0) return `${text}\n${Buffer.from(text, "base64").toString("utf8")}`;
  return text;
}

function userData(r: ResourceBlock): unknown[] {
  const nodeConfigs = r.type === "tencentcloud_kubernetes_node_pool" ? blocksOf(r.config.node_config) : [];
  return [...launchSettings(r), ...nodeConfigs].flatMap((s) => [s.user_data, s.user_data_raw]).filter((v) => v !== undefined);
}

export const UserDataNoSecrets: PolicyRule = {
  id: "BKS-TC-USER-DATA-SECRETS",
  mirrors: ["CKV_TC_13"],
  explanation: "User data must not hold TENCENTCLOUD_SECRET_ID/KEY or a SecretId: it is readable from the instance and the API; use a CAM role.",
  level: PolicyLevel.ERROR,
  resourceTypes: INSTANCE_TYPES,
  // Terraform decodes base64encode("...") at apply; the literal inside is checked.
  check: (r) => compliantIf(!userData(r).some((v) => SECRET_PATTERN.test(readable(v)))),
};
