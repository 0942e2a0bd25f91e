import { Construct } from "constructs";
import { Id } from "@cdktf/provider-random/lib/id";
import type { AssetBucketRules, CloudCatalog } from "./catalog";
import { ICloud, ICloudScoped } from "./cloud";
import { useRandomProvider } from "./generated-password";
import { describeBucketNameRule, nameFromId, satisfiesBucketNameRule } from "./names";
import { isUnresolved, requireBoolean, requireNumberInRange, ValidationError } from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

/** Days a replaced or deleted object's old version is kept, unless the props say otherwise. */
export const DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS = 30;

/** Random hexadecimal characters that end a generated name where bucket names are shared by every account. */
const RANDOM_SUFFIX_LENGTH = 8;

/** Props of `AssetBucket`. */
export interface AssetBucketProps {
  /** The cloud to create the bucket in. */
  readonly cloud: ICloud;
  /**
   * The bucket's name, exactly: lower-case letters, digits and hyphens by the cloud's
   * rule (`catalog.assetBucket.name`), not in the form of an IP address, none of the
   * prefixes and suffixes the cloud keeps. Where every account of the cloud shares one
   * namespace (S3, OSS) a name someone else holds fails at apply, so give one that is
   * yours (e.g. with your company's name in it). Where the cloud appends the account's ID
   * (COS: `-<APPID>`), give the part before it; the adapter adds the rest.
   * @default `namePrefix`, and where the namespace is shared by every account, a hyphen
   * and 8 random hexadecimal characters that Terraform draws once (`random_id`)
   */
  readonly name?: string;
  /**
   * The start of the generated name when `name` is not given; shortened to leave room
   * for the random end, and made a valid bucket name (other characters become hyphens).
   * @default the construct ID in kebab case
   */
  readonly namePrefix?: string;
  /**
   * Days an object's old version is kept after it is replaced or deleted (the bucket is
   * versioned), so a bad upload or a deletion can be undone for that long.
   * @default 30
   */
  readonly noncurrentVersionRetentionDays?: number;
  /**
   * Refuse `terraform destroy` of the bucket (`prevent_destroy`), and never delete it while
   * it holds objects. Turning this off lets a plan delete the bucket with every object in it.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/** Every prop of `AssetBucketProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const ASSET_BUCKET_PROP_SHAPE: PropShape = {
  what: "the asset bucket",
  keys: propKeys<AssetBucketProps>()(["cloud", "name", "namePrefix", "noncurrentVersionRetentionDays", "deletionProtection"]),
};

/**
 * A private bucket for the shop's images and static files: never public, encrypted,
 * versioned, TLS only; a CDN reads it with the cloud's origin authentication, and the web
 * tier may write to it.
 */
export interface IAssetBucket extends ICloudScoped {
  /** The bucket's name on the cloud (with `-<APPID>` on COS); known at apply where Terraform draws it. */
  readonly bucketName: string;
  /** The region the bucket is in. */
  readonly region: string;
  /** The bucket's own host name, which a CDN fetches objects from (never public: requests are signed). */
  readonly originDomainName: string;
  /**
   * The cloud's identifier of the key the objects are encrypted with, where a reader or
   * writer needs a grant on it (a KMS key ARN on AWS).
   * @default none: the storage service's own key, which needs no grant
   */
  readonly encryptionKeyId?: string;
  /**
   * Lets one CDN distribution read the objects, by the cloud's identifier of the
   * distribution; the CDN calls it for the bucket it serves.
   */
  allowCdnReads(cdnId: string): void;
}

/** What a cloud's asset bucket factory receives: validated, with the catalog's values. */
export interface AssetBucketSpec {
  /**
   * The bucket's name, valid on the cloud; an unresolved token where Terraform draws its
   * random end. A cloud that appends the account's ID adds it.
   */
  readonly name: string;
  /** Days a replaced or deleted object's old version is kept. */
  readonly noncurrentVersionRetentionDays: number;
  /** The bucket cannot be destroyed while this is on. */
  readonly deletionProtection: boolean;
}

/** What a cloud's asset bucket factory returns. */
export interface AssetBucketAttributes {
  /** The bucket's name as the cloud knows it. */
  readonly bucketName: string;
  /** The bucket's host name, for a CDN origin. */
  readonly originDomainName: string;
  /** The key the bucket's objects are encrypted with, where the cloud names one; undefined with the service's own key. */
  readonly encryptionKeyId?: string;
  /** Lets one CDN distribution read the objects; called once per distribution. */
  allowCdnReads(cdnId: string): void;
}

/** The longest name the cloud takes for an asset bucket in `region`: its name rule, and its host name's bound. */
export function maxAssetBucketNameLength(rules: AssetBucketRules, region: string): number {
  const host = rules.hostName;
  if (host === undefined) return rules.name.maxLength;
  const rest = host.template.replace("{name}", "").replace("{region}", region).length;
  return Math.min(rules.name.maxLength, host.maxLength - rest);
}

/** What an asset bucket's name must be on the cloud, in words. */
function allowedNames(catalog: CloudCatalog, maxLength: number): string {
  const rules = catalog.assetBucket;
  const rule = { ...rules.name, maxLength };
  const host = rules.hostName ? ` (the host name ${rules.hostName.template} is at most ${rules.hostName.maxLength} characters)` : "";
  return `${describeBucketNameRule(rule, catalog.cloud)}${host}; ${rules.uniqueness}`;
}

/**
 * The generated name's start from any text: lower case, runs of other characters turned
 * into single hyphens, cut to `maxLength` without a trailing hyphen. Pure.
 */
export function bucketNamePrefix(text: string, maxLength: number): string {
  return nameFromId(text).slice(0, Math.max(0, maxLength)).replace(/-+$/, "");
}

/**
 * The shop's private object storage, served through the CDN. Validates the name and the
 * retention against the cloud's catalog, then calls `cloud.createAssetBucket`.
 */
export class AssetBucket extends Construct implements IAssetBucket {
  /** The cloud the bucket is in. */
  public readonly cloud: ICloud;
  public readonly bucketName: string;
  public readonly region: string;
  public readonly originDomainName: string;
  public readonly encryptionKeyId?: string;
  private readonly created: AssetBucketAttributes;
  private readonly readers = new Set<string>();

