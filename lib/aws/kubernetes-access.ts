import { Construct } from "constructs";
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { Fn, ITerraformDependable } from "../core/cdktf";
import { ChartSource } from "../core/chart-source";
import { APPLICATION_VARIABLES } from "../core/application-environment";
import { AddOnOptions, ClusterReference, DataStoreFenceProps, IKubernetesAccess, KubernetesConnection, KubernetesExecCredential, PodEntry, PodEntryProps, PodIdentity, RegistryPullSecretProps } from "../core/cluster-access";
import { AWS_ADD_ONS } from "./add-ons";
import { AwsCatalog } from "./catalog";
import { PodServiceEndpoints } from "./pod-service-endpoints";

/**
 * How the kubernetes and helm providers get an EKS token: by running `aws eks get-token`
 * (AWS CLI v2) whenever they connect, at plan and at apply, signed with the same AWS
 * credentials as the stack's AWS provider. Each token lives 15 minutes and the CLI marks it
 * as expiring after 14, so the providers' client asks again during a long Helm wait or
 * rollout; and no token is in any configuration, output or state. `aws_eks_cluster_auth`,
 * the alternative, reads one token at plan time: an apply that runs past its 15 minutes
 * fails with Unauthorized, and the token lands in the state.
 * `--output json`: the CLI prints in the output format of the deployer's AWS config, which
 * may be text or a table. The CLI answers in the client authentication version the client
 * asks for (KUBERNETES_EXEC_INFO); v1beta1 as the kubernetes provider's EKS example.
 * ref: https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs#exec-plugins ("Some cloud providers have
 * short-lived authentication tokens that can expire relatively quickly ... on EKS, the command eks get-token")
 * ref: https://registry.terraform.io/providers/hashicorp/helm/latest/docs#exec-plugins
 * ref: https://github.com/aws/aws-cli/blob/v2/awscli/customizations/eks/get_token.py ("STS signs the url for 15 minutes",
 * TOKEN_EXPIRATION_MINS 14, discover_api_version, the formatter of the configured output)
 */
export function eksToken(props: { readonly clusterName: string; readonly region: string }): KubernetesExecCredential {
  return {
    apiVersion: "client.authentication.k8s.io/v1beta1",
    command: "aws",
    args: ["eks", "get-token", "--cluster-name", props.clusterName, "--region", props.region, "--output", "json"],
  };
}

/**
 * EKS for the add-ons and workloads stacks. The cluster's endpoint and CA come from a data
 * source read at plan time when the cluster exists, the token from the AWS CLI each time
 * the providers connect (`eksToken`); the API server is private, so the deployer runs
 * inside the VPC or from one of `kubernetes.privateApiAllowedCidrs`, as an IAM principal of
 * `kubernetes.administrators`, with the AWS CLI v2 installed. Pods join the load balancer
 * Terraform owns through a TargetGroupBinding of the AWS Load Balancer Controller, and get
 * their AWS credentials from EKS Pod Identity.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
 */
export class AwsKubernetesAccess implements IKubernetesAccess {
  private readonly workloadEndpoints = new Map<string, PodServiceEndpoints>();
  constructor(
    public readonly catalog: AwsCatalog,
    private readonly region: string,
    private readonly useProvidersIn: (scope: Construct) => void,
  ) {}

  public connect(scope: Construct, cluster: { readonly name: string }): KubernetesConnection {
    this.useProvidersIn(scope);
    const data = new DataAwsEksCluster(scope, "Cluster", { name: cluster.name });
    return {
      host: data.endpoint,
      clusterCaCertificate: Fn.base64decode(data.certificateAuthority.get(0).data),
      exec: eksToken({ clusterName: cluster.name, region: this.region }),
    };
  }

