import { Construct } from "constructs";
import { OssBucket } from "../generated/alicloud/oss-bucket";
import { OssBucketAcl } from "../generated/alicloud/oss-bucket-acl";
import { OssBucketPublicAccessBlock } from "../generated/alicloud/oss-bucket-public-access-block";
import { AssetBucketAttributes, AssetBucketSpec } from "../core/asset-bucket";
import { APPLICATION_VARIABLES } from "../core/application-environment";
import { Fn } from "../core/cdktf";
import type { AlicloudCatalog } from "./catalog";
import type { RamStatement } from "./ram";

/** Days an interrupted multipart upload's parts are kept before OSS deletes them. */
const ABORT_INCOMPLETE_UPLOADS_DAYS = 7;

/** What a writer of the bucket may do with its objects, by key: no listing, nothing of the bucket's settings. */
export const OSS_OBJECT_ACTIONS = ["oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts"] as const;

/**
 * `{ ASSET_BUCKET_ENDPOINT: oss-<region>-internal.aliyuncs.com }` for a bucket, nothing
 * without one: the OSS endpoint the container must use for the bucket, the region's internal
 * one, since an OSS SDK's default (the public endpoint) is out of the pods' reach.
 */
export function assetBucketEndpointEnvironment(catalog: AlicloudCatalog, region: string, bucket: object | undefined): Record<string, string> {
  if (bucket === undefined) return {};
  return { [APPLICATION_VARIABLES.assetBucketEndpoint]: catalog.alicloud.ossInternalEndpoint.hostTemplate.replace("{region}", region) };
}

/** Reading, writing and deleting one bucket's objects by key; none without a bucket. */
export function objectsStatements(bucket: { readonly bucketName: string } | undefined): RamStatement[] {
  return bucket ? [{ Effect: "Allow", Action: [...OSS_OBJECT_ACTIONS], Resource: [ossResources(bucket.bucketName).objects] }] : [];
}

/** OSS's resource name of a bucket (`acs:oss:*:*:<bucket>`) and of its objects (`.../*`), for RAM and bucket policies. */
export function ossResources(bucketName: string): { bucket: string; objects: string } {
  const bucket = `acs:oss:*:*:${bucketName}`;
  return { bucket, objects: `${bucket}/*` };
}

/**
 * A private OSS bucket for the shop's assets: private ACL (`alicloud_oss_bucket_acl`, the
 * bucket's own `acl` argument is deprecated since provider 1.220.0), Block Public Access on,
 * encrypted by OSS (AES256), versioned, old versions expired after the retention and
 * interrupted uploads after 7 days, and a bucket policy that refuses every request not
 * made over HTTPS. The CDN reads it as a private OSS origin (`l2_oss_key`, see the CDN
 * adapter), signing each request with a token of the account's CDN service role, so the
 * bucket policy needs no statement for it.
 *
 * OSS-managed keys (SSE-OSS) rather than a KMS key: every reader of SSE-KMS objects needs
 * permission to use the key, and the CDN's one-time authorization for private buckets
 * grants read-only access to OSS, nothing in KMS.
 * ref: https://www.alibabacloud.com/help/en/oss/user-guide/server-side-encryption-8 (SSE-KMS: readers need the key's permissions)
 * ref: https://www.alibabacloud.com/help/en/cdn/user-guide/grant-alibaba-cloud-cdn-access-permissions-on-private-oss-buckets
 * ref: https://www.alibabacloud.com/help/en/oss/tutorial-example-using-the-bucket-policy-to-access-oss-resources (HTTPS only)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_oss_bucket.go
 */
export function createAlicloudAssetBucket(scope: Construct, spec: AssetBucketSpec): AssetBucketAttributes {
  const resources = ossResources(spec.name);
  const bucket = new OssBucket(scope, "Resource", {
    bucket: spec.name,
    serverSideEncryptionRule: { sseAlgorithm: "AES256" },
    versioning: { status: "Enabled" },
    lifecycleRule: [
      {
        id: "old-versions-and-incomplete-uploads",
        prefix: "",
        enabled: true,
        // A delete marker with no older version left is removed too.
        expiration: [{ expiredObjectDeleteMarker: true }],
        noncurrentVersionExpiration: [{ days: spec.noncurrentVersionRetentionDays }],
        abortMultipartUpload: [{ days: ABORT_INCOMPLETE_UPLOADS_DAYS }],
      },
    ],
    // A Deny for every principal with a condition binds the bucket owner too: nobody reads
    // or writes over HTTP. ref: https://www.alibabacloud.com/help/en/object-storage-service/latest/examples
    policy: Fn.jsonencode({
      Version: "1",
      Statement: [
        {
          Effect: "Deny",
          Action: ["oss:*"],
          Principal: ["*"],
          Resource: [resources.bucket, resources.objects],
          Condition: { Bool: { "acs:SecureTransport": ["false"] } },
        },
      ],
    }),
    // Without deletion protection, destroy may empty the bucket first; with it, never.
    forceDestroy: !spec.deletionProtection,
    lifecycle: { preventDestroy: spec.deletionProtection },
  });
  new OssBucketAcl(scope, "Acl", { bucket: bucket.bucket, acl: "private" });
  new OssBucketPublicAccessBlock(scope, "PublicAccessBlock", { bucket: bucket.bucket, blockPublicAccess: true });

  return {
    bucketName: bucket.bucket,
    // <bucket>.oss-<region>.aliyuncs.com, the origin an OSS-type CDN source names.
    originDomainName: `${bucket.bucket}.${bucket.extranetEndpoint}`,
    // The CDN reads through the account's CDN service role, authorized once per account
    // (docs/alicloud.md, `cdn-private-oss-role`): no bucket policy statement names a distribution.
    // ref: https://www.alibabacloud.com/help/en/cdn/user-guide/grant-alibaba-cloud-cdn-access-permissions-on-private-oss-buckets
    allowCdnReads: () => undefined,
  };
}
