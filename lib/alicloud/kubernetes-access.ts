import { Construct } from "constructs";
import { DataAlicloudCsClusterCredential } from "../generated/alicloud/data-alicloud-cs-cluster-credential";
import { DataAlicloudCsManagedKubernetesClusters } from "../generated/alicloud/data-alicloud-cs-managed-kubernetes-clusters";
import { DataAlicloudKmsSecretVersions } from "../generated/alicloud/data-alicloud-kms-secret-versions";
import { Fn } from "../core/cdktf";
import { DatabaseConnection } from "../core/database";
import { DatabaseCredentials, IKubernetesAccess, IngressEntry, IngressProps, KubernetesConnection } from "../core/cluster-access";
import { AlicloudCatalog } from "./catalog";

/**
 * ACK for the workloads stack. Everything comes from data sources read at plan time,
 * when the cluster exists:
 *
 * - the API server: the cluster's *internal* endpoint (`connections.api_server_intranet`,
 *   the same one the cluster adapter exposes as `endpoint`), because the cluster adapter
 *   keeps the API server private (`slb_internet_enabled = false`) and ACK offers no
 *   public endpoint limited to given CIDRs. Terraform must therefore run inside the VPC
 *   (a runner in the VPC, a bastion, a VPN or CEN): from anywhere else the kubernetes
 *   provider cannot connect.
 *   ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/cs_managed_kubernetes_clusters
 * - the credentials: the CA and an X.509 client certificate and key of the caller's RAM
 *   identity, from `alicloud_cs_cluster_credential` (its `certificate_authority` map holds
 *   the base64 `*-data` fields of the kubeconfig). The kubeconfig's own `server` is not
 *   used: this provider version asks ACK for the public kubeconfig, which the private
 *   cluster does not serve.
 *   ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/cs_cluster_credential
 * - the database password: the current version of the KMS secret the database adapter
 *   writes (`{"username": ..., "password": ...}`).
 *   ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/kms_secret_versions
 *
 * Traffic enters through the ALB Ingress controller (see `ingress`).
 */
export class AlicloudKubernetesAccess implements IKubernetesAccess {
  constructor(
    private readonly catalog: AlicloudCatalog,
    private readonly useProvidersIn: (scope: Construct) => void,
  ) {}

  public connect(scope: Construct, cluster: { readonly name: string; readonly clusterId: string }): KubernetesConnection {
    this.useProvidersIn(scope);
    // `connections` is filled only with enable_details. The data source is marked
    // deprecated in 1.289.0 but is the only one that returns the endpoints; its
    // replacement, alicloud_cs_clusters, does not.
    const clusters = new DataAlicloudCsManagedKubernetesClusters(scope, "Cluster", { ids: [cluster.clusterId], enableDetails: true });
    const credential = new DataAlicloudCsClusterCredential(scope, "ClusterCredential", { clusterId: cluster.clusterId });
    const authority = credential.certificateAuthority;
    return {
      host: Fn.lookup(clusters.clusters.get(0).connections, "api_server_intranet", ""),
      clusterCaCertificate: Fn.base64decode(authority.lookup("cluster_cert")),
      clientCertificate: Fn.base64decode(authority.lookup("client_cert")),
      clientKey: Fn.base64decode(authority.lookup("client_key")),
    };
  }

  public databaseCredentials(scope: Construct, connection: DatabaseConnection): DatabaseCredentials {
    this.useProvidersIn(scope);
    // ACSCurrent: the version in use, whatever its ID, so a rotated secret is followed.
    const versions = new DataAlicloudKmsSecretVersions(scope, "DatabaseSecret", {
      secretName: connection.credentialsSecretId,
      versionStage: "ACSCurrent",
      enableDetails: true,
    });
    return { username: connection.username, password: Fn.lookup(Fn.jsondecode(versions.versions.get(0).secretData), "password", "") };
  }

  /**
   * The ALB Ingress controller (class `alb`), an internet-facing ALB with HTTPS on 443
   * and HTTP on 80 redirected to it, health-checking `healthCheckPath`. It finds the
   * certificate for the domain in Certificate Management Service by itself (the one the
   * bookstore's load balancer uses), like the AWS controller does with ACM.
   *
   * Prerequisites on the cluster, outside this stack: the ALB Ingress controller add-on,
   * and an AlbConfig with its IngressClass `alb` (`spec.parameters` naming the AlbConfig)
   * that sets `addressType: Internet`, `zoneMappings` on the network's *public*
   * vSwitches, deletion protection, and the listeners 443/HTTPS with
   * `securityPolicyId: <catalog slbTlsCipherPolicy>` (TLS 1.2 only) and 80/HTTP. The TLS
   * policy lives on the AlbConfig's listener: there is no Ingress annotation for it.
   *
   * Source addresses: an ALB reaches its backends from local addresses in the vSwitches
   * of its zone mappings, so the pods admit only the public vSwitches, as on AWS (a CLB
   * would send from 100.64.0.0/10 instead).
   * ref: https://www.alibabacloud.com/help/en/container-service-for-kubernetes/latest/alb-ingress-management-overview
   * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/alb-ingress-configuration-dictionary
   *   (the annotations below, and the AlbConfig's ListenerSpec / ZoneMapping fields)
   */
  public ingress(props: IngressProps): IngressEntry {
    return {
      ingressClassName: "alb",
      annotations: {
        "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP": 80}, {"HTTPS": 443}]',
        "alb.ingress.kubernetes.io/ssl-redirect": "true",
        "alb.ingress.kubernetes.io/backend-protocol": "http",
        "alb.ingress.kubernetes.io/healthcheck-enabled": "true",
        "alb.ingress.kubernetes.io/healthcheck-protocol": "HTTP",
        "alb.ingress.kubernetes.io/healthcheck-method": "GET",
        "alb.ingress.kubernetes.io/healthcheck-path": props.healthCheckPath,
        "alb.ingress.kubernetes.io/healthcheck-httpcode": "http_2xx",
      },
      sourceCidrs: props.publicSubnetCidrs,
    };
  }

  /** The TLS policy the AlbConfig's HTTPS listener must name (see `ingress`). */
  public get albTlsPolicy(): string {
    return this.catalog.alicloud.slbTlsCipherPolicy;
  }
}