  /**
   * A ClusterIP Service and a TargetGroupBinding that registers its pods, by IP, into the
   * load balancer's pod target group. The namespace label has the controller hold each
   * rolling update until the new pods are healthy in the target group (pod readiness gate).
   * ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/targetgroupbinding/spec/
   * ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/
   */
  public podEntry(props: PodEntryProps): PodEntry {
    const backend = props.backend;
    const targetGroupArn = backend.targetGroupId;
    const vpcId = backend.details?.vpcId;
    return {
      serviceType: "ClusterIP",
      serviceAnnotations: {},
      binding: {
        apiVersion: "elbv2.k8s.aws/v1beta1",
        kind: "TargetGroupBinding",
        // The binding's target group ARN is immutable (the controller's webhook refuses a
        // change): named after the target group's ID, a new target group replaces it.
        name: `${props.serviceName}-${Fn.element(Fn.split("/", targetGroupArn), 2)}`,
        spec: {
          serviceRef: { name: props.serviceName, port: props.servicePort },
          targetGroupARN: targetGroupArn,
          targetType: "ip",
          // Given, so the controller's webhook need not look them up.
          ...(vpcId !== undefined ? { vpcID: vpcId } : {}),
        },
      },
      namespaceLabels: { "elbv2.k8s.aws/pod-readiness-gate-inject": "enabled" },
      sourceCidrs: backend.sourceCidrs,
    };
  }

  /**
   * EKS Pod Identity: the association in the infrastructure stack names the service
   * account, so it needs no annotation, and EKS's webhook gives the pods the credential
   * variables and token themselves. The pods reach the Pod Identity agent on their node,
   * and over HTTPS only the private subnets, where the cluster put the interface endpoints
   * of Secrets Manager (private DNS: its regional name resolves there) and S3, whose name
   * for buckets the pods are told as `ASSET_BUCKET_ENDPOINT` (an S3 SDK's default, the
   * public endpoint, is outside the policy).
   * ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-how-it-works.html
   * ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html
   */
  public podIdentity(props: { readonly roleId: string }): PodIdentity {
    const endpoints = this.workloadEndpoints.get(props.roleId);
    if (!endpoints) {
      throw new Error(`aws: ${props.roleId} is not the workload role of a cluster built with Cloud.aws(...) in this app`);
    }
    const agent = this.catalog.aws.eksPodIdentityAgent;
    return {
      serviceAccountAnnotations: {},
      namespaceLabels: {},
      environment: endpoints.assetBucketEndpoint !== undefined ? { [APPLICATION_VARIABLES.assetBucketEndpoint]: endpoints.assetBucketEndpoint } : {},
      egress: [
        { cidrs: [agent.cidr], tcpPorts: [agent.port] },
        { cidrs: endpoints.cidrs, tcpPorts: [443] },
      ],
    };
  }

