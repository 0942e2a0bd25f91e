import { Construct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { CertificateSource, ICloud, ICloudScoped, requireUsableCertificate } from "./cloud";
import type { INetwork } from "./network";
import { isUnresolved, requireBoolean, requireDistinctPublicCidrs, requireNotTheInternet, requireNumberInRange, requireUrlPath, ValidationError } from "./validation";
import { WebRuntime } from "./web-runtime";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Refuses anything but a lower-case fully qualified domain name. */
export function requireDomainName(scope: Construct, field: string, domain: string | undefined): string {
  if (domain === undefined || (!isUnresolved(domain) && !DOMAIN.test(domain))) {
    throw new ValidationError(scope, field, domain, "a lower-case fully qualified domain name, e.g. shop.example.com");
  }
  return domain;
}

/** Who may open connections to a public load balancer. */
export class LoadBalancerClients {
  /** Any address on the internet. */
  public static anywhere(): LoadBalancerClients {
    return new LoadBalancerClients(false, undefined);
  }

  /**
   * Only the cloud's own CDN, where the cloud gives the load balancer a way to admit it
   * alone (AWS: an internal ALB behind a CloudFront VPC origin); use it when a CDN fronts
   * the load balancer so nobody can go around the CDN.
   */
  public static cdnEdgesOnly(): LoadBalancerClients {
    return new LoadBalancerClients(true, undefined);
  }

  /**
   * Only these public IPv4 ranges, on HTTPS (and HTTP, where it redirects): for example
   * the CDN's origin-pull ranges for your domain where the cloud publishes no list a load
   * balancer can name itself (Alibaba Cloud: DescribeL2VipsByDomain; Tencent Cloud:
   * DescribeIpStatus with Layer `last`). Those ranges change: a stale list makes the
   * CDN's fetches fail, so refresh them and deploy again as the CDN's documentation says.
   * Each must be a public range (no private, reserved or overlapping blocks, no 0.0.0.0/0),
   * and together they may cover at most one /8 of public addresses (16,777,216): more admits
   * the internet rather than known hosts. To admit anyone, use `anywhere()`.
   */
  public static addressRanges(cidrs: string[]): LoadBalancerClients {
    return new LoadBalancerClients(false, cidrs);
  }

  private constructor(
    /** True when only the cloud's own CDN may connect. */
    public readonly cdnEdgesOnly: boolean,
    /** The only address ranges that may connect; undefined for anywhere or the CDN. */
    public readonly addressRanges: readonly string[] | undefined,
  ) {}
}

/** How the props say "anyone", named where a list of client ranges would say it instead. */
const ANYONE = "LoadBalancerClients.anywhere()";

/**
 * Refuses anything but a list of at most `max` public IPv4 ranges that overlap neither a
 * non-public range nor each other and cover at most one /8 of public addresses in all, so
 * no set of blocks (128.0.0.0/1, or forty blocks that tile the public space) admits the
 * internet under the name of a restriction; `field` is the list's prop path.
 */
export function requirePublicCidrs(scope: Construct, field: string, cidrs: unknown, max: number, cloudName: string): readonly string[] {
  if (!Array.isArray(cidrs) || cidrs.length === 0 || cidrs.length > max) {
    throw new ValidationError(scope, field, cidrs, `a list of 1 to ${max} public IPv4 ranges on ${cloudName}`);
  }
  requireDistinctPublicCidrs(scope, field, cidrs, ANYONE);
  requireNotTheInternet(scope, field, cidrs, ANYONE);
  return cidrs as string[];
}

/** Props of `LoadBalancer`. */
export interface LoadBalancerProps {
  /** The cloud to create the load balancer in. */
  readonly cloud: ICloud;
  /** The network whose public subnets hold the load balancer. */
  readonly network: INetwork;
  /**
   * Name of the load balancer.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /** The public domain served over HTTPS, e.g. `shop.example.com`. */
  readonly domain: string;
  /**
   * The TLS certificate for `domain`.
   * @default `cloud.certificate.issued()`: the cloud issues one with DNS validation
   */
  readonly certificate?: CertificateSource;
  /**
   * Port the targets listen on.
   * @default 8080
   */
  readonly targetPort?: number;
  /**
   * Path the health check requests; any 2xx or 3xx answer is healthy.
   * @default "/healthz"
   */
  readonly healthCheckPath?: string;
  /**
   * Who may connect.
   * @default LoadBalancerClients.anywhere()
   */
  readonly clients?: LoadBalancerClients;
  /**
   * Refuse deletion of the load balancer through the cloud's API, so that a plan cannot
   * take the shop offline by accident.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Seconds an idle connection stays open.
   * @default 60
   */
  readonly idleTimeoutSeconds?: number;
  /**
   * Which targets receive requests: VMs registered by instance (a `ComputeGroup`), a
   * cluster's pods registered through the cloud's native binding (see `podBackend`), or
   * both by weight.
   * @default WebRuntime.vms()
   */
  readonly runtime?: WebRuntime;
}

/** Every prop of `LoadBalancerProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const LOAD_BALANCER_PROP_SHAPE: PropShape = {
  what: "the load balancer",
  keys: propKeys<LoadBalancerProps>()(["cloud", "network", "name", "domain", "certificate", "targetPort", "healthCheckPath", "clients", "deletionProtection", "idleTimeoutSeconds", "runtime"]),
};

/**
 * Where the cluster's pods are registered into the load balancer Terraform owns, so that no
 * Kubernetes object creates a second, internet-facing load balancer. What each field names
 * is the cloud's own (AWS: an IP target group for a TargetGroupBinding; Alibaba Cloud: a
 * vServer group the cloud controller manager fills; Tencent Cloud: the CLB and listener
 * the TKE Service reuses); the cloud's cluster access reads it back.
 */
export interface PodBackend {
  /** The cloud's identifier of the load balancer. */
  readonly loadBalancerId: string;
  /** The cloud's identifier of the group, listener or rule that pods are registered into. */
  readonly targetGroupId: string;
  /** Port the pods listen on. */
  readonly targetPort: number;
  /** Path the load balancer's health check requests. */
  readonly healthCheckPath: string;
  /** Percent of the requests the pods receive. */
  readonly weightPercent: number;
  /** Address ranges the load balancer connects to the pods from: the only ingress their NetworkPolicy admits. */
  readonly sourceCidrs: readonly string[];
  /** Further identifiers the cloud's binding needs (a listener ID, a port), by name. */
  readonly details?: Readonly<Record<string, string>>;
}

/** A public HTTPS load balancer; HTTP is redirected to HTTPS. */
export interface ILoadBalancer extends ICloudScoped {
  /** The load balancer's name. */
  readonly name: string;
  /** The domain its certificate covers. */
  readonly domain: string;
  /** The load balancer's own DNS name, for a CNAME or a CDN origin. */
  readonly dnsName: string;
  /**
   * Security group the load balancer sends from; targets admit it on `targetPort`.
   * Undefined where the cloud's load balancer has none (Alibaba Cloud CLB): its adapter
   * then admits the load balancer's source range instead.
   */
  readonly securityGroupId?: string;
  /** The cloud's identifier of the group VMs register with; undefined when the runtime sends no requests to VMs. */
  readonly targetGroupId?: string;
  /** Where pods are registered; undefined when the runtime sends no requests to pods. */
  readonly podBackend?: PodBackend;
  /** Which targets receive requests. */
  readonly runtime: WebRuntime;
  /** The port it sends requests to on the targets. */
  readonly targetPort: number;
  /** The path it checks the targets' health on. */
  readonly healthCheckPath: string;
}

/** What a cloud's load balancer factory receives: validated, with the catalog's values. */
export interface LoadBalancerSpec {
  /** The load balancer's name, valid on the cloud. */
  readonly name: string;
  /** The network whose public subnets hold it. */
  readonly network: INetwork;
  /** The domain its certificate covers. */
  readonly domain: string;
  /** The certificate of its HTTPS listener. */
  readonly certificate: CertificateSource;
  /** The port it sends requests to on the targets. */
  readonly targetPort: number;
  /** The path it checks the targets' health on. */
  readonly healthCheckPath: string;
  /** Admit only the CDN's origin-facing addresses. */
  readonly cdnEdgesOnly: boolean;
  /** The only public ranges that may connect (validated); undefined for anywhere or the CDN. */
  readonly clientCidrs?: readonly string[];
  /** The load balancer cannot be destroyed while this is on. */
  readonly deletionProtection: boolean;
  /** Seconds an idle connection is kept open. */
  readonly idleTimeoutSeconds: number;
  /** Validated: whole percentages adding up to 100, weighted only where the cloud can split. */
  readonly runtime: WebRuntime;
}

/** What a cloud's load balancer factory returns. */
export interface LoadBalancerAttributes {
  /** The load balancer's own DNS name. */
  readonly dnsName: string;
  /** The security group it sends from; undefined where it has none. */
  readonly securityGroupId?: string;
  /** Present exactly when `runtime.usesVms`. */
  readonly targetGroupId?: string;
  /** Present exactly when `runtime.usesKubernetes`. */
  readonly podBackend?: PodBackend;
}

export class LoadBalancer extends CloudResource implements ILoadBalancer {
  /** The domain its certificate covers. */
  public readonly domain: string;
  public readonly dnsName: string;
  public readonly securityGroupId?: string;
  public readonly targetGroupId?: string;
  public readonly podBackend?: PodBackend;
  public readonly runtime: WebRuntime;
  /** The port it sends requests to on the targets. */
  public readonly targetPort: number;
  /** The path it checks the targets' health on. */
  public readonly healthCheckPath: string;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id, props);
    requireKnownProps(this, "", props, LOAD_BALANCER_PROP_SHAPE);
    const { cloud } = props;
    const limits = cloud.catalog.limits;
    const reservedPrefix = limits.loadBalancerNameReservedPrefixes.find((prefix) => this.name.startsWith(prefix));
    if (reservedPrefix !== undefined) {
      throw new ValidationError(this, "name", this.name, `a name not starting with ${JSON.stringify(reservedPrefix)}, which ${cloud.name} keeps for its own load balancers`);
    }
    this.domain = requireDomainName(this, "domain", props.domain);
    const certificate = props.certificate ?? cloud.certificate.issued();
    requireUsableCertificate(this, "certificate", cloud, certificate);
    if (certificate.isIssued && !isUnresolved(this.domain) && this.domain.length > limits.issuedCertificateDomainMaxLength) {
      throw new ValidationError(this, "domain", this.domain, `at most ${limits.issuedCertificateDomainMaxLength} characters for a certificate ${cloud.name} issues; or give cloud.certificate.existing(...)`);
    }
    this.targetPort = props.targetPort ?? 8080;
    requireNumberInRange(this, "targetPort", this.targetPort, { min: 1, max: 65535 });
    this.healthCheckPath = requireUrlPath(this, "healthCheckPath", props.healthCheckPath ?? "/healthz");
    const idleTimeoutSeconds = props.idleTimeoutSeconds ?? 60;
    requireNumberInRange(this, "idleTimeoutSeconds", idleTimeoutSeconds, { min: 1, max: 4000, unit: "seconds" });

    const clients = props.clients ?? LoadBalancerClients.anywhere();
    if (!(clients instanceof LoadBalancerClients)) {
      throw new ValidationError(this, "clients", clients, "LoadBalancerClients.anywhere(), .cdnEdgesOnly() or .addressRanges([...])");
    }
    if (clients.cdnEdgesOnly && !cloud.catalog.capabilities.restrictsOriginToCdn) {
      throw new ValidationError(
        this,
        "clients",
        "cdnEdgesOnly",
        `LoadBalancerClients.anywhere() or .addressRanges([...]) (the CDN's origin-pull ranges for your domain): ${cloud.name} offers no way for a load balancer to admit its CDN alone`,
      );
    }
    const clientCidrs = clients.addressRanges && requirePublicCidrs(this, "clients.addressRanges", clients.addressRanges, limits.maxLoadBalancerClientCidrs, cloud.name);

    this.runtime = props.runtime ?? WebRuntime.vms();
    if (!(this.runtime instanceof WebRuntime)) {
      throw new ValidationError(this, "runtime", this.runtime, "WebRuntime.vms(), WebRuntime.kubernetes() or WebRuntime.weighted({ vmsPercent, kubernetesPercent })");
    }
    this.runtime.validate(this, "runtime", cloud);

    cloud.useProvidersIn(this);
    const created = cloud.createLoadBalancer(this, {
      name: this.name,
      network: props.network,
      domain: this.domain,
      certificate,
      targetPort: this.targetPort,
      healthCheckPath: this.healthCheckPath,
      cdnEdgesOnly: clients.cdnEdgesOnly,
      clientCidrs,
      deletionProtection: requireBoolean(this, "deletionProtection", props.deletionProtection ?? true),
      idleTimeoutSeconds,
      runtime: this.runtime,
    });
    this.dnsName = created.dnsName;
    this.securityGroupId = created.securityGroupId;
    this.targetGroupId = created.targetGroupId;
    this.podBackend = created.podBackend;
  }
}
