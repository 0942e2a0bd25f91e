import { Construct, IConstruct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { NetworkAttributes, NetworkSpec } from "../core/network";
import { Fn, TerraformStack, type ITerraformDependable } from "../core/cdktf";
import { serviceRole } from "./iam";
import { AwsLogKey } from "./log-key";
import { ANYWHERE_IPV4 } from "../core/cidr";

const FLOW_LOG_RETENTION_DAYS = 365;

/**
 * Every accepted and rejected flow of the VPC, to CloudWatch Logs (CKV2_AWS_11). The flow
 * logs service may assume the role only for this account's flow logs in this region (the
 * confused-deputy condition of the VPC guide, the flow log's ID left as a wildcard, since
 * the flow log names the role).
 * ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html ("We recommend that you use the
 * aws:SourceAccount and aws:SourceArn condition keys ... replace that portion of the ARN with a wildcard (*)")
 */
function recordFlowLogs(scope: Construct, name: string, vpc: Vpc): void {
  const logGroup = new CloudwatchLogGroup(scope, "FlowLogs", {
    name: `/vpc/${name}/flow-logs`,
    retentionInDays: FLOW_LOG_RETENTION_DAYS,
    kmsKeyId: AwsLogKey.of(scope).key.arn,
  });
  const account = new DataAwsCallerIdentity(scope, "FlowLogsAccount").accountId;
  const partition = new DataAwsPartition(scope, "FlowLogsPartition").partition;
  const region = new DataAwsRegion(scope, "FlowLogsRegion").region;
  const { role } = serviceRole(scope, "FlowLogsRole", {
    servicePrincipal: "vpc-flow-logs.amazonaws.com",
    namePrefix: `${name}-flow-logs-`,
    managedPolicies: [],
    condition: {
      StringEquals: { "aws:SourceAccount": account },
      ArnLike: { "aws:SourceArn": `arn:${partition}:ec2:${region}:${account}:vpc-flow-log/*` },
    },
  });
  new IamRolePolicy(scope, "FlowLogsWrite", {
    role: role.id,
    name: "write-flow-logs",
    policy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
          Resource: [logGroup.arn, `${logGroup.arn}:*`],
        },
      ],
    }),
  });
  new FlowLog(scope, "FlowLog", {
    vpcId: vpc.id,
    trafficType: "ALL",
    logDestinationType: "cloud-watch-logs",
    logDestination: logGroup.arn,
    iamRoleArn: role.arn,
    maxAggregationInterval: 60,
  });
}

/** Each network's way out: its internet gateway and the private subnets' default routes through NAT, with their route tables' associations. */
const internetPaths = new WeakMap<IConstruct, ITerraformDependable[]>();

/**
 * What must exist before something in the network needs the internet: the internet
 * gateway (a CloudFront VPC origin requires one in the VPC) and the private subnets'
 * default routes (VMs install Docker at boot). Empty for a network this adapter did not
 * build, and for one in another stack than `dependent`: `depends_on` names resources of its
 * own stack only (cdktf does not carry it across stacks), and another stack's network is
 * applied before it anyway.
 */
export function internetPathsOf(network: IConstruct, dependent: IConstruct): readonly ITerraformDependable[] {
  if (TerraformStack.of(network) !== TerraformStack.of(dependent)) return [];
  return internetPaths.get(network) ?? [];
}

/**
 * VPC with a public and a private subnet per zone. Each zone has its own NAT gateway
 * and private route table, so losing one zone never cuts the others off the internet.
 * Flow logs record all traffic; the default security group is emptied.
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

  recordFlowLogs(scope, spec.name, vpc);

  const internetGateway = new InternetGateway(scope, "InternetGateway", { vpcId: vpc.id, tags: { Name: spec.name } });
  const paths: ITerraformDependable[] = [internetGateway];
  internetPaths.set(scope, paths);
  const publicRouteTable = new RouteTable(scope, "PublicRouteTable", { vpcId: vpc.id, tags: { Name: `${spec.name}-public` } });
  new Route(scope, "PublicDefaultRoute", {
    routeTableId: publicRouteTable.id,
    destinationCidrBlock: ANYWHERE_IPV4,
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
    paths.push(new Route(scope, `PrivateDefaultRoute${n}`, { routeTableId: privateRouteTable.id, destinationCidrBlock: ANYWHERE_IPV4, natGatewayId: nat.id }));
    // Until it is associated, the subnet uses the VPC's main route table, which has no way out.
    paths.push(new RouteTableAssociation(scope, `PrivateSubnet${n}RouteTable`, { subnetId: privateSubnet.id, routeTableId: privateRouteTable.id }));

    publicSubnetIds.push(publicSubnet.id);
    privateSubnetIds.push(privateSubnet.id);
  });

  return { networkId: vpc.id, publicSubnetIds, privateSubnetIds };
}
