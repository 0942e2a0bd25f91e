import { Construct } from "constructs";
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { Fn } from "../core/cdktf";
import { DatabaseConnection } from "../core/database";
import { DatabaseCredentials, IKubernetesAccess, IngressEntry, KubernetesConnection } from "../core/cluster-access";
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
    private readonly catalog: AwsCatalog,
    private readonly useProvidersIn: (scope: Construct) => void,
  ) {}

  public connect(scope: Construct, cluster: { readonly name: string }): KubernetesConnection {
    this.useProvidersIn(scope);
    const data = new DataAwsEksCluster(scope, "Cluster", { name: cluster.name });
    const auth = new DataAwsEksClusterAuth(scope, "ClusterAuth", { name: cluster.name });
    return { host: data.endpoint, clusterCaCertificate: Fn.base64decode(data.certificateAuthority.get(0).data), token: auth.token };
  }

  public databaseCredentials(scope: Construct, connection: DatabaseConnection): DatabaseCredentials {
    this.useProvidersIn(scope);
    const version = new DataAwsSecretsmanagerSecretVersion(scope, "DatabaseSecret", { secretId: connection.credentialsSecretId });
    // The RDS-managed secret is JSON: {"username": ..., "password": ...}.
    return { username: connection.username, password: Fn.lookup(Fn.jsondecode(version.secretString), "password", "") };
  }

  public ingress(props: { readonly domain: string; readonly healthCheckPath: string; readonly publicSubnetCidrs: readonly string[] }): IngressEntry {
    return {
      ingressClassName: "alb",
      annotations: {
        "alb.ingress.kubernetes.io/scheme": "internet-facing",
        // Pods are targets by IP, so the ALB in the public subnets talks to them directly.
        "alb.ingress.kubernetes.io/target-type": "ip",
        "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP": 80}, {"HTTPS": 443}]',
        "alb.ingress.kubernetes.io/ssl-redirect": "443",
        "alb.ingress.kubernetes.io/ssl-policy": this.catalog.aws.loadBalancerSslPolicy,
        "alb.ingress.kubernetes.io/healthcheck-path": props.healthCheckPath,
        "alb.ingress.kubernetes.io/load-balancer-attributes": "routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=true",
      },
      sourceCidrs: props.publicSubnetCidrs,
    };
  }
}
