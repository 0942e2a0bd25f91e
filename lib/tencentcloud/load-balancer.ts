import { Construct, IConstruct } from "constructs";
import { ClbInstance } from "../generated/tencentcloud/clb-instance";
import { ClbListener } from "../generated/tencentcloud/clb-listener";
import { ClbListenerRule } from "../generated/tencentcloud/clb-listener-rule";
import { ClbRedirection } from "../generated/tencentcloud/clb-redirection";
import { Fn } from "../core/cdktf";
import { CertificateSource } from "../core/cloud";
import { LoadBalancerAttributes, LoadBalancerSpec } from "../core/load-balancer";
import { isUnresolved, ValidationError } from "../core/validation";
import { PolicyChecks } from "../policy/policy-checks";
import { ClbListenerProtocol } from "../policy/rules/tencentcloud/clb-listener-protocol";
import { NoPublicIngress } from "../policy/rules/tencentcloud/no-public-ingress";
import { TencentcloudCatalog } from "./catalog";
import { TencentcloudLogs } from "./logs";
import { acceptRule, securityGroup } from "./security-group";
import { ANYWHERE_IPV4 } from "../core/cidr";

/**
 * The tag TKE's service controller puts on a CLB that a Service reuses
 * (`service.kubernetes.io/tke-existed-lbid`), `tke-clusterId=<cluster ID>`, to mark it as in
 * use by that cluster. The provider reads every tag of the CLB into `tags` and deletes, on the
 * next apply, those the configuration lacks, so without `ignore_changes` on that key each
 * apply of the infrastructure stack would take TKE's mark away. Only that key is left alone:
 * Terraform keeps a map key named in `ignore_changes` at its prior value even where the
 * configuration has no such key, and the library's own tags stay managed.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/clb/resource_tc_clb_instance.go (read: DescribeResourceTags into tags; update: DiffTags, ModifyTags with the keys to delete)
 * ref: https://github.com/hashicorp/terraform/blob/v1.11.4/internal/terraform/node_resource_abstract_instance.go (processIgnoreChangesIndividual: a map key absent from the configuration keeps its prior value)
 * ref: https://www.tencentcloud.com/document/product/457/45491 (a Service using an existing CLB: the tags TKE sets on it)
 */
const TKE_CLUSTER_TAG = "tke-clusterId";

/** What a scaling group needs to register with a Tencent Cloud load balancer's HTTPS rule. */
export interface TencentcloudForwarding {
  readonly loadBalancerId: string;
  readonly listenerId: string;
  readonly ruleId: string;
}

// The neutral ILoadBalancer carries one target ID; a CLB forwarding target needs three.
// The adapter keeps them here, keyed by the LoadBalancer construct it built them for.
const forwardings = new WeakMap<IConstruct, TencentcloudForwarding>();

/** The forwarding target of a load balancer built by this adapter, or a ValidationError. */
export function forwardingOf(scope: IConstruct, field: string, loadBalancer: IConstruct): TencentcloudForwarding {
  const forwarding = forwardings.get(loadBalancer);
  if (!forwarding) {
    throw new ValidationError(scope, field, loadBalancer.node.path, "a LoadBalancer built with Cloud.tencentcloud(...)");
  }
  return forwarding;
}

/** Refuses a certificate ID that cannot be a Tencent Cloud SSL certificate ID. */
export function certificateId(scope: IConstruct, field: string, certificate: CertificateSource, catalog: TencentcloudCatalog): string {
  const id = certificate.existingCertificateId;
  if (id === undefined || (!isUnresolved(id) && !new RegExp(catalog.tencentcloud.certificateIdPattern).test(id))) {
    throw new ValidationError(scope, field, id, "the ID of a certificate in Tencent Cloud SSL Certificates, 8 letters and digits, e.g. a1B2c3D4");
  }
  return id;
}

// Health check answers counted healthy: 2xx (2) and 3xx (4).
// ref: scripts/provider-schemas/tencentcloud.json, tencentcloud_clb_listener_rule.health_check_http_code
const HEALTHY_2XX_3XX = 2 + 4;

/**
 * Where TKE's CLB reaches pods from, besides the VPC. A layer-7 CLB is a proxy: pods see a
 * CLB-side address. Tencent's CLB health checks use the reserved 100.64.0.0/10 range, and
 * on a GlobalRouter cluster direct access goes through CLB's SNAT Pro, whose SNAT IPs are
 * in the VPC. Not verified on a live cluster: if pods see other sources, this and the VPC
 * range are what to change.
 * ref: https://cloud.tencent.com/document/product/457/41897 (direct access on GlobalRouter: SNAT Pro)
 */
export const CLB_BACKEND_SOURCE_CIDR = "100.64.0.0/10";

/** The HTTPS port the shop is served on, whoever owns the listener. */
const HTTPS_PORT = 443;

