import { IConstruct } from "constructs";
import { ValidationError } from "./validation";

/**
 * Where a stack keeps its Terraform state: a bucket in the stack's own cloud, so each
 * cloud's stacks depend on nothing in another cloud. The bucket (and lock table) must
 * exist before the first deploy: state storage cannot manage itself.
 */
export interface RemoteStateProps {
  /** The bucket (S3, OSS or COS) that holds the state files; versioned and encrypted, please. */
  readonly bucket: string;
  /**
   * Folder in the bucket; each stack's state is `<prefix>/<stack name>.tfstate`.
   * @default "bookstore"
   */
  readonly prefix?: string;
  /**
   * Region of the bucket.
   * @default the cloud's region
   */
  readonly region?: string;
  /**
   * AWS: a DynamoDB table for locks (older Terraform). Alibaba Cloud: the Tablestore
   * table for locks (then `lockEndpoint` too). Tencent Cloud: not used (COS locks itself).
   * @default AWS: S3's own lock file; Alibaba Cloud: no lock table (no locking); Tencent Cloud: COS locking
   */
  readonly lockTable?: string;
  /** Alibaba Cloud: the Tablestore instance endpoint of `lockTable`. @default none */
  readonly lockEndpoint?: string;
}

/** The environment variables `RemoteState.fromEnvironment` reads for a cloud, e.g. for `aws`: BOOKSTORE_STATE_BUCKET_AWS. */
export function remoteStateVariables(cloudName: string): Record<keyof RemoteStateProps, string> {
  const suffix = cloudName.toUpperCase();
  return {
    bucket: `BOOKSTORE_STATE_BUCKET_${suffix}`,
    prefix: `BOOKSTORE_STATE_PREFIX_${suffix}`,
    region: `BOOKSTORE_STATE_REGION_${suffix}`,
    lockTable: `BOOKSTORE_STATE_LOCK_TABLE_${suffix}`,
    lockEndpoint: `BOOKSTORE_STATE_LOCK_ENDPOINT_${suffix}`,
  };
}

/** Remote state settings from the environment, or undefined (local state) when the bucket is not set. */
export function remoteStateFromEnvironment(cloudName: string, env: NodeJS.ProcessEnv = process.env): RemoteStateProps | undefined {
  const names = remoteStateVariables(cloudName);
  const value = (key: keyof RemoteStateProps) => (env[names[key]] ?? "").trim() || undefined;
  const bucket = value("bucket");
  if (bucket === undefined) return undefined;
  return { bucket, prefix: value("prefix"), region: value("region"), lockTable: value("lockTable"), lockEndpoint: value("lockEndpoint") };
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/;

/** Checks what every cloud's buckets have in common; a cloud checks the rest. */
export function requireValidRemoteState(scope: IConstruct, props: RemoteStateProps): Required<Pick<RemoteStateProps, "bucket" | "prefix">> & RemoteStateProps {
  if (!BUCKET.test(props.bucket)) {
    throw new ValidationError(scope, "remoteState.bucket", props.bucket, "a bucket name of 3 to 63 lower-case letters, digits, dots and hyphens");
  }
  const prefix = props.prefix ?? "bookstore";
  if (!PREFIX.test(prefix) || prefix.endsWith("/")) {
    throw new ValidationError(scope, "remoteState.prefix", prefix, "a folder such as bookstore or teams/shop, with no leading or trailing slash");
  }
  return { ...props, prefix };
}
