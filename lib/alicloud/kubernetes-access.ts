import { Construct } from "constructs";
import { DataAlicloudCsClusterCredential } from "../generated/alicloud/data-alicloud-cs-cluster-credential";
import { DataAlicloudCsManagedKubernetesClusters } from "../generated/alicloud/data-alicloud-cs-managed-kubernetes-clusters";
import { Fn } from "../core/cdktf";
import { IKubernetesAccess, KubernetesConnection, PodEntry, PodEntryProps, PodIdentity } from "../core/cluster-access";
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
    public readonly catalog: AlicloudCatalog,
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

  // Interim (issue #12 in progress): the cloud's binding and workload identity follow.
  public podEntry(props: PodEntryProps): PodEntry {
    return { serviceType: "ClusterIP", serviceAnnotations: {}, sourceCidrs: props.backend.sourceCidrs };
  }

  public podIdentity(_props: { readonly roleId: string }): PodIdentity {
    return { serviceAccountAnnotations: {}, namespaceLabels: {}, environment: {}, egress: [] };
  }
}
