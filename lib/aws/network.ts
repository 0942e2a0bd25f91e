import { Construct } from "constructs";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { NetworkAttributes, NetworkSpec } from "../core/network";

const ANYWHERE = "0.0.0.0/0";

/**
 * VPC with a public and a private subnet per zone. Each zone has its own NAT gateway
 * and private route table, so losing one zone never cuts the others off the internet.
 */
export function createAwsNetwork(scope: Construct, spec: NetworkSpec): NetworkAttributes {
  const vpc = new Vpc(scope, "Resource", {
    cidrBlock: spec.cidr,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    tags: { Name: spec.name },
  });

  // The default security group admits all traffic between its members; nothing here
  // uses it, so it is emptied (CKV2_AWS_12).
  new DefaultSecurityGroup(scope, "DefaultSecurityGroup", { vpcId: vpc.id, tags: { Name: `${spec.name}-default-closed` } });

  const internetGateway = new InternetGateway(scope, "InternetGateway", { vpcId: vpc.id, tags: { Name: spec.name } });
  const publicRouteTable = new RouteTable(scope, "PublicRouteTable", { vpcId: vpc.id, tags: { Name: `${spec.name}-public` } });
  new Route(scope, "PublicDefaultRoute", {
    routeTableId: publicRouteTable.id,
    destinationCidrBlock: ANYWHERE,
    gatewayId: internetGateway.id,
  });

  const publicSubnetIds: string[] = [];
  const privateSubnetIds: string[] = [];
  spec.zones.forEach((zone, index) => {
    const n = index + 1;
    const publicSubnet = new Subnet(scope, `PublicSubnet${n}`, {
      vpcId: vpc.id,
      availabilityZone: zone,
      cidrBlock: spec.publicSubnetCidrs[index],
      // Nothing launched here needs a public address by default (CKV_AWS_130).
      mapPublicIpOnLaunch: false,
      tags: { Name: `${spec.name}-public-${zone}`, "kubernetes.io/role/elb": "1" },
    });
    new RouteTableAssociation(scope, `PublicSubnet${n}RouteTable`, { subnetId: publicSubnet.id, routeTableId: publicRouteTable.id });

    const eip = new Eip(scope, `NatEip${n}`, { domain: "vpc", tags: { Name: `${spec.name}-nat-${zone}` } });
    const nat = new NatGateway(scope, `NatGateway${n}`, {
      allocationId: eip.allocationId,
      subnetId: publicSubnet.id,
      tags: { Name: `${spec.name}-${zone}` },
      dependsOn: [internetGateway],
    });

    const privateSubnet = new Subnet(scope, `PrivateSubnet${n}`, {
      vpcId: vpc.id,
      availabilityZone: zone,
      cidrBlock: spec.privateSubnetCidrs[index],
      mapPublicIpOnLaunch: false,
      tags: { Name: `${spec.name}-private-${zone}`, "kubernetes.io/role/internal-elb": "1" },
    });
    const privateRouteTable = new RouteTable(scope, `PrivateRouteTable${n}`, { vpcId: vpc.id, tags: { Name: `${spec.name}-private-${zone}` } });
    new Route(scope, `PrivateDefaultRoute${n}`, { routeTableId: privateRouteTable.id, destinationCidrBlock: ANYWHERE, natGatewayId: nat.id });
    new RouteTableAssociation(scope, `PrivateSubnet${n}RouteTable`, { subnetId: privateSubnet.id, routeTableId: privateRouteTable.id });

    publicSubnetIds.push(publicSubnet.id);
    privateSubnetIds.push(privateSubnet.id);
  });

  return { networkId: vpc.id, publicSubnetIds, privateSubnetIds };
}
