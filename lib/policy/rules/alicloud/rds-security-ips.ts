import { coversPublicAddresses } from "../../openings";
import { admitsInternet, Compliance, compliantIf, PolicyLevel, PolicyRule, ResourceBlock, StackView } from "../../rule";
import { whitelistEntries } from "./selectors";

const INSTANCE = "alicloud_db_instance";
const TEMPLATE = "alicloud_rds_whitelist_template";

/** The whitelist templates an instance attaches (`template_id_list`) that the stack holds. */
function templatesOf(instance: ResourceBlock, stack: StackView): ResourceBlock[] {
  const ids = instance.config.template_id_list;
  return (Array.isArray(ids) ? ids : [ids]).map((id) => stack.referenced(id)).filter((t): t is ResourceBlock => t?.type === TEMPLATE);
}

/** What an instance's whitelist admits: its own `security_ips` and every template it attaches. */
function whitelistOf(instance: ResourceBlock, stack: StackView): unknown[] {
  return [...whitelistEntries(instance.config.security_ips), ...templatesOf(instance, stack).flatMap((t) => whitelistEntries(t.config.ip_white_list))];
}

/**
 * An instance admits the union of its whitelists: its `security_ips` and the IP whitelist
 * templates (`alicloud_rds_whitelist_template`) it attaches with `template_id_list`, each its
 * own resource. The instance is judged on that union; a template on the union of every
 * instance that attaches it (flagged when it adds public addresses to one that admits the
 * internet), or on its own list when no instance of the stack attaches it.
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_db_instance.go (template_id_list: AttachWhitelistTemplateToInstance)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_rds_whitelist_template.go (ip_white_list, comma-separated)
 */
export const RdsNoPublicWhitelist: PolicyRule = {
  id: "BKS-ALI-RDS-WHITELIST",
  mirrors: ["CKV_ALI_9", "KICS 1b4565c0-4877-49ac-ab03-adebbccd42ae"],
  explanation:
    "An RDS instance's IP whitelist must not admit the internet: its security_ips and the whitelist templates it attaches, taken together, must not hold 0.0.0.0, 0.0.0.0/0, or blocks that add up to more than a /8 of public addresses.",
  level: PolicyLevel.ERROR,
  resourceTypes: [INSTANCE, TEMPLATE],
  check: (r, stack) => {
    if (r.type === INSTANCE) return compliantIf(!admitsInternet(whitelistOf(r, stack)));
    const own = whitelistEntries(r.config.ip_white_list);
    const instances = stack.resources.filter((i) => i.type === INSTANCE && templatesOf(i, stack).some((t) => t.address === r.address));
    if (instances.length === 0) return compliantIf(!admitsInternet(own));
    if (!coversPublicAddresses(own)) return Compliance.COMPLIANT;
    return compliantIf(!instances.some((i) => admitsInternet(whitelistOf(i, stack))));
  },
};
