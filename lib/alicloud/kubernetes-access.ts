import { Construct } from "constructs";
import { DataAlicloudCsClusterCredential } from "../generated/alicloud/data-alicloud-cs-cluster-credential";
import { DataAlicloudCsManagedKubernetesClusters } from "../generated/alicloud/data-alicloud-cs-managed-kubernetes-clusters";
import { Fn, ITerraformDependable } from "../core/cdktf";
import {
  AddOnOptions,
  ClusterReference,
  IKubernetesAccess,
  KubernetesConnection,
  PodEntry,
  PodEntryProps,
  PodIdentity,
  PROJECTED_TOKEN_DIR,
  RegistryPullSecretProps,
} from "../core/cluster-access";
import { AlicloudCatalog } from "./catalog";
import { installSecretSync, SECRET_SYNC, secretSyncManifests, SecretSyncRole } from "./registry-sync";
import { AlicloudWorkloadRole } from "./workload-identity";

/** Minutes the workloads stack's client certificate lives: one plan and apply. */
const CREDENTIAL_MINUTES = 120;

/** The projected token's file name in `PROJECTED_TOKEN_DIR`, and its lifetime. */
const TOKEN_FILE = "token";
const TOKEN_SECONDS = 3600;

/** ACK's cloud controller manager's Service annotations. */
const CCM = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-";

/**
 * ACK for the workloads stack. Everything comes from data sources read at plan time,
 * when the cluster exists:
 *
 * - the API server: the cluster's *internal* endpoint (`connections.api_server_intranet`,
 *   the same one the cluster adapter exposes as `endpoint`), because the cluster adapter
 *   keeps the API server private (`slb_internet_enabled = false`) and ACK offers no
 *   public endpoint limited to given CIDRs. Terraform must therefore run inside the VPC
 *   or a network admitted by `kubernetes.privateApiAllowedCidrs` (a runner in the VPC, a
 *   VPN or CEN): from anywhere else the kubernetes provider cannot connect.
 *   ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/cs_managed_kubernetes_clusters
 * - the credentials: the CA and an X.509 client certificate and key of the caller's RAM
 *   identity, valid for two hours, from `alicloud_cs_cluster_credential` (its
 *   `certificate_authority` map holds the base64 `*-data` fields of the kubeconfig). The
 *   caller needs RBAC permissions on the cluster: `kubernetes.administrators`. The
 *   kubeconfig's own `server` is not used: this provider version asks ACK for the public
 *   kubeconfig, which the private cluster does not serve.
 *   ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/cs_cluster_credential
 *   ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/developer-reference/api-cs-2015-12-15-describeclusteruserkubeconfig (TemporaryDurationMinutes, 15 to 4320)
 *
 * Pods join the load balancer's vServer group through ACK's cloud controller manager
 * (`podEntry`) and read their secrets with RRSA (`podIdentity`); for an image in ACR
 * Enterprise Edition they name the pull secret ACK's credential helper keeps for them, and
 * for any other private registry the one ack-secret-manager keeps from the secret store
 * (`registryPullSecret`, with the operator in the add-ons stack: `installAddOns`).
 */
export class AlicloudKubernetesAccess implements IKubernetesAccess {
  private readonly workloadRoles = new Map<string, AlicloudWorkloadRole>();
  private readonly secretSyncRoles = new Map<string, SecretSyncRole>();

  constructor(
    public readonly catalog: AlicloudCatalog,
    private readonly region: string,
    private readonly useProvidersIn: (scope: Construct) => void,
  ) {}

  public connect(scope: Construct, cluster: { readonly name: string; readonly clusterId: string }): KubernetesConnection {
    this.useProvidersIn(scope);
    // `connections` is filled only with enable_details. The data source is marked
    // deprecated in 1.289.0 but is the only one that returns the endpoints; its
    // replacement, alicloud_cs_clusters, does not.
    const clusters = new DataAlicloudCsManagedKubernetesClusters(scope, "Cluster", { ids: [cluster.clusterId], enableDetails: true });
    const credential = new DataAlicloudCsClusterCredential(scope, "ClusterCredential", { clusterId: cluster.clusterId, temporaryDurationMinutes: CREDENTIAL_MINUTES });
    const authority = credential.certificateAuthority;
    return {
      host: Fn.lookup(clusters.clusters.get(0).connections, "api_server_intranet", ""),
      clusterCaCertificate: Fn.base64decode(authority.lookup("cluster_cert")),
      clientCertificate: Fn.base64decode(authority.lookup("client_cert")),
      clientKey: Fn.base64decode(authority.lookup("client_key")),
    };
  }

