import { Compliance, compliantIf, PolicyLevel, PolicyRule, ResourceBlock, StackView } from "../../rule";

const LISTENER = "alicloud_slb_listener";

/** A listener that forwards only its whitelist's addresses (an empty list would forward all, which the ACL's entries decide, not the listener). */
function whitelisted(listener: ResourceBlock): boolean {
  const ids = listener.config.acl_ids ?? (listener.config.acl_id === undefined ? [] : [listener.config.acl_id]);
  return listener.config.acl_status === "on" && listener.config.acl_type === "white" && ids.length > 0;
}

/** The other listeners of the same load balancer, by its reference. */
function siblings(listener: ResourceBlock, stack: StackView): ResourceBlock[] {
  const loadBalancer = stack.referenced(listener.config.load_balancer_id);
  return loadBalancer === undefined ? [] : stack.referencing(LISTENER, loadBalancer).filter((other) => other.address !== listener.address);
}

/**
 * Where one listener of a CLB admits only a whitelist (`LoadBalancerClients.addressRanges`),
 * every listener of that CLB must: a listener added without it (another port, say) is a
 * way around the list. No scanner has the rule; a CLB whose listeners carry no list is not
 * judged here.
 */
export const SlbListenerAcl: PolicyRule = {
  id: "BKS-ALI-SLB-LISTENER-ACL",
  mirrors: [],
  explanation: "Where a CLB's listeners admit only a whitelist access control list, every listener of that CLB must carry one (acl_status on, acl_type white).",
  level: PolicyLevel.ERROR,
  resourceTypes: [LISTENER],
  check: (r, stack) => (siblings(r, stack).some(whitelisted) ? compliantIf(whitelisted(r)) : Compliance.NOT_APPLICABLE),
};
