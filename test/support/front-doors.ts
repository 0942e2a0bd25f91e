import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Id } from "@cdktf/provider-random/lib/id";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { cdnCertificateValidationIn, cdnHostNameIn, ICdn, ICloud, IFrontDoor, RemoteStateProps, ServiceArea } from "../../lib";
import { certificateArn } from "../../lib/aws/certificate";

export interface LightFrontDoorOptions {
  /** Where its origin stack keeps its state. */
  readonly remoteState?: RemoteStateProps;
  /**
   * The domain its CDN serves the asset bucket on, with a host name of its own shared as a
   * bookstore's CDN shares it (from a construct `Cdn/Assets`), as Alibaba Cloud's and Tencent
   * Cloud's CDNs do; give the shop's domain for a CDN that serves the assets on it (CloudFront).
   * @default no asset bucket
   */
  readonly assetsDomain?: string;
  /**
   * AWS only: its CDN's certificate issued by ACM with DNS validation, as a bookstore's
   * CloudFront certificate is, whose validation record the origin stack publishes.
   * @default false: the user's own certificate
   */
  readonly issuedCertificate?: boolean;
}

/**
 * A light front door of `cloud` for the global domain's tests, whose CDN serves `area`: its
 * host name comes from a random_id in an origin stack of its own, `origin-<name>`, which
 * shares it as a bookstore's CDN does (`ICloud.shareCdnHostName`, with the cloud's real
 * adapter), so a DNS stack reads it as it reads a bookstore's.
 */
export function lightFrontDoor(app: App, name: string, cloud: ICloud, area: ServiceArea, options: LightFrontDoorOptions = {}): IFrontDoor {
  const stack = new TerraformStack(app, `origin-${name}`);
  if (options.remoteState) cloud.useRemoteState(stack, options.remoteState);
  new RandomProvider(stack, "random");
  const hostId = new Id(stack, "HostId", { byteLength: 4 });
  const construct = new Construct(stack, "Cdn");
  cloud.useProvidersIn(construct);
  const domain = "shop.example.com";
  if (options.issuedCertificate) certificateArn(construct, "certificate", cloud.certificate.issued(), domain, cloud.region);
  const source = cloud.shareCdnHostName(construct, { hostName: `${hostId.hex}.cdn.example.net`, domain });
  const ownAssets = options.assetsDomain !== undefined && options.assetsDomain !== domain;
  const assets = ownAssets ? Object.assign(new Construct(construct, "Assets"), { cdnDomainName: `${hostId.hex}.assets.cdn.example.net` }) : undefined;
  const assetsSource = assets && cloud.shareCdnHostName(assets, { hostName: assets.cdnDomainName, domain: options.assetsDomain! });
  const cdn: ICdn = Object.assign(construct, {
    cloud,
    cdnDomainName: `${hostId.hex}.cdn.example.net`,
    serviceArea: area,
    assetsDomain: options.assetsDomain,
    assetsCdnDomainName: assets?.cdnDomainName,
    hostNameIn: (scope: Construct) => cdnHostNameIn(cdn, source, scope),
    assetsHostNameIn: (scope: Construct) => (assets && assetsSource ? cdnHostNameIn(assets, assetsSource, scope) : undefined),
    certificateValidationIn: (scope: Construct) => cdnCertificateValidationIn(construct, source, scope),
  });
  return { cloud, domain, cdn };
}
