import { Construct, IConstruct } from "constructs";
import { CloudfrontVpcOrigin } from "@cdktf/provider-aws/lib/cloudfront-vpc-origin";
import { DataAwsSecurityGroup } from "@cdktf/provider-aws/lib/data-aws-security-group";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener, LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { LoadBalancerAttributes, LoadBalancerSpec } from "../core/load-balancer";
import { AwsCatalog } from "./catalog";
import { internetPathsOf } from "./network";
import { PolicyChecks } from "../policy/policy-checks";
import { NoPublicAdminPorts } from "../policy/rules/aws/no-public-admin-ports";
import { NoPublicIngress } from "../policy/rules/aws/no-public-ingress";
import { certificateArn } from "./certificate";
import { AwsLogBucket, LOG_PREFIXES } from "./log-bucket";
import { managedRulesWebAcl } from "./web-acl";
import { securityGroup } from "./security-group";
import { ANYWHERE_IPV4 } from "../core/cidr";
import { WebRuntime } from "../core/web-runtime";

// The CloudFront VPC origin of each load balancer built for a CDN, keyed by the LoadBalancer
// construct: the CDN adapter reads it back (`cdnVpcOriginOf`), the neutral ILoadBalancer has no word for it.
const vpcOrigins = new WeakMap<IConstruct, CloudfrontVpcOrigin>();

/** The ID of the CloudFront VPC origin of a load balancer built for a CDN, or undefined for an internet-facing one. */
export function cdnVpcOriginOf(loadBalancer: IConstruct): string | undefined {
  return vpcOrigins.get(loadBalancer)?.id;
}

/**
 * An ALB: HTTPS with a TLS 1.2+ policy, HTTP redirected to HTTPS, malformed headers
 * dropped, deletion protected, access logs in the stack's log bucket. HTTPS goes to the
 * VMs' instance target group, the pods' IP target group, or both by weight: the runtime
 * changes the listener and the target groups, never the load balancer.
 *
 * Behind the CDN (`cdnEdgesOnly`) it is internal, in the private subnets, and CloudFront
 * reaches it through a VPC origin of this account: its security group admits HTTPS only
 * from the security group CloudFront creates in the VPC for its VPC origins' network
 * interfaces, so neither the internet nor another customer's distribution (the
 * origin-facing prefix list's addresses are every distribution's) has a path to it; the
 * CDN's web ACL filters every request first. Otherwise it is internet-facing in the public
 * subnets, with a web ACL of its own, open on 443 and 80 to anyone or only to the ranges
 * the user named (`LoadBalancerClients.addressRanges`).
 * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html (checked 2026-12-08)
 */
