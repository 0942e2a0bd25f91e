import { Construct } from "constructs";
import { Eip } from "../generated/tencentcloud/eip";
import { NatGateway } from "../generated/tencentcloud/nat-gateway";
import { RouteTable } from "../generated/tencentcloud/route-table";
import { RouteTableAssociation } from "../generated/tencentcloud/route-table-association";
import { RouteTableEntry } from "../generated/tencentcloud/route-table-entry";
import { Subnet } from "../generated/tencentcloud/subnet";
import { Vpc } from "../generated/tencentcloud/vpc";
import { VpcFlowLog } from "../generated/tencentcloud/vpc-flow-log";
import { NetworkAttributes, NetworkSpec } from "../core/network";
import { TencentcloudCatalog } from "./catalog";
import { TencentcloudLogs } from "./logs";
import { ANYWHERE_IPV4 } from "../core/cidr";


/**
 * VPC with a public and a private subnet per zone. Tencent Cloud has no internet
 * gateway: public reach comes from the load balancer's own address, and the private
 * subnets leave through one NAT gateway (a VPC-level, multi-zone service) with one EIP
 * per zone, through a route table of their own. Flow logs of the whole VPC go to CLS
 * (checkov CKV_TC_14).
 * ref: https://www.tencentcloud.com/document/product/1015/30226
 */
export function createTencentcloudNetwork(scope: Construct, spec: NetworkSpec, catalog: TencentcloudCatalog): NetworkAttributes {
  const vpc = new Vpc(scope, "Resource", { name: spec.name, cidrBlock: spec.cidr, isMulticast: false });

  const logs = TencentcloudLogs.of(scope, catalog);
  new VpcFlowLog(scope, "FlowLog", {
    flowLogName: `${spec.name}-flow-logs`,
    flowLogDescription: `Every accepted and rejected flow of ${spec.name}`,
    resourceType: "VPC",
    resourceId: vpc.id,
    vpcId: vpc.id,
    trafficType: "ALL",
    storageType: "cls",
    cloudLogId: logs.topic("FlowLogs", `${spec.name}-flow-logs`).id,
  });

  const eips = spec.zones.map((zone, index) => new Eip(scope, `NatEip${index + 1}`, { name: `${spec.name}-nat-${zone}` }));
  const nat = new NatGateway(scope, "NatGateway", {
    name: spec.name,
    vpcId: vpc.id,
    assignedEipSet: eips.map((eip) => eip.publicIp),
  });

  const privateRouteTable = new RouteTable(scope, "PrivateRouteTable", { name: `${spec.name}-private`, vpcId: vpc.id });
  new RouteTableEntry(scope, "PrivateDefaultRoute", {
    routeTableId: privateRouteTable.id,
    destinationCidrBlock: ANYWHERE_IPV4,
    nextType: "NAT",
    nextHub: nat.id,
    description: "Internet through the NAT gateway",
  });

  const publicSubnetIds: string[] = [];
  const privateSubnetIds: string[] = [];
  spec.zones.forEach((zone, index) => {
    const n = index + 1;
    const publicSubnet = new Subnet(scope, `PublicSubnet${n}`, {
      vpcId: vpc.id,
      availabilityZone: zone,
      cidrBlock: spec.publicSubnetCidrs[index],
      name: `${spec.name}-public-${zone}`,
      isMulticast: false,
    });
    const privateSubnet = new Subnet(scope, `PrivateSubnet${n}`, {
      vpcId: vpc.id,
      availabilityZone: zone,
      cidrBlock: spec.privateSubnetCidrs[index],
      name: `${spec.name}-private-${zone}`,
      isMulticast: false,
    });
    new RouteTableAssociation(scope, `PrivateSubnet${n}RouteTable`, { subnetId: privateSubnet.id, routeTableId: privateRouteTable.id });
    publicSubnetIds.push(publicSubnet.id);
    privateSubnetIds.push(privateSubnet.id);
  });

  return { networkId: vpc.id, publicSubnetIds, privateSubnetIds };
}
