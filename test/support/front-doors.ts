import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Id } from "@cdktf/provider-random/lib/id";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { ICdn, ICloud, IFrontDoor, RemoteStateProps, ServiceArea } from "../../lib";

/**
 * A light front door of `cloud` for the global domain's tests, whose CDN serves `area`: its
 * host name comes from a random_id in an origin stack of its own, `origin-<name>`, so a DNS
 * stack reads it through terraform_remote_state as it reads a bookstore's.
 */
export function lightFrontDoor(app: App, name: string, cloud: ICloud, area: ServiceArea, remoteState?: RemoteStateProps): IFrontDoor {
  const stack = new TerraformStack(app, `origin-${name}`);
  if (remoteState) cloud.useRemoteState(stack, remoteState);
  new RandomProvider(stack, "random");
  const hostId = new Id(stack, "HostId", { byteLength: 4 });
  const cdn: ICdn = Object.assign(new Construct(stack, "Cdn"), { cloud, cdnDomainName: `${hostId.hex}.cdn.example.net`, serviceArea: area });
  return { cloud, domain: "shop.example.com", cdn };
}
