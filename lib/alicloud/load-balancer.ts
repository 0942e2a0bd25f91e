import { Construct, IConstruct } from "constructs";
import { DataAlicloudSslCertificatesServiceCertificates } from "../generated/alicloud/data-alicloud-ssl-certificates-service-certificates";
import { SlbAcl } from "../generated/alicloud/slb-acl";
import { SlbAclEntryAttachment } from "../generated/alicloud/slb-acl-entry-attachment";
import { SlbListener } from "../generated/alicloud/slb-listener";
import { SlbLoadBalancer } from "../generated/alicloud/slb-load-balancer";
import { SlbServerCertificate } from "../generated/alicloud/slb-server-certificate";
import { SlbServerGroup } from "../generated/alicloud/slb-server-group";
import { LoadBalancerAttributes, LoadBalancerSpec } from "../core/load-balancer";
import { requireNumberInRange, ValidationError } from "../core/validation";
import { WebRuntime } from "../core/web-runtime";
import { AlicloudCatalog } from "./catalog";
import { casCertificateId } from "./certificate";
import { addPodBackendPort } from "./pod-backends";

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

/** A CLB backend server's weight when the VMs alone receive requests (the range is 0 to 100). */
const FULL_WEIGHT = 100;

/**
 * The weight of each VM in the shared vServer group. A CLB weighs backend servers, not
 * groups: Auto Scaling gives every instance the same weight, and ACK's cloud controller
 * manager spreads the Service's total weight (`kubernetesPercent`) over its pods. Each
 * VM therefore weighs `vmsPercent / minInstances`, so that the VMs together weigh
 * `vmsPercent` while the group runs at its minimum size and the split is as asked; when
 * the VMs scale out they take a larger share (the pods' total stays fixed, except that
 * the controller gives every pod a weight of at least 1).
 * ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/create-a-vserver-group (a weight per server, 0 to 100)
 * ref: https://github.com/kubernetes/cloud-provider-alibaba-cloud/blob/master/pkg/controller/service/clbv1/vgroups.go (podPercentAlgorithm: pod weight = weight / pods)
 */
export function vmBackendWeight(runtime: WebRuntime, minInstances: number): number {
  if (!runtime.isWeighted) return FULL_WEIGHT;
  return Math.min(FULL_WEIGHT, Math.max(1, Math.round(runtime.vmsPercent / minInstances)));
}

/**
 * With `LoadBalancerClients.addressRanges`, a whitelist access control list holding exactly
 * those ranges, for both listeners: a CLB listener then forwards only their requests. The
 * listeners wait for the entries, so no listener is ever on with a list still filling. Without, no
 * list: Alibaba Cloud CDN publishes no origin-pull ranges a list could hold (its
 * DescribeL2VipsByDomain answers per domain, to accounts of 1 Gbit/s peak bandwidth that
 * asked by ticket, and the ranges change), so the listeners take every address.
 * ref: https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/access-control (a whitelist forwards only its entries' requests)
 * ref: https://www.alibabacloud.com/help/en/cdn/user-guide/query-ip-addresses-of-pops-for-a-cdn-domain (checked 2026-12-08)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_slb_listener.go (acl_ids; acl_id deprecated)
 */
function clientAccessList(scope: Construct, spec: LoadBalancerSpec): { aclStatus: string; aclType: string; aclIds: string[]; dependsOn: SlbAclEntryAttachment[] } | undefined {
  const cidrs = spec.clientCidrs;
  if (cidrs === undefined) return undefined;
  const acl = new SlbAcl(scope, "ClientAcl", { name: `${spec.name}-clients`, ipVersion: "ipv4" });
  const entries = cidrs.map((cidr, index) => new SlbAclEntryAttachment(scope, `ClientAclEntry${index}`, { aclId: acl.id, entry: cidr, comment: "admitted-client-range" }));
  return { aclStatus: "on", aclType: "white", aclIds: [acl.id], dependsOn: entries };
}