  constructor(scope: Construct, id: string, props: AssetBucketProps) {
    super(scope, id);
    requireKnownProps(this, "", props, ASSET_BUCKET_PROP_SHAPE);
    const { cloud } = props;
    this.cloud = cloud;
    this.region = cloud.region;
    const catalog = cloud.catalog;
    const rules = catalog.assetBucket;
    const maxLength = maxAssetBucketNameLength(rules, cloud.region);
    const fits = (name: string) => satisfiesBucketNameRule(name, { ...rules.name, maxLength });

    let name: string;
    if (props.name !== undefined) {
      if (!isUnresolved(props.name) && !fits(props.name)) {
        throw new ValidationError(this, "name", props.name, allowedNames(catalog, maxLength));
      }
      name = props.name;
    } else {
      const suffixLength = rules.globallyUnique ? RANDOM_SUFFIX_LENGTH + 1 : 0;
      const given = props.namePrefix ?? nameFromId(id);
      const prefix = typeof given === "string" ? bucketNamePrefix(given, maxLength - suffixLength) : given;
      // The random end is hexadecimal: a stand-in of zeros checks the whole name's form.
      if (typeof prefix !== "string" || !fits(`${prefix}${suffixLength > 0 ? `-${"0".repeat(RANDOM_SUFFIX_LENGTH)}` : ""}`)) {
        throw new ValidationError(this, "namePrefix", given, `text that makes a bucket name: ${allowedNames(catalog, maxLength - suffixLength)}`);
      }
      name = suffixLength > 0 ? `${prefix}-${this.randomSuffix()}` : prefix;
    }

    const noncurrentVersionRetentionDays = props.noncurrentVersionRetentionDays ?? DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS;
    requireNumberInRange(this, "noncurrentVersionRetentionDays", noncurrentVersionRetentionDays, {
      ...rules.noncurrentVersionRetentionDays,
      unit: `days on ${catalog.cloud}`,
    });
    const deletionProtection = requireBoolean(this, "deletionProtection", props.deletionProtection ?? true);

    cloud.useProvidersIn(this);
    this.created = cloud.createAssetBucket(this, { name, noncurrentVersionRetentionDays, deletionProtection });
    this.bucketName = this.created.bucketName;
    this.originDomainName = this.created.originDomainName;
    this.encryptionKeyId = this.created.encryptionKeyId;
  }

  public allowCdnReads(cdnId: string): void {
    // The same distribution wired twice gets one grant.
    if (this.readers.has(cdnId)) return;
    this.readers.add(cdnId);
    this.created.allowCdnReads(cdnId);
  }

  /** 8 hexadecimal characters drawn once by Terraform and kept in its state. */
  private randomSuffix(): string {
    useRandomProvider(this);
    return new Id(this, "NameSuffix", { byteLength: RANDOM_SUFFIX_LENGTH / 2 }).hex;
  }
}
