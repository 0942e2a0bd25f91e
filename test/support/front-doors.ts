import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Id } from "@cdktf/provider-random/lib/id";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { cdnHostNameIn, ICdn, ICloud, IFrontDoor, RemoteStateProps, ServiceArea } from "../../lib";

/**
 * A light front door of `cloud` for the global domain's tests, whose CDN serves `area`: its
 * host name comes from a random_id in an origin stack of its own, `origin-<name>`, which
 * shares it as a bookstore's CDN does (`ICloud.shareCdnHostName`, with the cloud's real
 * adapter), so a DNS stack reads it as it reads a bookstore's.
 */
export function lightFrontDoor(app: App, name: string, cloud: ICloud, area: ServiceArea, remoteState?: RemoteStateProps): IFrontDoor {
  const stack = new TerraformStack(app, `origin-${name}`);
  if (remoteState) cloud.useRemoteState(stack, remoteState);
  new RandomProvider(stack, "random");
  const hostId = new Id(stack, "HostId", { byteLength: 4 });
  const construct = new Construct(stack, "Cdn");
  cloud.useProvidersIn(construct);
  const domain = "shop.example.com";
  const source = cloud.shareCdnHostName(construct, { hostName: `${hostId.hex}.cdn.example.net`, domain });
  const cdn: ICdn = Object.assign(construct, {
    cloud,
    cdnDomainName: `${hostId.hex}.cdn.example.net`,
    serviceArea: area,
    hostNameIn: (scope: Construct) => cdnHostNameIn(cdn, source, scope),
  });
  return { cloud, domain, cdn };
}