/**
 * An internet-facing Classic Load Balancer (CLB, `alicloud_slb_*`) over the first two
 * zones of the network: HTTPS on 443 with the Certificate Management Service certificate
 * and a TLS 1.2-only policy, HTTP on 80 redirected to 443, a server group on the target
 * port with an HTTP health check, deletion protection per spec.
 *
 * The one vServer group serves whichever runtime receives requests: the VMs' scaling
 * group attaches to it (`targetGroupId`), and the cluster's pods join it through ACK's
 * cloud controller manager, which reuses this CLB and this group when a LoadBalancer
 * Service names them (`podBackend`, see the Kubernetes access): no Kubernetes object
 * creates another load balancer. The group, the listeners and the CLB keep their
 * addresses whatever the runtime.
 *
 * A CLB has no security group: backends admit its reserved source range instead (see
 * the compute group), so `securityGroupId` is empty. Its public address is an IP, which
 * is what `dnsName` holds.
 *
 * No access logs: a CLB's layer-7 access logs go to Simple Log Service only through the
 * SLB API's SetAccessLogsDownloadAttribute (ROS: ALIYUN::SLB::AccessLogsAddition), and
 * aliyun/alicloud 1.289.0 has no resource that calls it (`alicloud_slb_load_balancer` and
 * `alicloud_slb_listener` take no log settings; `alicloud_alb_load_balancer_access_log_config_attachment`
 * is for ALB only; `alicloud_sls_collection_policy` documents OSS and SLS's own logs, not
 * CLB). They are turned on by hand after the deploy (docs/alicloud.md, "Deploy runbook: Alibaba Cloud"), and
 * the VPC's flow logs (network.ts) record every connection to the backends meanwhile.
 * Checked 2026-12-08.
 * ref: https://github.com/aliyun/terraform-provider-alicloud/tree/v1.289.0/alicloud (no resource calls SetAccessLogsDownloadAttribute)
 * ref: https://alibabacloud.com/help/en/slb/security-and-compliance/authorize-a-sub-account-to-use-access-logs (slb:SetAccessLogsDownloadAttribute)
 * ref: https://alibabacloud.com/help/en/sls/user-guide/enable-the-access-log-management-feature
 * ref: https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-slb-accesslogsaddition
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
    // Pay-as-you-go, metered by LCU: the only metering sold to a new CLB. No load_balancer_spec: a
    // pay-by-LCU CLB has none, and the provider would send one as LoadBalancerSpec (it only hides the
    // difference in plans). Pay-by-LCU bills internet traffic by volume.
    paymentType: "PayAsYouGo",
    instanceChargeType: specifics.slbInstanceChargeType,
    internetChargeType: "PayByTraffic",
    // Primary and standby in the network's first two zones: one zone's outage keeps it up.
    masterZoneId: zones[0],
    slaveZoneId: zones[1],
    deleteProtection: spec.deletionProtection ? "on" : "off",
  });

  // UploadServerCertificate takes a Certificate Management Service certificate by its ID, region and
  // name: "if you use a certificate issued by Alibaba Cloud, this parameter is required" of each, and the
  // provider sends the name only when it is set. The name is read by the ID from CAS's active
  // certificates (ListUserCertificateOrder, OrderType CERT: issued or about to expire), with the
  // provider's CAS endpoint; no enable_details, which would read the private key into the state. A
  // certificate CAS does not list there stops the plan with the reason. The name matters only when the
  // CLB's copy is made (ForceNew): a certificate renamed in CAS later replaces nothing.
  // ref: https://help.aliyun.com/zh/slb/classic-load-balancer/developer-reference/api-slb-2014-05-15-uploadservercertificate
  //   (AliCloudCertificateId, AliCloudCertificateName, AliCloudCertificateRegionId: required with an Alibaba Cloud certificate)
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_slb_server_certificate.go
  //   (AliCloudCertificateName sent only when alicloud_certificate_name is set; every alicloud_certificate_* argument ForceNew)
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/data_source_alicloud_ssl_certificates_service_certificates.go
  //   (ids matched against CertificateId; certificate_name from Name; cert and key only with enable_details)
  // ref: https://www.alibabacloud.com/help/en/ssl-certificate/developer-reference/api-cas-2020-04-07-listusercertificateorder
  const casCertificate = new DataAlicloudSslCertificatesServiceCertificates(scope, "CasCertificate", {
    ids: [certificateId],
    lifecycle: {
      postcondition: [
        {
          condition: "${length(self.certificates) == 1}",
          errorMessage: `Certificate Management Service lists no active certificate ${certificateId} (the load balancer's certificate): give the ID of an issued or uploaded certificate that has not expired, as CAS shows it; the provider reads CAS at its own endpoint for the account and region (ALIBABA_CLOUD_ENDPOINT_CAS sets another).`,
        },
      ],
    },
  });
  const serverCertificate = new SlbServerCertificate(scope, "Certificate", {
    name: `${spec.name}-${certificateId}`,
    alicloudCertificateId: certificateId,
    alicloudCertificateName: casCertificate.certificates.get(0).certificateName,
    alicloudCertificateRegionId: specifics.certificateServiceRegions[region],
    lifecycle: { ignoreChanges: ["alicloud_certificate_name"] },
  });

  const serverGroup = new SlbServerGroup(scope, "ServerGroup", {
    loadBalancerId: loadBalancer.id,
    name: `${spec.name}-targets`,
  });

  const clientAcl = clientAccessList(scope, spec);
  const https = new SlbListener(scope, "HttpsListener", {
    ...clientAcl,
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
    ...clientAcl,
    // The redirect target must exist first.
    dependsOn: [https, ...(clientAcl?.dependsOn ?? [])],
  });

  targets.set(scope, { loadBalancerId: loadBalancer.id, serverGroupId: serverGroup.id });
  const runtime = spec.runtime;
  // A CLB has no security group: the VMs and the cluster admit the CLB source range instead.
  if (runtime.usesKubernetes) addPodBackendPort(spec.network, spec.targetPort);
  return {
    dnsName: loadBalancer.address,
    targetGroupId: runtime.usesVms ? serverGroup.id : undefined,
    podBackend: runtime.usesKubernetes
      ? {
          loadBalancerId: loadBalancer.id,
          targetGroupId: serverGroup.id,
          targetPort: spec.targetPort,
          healthCheckPath: spec.healthCheckPath,
          weightPercent: runtime.kubernetesPercent,
          // The listener and its health checks reach pods from the same reserved range as VMs.
          sourceCidrs: [specifics.slbBackendSourceCidr],
        }
      : undefined,
  };
}
