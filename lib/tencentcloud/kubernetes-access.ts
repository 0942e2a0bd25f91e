import { Construct } from "constructs";
import {
  ClusterReference,
  IKubernetesAccess,
  KubernetesConnection,
  PodEntry,
  PodEntryProps,
  PodIdentity,
  PROJECTED_TOKEN_DIR,
} from "../core/cluster-access";
import { ANYWHERE_IPV4 } from "../core/cidr";
import { tkeClusterCredential } from "./cluster-credential";

/**
 * The audience of the pods' projected token: the client ID the cluster's CAM OIDC
 * provider is created with (`tencentcloud_kubernetes_auth_attachment.auto_create_client_id`)
 * and the role's trust policy requires (`oidc:aud`).
 * ref: https://cloud.tencent.com/document/api/457/62277 (ModifyClusterAuthenticationOptions: AutoCreateClientId)
 */
export const WORKLOAD_TOKEN_AUDIENCE = "sts.cloud.tencent.com";
const TOKEN_FILE = "token";
/** The Secret TKE reads the SSL Certificates ID from, under the key `qcloud_cert_id`. */
const CERTIFICATE_SECRET = "bookstore-certificate";

/** The API server's URL for the kubernetes and helm providers' `host`: `pgw_endpoint` has no scheme. */
export function endpointUrl(pgwEndpoint: string): string {
  return `https://${pgwEndpoint}`;
}

/** What the cluster adapter leaves for the workloads stack, all in the infrastructure stack, none of it a credential. */
interface RegisteredCluster {
  /** The intranet endpoint's address (`tencentcloud_kubernetes_cluster_endpoint.pgw_endpoint`). */
  readonly privateEndpoint: string;
  /** PEM of the cluster's CA (`tencentcloud_kubernetes_cluster.certification_authority`), a public certificate. */
  readonly certificateAuthority: string;
}

/**
 * TKE for the workloads stack.
 *
 * connect: the intranet endpoint's address and the cluster's CA from the infrastructure
 * stack's outputs (through `terraform_remote_state`; neither is a secret), and the client
 * certificate from TKE itself when the providers connect (`cluster-credential.ts`: TCCLI
 * asked by an exec plugin), so that no stack's outputs or state carry it. Run the stack as
 * a CAM identity of `kubernetes.administrators`, from inside the VPC or a network named in
 * `kubernetes.privateApiAllowedCidrs`, with TCCLI installed.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_cluster.go (certification_authority, from DescribeClusterSecurity)
 */
export class TencentcloudKubernetesAccess implements IKubernetesAccess {
  private readonly clusters = new Map<string, RegisteredCluster>();
  private readonly workloadRoles = new Map<string, { readonly providerId: string }>();

  constructor(private readonly region: string) {}

  /** Called by the cluster adapter: where the workloads stack reads the connection from. */
  public registerCluster(clusterId: string, cluster: RegisteredCluster): void {
    this.clusters.set(clusterId, cluster);
  }

  /** Called by the cluster adapter: the OIDC provider (named after the cluster) that the workload role trusts. */
  public registerWorkloadRole(roleId: string, providerId: string): void {
    this.workloadRoles.set(roleId, { providerId });
  }

  /** Needs no Tencent Cloud provider in the workloads stack: the exec plugin asks TKE with TCCLI. */
  public connect(_scope: Construct, cluster: ClusterReference): KubernetesConnection {
    const registered = this.clusters.get(cluster.clusterId);
    if (registered === undefined) {
      throw new Error(`tencentcloud: connect() needs a cluster built with this Cloud.tencentcloud(...); ${cluster.name} was not`);
    }
    return {
      // `pgw_endpoint` is an address without a scheme. The kubernetes provider's resources
      // take that (client-go adds https), but its kubernetes_manifest path, which the
      // TkeServiceConfig needs, refuses a host that is no URL; the helm provider and
      // client-go read https:// the same. The exec plugin asks TKE for the credential by the
      // cluster's ID, not by this address.
      // ref: https://github.com/hashicorp/terraform-provider-kubernetes/blob/v2.38.0/manifest/provider/configure.go (url.ParseRequestURI(host): "'host' is not a valid URL")
      // ref: https://github.com/hashicorp/terraform-provider-kubernetes/blob/v2.38.0/kubernetes/provider.go (restclient.DefaultServerURL)
      // ref: https://github.com/hashicorp/terraform-provider-helm/blob/v3.1.2/helm/kubeconfig.go (rest.DefaultServerURL)
      host: endpointUrl(registered.privateEndpoint),
      clusterCaCertificate: registered.certificateAuthority,
      exec: tkeClusterCredential({ region: this.region, clusterId: cluster.clusterId }),
    };
  }

