/**
 * Neutral sizes and versions. Each cloud's catalog maps every member to its own
 * instance type, database class or engine version; a test checks that no cloud
 * misses one.
 */

/** Size of a virtual machine or Kubernetes node. */
export enum ComputeSize {
  /** 2 vCPU, 2 GiB: a small web server. */
  SMALL = "SMALL",
  /** 2 vCPU, 4 GiB. */
  MEDIUM = "MEDIUM",
  /** 2 vCPU, 8 GiB. */
  LARGE = "LARGE",
  /** 4 vCPU, 16 GiB. */
  XLARGE = "XLARGE",
}

/** What one VM or node of each size has; each cloud's catalog maps the size to a type at least this large. */
export const COMPUTE_SIZE_CAPACITY: Readonly<Record<ComputeSize, {
  /** vCPUs. */
  readonly vcpus: number;
  /** Memory, in GiB. */
  readonly memoryGiB: number;
}>> = Object.freeze({
  [ComputeSize.SMALL]: { vcpus: 2, memoryGiB: 2 },
  [ComputeSize.MEDIUM]: { vcpus: 2, memoryGiB: 4 },
  [ComputeSize.LARGE]: { vcpus: 2, memoryGiB: 8 },
  [ComputeSize.XLARGE]: { vcpus: 4, memoryGiB: 16 },
});

/**
 * What a pod may request on one node of a size: the node less what the kubelet, the
 * system and the cloud's daemon sets keep (a conservative estimate: 250 millicores and a
 * quarter of the memory; EKS keeps about 70m and 0.6 GiB of a 4 GiB node, for one).
 * ref: https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/
 */
export function allocatablePerNode(size: ComputeSize): {
  /** CPU a pod may request, in millicores. */
  readonly cpuMillicores: number;
  /** Memory a pod may request, in MiB. */
  readonly memoryMiB: number;
} {
  const capacity = COMPUTE_SIZE_CAPACITY[size];
  return { cpuMillicores: capacity.vcpus * 1000 - 250, memoryMiB: Math.floor(capacity.memoryGiB * 1024 * 0.75) };
}

/** Size of a managed MySQL instance. */
export enum DatabaseSize {
  /** 2 vCPU, 4 GiB. */
  SMALL = "SMALL",
  /** 2 vCPU, 8 GiB. */
  MEDIUM = "MEDIUM",
  /** 4 vCPU, 16 GiB. */
  LARGE = "LARGE",
}

/** Major versions of MySQL the bookstore supports. */
export enum MysqlVersion {
  /** MySQL 8.0. */
  V8_0 = "8.0",
  /** MySQL 8.4 (LTS). */
  V8_4 = "8.4",
}

/** Size of a managed Redis-compatible cache: at least this much memory for data. */
export enum CacheSize {
  /** 1 GiB. */
  SMALL = "SMALL",
  /** 4 GiB. */
  MEDIUM = "MEDIUM",
  /** 8 GiB. */
  LARGE = "LARGE",
}

/** Major versions of the Redis protocol and commands the cache offers (Redis OSS, Valkey or Tair, as the cloud has it). */
export enum RedisVersion {
  /** Redis 6. */
  V6 = "6",
  /** Redis 7. */
  V7 = "7",
}

/** All members of a string enum, in declaration order. */
export function enumValues<T extends Record<string, string>>(e: T): T[keyof T][] {
  return Object.values(e) as T[keyof T][];
}