  /**
   * A LoadBalancer Service bound to the existing CLB and its existing vServer group, so
   * ACK's cloud controller manager creates no load balancer and touches no listener: it
   * only adds the Service's pods to the group, as ENI backends (Terway) on their own
   * port, with the Service's share of the group's weight (the VMs hold the rest).
   * - `loadbalancer-id`: the CLB to reuse (a Service that names one never creates one);
   * - `force-override-listeners: "false"`: the Terraform-owned listeners stay as they are;
   * - `vgroup-port: "<vServer group ID>:<Service port>"`: the group the Service port fills;
   * - `weight`: the total weight of the Service's backends in that group, 0 to 100;
   * - `backend-type: "eni"`: pods, not nodes, are the backends.
   * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/add-annotations-to-the-yaml-file-of-a-service-to-configure-clb-instances
   * ref: https://github.com/kubernetes/cloud-provider-alibaba-cloud/blob/master/pkg/controller/service/reconcile/annotation/annotations.go
   * ref: https://github.com/kubernetes/cloud-provider-alibaba-cloud/blob/master/pkg/controller/service/clbv1/vgroups.go (reused vServer groups, weight 0 to 100)
   */
  public podEntry(props: PodEntryProps): PodEntry {
    const backend = props.backend;
    if (!backend.loadBalancerId || !backend.targetGroupId) {
      // A LoadBalancer Service without an existing CLB would make ACK create a new one.
      throw new Error(`alicloud: a pod backend needs the CLB's ID and its vServer group's ID, got ${JSON.stringify(backend)}`);
    }
    return {
      serviceType: "LoadBalancer",
      serviceAnnotations: {
        [`${CCM}id`]: backend.loadBalancerId,
        [`${CCM}force-override-listeners`]: "false",
        [`${CCM}vgroup-port`]: `${backend.targetGroupId}:${props.servicePort}`,
        [`${CCM}weight`]: String(backend.weightPercent),
        "service.beta.kubernetes.io/backend-type": "eni",
      },
      sourceCidrs: backend.sourceCidrs,
    };
  }

  /**
   * RRSA without a webhook: a service-account token for STS's audience is projected into
   * the pods, and the Alibaba Cloud credentials SDKs read the role, the cluster's OIDC
   * provider and the token file from the environment (their OIDC provider), then call
   * STS's AssumeRoleWithOIDC on STS's VPC endpoint. The pods reach STS and KMS on their
   * VPC endpoints (`sts-vpc.<region>.aliyuncs.com`, `kms-vpc.<region>.aliyuncs.com`), which
   * resolve inside Alibaba Cloud's service range, over HTTPS; and the asset bucket on OSS's
   * internal endpoint, which the pods are told as `ASSET_BUCKET_ENDPOINT` (the contract names
   * no endpoint, and an OSS SDK's default, the public one, is outside that range).
   * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services
   *   (projected token, audience sts.aliyuncs.com; ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE)
   * ref: https://github.com/aliyun/credentials-nodejs (ALIBABA_CLOUD_STS_REGION, ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: sts-vpc.<region>.aliyuncs.com)
   */
  public podIdentity(props: { readonly roleId: string }): PodIdentity {
    const role = this.workloadRoles.get(props.roleId);
    if (!role) {
      throw new Error(`alicloud: ${props.roleId} is not the workload role of a cluster built with Cloud.alicloud(...) in this app`);
    }
    const specifics = this.catalog.alicloud;
    return {
      serviceAccountAnnotations: {},
      namespaceLabels: {},
      environment: {
        // The asset bucket's internal OSS endpoint, which the egress below admits (its internal VIPs are
        // in Alibaba Cloud's service range, see the catalog's ossInternalEndpoint); the public one is not.
        ...role.environment,
        ALIBABA_CLOUD_ROLE_ARN: role.roleArn,
        ALIBABA_CLOUD_OIDC_PROVIDER_ARN: role.oidcProviderArn,
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${PROJECTED_TOKEN_DIR}/${TOKEN_FILE}`,
        ALIBABA_CLOUD_STS_REGION: this.region,
        ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "true",
      },
      projectedToken: { audience: specifics.rrsaTokenAudience, path: TOKEN_FILE, expirationSeconds: TOKEN_SECONDS },
      egress: [{ cidrs: [specifics.cloudServiceVpcEndpointCidr], tcpPorts: [443] }],
      // ACK's credential helper keeps these for an ACR Enterprise Edition image (acr-credential-helper.ts).
      imagePullSecretNames: role.imagePullSecretNames,
    };
  }

  /**
   * The add-ons stack exists on ACK only for registry credentials: ACK installs every other
   * add-on through its own API in the infrastructure stack.
   */
  public needsAddOns(options: AddOnOptions): boolean {
    return options.registryCredentials !== undefined;
  }

  /** ack-secret-manager's Helm release, for registry credentials only (registry-sync.ts). */
  public installAddOns(scope: Construct, _cluster: ClusterReference, versions: Readonly<Record<string, string>>, options: AddOnOptions): void {
    if (options.registryCredentials === undefined) return;
    installSecretSync(scope, { version: versions[SECRET_SYNC], region: this.region, catalog: this.catalog, charts: options.charts });
  }

  /**
   * The SecretStore and ExternalSecret that have ack-secret-manager keep the pull secret
   * (registry-sync.ts), with the operator's RRSA role and the cluster's OIDC provider as
   * the infrastructure stack made and outputs them.
   */
  public registryPullSecret(scope: Construct, props: RegistryPullSecretProps): readonly ITerraformDependable[] {
    const role = this.secretSyncRoles.get(props.cluster.clusterId);
    if (!role) {
      throw new Error(`alicloud: the cluster ${props.cluster.name} was built without workloadIdentity.registryCredentials, so no role may read ${props.credentials.secretName}`);
    }
    return secretSyncManifests(scope, props, role);
  }

  /** Records a cluster's workload role, which `podIdentity` is later asked for by its ARN. */
  public registerWorkloadRole(role: AlicloudWorkloadRole): void {
    this.workloadRoles.set(role.roleArn, role);
  }

  /** Records the RRSA role of a cluster's ack-secret-manager, which `registryPullSecret` is later asked for by the cluster's ID. */
  public registerSecretSyncRole(clusterId: string, role: SecretSyncRole): void {
    this.secretSyncRoles.set(clusterId, role);
  }
}
