import { Construct } from "constructs";
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import { Fn } from "../core/cdktf";
import { IKubernetesAccess, KubernetesConnection, PodEntry, PodEntryProps, PodIdentity } from "../core/cluster-access";
import { AwsCatalog } from "./catalog";

/**
 * EKS for the workloads stack: the cluster and a short-lived token come from data
 * sources (read at plan time, when the cluster exists), the database password from the
 * secret RDS manages, and traffic enters through an ALB that the AWS Load Balancer
 * Controller creates for the Ingress.
 * ref: https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs#exec-plugins
 * ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 */
export class AwsKubernetesAccess implements IKubernetesAccess {
  constructor(
    public readonly catalog: AwsCatalog,
    private readonly useProvidersIn: (scope: Construct) => void,
  ) {}

  public connect(scope: Construct, cluster: { readonly name: string }): KubernetesConnection {
    this.useProvidersIn(scope);
    const data = new DataAwsEksCluster(scope, "Cluster", { name: cluster.name });
    const auth = new DataAwsEksClusterAuth(scope, "ClusterAuth", { name: cluster.name });
    return { host: data.endpoint, clusterCaCertificate: Fn.base64decode(data.certificateAuthority.get(0).data), token: auth.token };
  }

  // Interim (issue #12 in progress): the cloud's binding and workload identity follow.
  public podEntry(props: PodEntryProps): PodEntry {
    return { serviceType: "ClusterIP", serviceAnnotations: {}, sourceCidrs: props.backend.sourceCidrs };
  }

  public podIdentity(_props: { readonly roleId: string }): PodIdentity {
    return { serviceAccountAnnotations: {}, namespaceLabels: {}, environment: {}, egress: [] };
  }
}
