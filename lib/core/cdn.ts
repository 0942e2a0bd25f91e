import { Construct } from "constructs";
import { TerraformStack } from "./cdktf";
import type { IAssetBucket } from "./asset-bucket";
import { CertificateSource, ICloud, ICloudScoped, requireSameCloud, requireUsableCertificate } from "./cloud";
import { ILoadBalancer, requireDomainName } from "./load-balancer";
import { nameFromId, requireValidName } from "./names";
import type { ServiceArea } from "./service-area";
import { requireNumberInRange, ValidationError } from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

// "/static/*", "/covers/*", "*.css": a path pattern as the CDNs here understand it.
const PATH_PATTERN = /^(?:\/[\w\-.~%/]*\*?|\*\.[\w]+)$/;

/** Documents the web tier renders as pages: a static path must never claim them. */
const PAGE_DOCUMENTS = ["index.html", "index.htm"];
const PAGE_EXTENSIONS = ["html", "htm"];

/**
 * True for a path pattern that matches the shop's pages: every path (`/*`), the home page
 * (`/`, `/index.html`) or every HTML document (`*.html`). Pure.
 */
export function matchesPages(pattern: string): boolean {
  if (pattern.startsWith("*.")) return PAGE_EXTENSIONS.includes(pattern.slice(2).toLowerCase());
  const literal = pattern.replace(/\*$/, "").replace(/\/{2,}/g, "/");
  return literal === "" || literal === "/" || PAGE_DOCUMENTS.some((document) => literal.toLowerCase() === `/${document}`);
}

/** Props of `Cdn`. */
export interface CdnProps {
  /** The cloud whose CDN serves the domain. */
  readonly cloud: ICloud;
  /** The load balancer the CDN fetches from, over HTTPS only. */
  readonly origin: ILoadBalancer;
  /**
   * Name of the CDN distribution, where the cloud names it.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /**
   * Path patterns that are cached at the edge, e.g. `/static/*`. Every other path goes to
   * the origin uncached, so pages with a session are never shared between users.
   * @default ["/static/*"]
   */
  readonly staticPaths?: string[];
  /**
   * Seconds a static object may stay cached when the origin says nothing.
   * @default 86400
   */
  readonly staticCacheTtlSeconds?: number;
  /**
   * The certificate viewers see, for the origin's domain. Some clouds need it in a
   * particular region (CloudFront: us-east-1).
   * @default `cloud.certificate.issued()`
   */
  readonly certificate?: CertificateSource;
  /**
   * A private bucket whose objects the CDN serves, reading it with the cloud's origin
   * authentication. Where the cloud's CDN routes by path (AWS), the static paths go to the
   * bucket and every other path to the load balancer, on the origin's domain; elsewhere the
   * bucket is served on a CDN domain of its own (`assetsDomain`), and the static paths stay
   * cached from the load balancer. With a bucket, a static path that matches the shop's
   * pages (`/*`, `/`, `/index.html`, `*.html`) is refused.
   * @default no bucket
   */
  readonly assets?: IAssetBucket;
  /**
   * The domain the bucket's objects are served on where the cloud's CDN cannot route paths
   * to a bucket (Alibaba Cloud, Tencent Cloud): a second CDN domain with the same
   * `certificate`, which must be valid for it too (a wildcard certificate, say). Refused
   * where the origin's domain serves the bucket.
   * @default `static.` and the origin's domain
   */
  readonly assetsDomain?: string;
}

/** Every prop of `CdnProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const CDN_PROP_SHAPE: PropShape = {
  what: "the CDN",
  keys: propKeys<CdnProps>()(["cloud", "origin", "name", "staticPaths", "staticCacheTtlSeconds", "certificate", "assets", "assetsDomain"]),
};

/**
 * How a stack other than the CDN's reads the CDN's host name: through the cloud's own API,
 * or from a record the cloud's adapter publishes next to the CDN that holds the host name
 * and nothing else, never from the CDN stack's state, which holds that stack's secrets.
 * ref: https://developer.hashicorp.com/terraform/language/state/remote-state-data#alternative-ways-to-share-data-between-configurations
 */
