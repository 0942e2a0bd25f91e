import { Construct, IConstruct } from "constructs";
import { SlbListener } from "../generated/alicloud/slb-listener";
import { SlbLoadBalancer } from "../generated/alicloud/slb-load-balancer";
import { SlbServerCertificate } from "../generated/alicloud/slb-server-certificate";
import { SlbServerGroup } from "../generated/alicloud/slb-server-group";
import { LoadBalancerAttributes, LoadBalancerSpec } from "../core/load-balancer";
import { requireNumberInRange, ValidationError } from "../core/validation";
import { AlicloudCatalog } from "./catalog";
import { casCertificateId } from "./certificate";

/** What a scaling group needs to register with a CLB's vServer group. */
export interface AlicloudServerGroupTarget {
  readonly loadBalancerId: string;
  readonly serverGroupId: string;
}

// The neutral ILoadBalancer carries one target ID; ESS attaches a CLB vServer group by the
// load balancer's ID too. The adapter keeps both here, keyed by the LoadBalancer construct.
const targets = new WeakMap<IConstruct, AlicloudServerGroupTarget>();

/** The vServer group of a load balancer built by this adapter, or a ValidationError. */
export function serverGroupTargetOf(scope: IConstruct, field: string, loadBalancer: IConstruct): AlicloudServerGroupTarget {
  const target = targets.get(loadBalancer);
  if (!target) throw new ValidationError(scope, field, loadBalancer.node.path, "a LoadBalancer built with Cloud.alicloud(...)");
  return target;
}

/** Longest idle timeout of a CLB HTTPS listener. */
const MAX_IDLE_TIMEOUT_SECONDS = 60;

/**
 * An internet-facing Classic Load Balancer (CLB, `alicloud_slb_*`) over the first two
 * zones of the network: HTTPS on 443 with the Certificate Management Service certificate
 * and a TLS 1.2-only policy, HTTP on 80 redirected to 443, a server group on the target
 * port with an HTTP health check, deletion protection per spec.
 *
 * A CLB has no security group: backends admit its reserved source range instead (see
 * the compute group), so `securityGroupId` is empty. Its public address is an IP, which
 * is what `dnsName` holds.
 * ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/slb_listener
 */
export function createAlicloudLoadBalancer(scope: Construct, spec: LoadBalancerSpec, catalog: AlicloudCatalog, region: string): LoadBalancerAttributes {
  const specifics = catalog.alicloud;
  requireNumberInRange(scope, "idleTimeoutSeconds", spec.idleTimeoutSeconds, { min: 1, max: MAX_IDLE_TIMEOUT_SECONDS, unit: "seconds on alicloud (CLB HTTPS listeners)" });
  const certificateId = casCertificateId(scope, "certificate", spec.certificate);
  const zones = spec.network.zones;

  const loadBalancer = new SlbLoadBalancer(scope, "Resource", {
    loadBalancerName: spec.name,
    addressType: "internet",
    addressIpVersion: "ipv4",
    loadBalancerSpec: specifics.slbSpec,
    paymentType: "PayAsYouGo",
    internetChargeType: "PayByTraffic",
    // Primary and standby in the network's first two zones: one zone's outage keeps it up.
    masterZoneId: zones[0],
    slaveZoneId: zones[1],
    deleteProtection: spec.deletionProtection ? "on" : "off",
  });

  const serverCertificate = new SlbServerCertificate(scope, "Certificate", {
    name: `${spec.name}-${certificateId}`,
    alicloudCertificateId: certificateId,
    alicloudCertificateRegionId: specifics.certificateServiceRegions[region],
  });

  const serverGroup = new SlbServerGroup(scope, "ServerGroup", {
    loadBalancerId: loadBalancer.id,
    name: `${spec.name}-targets`,
  });

  const https = new SlbListener(scope, "HttpsListener", {
    loadBalancerId: loadBalancer.id,
    protocol: "https",
    frontendPort: 443,
    backendPort: spec.targetPort,
    serverGroupId: serverGroup.id,
    serverCertificateId: serverCertificate.id,
    tlsCipherPolicy: specifics.slbTlsCipherPolicy,
    enableHttp2: "on",
    bandwidth: -1,
    scheduler: "wrr",
    stickySession: "off",
    idleTimeout: spec.idleTimeoutSeconds,
    requestTimeout: 60,
    // TLS ends at the load balancer; inside the network the targets speak HTTP.
    healthCheck: "on",
    healthCheckType: "http",
    healthCheckUri: spec.healthCheckPath,
    healthCheckConnectPort: spec.targetPort,
    healthCheckHttpCode: "http_2xx,http_3xx",
    healthCheckInterval: 15,
    healthCheckTimeout: 5,
    healthyThreshold: 2,
    unhealthyThreshold: 3,
    xForwardedFor: { retriveSlbIp: true, retriveSlbProto: true },
    description: `HTTPS for ${spec.domain}`,
  });

  new SlbListener(scope, "HttpListener", {
    loadBalancerId: loadBalancer.id,
    protocol: "http",
    frontendPort: 80,
    bandwidth: -1,
    listenerForward: "on",
    forwardPort: 443,
    description: `HTTP for ${spec.domain}, redirected to HTTPS`,
    // The redirect target must exist first.
    dependsOn: [https],
  });

  targets.set(scope, { loadBalancerId: loadBalancer.id, serverGroupId: serverGroup.id });
  // A CLB has no security group: the web tier admits the CLB source range instead.
  return { dnsName: loadBalancer.address, targetGroupId: serverGroup.id };
}
