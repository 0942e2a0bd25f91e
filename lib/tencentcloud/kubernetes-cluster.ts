import { Construct } from "constructs";
import { KmsKey } from "../generated/tencentcloud/kms-key";
import { KubernetesCluster } from "../generated/tencentcloud/kubernetes-cluster";
import { KubernetesClusterEndpoint } from "../generated/tencentcloud/kubernetes-cluster-endpoint";
import { KubernetesEncryptionProtection } from "../generated/tencentcloud/kubernetes-encryption-protection";
import { KubernetesNodePool } from "../generated/tencentcloud/kubernetes-node-pool";
import { Password } from "@cdktf/provider-random/lib/password";
import { ANYWHERE_IPV4, overlaps, parseCidr } from "../core/cidr";
import { KubernetesClusterAttributes, KubernetesClusterSpec } from "../core/kubernetes-cluster";
import { ValidationError } from "../core/validation";
import { Annotations } from "../core/cdktf";
import { useRandomProvider } from "../core/generated-password";
import { isTcrPersonalImage, tcrEnterpriseImage } from "./registry";
import { TencentcloudCatalog } from "./catalog";
import { grantAdministrators, workloadRole } from "./cluster-grants";
import { installNetworkPolicyAddOn, NETWORK_POLICY_ADD_ON } from "./network-policy-add-on";
import { endpointUrl, type TencentcloudKubernetesAccess } from "./kubernetes-access";
import { acceptRule, securityGroup } from "./security-group";

const API_PORT = "443";
/** Pods per node: with the catalog's /16 pod range, room for 1,024 nodes. */
const MAX_PODS_PER_NODE = 64;
const NODE_SYSTEM_DISK_GIB = 50;
/**
 * The nodes' root password, as long as provider 1.83.25 lets it be (8 to 16 characters),
 * with at least two of each class so that it also meets CVM's and AS's rules for Linux
 * (two or three of lower case, upper case, digits and specials). The specials are those
 * the provider's check, AS and CVM all accept, without "/", with which CVM forbids a
 * password to start. ref: see nodePassword()
 */
const NODE_PASSWORD_LENGTH = 16;
const NODE_PASSWORD_SPECIALS = "!#%^*-+=?";

/**
 * TKE managed cluster (Tencent runs the control plane) with Kubernetes secrets
 * encrypted by a rotating KMS key, the log agent and audit log on (CKV_TC_6), and one
 * autoscaled node pool in the private subnets whose nodes have no public address and no
 * internet bandwidth (CKV_TC_7). The API server is reachable inside the VPC and from the
 * private networks of `privateApiAllowedCidrs`, and from the internet only when
 * `publicApiAllowedCidrs` names sources; both endpoints are opened by
 * `tencentcloud_kubernetes_cluster_endpoint` once the nodes exist, as TKE requires.
 *
 * Node autoscaling: TKE's own cluster autoscaler scales node pools with
 * `enable_auto_scale` (no add-on to install); its cluster-wide settings are the
 * cluster's `node_pool_global_config`. Pod metrics for the HorizontalPodAutoscaler: TKE
 * serves the Resource Metrics API itself (hpa-metrics-server), so no metrics-server is
 * installed either. NetworkPolicy: a GlobalRouter cluster enforces none until TKE's
 * NetworkPolicy add-on is installed (`network-policy-add-on.ts`, version from
 * `addOnVersions`). TKE has no extended support to choose (catalog capability false).
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_cluster.go (node_pool_global_config)
 * ref: https://www.tencentcloud.com/document/product/457/38857 (TKE implements the Resource Metrics API with hpa-metrics-server)
 */
