import { IConstruct } from "constructs";

/**
 * The ports on which a CLB reaches a cluster's pods directly (Terway ENI backends) in one
 * network, so that the cluster's security group admits the CLB's source range on exactly
 * those ports: a CLB has no security group of its own, and an ACK security group admits
 * nothing from outside the cluster unless a rule says so.
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-security-group-rules-to-enforce-access-control-on-ack-clusters
 *
 * The load balancer and the cluster are built independently (in either order), so each
 * side registers here, keyed by the Network construct, and the cluster adds one rule per
 * port as soon as both are known.
 */
interface PodBackendRegistry {
  readonly ports: number[];
  readonly admitters: ((port: number) => void)[];
}

const registries = new WeakMap<IConstruct, PodBackendRegistry>();

function registryOf(network: IConstruct): PodBackendRegistry {
  let registry = registries.get(network);
  if (!registry) {
    registry = { ports: [], admitters: [] };
    registries.set(network, registry);
  }
  return registry;
}

/** A load balancer of this network sends requests to pods on `port`. */
export function addPodBackendPort(network: IConstruct, port: number): void {
  const registry = registryOf(network);
  if (registry.ports.includes(port)) return;
  registry.ports.push(port);
  for (const admit of registry.admitters) admit(port);
}

/** Calls `admit` for every pod backend port of this network, those known now and those added later. */
export function onPodBackendPorts(network: IConstruct, admit: (port: number) => void): void {
  const registry = registryOf(network);
  registry.admitters.push(admit);
  for (const port of registry.ports) admit(port);
}
