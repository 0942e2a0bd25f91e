import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

// What the Kubernetes rules look at: the pod template of every workload kind the
// kubernetes provider has, and its containers. checkov uses the same CKV_K8S_* IDs for
// manifests and for these Terraform resources.
export const WORKLOAD_TYPES = [
  "kubernetes_deployment_v1",
  "kubernetes_deployment",
  "kubernetes_stateful_set_v1",
  "kubernetes_daemon_set_v1",
  "kubernetes_job_v1",
  "kubernetes_cron_job_v1",
  "kubernetes_pod_v1",
];

/** The pod spec of a workload block (a pod's own spec, or its template's). */
export function podSpec(type: string, config: Record<string, any>): Record<string, any> {
  if (type === "kubernetes_pod_v1") return blocksOf(config.spec)[0] ?? {};
  if (type === "kubernetes_cron_job_v1") {
    const job = blocksOf(blocksOf(config.spec)[0]?.job_template)[0];
    return blocksOf(blocksOf(blocksOf(job?.spec)[0]?.template)[0]?.spec)[0] ?? {};
  }
  return blocksOf(blocksOf(blocksOf(config.spec)[0]?.template)[0]?.spec)[0] ?? {};
}

/** Every container of a pod spec, init containers included. */
export function containers(spec: Record<string, any>): Record<string, any>[] {
  return [...blocksOf(spec.container), ...blocksOf(spec.init_container)];
}

/** One value of a container's security context, falling back to the pod's. */
export function securityValue(container: Record<string, any>, spec: Record<string, any>, key: string): unknown {
  const own = blocksOf(container.security_context)[0]?.[key];
  return own !== undefined ? own : blocksOf(spec.security_context)[0]?.[key];
}

/** A rule every container of every workload must satisfy. */
export function containerRule(
  id: string,
  mirrors: string[],
  explanation: string,
  holds: (container: Record<string, any>, spec: Record<string, any>) => boolean,
): PolicyRule {
  return {
    id,
    mirrors,
    explanation,
    level: PolicyLevel.ERROR,
    resourceTypes: WORKLOAD_TYPES,
    check: (r) => {
      const spec = podSpec(r.type, r.config);
      return compliantIf(containers(spec).every((c) => holds(c, spec)));
    },
  };
}

/** A rule the pod spec of every workload must satisfy. */
export function podRule(id: string, mirrors: string[], explanation: string, holds: (spec: Record<string, any>) => boolean): PolicyRule {
  return { id, mirrors, explanation, level: PolicyLevel.ERROR, resourceTypes: WORKLOAD_TYPES, check: (r) => compliantIf(holds(podSpec(r.type, r.config))) };
}
