import { Construct } from "constructs";
import { DataTencentcloudKubernetesClusters } from "../generated/tencentcloud/data-tencentcloud-kubernetes-clusters";
import { DataTencentcloudSsmSecretVersions } from "../generated/tencentcloud/data-tencentcloud-ssm-secret-versions";
import { Fn } from "../core/cdktf";
import { DatabaseConnection } from "../core/database";
import { DatabaseCredentials, IKubernetesAccess, IngressEntry, IngressProps, KubernetesConnection } from "../core/cluster-access";

/** The only version the database adapter writes to the credentials secret (lib/tencentcloud/database.ts). */
const CREDENTIALS_SECRET_VERSION = "v1";
/** The Secret key TKE's CLB Ingress reads an SSL Certificates ID from. */
const QCLOUD_CERT_ID_KEY = "qcloud_cert_id";
/**
 * Where the Ingress's CLB reaches the pods from. A layer-7 CLB is a proxy: the pods see a
 * CLB-side address (the client's is only in X-Forwarded-For), and a public CLB has no
 * address in the VPC's subnets, so the public subnets would admit nothing. Tencent's CLB
 * health checks use the reserved 100.64.0.0/10 range, and so, we take it, does the
 * layer-7 forwarding, as on Alibaba Cloud (catalog slbBackendSourceCidr). Not verified on
 * a live cluster: if the pods see other sources, this is the one value to change.
 */
const CLB_BACKEND_SOURCE_CIDR = "100.64.0.0/10";

/**
 * TKE for the workloads stack. Everything comes from one data source read at plan time,
 * `tencentcloud_kubernetes_clusters` filtered by the cluster's ID: the private endpoint
 * (`pgw_endpoint`), and from `kube_config_intranet`, the kubeconfig TKE issues to the
 * caller's CAM identity, the CA and an X.509 client certificate and key (no basic auth,
 * which Kubernetes dropped). Private because the cluster adapter always opens the
 * intranet endpoint and the public one only when `publicApiAllowedCidrs` names sources:
 * Terraform must run inside the VPC (a runner in the VPC, a bastion, a VPN or CCN).
 * ref: https://registry.terraform.io/providers/tencentcloudstack/tencentcloud/latest/docs/data-sources/kubernetes_clusters
 * ref: https://www.tencentcloud.com/document/api/457/38510 (DescribeClusterKubeconfig: the
 * intranet kubeconfig's server is the private endpoint once that endpoint is enabled)
 *
 * The database password comes from the SSM secret the database adapter writes
 * (`{"host", "port", "dbname", "username", "password"}`), through
 * `tencentcloud_ssm_secret_versions`.
 * ref: https://registry.terraform.io/providers/tencentcloudstack/tencentcloud/latest/docs/data-sources/ssm_secret_versions
 */
export class TencentcloudKubernetesAccess implements IKubernetesAccess {
  constructor(private readonly useProvidersIn: (scope: Construct) => void) {}

  public connect(scope: Construct, cluster: { readonly name: string; readonly clusterId: string }): KubernetesConnection {
    this.useProvidersIn(scope);
    const clusters = new DataTencentcloudKubernetesClusters(scope, "Cluster", { clusterId: cluster.clusterId });
    const details = clusters.list.get(0);
    const kubeconfig = Fn.yamldecode(details.kubeConfigIntranet);
    const field = (path: (string | number)[]) => Fn.lookupNested(kubeconfig, path) as string;
    return {
      // The private endpoint's address, as the cluster adapter's `endpoint` has it; the
      // client picks https because a CA is given.
      host: details.pgwEndpoint,
      clusterCaCertificate: Fn.base64decode(field(["clusters", 0, "cluster", "certificate-authority-data"])),
      clientCertificate: Fn.base64decode(field(["users", 0, "user", "client-certificate-data"])),
      clientKey: Fn.base64decode(field(["users", 0, "user", "client-key-data"])),
    };
  }

  public databaseCredentials(scope: Construct, connection: DatabaseConnection): DatabaseCredentials {
    this.useProvidersIn(scope);
    // Without version_id the data source lists every version in no stated order; the
    // database adapter writes exactly one, so it is named.
    const versions = new DataTencentcloudSsmSecretVersions(scope, "DatabaseSecret", {
      secretName: connection.credentialsSecretId,
      versionId: CREDENTIALS_SECRET_VERSION,
    });
    return { username: connection.username, password: Fn.lookup(Fn.jsondecode(versions.secretVersionList.get(0).secretString), "password", "") };
  }

  /**
   * TKE's built-in CLB Ingress controller (class `qcloud`, on by default in every TKE
   * cluster): a public CLB with an HTTPS listener on 443 holding the bookstore's SSL
   * certificate (from a Secret with `qcloud_cert_id`, the same certificate as the
   * infrastructure stack's load balancer) and an HTTP listener on 80 that redirects to
   * it (`auto-rewrite`).
   *
   * The class is given as `spec.ingressClassName` only: the API server refuses an Ingress
   * that also carries the `kubernetes.io/ingress.class` annotation, and TKE's controller
   * manages Ingresses without that annotation.
   *
   * The CLB sends straight to the pods (`direct-access`): without it TKE's controller
   * binds NodePorts, which the neutral ClusterIP Service does not have. Direct access is a
   * cluster prerequisite outside this stack: VPC-CNI, or on this GlobalRouter cluster
   * `GlobalRouteDirectAccess: "true"` in kube-system's `tke-service-controller-config`
   * ConfigMap (bandwidth-upshifted accounts only). The health-check path and a TLS 1.2+
   * policy are CLB listener settings that no Ingress annotation carries: set them with a
   * TkeServiceConfig (`ingress.cloud.tencent.com/tke-service-config`) or on the listener.
   * ref: https://www.tencentcloud.com/document/product/457/37013 (controller and class)
   * ref: https://www.tencentcloud.com/document/product/457/37016 (certificates in a Secret)
   * ref: https://www.tencentcloud.com/document/product/457/37015 (TkeServiceConfig)
   * ref: https://imroc.cc/tke/en/networking/clb-to-pod-directly (direct access, community guide)
   */
  public ingress(props: IngressProps): IngressEntry {
    if (props.certificateId === undefined) {
      throw new Error(
        "tencentcloud: the Ingress needs the SSL Certificates ID of the shop's certificate; give the bookstore `certificate: cloud.certificate.existing(...)`",
      );
    }
    const tlsSecretName = "bookstore-tls";
    return {
      ingressClassName: "qcloud",
      annotations: {
        "ingress.cloud.tencent.com/auto-rewrite": "true",
        "ingress.cloud.tencent.com/direct-access": "true",
      },
      sourceCidrs: [CLB_BACKEND_SOURCE_CIDR],
      tlsSecret: { name: tlsSecretName, data: { [QCLOUD_CERT_ID_KEY]: props.certificateId } },
    };
  }
}