export interface ICdnHostNameSource {
  /**
   * Creates in `scope`, a construct of another stack, the data source that reads the host
   * name (and the cloud's provider it needs there); returns the host name.
   */
  readIn(scope: Construct): string;
  /**
   * Where the cloud issued the CDN's certificate with DNS validation (ACM), creates in
   * `scope` the data source that reads the validation record the CDN's stack published.
   * @default none: the certificate is not validated through DNS records the library knows
   */
  readCertificateValidationIn?(scope: Construct): CertificateValidationRecord;
}

/**
 * The CNAME a certificate authority resolves to validate a domain and renew its
 * certificate (ACM's DNS validation), as read in another stack: known at plan time.
 */
export interface CertificateValidationRecord {
  /** The record's fully qualified name with its final dot, e.g. `_3f1e….shop.example.com.`. */
  readonly name: string;
  /** The CNAME's target with its final dot, e.g. `_9a7c….acm-validations.aws.`. */
  readonly value: string;
}

/** A CDN serving the load balancer's domain, HTTPS only. */
export interface ICdn extends ICloudScoped {
  /** The CDN's own host name, in its own stack: point the public domain at it with a CNAME. */
  readonly cdnDomainName: string;
  /**
   * The CDN's host name for a construct of any stack: `cdnDomainName` in the CDN's own
   * stack; in another, read there by a data source (`ICdnHostNameSource`), never through
   * a cross-stack reference, which would make that stack read the CDN stack's state.
   */
  hostNameIn(scope: Construct): string;
  /**
   * The domain viewers fetch the asset bucket's objects from: the origin's own domain where
   * the CDN routes the static paths to the bucket, else `assetsDomain`. Undefined without a bucket.
   */
  readonly assetsDomain?: string;
  /** The CDN host name to point `assetsDomain` at with a CNAME, where the bucket has a CDN domain of its own. */
  readonly assetsCdnDomainName?: string;
  /**
   * `assetsCdnDomainName` for a construct of any stack, read there as `hostNameIn` reads the
   * CDN's host name; undefined where the CDN serves the bucket on the origin's domain, or
   * has no bucket.
   */
  assetsHostNameIn(scope: Construct): string | undefined;
  /**
   * The DNS record that validates, and keeps renewing, the CDN's certificate where the cloud
   * issued it with DNS validation, read in `scope` as `hostNameIn` reads the host name;
   * undefined where the certificate is the user's own (or the cloud's CDN has none to validate).
   */
  certificateValidationIn(scope: Construct): CertificateValidationRecord | undefined;
  /** Where its edges serve viewers: DNS must not send mainland China to a CDN that does not serve it. */
  readonly serviceArea: ServiceArea;
}

/** What a cloud's CDN factory receives: validated, with the catalog's values. */
export interface CdnSpec {
  /** The CDN's name, valid on the cloud. */
  readonly name: string;
  /** The load balancer the CDN fetches from. */
  readonly origin: ILoadBalancer;
  /** The domain the CDN serves. */
  readonly domain: string;
  /** Path patterns the CDN caches. */
  readonly staticPaths: readonly string[];
  /** How long the CDN keeps a static object, in seconds. */
  readonly staticCacheTtlSeconds: number;
  /** The certificate the CDN serves the domain with. */
  readonly certificate: CertificateSource;
  /** The bucket the CDN serves. */
  readonly assets?: IAssetBucket;
  /** The bucket's own CDN domain, where the cloud's CDN cannot route paths to it; else undefined. */
  readonly assetsDomain?: string;
}

/** What a cloud's CDN factory returns. */
export interface CdnAttributes {
  /** The CDN's host name, which the domain's CNAME points at. */
  readonly cdnDomainName: string;
  /** The CDN host name of the bucket's own CDN domain, where the spec has an `assetsDomain`. */
  readonly assetsCdnDomainName?: string;
  /** Where the CDN's edges serve viewers. */
  readonly serviceArea: ServiceArea;
}

