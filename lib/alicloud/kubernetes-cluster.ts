import { Construct } from "constructs";
import { CsAutoscalingConfig } from "../generated/alicloud/cs-autoscaling-config";
import { CsKubernetesAddon } from "../generated/alicloud/cs-kubernetes-addon";
import { CsKubernetesNodePool } from "../generated/alicloud/cs-kubernetes-node-pool";
import { CsManagedKubernetes } from "../generated/alicloud/cs-managed-kubernetes";
import { DataAlicloudCsKubernetesVersion } from "../generated/alicloud/data-alicloud-cs-kubernetes-version";
import { KmsKey } from "../generated/alicloud/kms-key";
import { overlaps, parseCidr } from "../core/cidr";
import { KubernetesClusterAttributes, KubernetesClusterSpec } from "../core/kubernetes-cluster";
import { ValidationError } from "../core/validation";
import { ACR_CREDENTIAL_HELPER, installAcrCredentialHelper } from "./acr-credential-helper";
import { grantClusterAdministrators } from "./cluster-administrators";
import { ackNodeInstanceType } from "./node-size";
import { outboundAccessOf } from "./network";
import { onPodBackendPorts } from "./pod-backends";
import { createSecretSyncRole, SecretSyncRole } from "./registry-sync";
import { AlicloudSecretStore, requireKmsInstanceId } from "./secrets";
import { rule } from "./security-group";
import { AlicloudWorkloadRole, createWorkloadRole } from "./workload-identity";

/** Where the cluster adapter hands the RRSA roles it made, for the workloads stack. */
export interface AlicloudClusterRoles {
  /** The pods' workload role, asked for later by its ARN (`podIdentity`). */
  registerWorkloadRole(role: AlicloudWorkloadRole): void;
  /** The role of ack-secret-manager, asked for later by the cluster's ID (`registryPullSecret`). */
  registerSecretSyncRole(clusterId: string, role: SecretSyncRole): void;
}

const NODE_SYSTEM_DISK_GIB = 120;
const CONTROL_PLANE_LOG_TTL_DAYS = "365";
/** The CNI add-on: Terway in shared-ENI mode, pods on the nodes' vSwitches. */
const NETWORK_PLUGIN = "terway-eniip";

/**
 * ACK Pro managed cluster in the private vSwitches: Terway with NetworkPolicy enforced,
 * pods taking addresses of the private vSwitches (the network plans no separate pod
 * vSwitches; the private ones are /18 or larger per zone), a service range that overlaps
 * no vSwitch, an internal API server only, Kubernetes secrets encrypted with a rotating
 * KMS key, control-plane and audit logs to Simple Log Service, RRSA for pod identities.
 * Two node pools in the private vSwitches, auto-repaired (CKV_ALI_31), with no public
 * address, an encrypted ESSD system disk and IMDS tokens required: the workloads' pool,
 * autoscaled by ACK's cluster-autoscaler, and a fixed-size system pool where ACK's own
 * components run (they avoid autoscaled nodes).
 *
 * Besides the cluster: the administrators' RBAC grants, the private networks' access to
 * the API server on its security group, the load balancer's access to the pods (Terway
 * ENI backends), the workload identity's RAM role, for a workload image in ACR
 * Enterprise Edition, ACK's credential helper that lets the nodes pull it, and, for
 * registry credentials, the RRSA role of ack-secret-manager that reads them.
 * ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/cs_managed_kubernetes
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/work-with-terway
 */