export function createAwsLoadBalancer(scope: Construct, spec: LoadBalancerSpec, catalog: AwsCatalog, region: string): LoadBalancerAttributes {
  const network = spec.network;
  const behindCdn = spec.cdnEdgesOnly;
  const group = securityGroup(scope, "SecurityGroup", {
    vpcId: network.networkId,
    namePrefix: spec.name,
    description: `Load balancer ${spec.name}`,
  });
  if (spec.clientCidrs !== undefined) {
    // Only the ranges the user named, on HTTPS and on HTTP (which redirects), one rule per range; LoadBalancer
    // refused them at synth if they add up to more than one /8, as the packs judge the group's rules on a port together.
    spec.clientCidrs.forEach((cidr, index) => {
      for (const [id, port, what] of [
        [`IngressHttps${index}`, 443, `HTTPS from ${cidr}`],
        [`IngressHttp${index}`, 80, `HTTP from ${cidr}, redirected to HTTPS`],
      ] as const) {
        new VpcSecurityGroupIngressRule(scope, id, { securityGroupId: group.id, description: what, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: cidr });
      }
    });
  } else if (!behindCdn) {
    // A public shop must accept HTTPS, and HTTP to redirect it, from anyone.
    const policy = PolicyChecks.of(scope);
    policy.suppress(NoPublicIngress.id, "A public shop's load balancer accepts HTTPS, and HTTP to redirect it, from anyone.");
    policy.suppress(NoPublicAdminPorts.id, "Port 80 is open only so that the HTTP listener can redirect to HTTPS; it forwards nothing.");
    for (const [id, port, what] of [
      ["IngressHttps", 443, "HTTPS from the internet"],
      ["IngressHttp", 80, "HTTP from the internet, redirected to HTTPS"],
    ] as const) {
      new VpcSecurityGroupIngressRule(scope, id, {
        securityGroupId: group.id,
        description: what,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv4: ANYWHERE_IPV4,
      });
    }
  }
  new VpcSecurityGroupEgressRule(scope, "EgressToTargets", {
    securityGroupId: group.id,
    description: "Application port of the targets inside the network",
    ipProtocol: "tcp",
    fromPort: spec.targetPort,
    toPort: spec.targetPort,
    cidrIpv4: network.cidr,
  });

  const logs = AwsLogBucket.of(scope, catalog.aws.elbLogDeliveryAccounts[region]);
  const loadBalancer = new Lb(scope, "Resource", {
    name: spec.name,
    loadBalancerType: "application",
    // Flipping `internal` replaces the ALB (ForceNew): see docs/aws.md, "Upgrading a shop built before the CloudFront VPC origin".
    internal: behindCdn,
    securityGroups: [group.id],
    subnets: [...(behindCdn ? network.privateSubnetIds : network.publicSubnetIds)],
    dropInvalidHeaderFields: true,
    desyncMitigationMode: "defensive",
    enableDeletionProtection: spec.deletionProtection,
    idleTimeout: spec.idleTimeoutSeconds,
    enableHttp2: true,
    accessLogs: { bucket: logs.bucket.id, prefix: LOG_PREFIXES.loadBalancer, enabled: true },
    dependsOn: [logs.policy],
  });

  if (behindCdn) {
    // No web ACL of its own: internal, it is no public ALB (BKS-AWS-ALB-WAF, like checkov's
    // CKV2_AWS_28, does not apply), and the CDN's web ACL filters every request first.
    admitOnlyCloudFrontVpcOrigin(scope, spec, catalog, loadBalancer, group.id);
  } else {
    const webAcl = managedRulesWebAcl(scope, "WebAcl", { name: `${spec.name}-web-acl`, scope: "REGIONAL" });
    new Wafv2WebAclAssociation(scope, "WebAclAssociation", { resourceArn: loadBalancer.arn, webAclArn: webAcl.arn });
  }

  // TLS ends at the load balancer; inside the network the targets speak HTTP.
  const targetGroupProps = {
    vpcId: network.networkId,
    port: spec.targetPort,
    protocol: "HTTP",
    deregistrationDelay: "30",
    healthCheck: {
      enabled: true,
      path: spec.healthCheckPath,
      protocol: "HTTP",
      matcher: "200-399",
      interval: 15,
      timeout: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    },
    lifecycle: { createBeforeDestroy: true },
  };
  const runtime = spec.runtime;
  // The VMs, registered by instance by their autoscaling group.
  const targetGroup = runtime.usesVms ? new LbTargetGroup(scope, "TargetGroup", { ...targetGroupProps, namePrefix: "bks-", targetType: "instance" }) : undefined;
  // The pods, registered by IP by the AWS Load Balancer Controller's TargetGroupBinding;
  // ALB nodes connect to them from the subnets the ALB is in.
  // ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-type
  const podTargetGroup = runtime.usesKubernetes ? new LbTargetGroup(scope, "PodTargetGroup", { ...targetGroupProps, namePrefix: "bksp-", targetType: "ip" }) : undefined;

  new LbListener(scope, "HttpsListener", {
    loadBalancerArn: loadBalancer.arn,
    port: 443,
    protocol: "HTTPS",
    sslPolicy: catalog.aws.loadBalancerSslPolicy,
    certificateArn: certificateArn(scope, "certificate", spec.certificate, spec.domain, region),
    defaultAction: [forwardAction(runtime, targetGroup, podTargetGroup)],
  });
  new LbListener(scope, "HttpListener", {
    loadBalancerArn: loadBalancer.arn,
    port: 80,
    protocol: "HTTP",
    defaultAction: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }],
  });

  return {
    dnsName: loadBalancer.dnsName,
    securityGroupId: group.id,
    targetGroupId: targetGroup?.arn,
    podBackend: podTargetGroup && {
      loadBalancerId: loadBalancer.arn,
      targetGroupId: podTargetGroup.arn,
      targetPort: spec.targetPort,
      healthCheckPath: spec.healthCheckPath,
      weightPercent: runtime.kubernetesPercent,
      sourceCidrs: behindCdn ? network.privateSubnetCidrs : network.publicSubnetCidrs,
      details: { securityGroupId: group.id, vpcId: network.networkId },
    },
  };
}

