import { IConstruct } from "constructs";
import { APPLICATION_VARIABLES } from "../core/application-environment";
import { requirePinnedImage } from "../core/container-image";
import { allocatablePerNode, COMPUTE_SIZE_CAPACITY, ComputeSize } from "../core/sizes";
import { hasTerraformTemplateSequence } from "../core/user-data";
import {
  isUnresolved,
  requireBoolean,
  requireEnvironmentVariableName,
  requireKubernetesNamespace,
  requireNonSecretEnvironmentValue,
  requireNonSecretEnvironmentVariableName,
  requireNumberInRange,
  requireOrderedRange,
  requireUrlPath,
  ValidationError,
} from "../core/validation";

/** The neutral props of the bookstore's workloads on a cluster. */
export interface WorkloadSettings {
  /** The bookstore's container image, pinned by tag or digest (`latest` is refused). */
  readonly image: string;
  /** @default 8080 */
  readonly containerPort?: number;
  /** Path the liveness and readiness probes request. @default "/healthz" */
  readonly healthCheckPath?: string;
  /** Namespace of every object; never `default`. @default "bookstore" */
  readonly namespace?: string;
  /** Fewest pods; the autoscaler's floor. @default 2 */
  readonly minReplicas?: number;
  /** Most pods; the autoscaler's ceiling. @default 6 */
  readonly maxReplicas?: number;
  /**
   * Pods that must stay up during voluntary disruptions (node drains); below
   * `minReplicas`, or a drain could never proceed.
   * @default minReplicas - 1, at least 1
   */
  readonly minAvailable?: number;
  /** Average CPU the autoscaler aims at, in percent of the request. @default 70 */
  readonly targetCpuPercent?: number;
  /** At most what one node of the cluster's size leaves for pods. @default 250 */
  readonly cpuRequestMillicores?: number;
  /** @default 1000 */
  readonly cpuLimitMillicores?: number;
  /** @default 256 */
  readonly memoryRequestMiB?: number;
  /** @default 512 */
  readonly memoryLimitMiB?: number;
  /** UID the container runs as; at least 10000, clear of host users. @default 10001 */
  readonly runAsUser?: number;
  /**
   * Relaxation: let the container write to its root filesystem. Only for images that
   * cannot run otherwise; `/tmp` is always writable.
   * @default false
   */
  readonly writableRootFilesystem?: boolean;
  /**
   * Relaxation: mount a Kubernetes API token into the pods. The bookstore never calls the
   * API, so a stolen pod gets no credentials by default.
   * @default false
   */
  readonly mountServiceAccountToken?: boolean;
  /**
   * Extra, non-secret environment variables: names such as `*_PASSWORD`, `*_SECRET` or
   * `*_TOKEN` are refused, and so are the names the workloads set (`DB_HOST`, `PORT`, ...).
   * @default none
   */
  readonly environment?: Readonly<Record<string, string>>;
}

/** The settings with every default applied, after validation. */
export type ResolvedWorkloadSettings = Required<Omit<WorkloadSettings, "environment">> & {
  /** The user's extra environment variables; empty when none. */
  readonly environment: Readonly<Record<string, string>>;
};

const MIN_UID = 10000;

/**
 * The environment the workloads set themselves in the pods' ConfigMap (the application
 * contract, see `applicationEnvironment`); a user's variable of the same name would be
 * silently replaced.
 */
export const WORKLOAD_ENVIRONMENT: readonly string[] = Object.values(APPLICATION_VARIABLES);

/**
 * Applies defaults and refuses what cannot work, with the construct path in the error.
 * @param nodeSize the cluster's node size: a pod must fit on one node
 */