export function createAlicloudKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec, store: AlicloudSecretStore, roles: AlicloudClusterRoles): KubernetesClusterAttributes {
  const { catalog, region } = store;
  const specifics = catalog.alicloud;
  if (spec.publicApiAllowedCidrs.length > 0) {
    // ACK's public API endpoint is an internet CLB; this provider offers no way to limit
    // it to given CIDRs, so it stays private rather than open to everyone.
    throw new ValidationError(
      scope,
      "publicApiAllowedCidrs",
      spec.publicApiAllowedCidrs,
      "[] on alicloud: the API server stays private; reach it from inside the VPC (e.g. through a bastion or VPN)",
    );
  }
  const version = specifics.ackVersions[spec.version];
  if (version === undefined) {
    throw new ValidationError(scope, "version", spec.version, `one of ${Object.keys(specifics.ackVersions).join(", ")} on alicloud`);
  }
  const vpc = parseCidr(spec.network.cidr);
  const serviceCidr = specifics.ackServiceCidrs.find((text) => {
    const service = parseCidr(text);
    return vpc && service && !overlaps(vpc, service);
  });
  if (!serviceCidr) {
    throw new ValidationError(scope, "network.cidr", spec.network.cidr, `a network that leaves one of the service ranges free: ${specifics.ackServiceCidrs.join(", ")}`);
  }
  const terwayVersion = spec.addOnVersions[NETWORK_PLUGIN];
  const terwayConfig = JSON.stringify(specifics.terwayConfig);
  const kmsInstanceId = requireKmsInstanceId(
    scope,
    store,
    "Alibaba Cloud's KMS creates keys of one's own only in a KMS instance (a region has one default key, enabled, not created), and the cluster encrypts its Kubernetes Secrets with a key of its own",
  );

  // The key that encrypts the cluster's Secrets, in the cloud's KMS instance as the credentials'
  // keys are: outside an instance KMS has only the region's one default key, which is enabled,
  // not created. The instance is read when the key is created (`ignore_changes`): dkms_instance_id
  // forces a new key, and a cluster whose key an earlier release made outside any instance keeps
  // it, since a new key would mean re-encrypting its Secrets, and the old key, deletion protected,
  // cannot go while ACK uses it.
  // ref: https://www.alibabacloud.com/help/en/kms/user-guide/manage-keys-2 ("You can create only one default key of the
  //   CMK type in each region. If you need to create multiple keys, we recommend that you purchase a KMS instance.")
  // ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-createkey
  //   (DKMSInstanceId: the KMS instance of the key)
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_kms_key.go
  //   (dkms_instance_id: Optional, Computed, ForceNew, sent as DKMSInstanceId)
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/security-and-compliance/use-kms-to-encrypt-kubernetes-secrets-2
  //   (ACK Pro takes default keys, software-protected keys and hardware-protected keys)
  const secretsKey = new KmsKey(scope, "SecretsKey", {
    dkmsInstanceId: kmsInstanceId,
    description: `Encrypts Kubernetes secrets of ${spec.name}`,
    keySpec: "Aliyun_AES_256",
    keyUsage: "ENCRYPT/DECRYPT",
    automaticRotation: "Enabled",
    rotationInterval: "31536000s",
    pendingWindowInDays: 30,
    deletionProtection: "Enabled",
    lifecycle: { ignoreChanges: ["dkms_instance_id"] },
  });

  // The catalog's patch version is data that ages: ACK lists the versions it still
  // creates, so a plan refuses one it no longer offers, before anything is created.
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/developer-reference/api-cs-2015-12-15-describekubernetesversionmetadata
  const offered = new DataAlicloudCsKubernetesVersion(scope, "OfferedVersion", { clusterType: "ManagedKubernetes", kubernetesVersion: version });

  const cluster = new CsManagedKubernetes(scope, "Resource", {
    name: spec.name,
    version,
    clusterSpec: specifics.ackClusterSpec,
    vswitchIds: [...spec.network.privateSubnetIds],
    // The network's NAT gateway already gives the nodes outbound access. Provider 1.289.0
    // does not send a false value (d.GetOk), and CreateCluster's snat_entry defaults to
    // true, so ACK configures SNAT itself: the cluster waits for the network's SNAT
    // entries (dependsOn below), so ACK finds them in place. See docs/alicloud.md, "Before the first deploy on Alibaba Cloud".
    newNatGateway: false,
    slbInternetEnabled: false,
    // Terway: pods on the private vSwitches, in the same zones as the nodes.
    podVswitchIds: [...spec.network.privateSubnetIds],
    serviceCidr,
    nodeCidrMask: 26,
    proxyMode: "ipvs",
    // The CNI is chosen at creation only (ACK cannot change it later); metrics-server
    // serves the Resource Metrics API the workloads' HorizontalPodAutoscaler reads.
    addons: [
      { name: NETWORK_PLUGIN, version: terwayVersion, config: terwayConfig },
      { name: "metrics-server" },
    ],
    encryptionProviderKey: secretsKey.id,
    isEnterpriseSecurityGroup: true,
    enableRrsa: true,
    controlPlaneLogComponents: [...specifics.ackControlPlaneLogComponents],
    controlPlaneLogTtl: CONTROL_PLANE_LOG_TTL_DAYS,
    auditLogConfig: { enabled: true },
    // Creating the cluster installs add-ons that pull images from the internet.
    dependsOn: outboundAccessOf(spec.network),
    lifecycle: {
      precondition: [
        {
          condition: `\${contains(${offered.fqn}.metadata[*].version, "${version}")}`,
          errorMessage: `ACK does not create clusters of version ${version} (the Alibaba Cloud catalog's patch version of ${spec.version}): choose another kubernetes.version, or a release of this library whose catalog names an offered patch.`,
        },
      ],
    },
  });

  // Terraform keeps Terway at the catalog's version after creation (an upgrade when
  // kubernetes.addOnVersions changes); ACK never uninstalls a network plugin. Its
  // configuration stays the one given at creation: the resource sends a config only when
  // one is set, and NetworkPolicy is not switched on a running cluster.
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/cs_kubernetes_addon.html.markdown
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_cs_kubernetes_addon.go (an installed add-on is upgraded, not reinstalled)
  new CsKubernetesAddon(scope, "NetworkPlugin", { clusterId: cluster.id, name: NETWORK_PLUGIN, version: terwayVersion });

  // Node autoscaling is switched on for the cluster (the console's "Node Scaling: Enable",
  // CreateAutoscalingConfig); without it a node pool's scaling_config does nothing.
  // ACK runs the cluster-autoscaler itself, at a version of its own.
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/auto-scaling-of-nodes
  new CsAutoscalingConfig(scope, "NodeAutoscaler", {
    clusterId: cluster.id,
    scalerType: "cluster-autoscaler",
    scaleDownEnabled: true,
    expander: "least-waste",
    scanInterval: "30s",
    coolDownDuration: "10m",
    unneededDuration: "10m",
    utilizationThreshold: "0.5",
    skipNodesWithSystemPods: true,
  });

  // What every node of the cluster shares: private vSwitches, Alibaba Cloud Linux 3, no public
  // address (no internet_max_bandwidth_out), an encrypted ESSD system disk, IMDS tokens required,
  // auto-repair, and the wait for outbound access (nodes join only if they reach the internet while
  // bootstrapping).
  const node = {
    clusterId: cluster.id,
    vswitchIds: [...spec.network.privateSubnetIds],
    imageType: "AliyunLinux3",
    systemDiskCategory: "cloud_essd",
    systemDiskSize: NODE_SYSTEM_DISK_GIB,
    systemDiskEncrypted: true,
    installCloudMonitor: true,
    instanceMetadataOptions: { httpTokens: "required" },
    management: { enable: true, autoRepair: true, autoUpgrade: true, autoVulFix: true, maxUnavailable: 1 },
    dependsOn: outboundAccessOf(spec.network),
  };

  // The workloads' pool: the cluster autoscaler owns its size between these bounds. Its type comes
  // from the catalog's ACK node sizes (4 vCPUs or more), not the VMs' computeSizes.
  new CsKubernetesNodePool(scope, "NodePool", {
    ...node,
    nodePoolName: `${spec.name}-np`,
    instanceTypes: [ackNodeInstanceType(scope, catalog, spec.nodeInstanceType)],
    scalingConfig: { enable: true, minSize: spec.minNodes, maxSize: spec.maxNodes, type: "cpu" },
  });

  // The system pool: ACK labels autoscaled nodes k8s.aliyun.com=true, and components that avoid that
  // label (issue #23: CoreDNS and metrics-server, and with them cluster DNS and the workloads'
  // HorizontalPodAutoscaler) need nodes that are not autoscaled. A fixed size
  // (desired_size, no scaling_config), spread over the zones (BALANCE); no taint, as ACK's components
  // tolerate none of ours. See the catalog's ackSystemNodePool for the sources.
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_cs_kubernetes_node_pool.go
  //   (desired_size: a string, conflicts with instances and node_count; multi_az_policy PRIORITY, COST_OPTIMIZED or BALANCE)
  const system = specifics.ackSystemNodePool;
  new CsKubernetesNodePool(scope, "SystemNodePool", {
    ...node,
    // "-sys" keeps the name within ACK's 63 characters (the catalog's names leave 4).
    nodePoolName: `${spec.name}-sys`,
    instanceTypes: [...system.instanceTypes],
    desiredSize: String(system.nodeCount),
    multiAzPolicy: "BALANCE",
  });

  grantClusterAdministrators(scope, cluster.id, spec.administrators);

  // The API server's internal endpoint forwards to the control plane, whose network
  // interfaces are in the cluster's security group: each private network is admitted
  // there on the API server's port.
  // ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-security-group-rules-to-enforce-access-control-on-ack-clusters (TCP 6443, API server)
  // ref: https://www.alibabacloud.com/help/en/ack/cluster-access-control (the internal endpoint is a private CLB on port 6443)
  spec.privateApiAllowedCidrs.forEach((cidr, index) => {
    rule(scope, `PrivateApiAccess${index + 1}`, cluster.securityGroupId, "ingress", {
      description: `Kubernetes API server from private network ${index + 1}`,
      protocol: "tcp",
      port: specifics.ackApiServerPort,
      cidr,
    });
  });

  // Pods registered as ENI backends of the load balancer are reached from its reserved
  // source range, on the pods' port only.
  onPodBackendPorts(spec.network, (port) => {
    rule(scope, `PodIngressFromLoadBalancer${port}`, cluster.securityGroupId, "ingress", {
      description: "Pods' application port from the load balancer only",
      protocol: "tcp",
      port,
      cidr: specifics.slbBackendSourceCidr,
    });
  });

  // Read once: each read of an attribute is a new token, and the workloads stack asks for
  // the ack-secret-manager role by this very string.
  const clusterId = cluster.id;
  let workloadRoleId: string | undefined;
  if (spec.workloadIdentity) {
    const identity = spec.workloadIdentity;
    const role = createWorkloadRole(scope, cluster, { clusterName: spec.name, region, identity, catalog });
    // The nodes pull an ACR Enterprise Edition image for this service account only.
    const imagePullSecretNames = installAcrCredentialHelper(scope, { clusterId: cluster.id, identity, version: spec.addOnVersions[ACR_CREDENTIAL_HELPER], region, catalog });
    roles.registerWorkloadRole({ ...role, imagePullSecretNames });
    workloadRoleId = role.roleArn;
    // The operator that turns the registry login into the pods' pull secret reads it, and nothing else.
    if (identity.registryCredentials !== undefined) {
      const secretName = identity.registryCredentials.secretName;
      roles.registerSecretSyncRole(clusterId, createSecretSyncRole(scope, cluster, { clusterName: spec.name, region, secretName, catalog }));
    }
  }

  return {
    clusterId,
    endpoint: cluster.connections.lookup("api_server_intranet"),
    securityGroupId: cluster.securityGroupId,
    workloadRoleId,
  };
}
