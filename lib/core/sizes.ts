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
  V8_0 = "8.0",
  V8_4 = "8.4",
}

/** All members of a string enum, in declaration order. */
export function enumValues<T extends Record<string, string>>(e: T): T[keyof T][] {
  return Object.values(e) as T[keyof T][];
}