export function createTencentcloudKubernetesCluster(
  scope: Construct,
  spec: KubernetesClusterSpec,
  catalog: TencentcloudCatalog,
  region: string,
  access: TencentcloudKubernetesAccess,
): KubernetesClusterAttributes {
  const specifics = catalog.tencentcloud;
  const clusterVersion = specifics.kubernetesClusterVersions[spec.version];
  if (clusterVersion === undefined) {
    throw new ValidationError(scope, "version", spec.version, `a version with a TKE release in the catalog: ${Object.keys(specifics.kubernetesClusterVersions).join(", ")}`);
  }
  const vpcCidr = parseCidr(spec.network.cidr);
  for (const podOrService of [specifics.kubernetesClusterCidr, specifics.kubernetesServiceCidr]) {
    const range = parseCidr(podOrService);
    if (vpcCidr && range && overlaps(vpcCidr, range)) {
      throw new ValidationError(scope, "network", spec.network.cidr, `a network that does not overlap TKE's pod and service ranges (${specifics.kubernetesClusterCidr}, ${specifics.kubernetesServiceCidr})`);
    }
  }

  const secretsKey = new KmsKey(scope, "SecretsKey", {
    alias: `${spec.name}-secrets`,
    description: `Encrypts Kubernetes secrets of ${spec.name}`,
    keyUsage: "ENCRYPT_DECRYPT",
    isEnabled: true,
    keyRotationEnabled: true,
    pendingDeleteWindowInDays: 30,
  });

  // Nodes talk to each other, to pods and to the managed control plane inside the VPC;
  // outbound they pull images and reach cloud APIs through the NAT gateway.
  const nodes = securityGroup(scope, "NodeSecurityGroup", { name: `${spec.name}-nodes`, description: `Nodes of ${spec.name}` });
  acceptRule(scope, "NodeIngressFromNetwork", { securityGroupId: nodes.id, direction: "ingress", protocol: "ALL", cidr: spec.network.cidr, description: "Nodes and control plane inside the network" });
  acceptRule(scope, "NodeIngressFromPods", { securityGroupId: nodes.id, direction: "ingress", protocol: "ALL", cidr: specifics.kubernetesClusterCidr, description: "Pods of the cluster" });
  acceptRule(scope, "NodeEgress", { securityGroupId: nodes.id, direction: "egress", protocol: "ALL", cidr: ANYWHERE_IPV4, description: "Image pulls, cloud APIs, pods' outbound traffic" });

  const cluster = new KubernetesCluster(scope, "Resource", {
    clusterName: spec.name,
    clusterDesc: `Bookstore cluster ${spec.name}`,
    clusterDeployType: "MANAGED_CLUSTER",
    clusterVersion,
    vpcId: spec.network.networkId,
    networkType: "GR",
    clusterCidr: specifics.kubernetesClusterCidr,
    serviceCidr: specifics.kubernetesServiceCidr,
    clusterMaxPodNum: MAX_PODS_PER_NODE,
    clusterOs: specifics.kubernetesNodeOs,
    containerRuntime: "containerd",
    clusterIpvs: true,
    logAgent: { enabled: true },
    clusterAudit: { enabled: true },
    // Scale in as well as out; nodes whose pods use an emptyDir (the bookstore's /tmp)
    // may still be drained.
    nodePoolGlobalConfig: [{
      isScaleInEnabled: true,
      expander: "least-waste",
      maxConcurrentScaleIn: 1,
      scaleInDelay: 10,
      scaleInUnneededTime: 10,
      scaleInUtilizationThreshold: 50,
      ignoreDaemonSetsUtilization: true,
      skipNodesWithLocalStorage: false,
      skipNodesWithSystemPods: true,
    }],
  });

  new KubernetesEncryptionProtection(scope, "SecretsEncryption", {
    clusterId: cluster.id,
    kmsConfiguration: { keyId: secretsKey.id, kmsRegion: region },
  });

  const nodePool = new KubernetesNodePool(scope, "NodePool", {
    clusterId: cluster.id,
    name: `${spec.name}-np`,
    vpcId: spec.network.networkId,
    subnetIds: [...spec.network.privateSubnetIds],
    multiZoneSubnetPolicy: "EQUALITY",
    minSize: spec.minNodes,
    maxSize: spec.maxNodes,
    desiredCapacity: spec.minNodes,
    enableAutoScale: true,
    retryPolicy: "INCREMENTAL_INTERVALS",
    nodeOs: specifics.kubernetesNodeOs,
    deleteKeepInstance: false,
    autoScalingConfig: {
      instanceType: spec.nodeInstanceType,
      password: nodePassword(scope).result,
      systemDiskType: specifics.systemDiskType,
      systemDiskSize: NODE_SYSTEM_DISK_GIB,
      orderlySecurityGroupIds: [nodes.id],
      publicIpAssigned: false,
      internetMaxBandwidthOut: 0,
      enhancedMonitorService: true,
      enhancedSecurityService: true,
    },
    // The cluster autoscaler owns the desired size once running.
    lifecycle: { ignoreChanges: ["desired_capacity"] },
  });

  const api = securityGroup(scope, "ApiSecurityGroup", { name: `${spec.name}-api`, description: `API server of ${spec.name}, inside the network` });
  acceptRule(scope, "ApiIngressFromNetwork", { securityGroupId: api.id, direction: "ingress", protocol: "TCP", port: API_PORT, cidr: spec.network.cidr, description: "Kubernetes API from inside the network" });
  // The named private networks (a VPN, a CI runner's subnet) reach the intranet endpoint
  // through this security group; routing them into the VPC (CCN, VPN gateway, peering) is theirs.
  spec.privateApiAllowedCidrs.forEach((cidr, index) => {
    acceptRule(scope, `PrivateApiIngress${index + 1}`, { securityGroupId: api.id, direction: "ingress", protocol: "TCP", port: API_PORT, cidr, description: `Kubernetes API from ${cidr}` });
  });

  const publicApi = spec.publicApiAllowedCidrs.length > 0;
  let publicApiGroupId: string | undefined;
  if (publicApi) {
    const publicGroup = securityGroup(scope, "PublicApiSecurityGroup", { name: `${spec.name}-api-public`, description: `API server of ${spec.name}, from the named public ranges` });
    spec.publicApiAllowedCidrs.forEach((cidr, index) => {
      acceptRule(scope, `PublicApiIngress${index + 1}`, { securityGroupId: publicGroup.id, direction: "ingress", protocol: "TCP", port: API_PORT, cidr, description: `Kubernetes API from ${cidr}` });
    });
    publicApiGroupId = publicGroup.id;
  }
  const endpoint = new KubernetesClusterEndpoint(scope, "Endpoint", {
    clusterId: cluster.id,
    clusterIntranet: true,
    clusterIntranetSubnetId: spec.network.privateSubnetIds[0],
    clusterIntranetSecurityGroup: api.id,
    clusterInternet: publicApi,
    clusterInternetSecurityGroup: publicApiGroupId,
    dependsOn: [nodePool],
  });

  // The workloads' NetworkPolicy is enforced only with TKE's NetworkPolicy add-on.
  installNetworkPolicyAddOn(scope, { clusterId: cluster.id, version: spec.addOnVersions[NETWORK_POLICY_ADD_ON], dependsOn: [nodePool] });

  grantAdministrators(scope, cluster.id, spec.administrators);
  warnOfUnpullableImage(scope, spec.workloadIdentity?.image);
  const identity = spec.workloadIdentity ? workloadRole(scope, { name: spec.name, clusterId: cluster.id, region, identity: spec.workloadIdentity }) : undefined;

  // The workloads stack connects to the intranet endpoint, trusting the cluster's CA; its
  // client certificate it asks TKE for itself (kubernetes-access.ts), never from here.
  // One token for the ID, so the workloads stack's reference finds this registration.
  const clusterId = cluster.id;
  access.registerCluster(clusterId, { privateEndpoint: endpoint.pgwEndpoint, certificateAuthority: cluster.certificationAuthority });
  if (identity) access.registerWorkloadRole(identity.roleArn, identity.providerId);

  // GlobalRouter pods reach the VPC from their own addresses (TKE's ip-masq-agent leaves
  // traffic to the VPC unmasqueraded), so what pods connect to must admit the cluster
  // range as well. ref: scripts/provider-schemas/tencentcloud.json,
  // tencentcloud_kubernetes_cluster.network_type ("GR") and cluster_cidr
  return {
    clusterId,
    endpoint: endpointUrl(endpoint.pgwEndpoint),
    securityGroupId: nodes.id,
    sourceCidrs: [specifics.kubernetesClusterCidr],
    workloadRoleId: identity?.roleArn,
  };
}

