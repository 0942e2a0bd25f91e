import { Construct } from "constructs";
import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener, LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { LoadBalancerAttributes, LoadBalancerSpec } from "../core/load-balancer";
import { AwsCatalog } from "./catalog";
import { PolicyChecks } from "../policy/policy-checks";
import { AlbWebAcl } from "../policy/rules/aws/alb-web-acl";
import { NoPublicAdminPorts } from "../policy/rules/aws/no-public-admin-ports";
import { NoPublicIngress } from "../policy/rules/aws/no-public-ingress";
import { certificateArn } from "./certificate";
import { AwsLogBucket, LOG_PREFIXES } from "./log-bucket";
import { managedRulesWebAcl } from "./web-acl";
import { securityGroup } from "./security-group";
import { ANYWHERE_IPV4 } from "../core/cidr";
import { WebRuntime } from "../core/web-runtime";

/**
 * Internet-facing ALB in the public subnets: HTTPS with a TLS 1.2+ policy, HTTP
 * redirected to HTTPS, malformed headers dropped, deletion protected, access logs in
 * the stack's log bucket. Without a CDN in front it gets a web ACL of its own. HTTPS goes
 * to the VMs' instance target group, the pods' IP target group, or both by weight: the
 * runtime changes the listener and the target groups, never the load balancer.
 */
export function createAwsLoadBalancer(scope: Construct, spec: LoadBalancerSpec, catalog: AwsCatalog, region: string): LoadBalancerAttributes {
  const network = spec.network;
  const group = securityGroup(scope, "SecurityGroup", {
    vpcId: network.networkId,
    namePrefix: spec.name,
    description: `Load balancer ${spec.name}`,
  });
  if (spec.cdnEdgesOnly) {
    // The prefix list counts as ~55 rules against the group's quota of 60, so only
    // HTTPS is opened to it: CloudFront talks to the origin over HTTPS only.
    const cloudFront = new DataAwsEc2ManagedPrefixList(scope, "CdnEdges", { name: catalog.aws.cloudFront.originFacingPrefixListName });
    new VpcSecurityGroupIngressRule(scope, "IngressHttpsFromCdn", {
      securityGroupId: group.id,
      description: "HTTPS from CloudFront's origin-facing servers only",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      prefixListId: cloudFront.id,
    });
  } else {
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
    internal: false,
    securityGroups: [group.id],
    subnets: [...network.publicSubnetIds],
    dropInvalidHeaderFields: true,
    desyncMitigationMode: "defensive",
    enableDeletionProtection: spec.deletionProtection,
    idleTimeout: spec.idleTimeoutSeconds,
    enableHttp2: true,
    accessLogs: { bucket: logs.bucket.id, prefix: LOG_PREFIXES.loadBalancer, enabled: true },
    dependsOn: [logs.policy],
  });

  if (spec.cdnEdgesOnly) {
    PolicyChecks.of(scope).suppress(AlbWebAcl.id, "Only CloudFront can reach this load balancer, and the CDN's web ACL filters every request first.");
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
  // ALB nodes connect to them from the public subnets.
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
      sourceCidrs: network.publicSubnetCidrs,
      details: { securityGroupId: group.id, vpcId: network.networkId },
    },
  };
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
