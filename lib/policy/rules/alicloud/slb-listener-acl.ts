import { coversPublicAddresses, groupKey } from "../../openings";
import { admitsInternet, blocksOf, Compliance, compliantIf, PolicyLevel, PolicyRule, ResourceBlock, StackView } from "../../rule";

const LISTENER = "alicloud_slb_listener";
const ACL = "alicloud_slb_acl";
const ENTRY = "alicloud_slb_acl_entry_attachment";

/** The access control lists a listener names, each as the key its entries share (lib/policy/openings.ts's groupKey). */
function aclKeys(listener: ResourceBlock, stack: StackView): string[] {
  const ids = listener.config.acl_ids ?? (listener.config.acl_id === undefined ? [] : [listener.config.acl_id]);
  return (Array.isArray(ids) ? ids : [ids]).map((id) => groupKey(stack, id, listener));
}

/** Where an entry holder's entries go: the ACL itself, or the ACL an entry attachment names. */
function aclKeyOf(holder: ResourceBlock, stack: StackView): string {
  return holder.type === ACL ? holder.address : groupKey(stack, holder.config.acl_id, holder);
}

/** The entries a holder writes: an ACL's inline `entry_list` (deprecated, still accepted), or one attachment's `entry`. */
function entriesOf(holder: ResourceBlock): unknown[] {
  return holder.type === ACL ? blocksOf(holder.config.entry_list).map((e) => e.entry) : [holder.config.entry];
}

/** Every resource that writes entries into the ACL of that key. */
function holdersOf(key: string, stack: StackView): ResourceBlock[] {
  return stack.resources.filter((r) => (r.type === ACL || r.type === ENTRY) && aclKeyOf(r, stack) === key);
}

/**
 * A listener that forwards only its whitelist's addresses: on, white, naming lists whose
 * entries, taken together, do not admit the internet. The entries of one list may be many
 * resources (`alicloud_slb_acl_entry_attachment`, one per entry); a list of two /1s, or of
 * thirty public /8s, is a whitelist in name only. (An empty list would forward all, which
 * the ACL's entries decide, not the listener.)
 */
function whitelisted(listener: ResourceBlock, stack: StackView): boolean {
  const keys = aclKeys(listener, stack);
  if (listener.config.acl_status !== "on" || listener.config.acl_type !== "white" || keys.length === 0) return false;
  return !admitsInternet(keys.flatMap((key) => holdersOf(key, stack).flatMap(entriesOf)));
}

/** The other listeners of the same load balancer, by its reference. */
function siblings(listener: ResourceBlock, stack: StackView): ResourceBlock[] {
  const loadBalancer = stack.referenced(listener.config.load_balancer_id);
  return loadBalancer === undefined ? [] : stack.referencing(LISTENER, loadBalancer).filter((other) => other.address !== listener.address);
}

/** The listener's verdict: judged only where a sibling forwards only its whitelist. */
function judgeListener(listener: ResourceBlock, stack: StackView): Compliance {
  return siblings(listener, stack).some((s) => whitelisted(s, stack)) ? compliantIf(whitelisted(listener, stack)) : Compliance.NOT_APPLICABLE;
}

/**
 * Where one listener of a CLB admits only a whitelist (`LoadBalancerClients.addressRanges`),
 * every listener of that CLB must: a listener added without it (another port, say), or with
 * a list whose entries add up to the internet, is a way around the list. A list's entries
 * (the ACL's inline ones and every entry attachment naming it) are flagged with the
 * listener when they add public addresses to such a list. No scanner has the rule; a CLB
 * whose listeners carry no list is not judged here.
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_slb_acl_entry_attachment.go (acl_id, entry)
 */
export const SlbListenerAcl: PolicyRule = {
  id: "BKS-ALI-SLB-LISTENER-ACL",
  mirrors: [],
  explanation:
    "Where a CLB's listeners admit only a whitelist access control list, every listener of that CLB must carry one (acl_status on, acl_type white) whose entries, taken together, do not admit the internet (0.0.0.0/0, or more than a /8 of public addresses).",
  level: PolicyLevel.ERROR,
  resourceTypes: [LISTENER, ACL, ENTRY],
  check: (r, stack) => {
    if (r.type === LISTENER) return judgeListener(r, stack);
    const key = aclKeyOf(r, stack);
    const verdicts = stack.resources.filter((l) => l.type === LISTENER && aclKeys(l, stack).includes(key)).map((l) => judgeListener(l, stack));
    if (verdicts.every((v) => v === Compliance.NOT_APPLICABLE)) return Compliance.NOT_APPLICABLE;
    return compliantIf(!(verdicts.includes(Compliance.NON_COMPLIANT) && coversPublicAddresses(entriesOf(r))));
  },
};
