import { Construct, IConstruct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Fn, Lazy, TerraformStack } from "../core/cdktf";
import { nameFromId } from "../core/names";
import { PolicyChecks } from "../policy/policy-checks";
import { S3AccessLogs } from "../policy/rules/aws/s3-access-logs";
import { S3AclsDisabled } from "../policy/rules/aws/s3-acls-disabled";
import { S3KmsEncryption } from "../policy/rules/aws/s3-kms-encryption";

/** Where each service writes inside the bucket. */
export const LOG_PREFIXES = { loadBalancer: "alb", cdn: "cdn", buckets: "s3" } as const;

const LOG_RETENTION_DAYS = 365;
const BUCKET_ID = "AwsLogBucket";

/**
 * The stack's one bucket for access logs of the load balancer and the CDN: private,
 * encrypted (SSE-S3: the only encryption ALB log delivery supports), versioned, TLS-only,
 * logs kept a year. ACLs stay enabled because CloudFront's standard logging grants
 * itself write access through them. Other buckets of the stack may send their server
 * access logs here (`allowServerAccessLogsFrom`).
 * ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html
 */
export class AwsLogBucket extends Construct {
  /** The stack's log bucket, created by the first construct that asks for it. */
  public static of(scope: IConstruct, elbLogDeliveryAccount: string): AwsLogBucket {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(BUCKET_ID);
    return existing instanceof AwsLogBucket ? existing : new AwsLogBucket(stack, BUCKET_ID, elbLogDeliveryAccount);
  }

  public readonly bucket: S3Bucket;
  /** Services check their write access when logging is turned on: depend on this. */
  public readonly policy: S3BucketPolicy;
  /**
   * CloudFront's standard logging writes through the bucket's ACL, which exists only
   * once ownership allows ACLs: the distribution depends on this.
   * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html#AccessLogsBucketAndFileOwnership
   */
  public readonly ownershipControls: S3BucketOwnershipControls;
  /** Statements added after the policy was written: log delivery for other buckets. */
  private readonly extraStatements: Record<string, unknown>[] = [];

  private constructor(scope: TerraformStack, id: string, elbLogDeliveryAccount: string) {
    super(scope, id);
    this.bucket = new S3Bucket(this, "Resource", { bucketPrefix: `${nameFromId(scope.node.id).slice(0, 30)}-logs-` });
    const bucket = this.bucket.id;
    new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    this.ownershipControls = new S3BucketOwnershipControls(this, "OwnershipControls", { bucket, rule: { objectOwnership: "BucketOwnerPreferred" } });
    PolicyChecks.of(this.ownershipControls).suppress(S3AclsDisabled.id, "CloudFront's standard logging writes to the log bucket through its ACL, which BucketOwnerEnforced would switch off.");
    PolicyChecks.of(this.bucket).suppress(S3KmsEncryption.id, "ALB access log delivery supports SSE-S3 (AES256) only; a KMS key would stop the load balancer's logs.");
    PolicyChecks.of(this.bucket).suppress(S3AccessLogs.id, "The log bucket is where access logs go; logging its own access into itself would log every log delivery, without end.");
    new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new S3BucketVersioningA(this, "Versioning", { bucket, versioningConfiguration: { status: "Enabled" } });
    new S3BucketLifecycleConfiguration(this, "Lifecycle", {
      bucket,
      rule: [
        {
          id: "expire-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: LOG_RETENTION_DAYS }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    const baseStatements = [
      {
        Sid: "LoadBalancerLogDelivery",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${elbLogDeliveryAccount}:root` },
        Action: "s3:PutObject",
        // This account's load balancers only: the delivery account writes for every ALB of
        // the region, so the account's own AWSLogs/<account-id>/ folder is the whole grant.
        // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
        // ("arn:aws:s3:::amzn-s3-demo-logging-bucket/logging-prefix/AWSLogs/aws-account-id/*")
        Resource: `${this.bucket.arn}/${LOG_PREFIXES.loadBalancer}/AWSLogs/${new DataAwsCallerIdentity(this, "Account").accountId}/*`,
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ];
    this.policy = new S3BucketPolicy(this, "Policy", {
      bucket,
      // Written at synth, once every bucket that logs here has said so.
      policy: Lazy.stringValue({ produce: () => Fn.jsonencode({ Version: "2012-10-17", Statement: [...baseStatements, ...this.extraStatements] }) }),
    });
  }

  /**
   * Lets S3 deliver one bucket's server access logs under `<LOG_PREFIXES.buckets>/` here,
   * through the bucket policy: the logging service principal, for that source bucket of
   * this account only. Returns the prefix to log to.
   * ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html#grant-log-delivery-permissions-general
   */
  public allowServerAccessLogsFrom(sourceBucketArn: string, sourceAccount: string): string {
    this.extraStatements.push({
      Sid: `ServerAccessLogs${this.extraStatements.length + 1}`,
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${this.bucket.arn}/${LOG_PREFIXES.buckets}/*`,
      Condition: { ArnLike: { "aws:SourceArn": sourceBucketArn }, StringEquals: { "aws:SourceAccount": sourceAccount } },
    });
    return `${LOG_PREFIXES.buckets}/`;
  }
}