/**
 * The path that names a CDN's published host name: its stack's name, then its construct
 * path below the stack, each segment cut to letters, digits, `_` and `-`
 * (`["bookstore-aws", "Bookstore", "Cdn"]`). Adapters join it by their record's rules.
 */
export function hostNameRecordPath(cdn: Construct): string[] {
  const stack = TerraformStack.of(cdn);
  const below = cdn.node.path.slice(stack.node.path.length + 1).split("/");
  return [stack.node.id, ...below].map((segment) => segment.replace(/[^A-Za-z0-9_-]/g, "-"));
}

/** What a cloud shares of a CDN for other stacks (`ICloud.shareCdnHostName`). */
export interface CdnHostNameSpec {
  /** The CDN's host name, in the CDN's stack. */
  readonly hostName: string;
  /** The domain the CDN accelerates. */
  readonly domain: string;
}

/** Reads one CDN's host name in another stack, once per scope. */
class CdnHostNameReader extends Construct {
  public readonly hostName: string;

  constructor(scope: Construct, id: string, source: ICdnHostNameSource) {
    super(scope, id);
    this.hostName = source.readIn(this);
  }
}

/** Reads one CDN's certificate validation record in another stack, once per scope. */
class CertificateValidationReader extends Construct {
  public readonly record: CertificateValidationRecord;

  constructor(scope: Construct, id: string, read: (scope: Construct) => CertificateValidationRecord) {
    super(scope, id);
    this.record = read(this);
  }
}

/**
 * `ICdn.certificateValidationIn` for any CDN: what `source` reads in `scope`, read once per
 * scope; undefined where the source reads none.
 */
export function cdnCertificateValidationIn(cdn: Construct, source: ICdnHostNameSource, scope: Construct): CertificateValidationRecord | undefined {
  const read = source.readCertificateValidationIn?.bind(source);
  if (read === undefined) return undefined;
  const id = `CertificateValidationOf-${hostNameRecordPath(cdn).join("-")}`;
  const known = scope.node.tryFindChild(id);
  return (known instanceof CertificateValidationReader ? known : new CertificateValidationReader(scope, id, read)).record;
}

/**
 * `ICdn.hostNameIn` for any CDN: its own host name in its own stack; in another, what
 * `source` reads there, read once per scope.
 */
export function cdnHostNameIn(cdn: Construct & { readonly cdnDomainName: string }, source: ICdnHostNameSource, scope: Construct): string {
  if (TerraformStack.of(scope) === TerraformStack.of(cdn)) return cdn.cdnDomainName;
  const id = `HostNameOf-${hostNameRecordPath(cdn).join("-")}`;
  const known = scope.node.tryFindChild(id);
  return (known instanceof CdnHostNameReader ? known : new CdnHostNameReader(scope, id, source)).hostName;
}