/**
 * CloudFront's VPC origin for the internal ALB, and the one ingress rule of the ALB's group:
 * HTTPS from the group CloudFront creates in the VPC with its first VPC origin there
 * (`CloudFront-VPCOrigins-Service-SG`, tagged by the service) and puts on the network
 * interfaces it reaches VPC origins through. The group exists only once the VPC origin does,
 * so its lookup waits for it (`dependsOn`: read at apply on the first deploy).
 *
 * TLS: CloudFront checks the ALB's certificate against the Host header when the behaviour
 * forwards it, as the CDN's does (AllViewer), so the certificate for the shop's domain
 * validates though the origin's domain name is the ALB's internal one; TLS 1.2 only.
 * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html
 *   (VPC in the same account, with an internet gateway; the origin's security group admits CloudFront-VPCOrigins-Service-SG)
 * ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
 *   (the certificate must match the origin domain name, or the Host header where the behaviour forwards it)
 * ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/cloudfront_vpc_origin
 */
function admitOnlyCloudFrontVpcOrigin(scope: Construct, spec: LoadBalancerSpec, catalog: AwsCatalog, loadBalancer: Lb, groupId: string): void {
  const cloudFront = catalog.aws.cloudFront;
  const vpcOrigin = new CloudfrontVpcOrigin(scope, "CdnVpcOrigin", {
    // CloudFront requires the VPC's internet gateway before it makes the origin's interfaces.
    dependsOn: [...internetPathsOf(spec.network, scope)],
    // Deploying a VPC origin takes CloudFront up to 15 minutes, the provider's default timeout:
    // twice that, so a slow deploy does not leave it tainted.
    // ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/cloudfront_vpc_origin#timeouts
    timeouts: { create: "30m", update: "30m", delete: "30m" },
    vpcOriginEndpointConfig: [
      {
        name: spec.name,
        arn: loadBalancer.arn,
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: "https-only",
        originSslProtocols: [{ items: [...cloudFront.originSslProtocols], quantity: cloudFront.originSslProtocols.length }],
      },
    ],
  });
  const serviceGroup = new DataAwsSecurityGroup(scope, "CdnVpcOriginSecurityGroup", {
    vpcId: spec.network.networkId,
    name: cloudFront.vpcOriginServiceSecurityGroupName,
    dependsOn: [vpcOrigin],
  });
  new VpcSecurityGroupIngressRule(scope, "IngressHttpsFromCdn", {
    securityGroupId: groupId,
    description: "HTTPS from this account's CloudFront VPC origins only",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    referencedSecurityGroupId: serviceGroup.id,
  });
  vpcOrigins.set(scope, vpcOrigin);
}

/**
 * Everything to the one target group in use, or, when both run, to each by its weight,
 * without stickiness: each request picks afresh, so no client stays on the side it first
 * reached (the application keeps no session in memory on either).
 * ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#forward-actions
 */
function forwardAction(runtime: WebRuntime, vms: LbTargetGroup | undefined, pods: LbTargetGroup | undefined): LbListenerDefaultAction {
  if (vms && pods) {
    return {
      type: "forward",
      forward: {
        targetGroup: [
          { arn: vms.arn, weight: runtime.vmsPercent },
          { arn: pods.arn, weight: runtime.kubernetesPercent },
        ],
        stickiness: { enabled: false, duration: 1 },
      },
    };
  }
  const only = vms ?? pods;
  if (!only) throw new Error("a load balancer runtime sends requests to VMs, pods or both");
  return { type: "forward", targetGroupArn: only.arn };
}