/**
 * A root password for the nodes that nobody is given: provider 1.83.25 creates no node pool
 * without `password` or `key_ids` ("Parameters `key_ids` and `password` should be set one"),
 * and no one logs in to the nodes (TKE runs them; the library opens no SSH from outside the
 * network and hands out no credential for it). A key pair would expose more:
 * `tencentcloud_key_pair` either creates the key and keeps its private half in the state
 * (`private_key`, not even marked sensitive) or imports a public key whose private half
 * someone made and holds. `random_password` keeps the password out of the configuration,
 * the outputs and the plan (sensitive); it is in the infrastructure stack's encrypted state,
 * as `result` and as the node pool's `auto_scaling_config.password`.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_node_pool_extension.go (LoginSettings: password or key_ids, one of them)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/common/validators.go (ValidateAsConfigPassword: 8 to 16 characters, two kinds, specials "()~!@#$%^&*-+={}[]:;',.?/")
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/vendor/github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/as/v20180419/models.go (LoginSettings.Password: Linux 8 to 30 characters, two of four kinds)
 * ref: https://www.tencentcloud.com/document/api/213/33240 (CVM ResetInstancesPassword: Linux passwords may not start with "/")
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cvm/resource_tc_key_pair.go (private_key: Computed, not Sensitive)
 */
function nodePassword(scope: Construct): Password {
  useRandomProvider(scope);
  return new Password(scope, "NodePassword", {
    length: NODE_PASSWORD_LENGTH,
    special: true,
    overrideSpecial: NODE_PASSWORD_SPECIALS,
    minUpper: 2,
    minLower: 2,
    minNumeric: 2,
    minSpecial: 2,
  });
}

/**
 * TKE's nodes get no login to TCR from this library: TKE's `tcr` add-on takes the registry's
 * user name and password in its values (`imagePullSecretsCrs[].dockerPassword`), which
 * through Terraform would put a long-term TCR token in the configuration and the state, and
 * no operator here turns an SSM secret into a pull secret. The pods of a TCR image would
 * stay in ImagePullBackOff, so synth says so and how to make it work.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_addon.md (the tcr add-on's values)
 * ref: https://www.tencentcloud.com/document/product/457/38710 (TCR add-on: secret-free pulls for the cluster's nodes)
 */
function warnOfUnpullableImage(scope: Construct, image: string | undefined): void {
  if (image === undefined) return;
  const tcr = tcrEnterpriseImage(image) !== undefined || isTcrPersonalImage(image);
  if (!tcr) return;
  Annotations.of(scope).addWarning(
    `kubernetes.workloads.image (by default web.image) ${image} is in TCR, and TKE's nodes get no login to it here (TKE's tcr add-on would put a long-term registry password in Terraform's state): install the TCR add-on for this cluster from the TKE console, as TCR's guide to secret-free pulls describes, before deploying the workloads stack, or the pods cannot pull it unless its repository is public.`,
  );
}
