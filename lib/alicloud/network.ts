import { Construct, IConstruct } from "constructs";
import { EipAddress } from "../generated/alicloud/eip-address";
import { EipAssociation } from "../generated/alicloud/eip-association";
import { NatGateway } from "../generated/alicloud/nat-gateway";
import { SnatEntry } from "../generated/alicloud/snat-entry";
import { Vpc } from "../generated/alicloud/vpc";
import { Vswitch } from "../generated/alicloud/vswitch";
import { ITerraformDependable } from "../core/cdktf";
import { NetworkAttributes, NetworkSpec } from "../core/network";
import { AlicloudCatalog } from "./catalog";
import { recordAlicloudFlowLogs } from "./flow-logs";

// The neutral INetwork carries no dependency on its NAT; whatever must reach the internet
// while it is being created (scaling group, ACK cluster and node pool: image pulls, node
// bootstrap) depends on the SNAT entries. Kept here, keyed by the Network construct.
const outboundAccess = new WeakMap<IConstruct, ITerraformDependable[]>();

/**
 * What gives a network built by this adapter its outbound internet access (its SNAT
 * entries), for `dependsOn`; empty for a network from elsewhere.
 */
export function outboundAccessOf(network: IConstruct): ITerraformDependable[] {
  return [...(outboundAccess.get(network) ?? [])];
}

/**
 * VPC with a public and a private vSwitch per zone, and one enhanced NAT gateway in the
 * first public vSwitch that gives the private vSwitches outbound internet access through
 * its EIP (SNAT only: nothing inside is reachable from outside).
 *
 * An enhanced NAT gateway adds the 0.0.0.0/0 route to the VPC's system route table
 * itself, so no route resources are needed. Unlike AWS's per-zone NAT gateways it is
 * one gateway: Alibaba Cloud runs it across zones. Its flows are logged to Simple Log
 * Service (`recordAlicloudFlowLogs`).
 * ref: https://www.alibabacloud.com/help/en/nat-gateway/user-guide/create-and-manage-internet-nat-gateways
 */
export function createAlicloudNetwork(scope: Construct, spec: NetworkSpec, catalog: AlicloudCatalog): NetworkAttributes {
  const vpc = new Vpc(scope, "Resource", {
    vpcName: spec.name,
    cidrBlock: spec.cidr,
    description: `Network of ${spec.name}`,
  });

  const publicVswitches: Vswitch[] = [];
  const privateVswitches: Vswitch[] = [];
  spec.zones.forEach((zone, index) => {
    const n = index + 1;
    publicVswitches.push(
      new Vswitch(scope, `PublicSubnet${n}`, {
        vpcId: vpc.id,
        zoneId: zone,
        cidrBlock: spec.publicSubnetCidrs[index],
        vswitchName: `${spec.name}-public-${zone}`,
        description: "Load balancers and NAT",
      }),
    );
    privateVswitches.push(
      new Vswitch(scope, `PrivateSubnet${n}`, {
        vpcId: vpc.id,
        zoneId: zone,
        cidrBlock: spec.privateSubnetCidrs[index],
        vswitchName: `${spec.name}-private-${zone}`,
        description: "Servers, databases and Kubernetes nodes",
      }),
    );
  });

  const nat = new NatGateway(scope, "NatGateway", {
    vpcId: vpc.id,
    vswitchId: publicVswitches[0].id,
    natGatewayName: `${spec.name}-nat`,
    description: `Outbound internet access of ${spec.name}'s private vSwitches`,
    natType: "Enhanced",
    networkType: "internet",
    paymentType: "PayAsYouGo",
    internetChargeType: "PayByLcu",
  });
  const eip = new EipAddress(scope, "NatEip", {
    addressName: `${spec.name}-nat`,
    description: `Source address of ${spec.name}'s outbound traffic`,
    paymentType: "PayAsYouGo",
    internetChargeType: "PayByTraffic",
    bandwidth: "100",
    isp: "BGP",
  });
  const association = new EipAssociation(scope, "NatEipAssociation", {
    allocationId: eip.id,
    instanceId: nat.id,
    instanceType: "Nat",
  });
  const snatEntries = spec.privateSubnetCidrs.map(
    (cidr, index) =>
      new SnatEntry(scope, `Snat${index + 1}`, {
        snatTableId: nat.snatTableIds,
        sourceCidr: cidr,
        snatIp: eip.ipAddress,
        snatEntryName: `${spec.name}-private-${spec.zones[index]}`,
        dependsOn: [association],
      }),
  );
  outboundAccess.set(scope, snatEntries);
  recordAlicloudFlowLogs(scope, spec.name, vpc.id, catalog);

  return {
    networkId: vpc.id,
    publicSubnetIds: publicVswitches.map((v) => v.id),
    privateSubnetIds: privateVswitches.map((v) => v.id),
  };
}
