import { Construct } from "constructs";
import { CertificateSource, ICloud, ICloudScoped, requireSameCloud, requireUsableCertificate } from "./cloud";
import type { ILoadBalancer } from "./load-balancer";
import { nameFromId, requireValidName } from "./names";
import type { ServiceArea } from "./service-area";
import { requireNumberInRange, ValidationError } from "./validation";

// "/static/*", "/covers/*", "*.css": a path pattern as the CDNs here understand it.
const PATH_PATTERN = /^(?:\/[\w\-.~%/]*\*?|\*\.[\w]+)$/;

export interface CdnProps {
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
}

/** A CDN serving the load balancer's domain, HTTPS only. */
export interface ICdn extends ICloudScoped {
  /** The CDN's own host name: point the public domain at it with a CNAME. */
  readonly cdnDomainName: string;
  /** Where its edges serve viewers: DNS must not send mainland China to a CDN that does not serve it. */
  readonly serviceArea: ServiceArea;
}

export interface CdnSpec {
  readonly name: string;
  readonly origin: ILoadBalancer;
  readonly domain: string;
  readonly staticPaths: readonly string[];
  readonly staticCacheTtlSeconds: number;
  readonly certificate: CertificateSource;
}

export interface CdnAttributes {
  readonly cdnDomainName: string;
  readonly serviceArea: ServiceArea;
}

export class Cdn extends Construct implements ICdn {
  public readonly cloud: ICloud;
  public readonly cdnDomainName: string;
  public readonly serviceArea: ServiceArea;

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);
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
    });
    this.cdnDomainName = created.cdnDomainName;
    this.serviceArea = created.serviceArea;
  }
}
