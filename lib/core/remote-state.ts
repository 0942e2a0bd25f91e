import { IConstruct } from "constructs";
import type { CloudCatalog } from "./catalog";
import { describeBucketNameRule, satisfiesBucketNameRule, satisfiesNameRule } from "./names";
import { PropShape, propKeys } from "./known-props";
import { ValidationError, withArticle } from "./validation";

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

/** Every prop of `RemoteStateProps`, for `requireKnownProps`. */
export const REMOTE_STATE_PROP_SHAPE: PropShape = {
  what: "the remote state",
  keys: propKeys<RemoteStateProps>()(["bucket", "prefix", "region", "lockTable", "lockEndpoint"]),
};

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

const PREFIX_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_PREFIX_LENGTH = 200;

/**
 * Checks the settings against the cloud's bucket and lock-table rules (`catalog.stateStorage`)
 * and its region names, so a backend that would fail at `terraform init`, or silently not
 * lock (an empty lock table), is refused at synth. A cloud checks what only it has (a
 * lock endpoint) on top.
 */
export function requireValidRemoteState(scope: IConstruct, props: RemoteStateProps, catalog: CloudCatalog): Required<Pick<RemoteStateProps, "bucket" | "prefix">> & RemoteStateProps {
  const rules = catalog.stateStorage;
  const bucket = props.bucket;
  if (!satisfiesBucketNameRule(bucket, rules.bucket)) {
    throw new ValidationError(scope, "remoteState.bucket", bucket, describeBucketNameRule(rules.bucket, catalog.cloud));
  }
  const prefix = props.prefix ?? "bookstore";
  const segments = typeof prefix === "string" ? prefix.split("/") : [];
  if (typeof prefix !== "string" || prefix.length > MAX_PREFIX_LENGTH || segments.some((segment) => !PREFIX_SEGMENT.test(segment) || segment === "." || segment === "..")) {
    throw new ValidationError(
      scope,
      "remoteState.prefix",
      prefix,
      `a folder such as bookstore or teams/shop: letters, digits, dots, underscores and hyphens between single slashes, no leading or trailing slash, no . or .. segment, at most ${MAX_PREFIX_LENGTH} characters`,
    );
  }
  if (props.region !== undefined && !(typeof props.region === "string" && new RegExp(`^(?:${catalog.catalogRules.regionPattern})$`).test(props.region))) {
    throw new ValidationError(scope, "remoteState.region", props.region, `${withArticle(catalog.cloud)} region name in lower case, e.g. ${Object.keys(catalog.regions)[0]}`);
  }
  if (props.lockTable !== undefined) {
    if (rules.lockTable === undefined) {
      throw new ValidationError(scope, "remoteState.lockTable", props.lockTable, `nothing: ${catalog.cloud}'s state storage locks by itself`);
    }
    if (typeof props.lockTable !== "string" || !satisfiesNameRule(props.lockTable, rules.lockTable)) {
      throw new ValidationError(scope, "remoteState.lockTable", props.lockTable, `${rules.lockTable.description}, at most ${rules.lockTable.maxLength} characters; or leave it unset (an empty name would turn locking off)`);
    }
  }
  return { ...props, prefix };
}
