import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { INetwork } from "../core/network";
import { Fn } from "../core/cdktf";
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
  const { network, catalog } = props;
  const services = catalog.aws.podServiceEndpoints;
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
  const endpoint = (id: string, service: string, privateDns: boolean) =>
    new VpcEndpoint(scope, id, {
      vpcId: network.networkId,
      serviceName: `com.amazonaws.${props.region}.${service}`,
      vpcEndpointType: "Interface",
      subnetIds: [...network.privateSubnetIds],
      securityGroupIds: [group.id],
      privateDnsEnabled: privateDns,
      tags: { Name: `${props.name}-${service}` },
    });
  endpoint("SecretsManagerEndpoint", services.secretsManager, true);
  if (!props.assetBucket) return { cidrs: network.privateSubnetCidrs };
  const s3 = endpoint("S3Endpoint", services.s3, false);
  // dns_entry[0] is the endpoint's regional name, `*.vpce-<id>.s3.<region>.vpce.amazonaws.com`
  // (the zonal names follow); buckets are addressed under `bucket.` in place of the `*`.
  const regionalName = s3.dnsEntry.get(0).dnsName;
  return { cidrs: network.privateSubnetCidrs, assetBucketEndpoint: Fn.replace(regionalName, "*", services.s3BucketLabel) };
}
