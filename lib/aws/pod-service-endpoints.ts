import { Construct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { INetwork } from "../core/network";
import { Fn, propertyAccess, Token } from "../core/cdktf";
import { AwsCatalog } from "./catalog";
import { securityGroup } from "./security-group";

/** Where the bookstore's pods reach the AWS services they call, inside the VPC. */
export interface PodServiceEndpoints {
  /** The ranges the endpoints' network interfaces are in: the private subnets. */
  readonly cidrs: readonly string[];
  /** The S3 endpoint's name for buckets (`bucket.vpce-....s3.<region>.vpce.amazonaws.com`); undefined without an asset bucket. */
  readonly assetBucketEndpoint?: string;
}

/**
 * Interface VPC endpoints for the services the bookstore's pods call, in every private
 * subnet, so that the pods' NetworkPolicy may send HTTPS to the private subnets only
 * instead of anywhere through the NAT gateways: Secrets Manager (the data stores'
 * credentials) with private DNS, which makes its regional name resolve to the endpoint for
 * everything in the VPC (the VMs included, which its security group admits as well), and,
 * with an asset bucket, S3 without private DNS, whose endpoint-specific name for buckets
 * the pods are told as `ASSET_BUCKET_ENDPOINT` (S3's private DNS needs a gateway endpoint
 * too, through which the pods' traffic would leave for S3's public addresses). The Pod
 * Identity agent, which calls EKS Auth for the pods' credentials, runs in the host
 * network and keeps the nodes' way out. Each endpoint costs per hour and zone, and per
 * gigabyte (AWS PrivateLink pricing).
 * ref: https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (enableDnsHostnames and
 * enableDnsSupport required for private DNS; the security group must admit HTTPS from the clients)
 * ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
 * ref: https://aws.amazon.com/privatelink/pricing/
 */
export function createPodServiceEndpoints(
  scope: Construct,
  props: { readonly name: string; readonly network: INetwork; readonly region: string; readonly assetBucket: boolean; readonly catalog: AwsCatalog },
): PodServiceEndpoints {
  // One set per network: a second cluster on it shares them (a second Secrets Manager
  // endpoint with private DNS in the VPC would claim the same name).
  const shared = endpointsOfNetwork.get(props.network);
  if (shared !== undefined) {
    if (!props.assetBucket || shared.assetBucketEndpoint !== undefined) return shared;
    const withBucket = { ...shared, assetBucketEndpoint: s3BucketEndpoint(shared.endpoint, props.catalog) };
    endpointsOfNetwork.set(props.network, withBucket);
    return withBucket;
  }
  const { network, catalog } = props;
  const group = securityGroup(scope, "ServiceEndpointsSecurityGroup", {
    vpcId: network.networkId,
    namePrefix: `${props.name}-service-endpoints`,
    description: "Interface VPC endpoints of the AWS services the pods call: HTTPS from inside the VPC only",
  });
  // The whole VPC: Secrets Manager's private DNS sends every client in it here, the VMs too.
  // No egress rule: an endpoint's interfaces answer, they open no connection.
  new VpcSecurityGroupIngressRule(scope, "ServiceEndpointsIngressHttps", {
    securityGroupId: group.id,
    description: "HTTPS from the VPC to the service endpoints",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: network.cidr,
  });
  // Only this account's secrets and buckets through the endpoints, whoever's credentials a
  // client holds (IAM still decides what each role may do).
  // ref: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
  // ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
  const account = new DataAwsCallerIdentity(scope, "ServiceEndpointsAccount").accountId;
  const policy = Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [{ Sid: "ThisAccountsResourcesOnly", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": account } } }],
  });
  const endpoint = (id: string, service: string, privateDns: boolean) =>
    new VpcEndpoint(scope, id, {
      vpcId: network.networkId,
      serviceName: `com.amazonaws.${props.region}.${service}`,
      vpcEndpointType: "Interface",
      subnetIds: [...network.privateSubnetIds],
      securityGroupIds: [group.id],
      privateDnsEnabled: privateDns,
      policy,
      tags: { Name: `${props.name}-${service}` },
    });
  endpoint("SecretsManagerEndpoint", catalog.aws.podServiceEndpoints.secretsManager, true);
  const built: BuiltEndpoints = { endpoint, cidrs: network.privateSubnetCidrs };
  const result = props.assetBucket ? { ...built, assetBucketEndpoint: s3BucketEndpoint(endpoint, catalog) } : built;
  endpointsOfNetwork.set(network, result);
  return result;
}

type EndpointFactory = (id: string, service: string, privateDns: boolean) => VpcEndpoint;

/** A network's endpoints, and how to add one beside them (behind the same security group). */
interface BuiltEndpoints extends PodServiceEndpoints {
  readonly endpoint: EndpointFactory;
}

const endpointsOfNetwork = new WeakMap<INetwork, BuiltEndpoints>();

/**
 * S3's interface endpoint and its name for buckets: its regional name,
 * `*.vpce-<id>-<suffix>.s3.<region>.vpce.amazonaws.com`, with `bucket` in place of the `*`.
 * The endpoint's zonal names insert `-<zone>` after the same ID, and a `-` sorts before the
 * `.` that follows the ID in the regional name, so that is the last name in sorted order,
 * whatever order DescribeVpcEndpoints returns them in (which AWS does not document; private
 * DNS, off here, would add names of another form).
 * ref: https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html (endpoint-specific
 * Regional and zonal DNS names)
 */
function s3BucketEndpoint(endpoint: EndpointFactory, catalog: AwsCatalog): string {
  const services = catalog.aws.podServiceEndpoints;
  const s3 = endpoint("S3Endpoint", services.s3, false);
  const names = Token.asList(propertyAccess(s3.dnsEntry, ["*", "dns_name"]));
  return Fn.replace(Fn.element(Fn.reverse(Fn.sort(names)), 0), "*", services.s3BucketLabel);
}