/**
 * A public (OPEN) CLB in the VPC, the shop's one front door whatever the web runtime:
 * deletion protection, access logs to CLB's own CLS log set (CKV_TC_11), its security
 * group the one filter (`load_balancer_pass_to_target` lets the CLB's traffic reach the
 * targets without their groups admitting the whole internet). Its public address is its
 * VIP, which is what `dnsName` holds. The CLB (`Resource`) stays put when the runtime
 * changes; only the listeners change hands.
 *
 * VMs (`runtime.usesVms`): HTTPS on 443 with the existing certificate and one rule for the
 * shop's domain with an HTTP health check, which the scaling group registers its instances
 * with; HTTP on 80 only to redirect to HTTPS. checkov CKV_TC_12 (and KICS fe08b81c) flag
 * the HTTP:80 listener even though it only redirects; its finding
 * (BKS-TC-CLB-LISTENER-PROTOCOL) is suppressed on that listener with the reason. Likewise
 * BKS-TC-SG-PUBLIC-INGRESS (CKV_TC_8) on the two public ingress rules.
 *
 * Pods (`runtime.usesKubernetes`): TKE's service controller registers pods only on
 * listeners it creates itself on a reused CLB, never on a listener or rule made
 * elsewhere, and Tencent asks that container and CVM backends not share a CLB. So
 * Terraform creates no listener here: the workloads' Service reuses this CLB
 * (`tke-existed-lbid`) and TKE creates the HTTPS listener on 443 for the domain, with the
 * same certificate, sending straight to the pods (`direct-access`). No HTTP:80 listener:
 * viewers come through the CDN, which redirects http:// itself. For the same reason VMs
 * and pods cannot share the HTTPS rule, so no weighted split (catalog
 * `weightedWebRuntimes: false`), and moving between the runtimes replaces the listener:
 * deploy the infrastructure stack (removes Terraform's listeners) and then the workloads
 * stack (TKE creates its own), a short outage in between.
 * ref: https://cloud.tencent.com/document/product/457/45491 (Service using an existing CLB: same VPC, container and
 * CVM workloads not on one CLB, TKE's listeners not to be edited in the CLB console)
 * ref: https://www.tencentcloud.com/document/product/457/36835 (existing CLB: TKE deletes only the listeners it created)
 *
 * `idleTimeoutSeconds` is not applied: Tencent CLB's HTTP/HTTPS listeners have a fixed
 * keep-alive timeout, and the provider offers `idle_connect_timeout` for TCP/UDP only.
 */
export function createTencentcloudLoadBalancer(scope: Construct, spec: LoadBalancerSpec, catalog: TencentcloudCatalog): LoadBalancerAttributes {
  const certificate = certificateId(scope, "certificate", spec.certificate, catalog);
  const network = spec.network;
  const runtime = spec.runtime;
  const group = securityGroup(scope, "SecurityGroup", { name: spec.name, description: `Load balancer ${spec.name}` });
  // Port 80 is open only while Terraform's HTTP listener exists to redirect it.
  const ports = [
    ["Https", String(HTTPS_PORT), "HTTPS from", ""],
    ...(runtime.usesVms ? [["Http", "80", "HTTP from", ", redirected to HTTPS"]] : []),
  ] as const;
  if (spec.clientCidrs !== undefined) {
    // Only the ranges the user named (e.g. the CDN's origin-pull ranges for the domain), one rule per range; LoadBalancer
    // refused them at synth if they add up to more than one /8, as the packs judge the group's rules on a port together.
    spec.clientCidrs.forEach((cidr, index) => {
      for (const [name, port, what, after] of ports) {
        acceptRule(scope, `Ingress${name}${index}`, { securityGroupId: group.id, direction: "ingress", protocol: "TCP", port, cidr, description: `${what} ${cidr}${after}` });
      }
    });
  } else {
    // A public shop must accept HTTPS, and HTTP to redirect it, from anyone. Tencent Cloud
    // publishes no CDN origin-pull list a security group could name (its DescribeIpStatus
    // lists a domain's origin-pull nodes, which change; no Terraform data source reads it),
    // so even behind the CDN these stay open (CKV_TC_8 suppressed on these rules only)
    // unless the user names the ranges (LoadBalancerClients.addressRanges).
    // ref: https://cloud.tencent.com/document/api/228/41954 (DescribeIpStatus, Layer last: origin-pull nodes; checked 2026-12-08)
    const reasons: Readonly<Record<string, string>> = {
      Https: "A public shop's load balancer accepts HTTPS from anyone; Tencent Cloud publishes no CDN origin-facing address list to narrow it to.",
      Http: "Port 80 is open to anyone only so that the HTTP listener can answer http:// with a 301 to HTTPS; it forwards nothing.",
    };
    for (const [name, port, what, after] of ports) {
      const rule = acceptRule(scope, `Ingress${name}`, { securityGroupId: group.id, direction: "ingress", protocol: "TCP", port, cidr: ANYWHERE_IPV4, description: `${what} the internet${after}` });
      PolicyChecks.of(rule).suppress(NoPublicIngress.id, reasons[name]);
    }
  }
  acceptRule(scope, "EgressToTargets", {
    securityGroupId: group.id,
    direction: "egress",
    protocol: "TCP",
    port: String(spec.targetPort),
    cidr: network.cidr,
    description: "Application port of the targets inside the network",
  });
  if (runtime.usesKubernetes) {
    // GlobalRouter pods have addresses outside the VPC, in the cluster range.
    acceptRule(scope, "EgressToPods", {
      securityGroupId: group.id,
      direction: "egress",
      protocol: "TCP",
      port: String(spec.targetPort),
      cidr: catalog.tencentcloud.kubernetesClusterCidr,
      description: "Application port of the cluster's pods (direct access)",
    });
  }

  const accessLogs = TencentcloudLogs.of(scope, catalog).clbAccessLogTopic(`LoadBalancerAccessLogs-${spec.name}`, `${spec.name}-access-logs`);
  const loadBalancer = new ClbInstance(scope, "Resource", {
    clbName: spec.name,
    networkType: "OPEN",
    vpcId: network.networkId,
    securityGroups: [group.id],
    loadBalancerPassToTarget: true,
    deleteProtect: spec.deletionProtection,
    logSetId: accessLogs.logSetId,
    logTopicId: accessLogs.id,
    lifecycle: { ignoreChanges: [`tags["${TKE_CLUSTER_TAG}"]`] },
  });

  const targetGroupId = runtime.usesVms ? vmListeners(scope, spec, loadBalancer.id, certificate) : undefined;
  // `domain` is empty for CLBs whose account has no CLB domain names (LoadBalancerDomain
  // is not always returned), while a public CLB always has its VIP: the CDN origin and
  // the outputs use that address.
  // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/clb/resource_tc_clb_instance.go (clb_vips, domain: Computed)
  return {
    dnsName: Fn.element(loadBalancer.clbVips, 0),
    securityGroupId: group.id,
    targetGroupId,
    podBackend: runtime.usesKubernetes
      ? {
          loadBalancerId: loadBalancer.id,
          // TKE registers the pods on the listener it creates on this CLB: the CLB is all
          // that can be named before the workloads exist.
          targetGroupId: loadBalancer.id,
          targetPort: spec.targetPort,
          healthCheckPath: spec.healthCheckPath,
          weightPercent: runtime.kubernetesPercent,
          sourceCidrs: [network.cidr, CLB_BACKEND_SOURCE_CIDR],
          details: { domain: spec.domain, certificateId: certificate, listenerPort: String(HTTPS_PORT) },
        }
      : undefined,
  };
}

