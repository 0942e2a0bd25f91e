import { Construct, IConstruct } from "constructs";
import { CosBucket } from "../generated/tencentcloud/cos-bucket";
import { DataTencentcloudUserInfo } from "../generated/tencentcloud/data-tencentcloud-user-info";
import { AssetBucketAttributes, AssetBucketSpec } from "../core/asset-bucket";
import { ValidationError } from "../core/validation";

/** Days an interrupted multipart upload's parts are kept before COS deletes them. */
const ABORT_INCOMPLETE_UPLOADS_DAYS = 7;

/** What the other Tencent Cloud adapters need of an asset bucket: its full name and the account's APPID. */
export interface TencentcloudAssetBucket {
  readonly bucketName: string;
  readonly appId: string;
}

// Keyed by the neutral AssetBucket construct, as the load balancer's forwarding is.
const buckets = new WeakMap<IConstruct, TencentcloudAssetBucket>();

/** The full name and APPID of an asset bucket built by this adapter, or a ValidationError. */
export function tencentcloudAssetBucketOf(scope: IConstruct, field: string, bucket: IConstruct): TencentcloudAssetBucket {
  const found = buckets.get(bucket);
  if (!found) throw new ValidationError(scope, field, bucket.node.path, "an AssetBucket built with Cloud.tencentcloud(...)");
  return found;
}

/** COS's CAM resource name of a bucket's objects: `qcs::cos:<region>:uid/<APPID>:<bucket>-<APPID>/*`. */
export function cosObjectsResource(region: string, bucket: TencentcloudAssetBucket): string {
  return `qcs::cos:${region}:uid/${bucket.appId}:${bucket.bucketName}/*`;
}

/**
 * A private COS bucket for the shop's assets, named `<name>-<APPID>` with the APPID read at
 * plan time from the account (`tencentcloud_user_info`), so nobody has to look it up:
 * private ACL, encrypted by COS (AES256), versioned, old versions expired after the
 * retention and interrupted uploads after 7 days. The CDN reads it with COS origin-pull
 * authentication (`cos_private_access`, see the CDN adapter), through the account's CDN
 * service authorization, so no bucket policy names it.
 *
 * COS-managed keys rather than a KMS key, as on Alibaba Cloud: a KMS key would have to be
 * granted to the CDN's service role too. No bucket policy refuses plain HTTP: the COS
 * condition key for it (`qcs:secure_transport`) and its operator could not be confirmed
 * against COS's documentation, and a malformed policy fails the apply.
 * ref: https://www.tencentcloud.com/document/product/436/13312 (bucket names: <BucketName>-<APPID>)
 * ref: https://www.tencentcloud.com/document/product/436/18424 (private bucket + CDN origin-pull authentication)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cos/resource_tc_cos_bucket.go
 */
export function createTencentcloudAssetBucket(scope: Construct, spec: AssetBucketSpec): AssetBucketAttributes {
  const appId = new DataTencentcloudUserInfo(scope, "Account", {}).appId;
  const bucketName = `${spec.name}-${appId}`;
  const bucket = new CosBucket(scope, "Resource", {
    bucket: bucketName,
    acl: "private",
    encryptionAlgorithm: "AES256",
    versioningEnable: true,
    lifecycleRules: [
      {
        id: "old-versions-and-incomplete-uploads",
        filterPrefix: "",
        // A delete marker with no older version left is removed too.
        expiration: { deleteMarker: true },
        nonCurrentExpiration: { nonCurrentDays: spec.noncurrentVersionRetentionDays },
        abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_DAYS },
      },
    ],
    // Without deletion protection, destroy may empty the bucket first; with it, never.
    forceClean: !spec.deletionProtection,
    lifecycle: { preventDestroy: spec.deletionProtection },
  });

  buckets.set(scope, { bucketName: bucket.bucket, appId });
  return {
    bucketName: bucket.bucket,
    // <bucket>-<APPID>.cos.<region>.myqcloud.com, the origin a COS-type CDN origin names.
    originDomainName: bucket.cosBucketUrl,
    // The CDN reads through the account's CDN service authorization for COS, given once per
    // account (docs/tencentcloud.md, `cdn-cos-authorization`): no bucket policy statement names a domain.
    allowCdnReads: () => undefined,
  };
}
