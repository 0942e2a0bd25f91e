import { Construct } from "constructs";
import { CsKubernetesNodePool } from "../generated/alicloud/cs-kubernetes-node-pool";
import { CsManagedKubernetes } from "../generated/alicloud/cs-managed-kubernetes";
import { DataAlicloudCsKubernetesVersion } from "../generated/alicloud/data-alicloud-cs-kubernetes-version";
import { KmsKey } from "../generated/alicloud/kms-key";
import { overlaps, parseCidr } from "../core/cidr";
import { KubernetesClusterAttributes, KubernetesClusterSpec } from "../core/kubernetes-cluster";
import { ValidationError } from "../core/validation";
import { AlicloudCatalog } from "./catalog";
import { outboundAccessOf } from "./network";

const NODE_SYSTEM_DISK_GIB = 120;
const CONTROL_PLANE_LOG_TTL_DAYS = "365";

/**
 * ACK Pro managed cluster in the private vSwitches: Flannel with a pod range that
 * overlaps neither the VPC nor the service range (CKV_ALI_26), an internal API server
 * only, Kubernetes secrets encrypted with a rotating KMS key, control-plane and audit
 * logs to Simple Log Service, RRSA for pod identities. One node pool in the private
 * vSwitches: autoscaled, auto-repaired (CKV_ALI_31), no public address, encrypted ESSD
 * system disk, IMDS tokens required.
 * ref: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/cs_managed_kubernetes
 */
export function createAlicloudKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec, catalog: AlicloudCatalog): KubernetesClusterAttributes {
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
  const ranges = specifics.ackClusterRanges.find((r) => {
    const pod = parseCidr(r.podCidr);
    const service = parseCidr(r.serviceCidr);
    return vpc && pod && service && !overlaps(vpc, pod) && !overlaps(vpc, service);
  });
  if (!ranges) {
    throw new ValidationError(scope, "network.cidr", spec.network.cidr, `a network that leaves one of the pod ranges free: ${specifics.ackClusterRanges.map((r) => r.podCidr).join(", ")}`);
  }

  const secretsKey = new KmsKey(scope, "SecretsKey", {
    description: `Encrypts Kubernetes secrets of ${spec.name}`,
    keySpec: "Aliyun_AES_256",
    keyUsage: "ENCRYPT/DECRYPT",
    automaticRotation: "Enabled",
    rotationInterval: "31536000s",
    pendingWindowInDays: 30,
    deletionProtection: "Enabled",
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
    // entries (dependsOn below), so ACK finds them in place. See the README.
    newNatGateway: false,
    slbInternetEnabled: false,
    podCidr: ranges.podCidr,
    serviceCidr: ranges.serviceCidr,
    nodeCidrMask: 26,
    proxyMode: "ipvs",
    addons: [{ name: "flannel" }],
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

  new CsKubernetesNodePool(scope, "NodePool", {
    clusterId: cluster.id,
    nodePoolName: `${spec.name}-np`,
    vswitchIds: [...spec.network.privateSubnetIds],
    instanceTypes: [spec.nodeInstanceType],
    imageType: "AliyunLinux3",
    // No internet_max_bandwidth_out: nodes get no public address.
    systemDiskCategory: "cloud_essd",
    systemDiskSize: NODE_SYSTEM_DISK_GIB,
    systemDiskEncrypted: true,
    installCloudMonitor: true,
    instanceMetadataOptions: { httpTokens: "required" },
    // The cluster autoscaler owns the size between these bounds.
    scalingConfig: { enable: true, minSize: spec.minNodes, maxSize: spec.maxNodes, type: "cpu" },
    management: { enable: true, autoRepair: true, autoUpgrade: true, autoVulFix: true, maxUnavailable: 1 },
    // Nodes join the cluster only if they reach the internet while bootstrapping.
    dependsOn: outboundAccessOf(spec.network),
  });

  return {
    clusterId: cluster.id,
    endpoint: cluster.connections.lookup("api_server_intranet"),
    securityGroupId: cluster.securityGroupId,
  };
}