/** Terraform's HTTPS listener and rule for the VMs, and the HTTP listener that redirects to it; returns the rule's ID. */
function vmListeners(scope: Construct, spec: LoadBalancerSpec, clbId: string, certificate: string): string {
  const https = new ClbListener(scope, "HttpsListener", {
    clbId,
    listenerName: "https",
    port: HTTPS_PORT,
    protocol: "HTTPS",
    certificateSslMode: "UNIDIRECTIONAL",
    certificateId: certificate,
  });
  const httpsRule = new ClbListenerRule(scope, "HttpsRule", {
    clbId,
    listenerId: https.listenerId,
    domain: spec.domain,
    url: "/",
    // TLS ends at the load balancer; inside the network the targets speak HTTP.
    forwardType: "HTTP",
    scheduler: "WRR",
    healthCheckSwitch: true,
    healthCheckType: "HTTP",
    healthCheckHttpMethod: "GET",
    healthCheckHttpDomain: spec.domain,
    healthCheckHttpPath: spec.healthCheckPath,
    healthCheckHttpCode: HEALTHY_2XX_3XX,
    healthCheckIntervalTime: 15,
    healthCheckTimeOut: 5,
    healthCheckHealthNum: 2,
    healthCheckUnhealthNum: 3,
    http2Switch: true,
  });

  const http = new ClbListener(scope, "HttpListener", { clbId, listenerName: "http", port: 80, protocol: "HTTP" });
  PolicyChecks.of(http).suppress(
    ClbListenerProtocol.id,
    "The HTTP:80 listener has one rule, redirected (301) to the HTTPS listener by tencentcloud_clb_redirection; it forwards nothing to the targets.",
  );
  const httpRule = new ClbListenerRule(scope, "HttpRule", {
    clbId,
    listenerId: http.listenerId,
    domain: spec.domain,
    url: "/",
    healthCheckSwitch: false,
  });
  new ClbRedirection(scope, "HttpToHttps", {
    clbId,
    sourceListenerId: http.listenerId,
    sourceRuleId: httpRule.ruleId,
    sourceDomian: spec.domain,
    targetListenerId: https.listenerId,
    targetRuleId: httpsRule.ruleId,
    rewriteCode: 301,
    takeUrl: true,
  });

  forwardings.set(scope, { loadBalancerId: clbId, listenerId: https.listenerId, ruleId: httpsRule.ruleId });
  return httpsRule.id;
}
