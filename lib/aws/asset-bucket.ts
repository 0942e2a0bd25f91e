import { Construct, IConstruct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { AssetBucketAttributes, AssetBucketSpec } from "../core/asset-bucket";
import { Fn, Lazy } from "../core/cdktf";
import { ValidationError } from "../core/validation";
import { AwsCatalog } from "./catalog";
import { AwsLogBucket } from "./log-bucket";

/** Days an interrupted multipart upload's parts are kept before S3 deletes them. */
const ABORT_INCOMPLETE_UPLOADS_DAYS = 7;

/** What the other AWS adapters need of an asset bucket: its ARN and its key. */
export interface AwsAssetBucket {
  readonly bucketArn: string;
  readonly keyArn: string;
}

// Keyed by the neutral AssetBucket construct, as the load balancer's target group is.
const buckets = new WeakMap<IConstruct, AwsAssetBucket>();

/** The ARN and key of an asset bucket built by this adapter, or a ValidationError. */
export function awsAssetBucketOf(scope: IConstruct, field: string, bucket: IConstruct): AwsAssetBucket {
  const found = buckets.get(bucket);
  if (!found) throw new ValidationError(scope, field, bucket.node.path, "an AssetBucket built with Cloud.aws(...)");
  return found;
}

/**
 * A private S3 bucket for the shop's assets: every public access blocked, ACLs off
 * (bucket owner enforced), encrypted with a customer managed KMS key that rotates yearly
 * (with S3 Bucket Keys, so KMS is asked once per key period, not per object), versioned,
 * old versions expired after the retention and interrupted uploads after 7 days, TLS
 * only, server access logs to the stack's log bucket. CloudFront reads it through origin
 * access control: the bucket policy and the key policy admit only the distributions that
 * `allowCdnReads` names (OAC can read SSE-KMS objects when the key policy lets
 * CloudFront decrypt; the legacy origin access identity cannot).
 * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 * ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
 */
export function createAwsAssetBucket(scope: Construct, spec: AssetBucketSpec, catalog: AwsCatalog, region: string): AssetBucketAttributes {
  const account = new DataAwsCallerIdentity(scope, "Account").accountId;
  const partition = new DataAwsPartition(scope, "Partition").partition;
  const cdnStatements: { bucket: Record<string, unknown>[]; key: Record<string, unknown>[] } = { bucket: [], key: [] };

  const key = new KmsKey(scope, "Key", {
    description: `Encrypts the objects of the asset bucket ${spec.name}`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    // The account administers the key through IAM, as the default key policy allows; the
    // web tier's role is granted use of it there. CloudFront's statements follow.
    // ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
    policy: Lazy.stringValue({
      produce: () =>
        Fn.jsonencode({
          Version: "2012-10-17",
          Statement: [
            { Sid: "AccountAdministersThroughIam", Effect: "Allow", Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
            ...cdnStatements.key,
          ],
        }),
    }),
    lifecycle: { preventDestroy: spec.deletionProtection },
  });

  const bucket = new S3Bucket(scope, "Resource", {
    bucket: spec.name,
    // Without deletion protection, destroy may empty the bucket first; with it, never.
    forceDestroy: !spec.deletionProtection,
    lifecycle: { preventDestroy: spec.deletionProtection },
  });
  const bucketId = bucket.id;
  new S3BucketPublicAccessBlock(scope, "PublicAccessBlock", {
    bucket: bucketId,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  // ACLs off: the bucket policy alone decides who may read and write.
  // ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
  new S3BucketOwnershipControls(scope, "OwnershipControls", { bucket: bucketId, rule: { objectOwnership: "BucketOwnerEnforced" } });
  new S3BucketServerSideEncryptionConfigurationA(scope, "Encryption", {
    bucket: bucketId,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
  });
  const versioning = new S3BucketVersioningA(scope, "Versioning", { bucket: bucketId, versioningConfiguration: { status: "Enabled" } });
  new S3BucketLifecycleConfiguration(scope, "Lifecycle", {
    bucket: bucketId,
    rule: [
      {
        id: "old-versions-and-incomplete-uploads",
        status: "Enabled",
        filter: [{ prefix: "" }],
        // A delete marker with no older version left is removed too.
        expiration: [{ expiredObjectDeleteMarker: true }],
        noncurrentVersionExpiration: [{ noncurrentDays: spec.noncurrentVersionRetentionDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_DAYS }],
      },
    ],
    // S3 refuses a lifecycle configuration with version rules before versioning is on.
    dependsOn: [versioning],
  });

  const logs = AwsLogBucket.of(scope, catalog.aws.elbLogDeliveryAccounts[region]);
  new S3BucketLoggingA(scope, "AccessLogs", {
    bucket: bucketId,
    targetBucket: logs.bucket.id,
    targetPrefix: logs.allowServerAccessLogsFrom(bucket.arn, account),
    // <prefix><account>/<region>/<bucket>/<yyyy>/<mm>/<dd>/...: each bucket's logs apart.
    // ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html#server-log-keyname-format
    targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
    dependsOn: [logs.policy],
  });

  new S3BucketPolicy(scope, "Policy", {
    bucket: bucketId,
    // Written at synth, once every CDN has called allowCdnReads.
    policy: Lazy.stringValue({
      produce: () =>
        Fn.jsonencode({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyInsecureTransport",
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: [bucket.arn, `${bucket.arn}/*`],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            ...cdnStatements.bucket,
          ],
        }),
    }),
  });

  buckets.set(scope, { bucketArn: bucket.arn, keyArn: key.arn });
  return {
    bucketName: bucket.bucket,
    originDomainName: bucket.bucketRegionalDomainName,
    encryptionKeyId: key.arn,
    // ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#create-oac-overview-s3
    // (the bucket policy for OAC; "SSE-KMS": the key policy statement that lets CloudFront decrypt)
    allowCdnReads: (distributionArn: string) => {
      const index = cdnStatements.bucket.length + 1;
      const fromDistribution = { StringEquals: { "AWS:SourceArn": distributionArn } };
      cdnStatements.bucket.push({
        Sid: `CloudFrontReadsObjects${index}`,
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: `${bucket.arn}/*`,
        Condition: fromDistribution,
      });
      cdnStatements.key.push({
        Sid: `CloudFrontDecrypts${index}`,
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: fromDistribution,
      });
    },
  };
}