  /**
   * A LoadBalancer Service that reuses the infrastructure stack's CLB
   * (`service.kubernetes.io/tke-existed-lbid`), so TKE creates no CLB of its own: TKE's
   * service controller adds the HTTPS listener on 443 for the shop's domain, with the SSL
   * certificate named in a Secret (`qcloud_cert_id`, an identifier, not a key), and sends
   * straight to the pods (`direct-access`: on this GlobalRouter cluster it needs
   * `GlobalRouteDirectAccess: "true"` in kube-system's `tke-service-controller-config` and
   * CLB SNAT Pro; see docs/tencentcloud.md, the runbook). A TkeServiceConfig sets the rule's HTTP
   * health check and forwarding, as Terraform's rule does for the VMs.
   * ref: https://cloud.tencent.com/document/product/457/51258 (Service annotations: tke-existed-lbid, direct-access, tke-service-config)
   * ref: https://intl.cloud.tencent.com/document/product/457/39141 (Service extension protocol: HTTPS with hosts and a tls Secret)
   * ref: https://www.tencentcloud.com/document/product/457/37016 (a certificate named by qcloud_cert_id in a Secret)
   * ref: https://www.tencentcloud.com/document/product/457/36834 (TkeServiceConfig for a Service)
   * ref: https://cloud.tencent.com/document/product/457/41897 (direct access on GlobalRouter)
   */
  public podEntry(props: PodEntryProps): PodEntry {
    const backend = props.backend;
    const details = backend.details ?? {};
    const domain = details.domain;
    const certificateId = details.certificateId;
    const listenerPort = Number(details.listenerPort);
    if (domain === undefined || certificateId === undefined || !Number.isInteger(listenerPort)) {
      throw new Error("tencentcloud: the pod backend lacks its domain, certificate ID or listener port; build the load balancer with Cloud.tencentcloud(...)");
    }
    // The TkeServiceConfig is created with the Service's name (lib/kubernetes/bookstore-workloads.ts).
    const configName = props.serviceName;
    return {
      serviceType: "LoadBalancer",
      servicePort: listenerPort,
      serviceAnnotations: {
        "service.kubernetes.io/tke-existed-lbid": backend.loadBalancerId,
        "service.cloud.tencent.com/direct-access": "true",
        "service.cloud.tencent.com/specify-protocol": JSON.stringify({
          [String(listenerPort)]: { protocol: ["HTTPS"], hosts: { [domain]: { tls: CERTIFICATE_SECRET } } },
        }),
        "service.cloud.tencent.com/tke-service-config": configName,
      },
      binding: {
        apiVersion: "cloud.tencent.com/v1alpha1",
        kind: "TkeServiceConfig",
        spec: {
          loadBalancer: {
            l7Listeners: [
              {
                protocol: "HTTPS",
                port: listenerPort,
                domains: [
                  {
                    domain,
                    rules: [
                      {
                        url: "/",
                        // TLS ends at the CLB; the pods speak HTTP, as the VMs do.
                        forwardType: "HTTP",
                        scheduler: "WRR",
                        healthCheck: {
                          enable: true,
                          intervalTime: 15,
                          timeout: 5,
                          healthNum: 2,
                          unHealthNum: 3,
                          httpCheckPath: backend.healthCheckPath,
                          httpCheckMethod: "GET",
                          httpCheckDomain: domain,
                          // 2xx and 3xx, as Terraform's rule for the VMs.
                          httpCode: 6,
                        },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
      },
      certificateReference: { secretName: CERTIFICATE_SECRET, data: { qcloud_cert_id: certificateId } },
      sourceCidrs: backend.sourceCidrs,
    };
  }

  /**
   * TKE's OIDC-based workload identity: the cluster's service-account issuer is
   * registered as a CAM OIDC identity provider named after the cluster
   * (`tencentcloud_kubernetes_auth_attachment`), and the workload role trusts tokens of
   * the bookstore's service account with this audience. The pods get a projected token
   * and the variables Tencent Cloud's SDKs read for AssumeRoleWithWebIdentity
   * (`TKE_REGION`, `TKE_PROVIDER_ID`, `TKE_ROLE_ARN`, `TKE_WEB_IDENTITY_TOKEN_FILE`, each
   * required: the Python SDK raises "... not exist" for a missing one, and reads the token
   * file under that name since its fix of 2023-07-24, as the Go SDK and TKE's walkthrough
   * do); no webhook or annotation is needed for that.
   *
   * Egress: HTTPS to anywhere, through the NAT gateway, not narrowed to Tencent Cloud's
   * internal ranges as ACK's pods are (issue #24), because not every endpoint the pods call
   * has a documented internal one with documented addresses (checked 2026-12-08):
   * - SSM (GetSecretValue): its API's service addresses are the public
   *   `ssm.tencentcloudapi.com` and `ssm.<region>.tencentcloudapi.com` only, and Private Link
   *   endpoint services front a CLB, MySQL, Redis or GWLB, not a cloud API. A narrowed policy
   *   would cut the pods off their secrets.
   * - STS (AssumeRoleWithWebIdentity): `sts.internal.tencentcloudapi.com` appears in COS's
   *   temporary-key samples and TKE's OIDC walkthrough, not in STS's service addresses, and
   *   no address range is published for it; the SDKs' TKE providers call the public
   *   `sts.tencentcloudapi.com` and read no endpoint from the environment.
   * - COS (the asset bucket): the internal domain `<bucket>.cos-internal.<region>.tencentcos.cn`
   *   is documented, its addresses only as "generally 10.*.*.*, 100.*.*.*, and 169.254.*.* in a
   *   VPC", which is no range to enforce (100.0.0.0/8 is mostly public).
   * ref: https://github.com/TencentCloud/tencentcloud-sdk-python/blob/3.1.162/tencentcloud/common/credential.py (DefaultTkeOIDCRoleArnProvider:
   *   os.getenv('TKE_REGION'), 'TKE_PROVIDER_ID', 'TKE_WEB_IDENTITY_TOKEN_FILE', 'TKE_ROLE_ARN'; checked 2026-12-08)
   * ref: https://www.tencentcloud.com/document/api/1150/49454 (STS AssumeRoleWithWebIdentity: ProviderId, WebIdentityToken, RoleArn)
   * ref: https://www.tencentcloud.com/document/product/1078/38635 (SSM request structure: service addresses)
   * ref: https://www.tencentcloud.com/document/api/1150/49445 (STS request structure: service addresses)
   * ref: https://cloud.tencent.com/document/product/1451/57271 (Private Link: endpoint services' backend types)
   * ref: https://www.tencentcloud.com/document/product/457/57285 (TKE OIDC walkthrough: sts.internal.tencentcloudapi.com)
   * ref: https://cloud.tencent.com/document/product/436/67768 (COS's tencentcos.cn domains: the cos-internal domain, private network only)
   * ref: https://cloud.tencent.com/document/product/213/57441 (CVM to COS over the private network: the addresses' forms)
   */
  public podIdentity(props: { readonly roleId: string }): PodIdentity {
    const role = this.workloadRoles.get(props.roleId);
    if (role === undefined) {
      throw new Error("tencentcloud: podIdentity() needs the workload role of a cluster built with this Cloud.tencentcloud(...)");
    }
    return {
      serviceAccountAnnotations: {},
      namespaceLabels: {},
      environment: {
        TKE_REGION: this.region,
        TKE_PROVIDER_ID: role.providerId,
        TKE_ROLE_ARN: props.roleId,
        TKE_WEB_IDENTITY_TOKEN_FILE: `${PROJECTED_TOKEN_DIR}/${TOKEN_FILE}`,
      },
      projectedToken: { audience: WORKLOAD_TOKEN_AUDIENCE, path: TOKEN_FILE, expirationSeconds: 3600 },
      egress: [{ cidrs: [ANYWHERE_IPV4], tcpPorts: [443] }],
    };
  }
}