  /**
   * An EKS admin network policy (ClusterNetworkPolicy, Admin tier), enforced by the VPC CNI
   * before any namespace's NetworkPolicy, which no NetworkPolicy can override: pods of every
   * namespace but the shop's are denied connections to the data stores' ports in their
   * subnets. So a pod elsewhere in the cluster cannot even try the password, though the
   * database's and the cache's security groups admit the cluster's. Host-network pods (the
   * nodes' own agents) are outside any network policy. Only the data stores' ports are
   * denied, but anywhere in the private subnets, where the nodes and pods are too: a MySQL
   * or Redis pod of another namespace is cut off from its clients on those ports.
   * ref: https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html (admin network policies: Admin tier first,
   * then namespace policies, then Baseline)
   */
  public fenceDataStores(scope: Construct, props: DataStoreFenceProps): void {
    const kind = this.catalog.aws.clusterNetworkPolicy;
    const networks = [...new Set(props.dataStores.flatMap((store) => store.cidrs))];
    const ports = [...new Set(props.dataStores.map((store) => store.port))];
    new Manifest(scope, "DataStoreFence", {
      manifest: {
        apiVersion: kind.apiVersion,
        kind: kind.kind,
        metadata: { name: `${props.namespace}-data-stores` },
        spec: {
          tier: "Admin",
          priority: kind.dataStoreFencePriority,
          subject: { namespaces: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [props.namespace] }] } },
          egress: [
            {
              name: `only-${props.namespace}-reaches-the-data-stores`.slice(0, 100),
              action: "Deny",
              to: [{ networks }],
              ports: ports.map((port) => ({ portNumber: { protocol: "TCP", port } })),
            },
          ],
        },
      },
    });
  }

  /** Records the service endpoints of a cluster's workload role, which `podIdentity` is later asked for by its ARN. */
  public registerWorkloadEndpoints(roleArn: string, endpoints: PodServiceEndpoints): void {
    this.workloadEndpoints.set(roleArn, endpoints);
  }

  /**
   * The Helm releases of the catalog's add-ons (the AWS Load Balancer Controller, the
   * Cluster Autoscaler, and the External Secrets Operator when the pods pull with registry
   * credentials).
   */
  public installAddOns(scope: Construct, cluster: ClusterReference, versions: Readonly<Record<string, string>>, options: AddOnOptions): void {
    // A cluster the cloud did not make (ClusterTarget.kubeconfig) is described by the caller;
    // EKS's own is read from EKS.
    let facts = options.clusterFacts;
    if (facts === undefined) {
      this.useProvidersIn(scope);
      const data = new DataAwsEksCluster(scope, "Cluster", { name: cluster.name });
      facts = { kubernetesVersion: data.version, networkId: data.vpcConfig.get(0).vpcId };
    }
    const context = {
      clusterName: cluster.name,
      kubernetesVersion: facts.kubernetesVersion,
      vpcId: facts.networkId,
      region: this.region,
      catalog: this.catalog,
      registryCredentials: options.registryCredentials,
      charts: options.charts ?? ChartSource.repositories(),
    };
    for (const addOn of AWS_ADD_ONS) addOn.inAddOnsStack?.(scope, context, versions[addOn.name]);
  }

  /**
   * A SecretStore for Secrets Manager in the stack's region, with no `auth`, so the
   * External Secrets Operator reads with its controller's EKS Pod Identity role (which may
   * read only this secret), and an ExternalSecret that has the operator write the secret's
   * value, a Docker config, as the `.dockerconfigjson` key of the `kubernetes.io/dockerconfigjson`
   * Secret `props.name`, owned by the ExternalSecret and read again every hour. Neither
   * object holds the value, so neither Terraform's configuration nor its state does. Apply
   * waits until the operator has made the Secret: a missing secret or a denied read fails
   * the apply rather than leaving the pods in ImagePullBackOff.
   * ref: https://external-secrets.io/latest/provider/aws-access/#eks-pod-identity-setup (a namespaced SecretStore, no auth section)
   * ref: https://github.com/external-secrets/external-secrets/blob/v2.9.0/providers/v1/aws/auth/auth.go (constructCredsProvider:
   * no auth, SecretStore or ClusterSecretStore alike, leaves the AWS SDK's default chain, which reads Pod Identity's credentials)
   * ref: https://external-secrets.io/latest/provider/aws-secrets-manager/
   * ref: https://external-secrets.io/latest/api/externalsecret/ (target.creationPolicy, target.template.type, refreshInterval)
   * ref: https://github.com/external-secrets/external-secrets/blob/v2.9.0/pkg/controllers/externalsecret/externalsecret_controller_template.go
   * (a template with a type and no data keeps the fetched keys as they are)
   * ref: https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest#wait
   */
  public registryPullSecret(scope: Construct, props: RegistryPullSecretProps): readonly ITerraformDependable[] {
    const apiVersion = "external-secrets.io/v1";
    const metadata = { name: props.name, namespace: props.namespace };
    const store = new Manifest(scope, "SecretStore", {
      manifest: {
        apiVersion,
        kind: "SecretStore",
        metadata,
        spec: { provider: { aws: { service: "SecretsManager", region: this.region } } },
      },
    });
    const externalSecret = new Manifest(scope, "ExternalSecret", {
      manifest: {
        apiVersion,
        kind: "ExternalSecret",
        metadata,
        spec: {
          // Written as the API's own default is, one hour.
          refreshInterval: "1h0m0s",
          secretStoreRef: { kind: "SecretStore", name: props.name },
          target: { name: props.name, creationPolicy: "Owner", template: { type: "kubernetes.io/dockerconfigjson" } },
          data: [{ secretKey: ".dockerconfigjson", remoteRef: { key: props.credentials.secretName } }],
        },
      },
      wait: { condition: [{ type: "Ready", status: "True" }] },
      dependsOn: [store],
    });
    return [externalSecret];
  }
}
