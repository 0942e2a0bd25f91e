import { Construct } from "constructs";
import { DataTencentcloudKubernetesClusters } from "../generated/tencentcloud/data-tencentcloud-kubernetes-clusters";
import { Fn } from "../core/cdktf";
import { IKubernetesAccess, KubernetesConnection, PodEntry, PodEntryProps, PodIdentity } from "../core/cluster-access";


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

  // Interim (issue #12 in progress): the cloud's binding and workload identity follow.
  public podEntry(props: PodEntryProps): PodEntry {
    return { serviceType: "ClusterIP", serviceAnnotations: {}, sourceCidrs: props.backend.sourceCidrs };
  }

  public podIdentity(_props: { readonly roleId: string }): PodIdentity {
    return { serviceAccountAnnotations: {}, namespaceLabels: {}, environment: {}, egress: [] };
  }
}