export function resolveWorkloadSettings(
  scope: IConstruct,
  settings: WorkloadSettings,
  field = "kubernetes",
  nodeSize?: ComputeSize,
  reservedVariables: readonly string[] = WORKLOAD_ENVIRONMENT,
): ResolvedWorkloadSettings {
  const f = (name: string) => `${field}.${name}`;
  const image = requirePinnedImage(scope, f("image"), settings.image);
  const namespace = requireKubernetesNamespace(scope, f("namespace"), settings.namespace ?? "bookstore");
  const containerPort = settings.containerPort ?? 8080;
  requireNumberInRange(scope, f("containerPort"), containerPort, { min: 1, max: 65535 });
  const healthCheckPath = requireUrlPath(scope, f("healthCheckPath"), settings.healthCheckPath ?? "/healthz");
  const minReplicas = settings.minReplicas ?? 2;
  const maxReplicas = settings.maxReplicas ?? Math.max(6, minReplicas);
  requireOrderedRange(scope, { lower: f("minReplicas"), upper: f("maxReplicas") }, { lower: minReplicas, upper: maxReplicas, lowerGiven: settings.minReplicas !== undefined }, { min: 1, max: 1000 });
  const minAvailable = settings.minAvailable ?? Math.max(1, minReplicas - 1);
  requireNumberInRange(scope, f("minAvailable"), minAvailable, { min: 0, max: 1000 });
  if (minAvailable >= minReplicas) {
    throw new ValidationError(scope, f("minReplicas"), minReplicas, `more than the disruption budget's minAvailable (${minAvailable}), or no node could ever be drained`);
  }
  const targetCpuPercent = settings.targetCpuPercent ?? 70;
  requireNumberInRange(scope, f("targetCpuPercent"), targetCpuPercent, { min: 10, max: 100, unit: "percent" });
  const cpuRequestMillicores = settings.cpuRequestMillicores ?? 250;
  const cpuLimitMillicores = settings.cpuLimitMillicores ?? Math.max(1000, cpuRequestMillicores);
  const memoryRequestMiB = settings.memoryRequestMiB ?? 256;
  const memoryLimitMiB = settings.memoryLimitMiB ?? Math.max(512, memoryRequestMiB);
  requireNumberInRange(scope, f("cpuRequestMillicores"), cpuRequestMillicores, { min: 10, max: 64000, unit: "millicores" });
  requireNumberInRange(scope, f("memoryRequestMiB"), memoryRequestMiB, { min: 16, max: 262144, unit: "MiB" });
  requireNumberInRange(scope, f("cpuLimitMillicores"), cpuLimitMillicores, { min: 10, max: 64000, unit: "millicores" });
  requireNumberInRange(scope, f("memoryLimitMiB"), memoryLimitMiB, { min: 16, max: 262144, unit: "MiB" });
  if (nodeSize !== undefined && !isUnresolved(nodeSize) && nodeSize in COMPUTE_SIZE_CAPACITY) {
    // A pod that requests more than one node has is never scheduled: the rollout hangs.
    const allocatable = allocatablePerNode(nodeSize);
    if (cpuRequestMillicores > allocatable.cpuMillicores) {
      throw new ValidationError(scope, f("cpuRequestMillicores"), cpuRequestMillicores, `at most ${allocatable.cpuMillicores} millicores, what one ${nodeSize} node leaves for pods; or a larger kubernetes.nodeSize`);
    }
    if (memoryRequestMiB > allocatable.memoryMiB) {
      throw new ValidationError(scope, f("memoryRequestMiB"), memoryRequestMiB, `at most ${allocatable.memoryMiB} MiB, what one ${nodeSize} node leaves for pods; or a larger kubernetes.nodeSize`);
    }
  }
  if (cpuLimitMillicores < cpuRequestMillicores) {
    throw new ValidationError(scope, f("cpuLimitMillicores"), cpuLimitMillicores, `at least the CPU request (${cpuRequestMillicores} millicores)`);
  }
  if (memoryLimitMiB < memoryRequestMiB) {
    throw new ValidationError(scope, f("memoryLimitMiB"), memoryLimitMiB, `at least the memory request (${memoryRequestMiB} MiB)`);
  }
  const runAsUser = settings.runAsUser ?? 10001;
  requireNumberInRange(scope, f("runAsUser"), runAsUser, { min: MIN_UID, max: 2147483647 });
  for (const [key, value] of Object.entries(settings.environment ?? {})) {
    const keyField = f(`environment.${key}`);
    requireEnvironmentVariableName(scope, keyField, key);
    requireNonSecretEnvironmentVariableName(scope, keyField, key);
    if (reservedVariables.includes(key)) {
      throw new ValidationError(scope, keyField, key, `a name other than ${reservedVariables.join(", ")}, which the workloads set themselves`);
    }
    if (typeof value !== "string") {
      throw new ValidationError(scope, keyField, value, "a string value");
    }
    requireNonSecretEnvironmentValue(scope, keyField, key, value);
    if (hasTerraformTemplateSequence(value)) {
      throw new ValidationError(scope, keyField, value, "a value without ${ or %{, which Terraform would read as its template syntax");
    }
  }
  return {
    image,
    namespace,
    containerPort,
    healthCheckPath,
    minReplicas,
    maxReplicas,
    minAvailable,
    targetCpuPercent,
    cpuRequestMillicores,
    cpuLimitMillicores,
    memoryRequestMiB,
    memoryLimitMiB,
    runAsUser,
    writableRootFilesystem: requireBoolean(scope, f("writableRootFilesystem"), settings.writableRootFilesystem ?? false),
    mountServiceAccountToken: requireBoolean(scope, f("mountServiceAccountToken"), settings.mountServiceAccountToken ?? false),
    environment: settings.environment ?? {},
  };
}