export class Cdn extends Construct implements ICdn {
  /** The cloud whose CDN this is. */
  public readonly cloud: ICloud;
  public readonly cdnDomainName: string;
  public readonly assetsDomain?: string;
  public readonly assetsCdnDomainName?: string;
  public readonly serviceArea: ServiceArea;
  private readonly hostNameSource: ICdnHostNameSource;
  private readonly assetsHostName?: { readonly domain: Construct & { readonly cdnDomainName: string }; readonly source: ICdnHostNameSource };

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);
    requireKnownProps(this, "", props, CDN_PROP_SHAPE);
    const { cloud } = props;
    this.cloud = cloud;
    const name = requireValidName(this, "name", props.name ?? nameFromId(id), cloud.catalog.names);
    if (props.origin === undefined) {
      throw new ValidationError(this, "origin", undefined, "a LoadBalancer of the same cloud: a CDN needs an origin");
    }
    requireSameCloud(this, "origin", cloud, props.origin);
    const staticPaths = props.staticPaths ?? ["/static/*"];
    const limits = cloud.catalog.limits.cdn;
    if (!Array.isArray(staticPaths) || staticPaths.length > limits.maxPathPatterns) {
      throw new ValidationError(this, "staticPaths", staticPaths, `a list of at most ${limits.maxPathPatterns} path patterns on ${cloud.name}`);
    }
    staticPaths.forEach((path, index) => {
      if (typeof path !== "string" || !PATH_PATTERN.test(path) || path.length > limits.maxPathPatternLength) {
        throw new ValidationError(this, `staticPaths[${index}]`, path, `a path pattern such as /static/* or *.css, at most ${limits.maxPathPatternLength} characters on ${cloud.name}`);
      }
    });
    if (new Set(staticPaths).size !== staticPaths.length) {
      throw new ValidationError(this, "staticPaths", staticPaths, "distinct path patterns");
    }
    const assets = props.assets;
    requireSameCloud(this, "assets", cloud, assets);
    if (assets !== undefined) {
      staticPaths.forEach((path, index) => {
        if (matchesPages(path)) {
          throw new ValidationError(
            this,
            `staticPaths[${index}]`,
            path,
            "a path pattern of static files only, such as /static/* or *.css: not /*, /, /index.html or *.html, which match the shop's pages and would send them to the asset bucket (or share them between shoppers from the cache)",
          );
        }
      });
    }
    const ownAssetsDomain = assets !== undefined && !cloud.catalog.capabilities.cdnRoutesPathsToBucket;
    if (props.assetsDomain !== undefined && !ownAssetsDomain) {
      const why = assets === undefined ? "there is no asset bucket" : `${cloud.name}'s CDN serves the bucket on the origin's domain (${props.origin.domain}), by path`;
      throw new ValidationError(this, "assetsDomain", props.assetsDomain, `nothing: ${why}`);
    }
    const assetsDomain = ownAssetsDomain ? requireDomainName(this, "assetsDomain", props.assetsDomain ?? `static.${props.origin.domain}`) : undefined;
    if (assetsDomain !== undefined && assetsDomain === props.origin.domain) {
      throw new ValidationError(this, "assetsDomain", assetsDomain, `a domain other than the origin's (${props.origin.domain}): the bucket gets a CDN domain of its own on ${cloud.name}`);
    }
    const staticCacheTtlSeconds = props.staticCacheTtlSeconds ?? 86400;
    requireNumberInRange(this, "staticCacheTtlSeconds", staticCacheTtlSeconds, { min: 0, max: 31536000, unit: "seconds" });
    const certificate = props.certificate ?? cloud.certificate.issued();
    requireUsableCertificate(this, "certificate", cloud, certificate);

    cloud.useProvidersIn(this);
    const created = cloud.createCdn(this, {
      name,
      origin: props.origin,
      domain: props.origin.domain,
      staticPaths,
      staticCacheTtlSeconds,
      certificate,
      assets,
      assetsDomain,
    });
    this.cdnDomainName = created.cdnDomainName;
    this.hostNameSource = cloud.shareCdnHostName(this, { hostName: created.cdnDomainName, domain: props.origin.domain });
    this.assetsDomain = assets === undefined ? undefined : (assetsDomain ?? props.origin.domain);
    this.assetsCdnDomainName = created.assetsCdnDomainName;
    this.serviceArea = created.serviceArea;
    if (assetsDomain !== undefined && created.assetsCdnDomainName !== undefined) {
      // Shared as the CDN's own host name is, from a construct of its own (`Assets`), so
      // its record and its readers are named apart from the shop domain's.
      const domain = Object.assign(new Construct(this, "Assets"), { cdnDomainName: created.assetsCdnDomainName });
      this.assetsHostName = { domain, source: cloud.shareCdnHostName(domain, { hostName: created.assetsCdnDomainName, domain: assetsDomain }) };
    }
  }

  public hostNameIn(scope: Construct): string {
    return cdnHostNameIn(this, this.hostNameSource, scope);
  }

  public certificateValidationIn(scope: Construct): CertificateValidationRecord | undefined {
    return cdnCertificateValidationIn(this, this.hostNameSource, scope);
  }

  public assetsHostNameIn(scope: Construct): string | undefined {
    return this.assetsHostName && cdnHostNameIn(this.assetsHostName.domain, this.assetsHostName.source, scope);
  }
}
