import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KubernetesClusterAttributes, KubernetesClusterSpec } from "../core/kubernetes-cluster";
import { AwsCatalog } from "./catalog";
import { serviceRole } from "./iam";
import { AwsLogKey } from "./log-key";

const LOG_RETENTION_DAYS = 365;

/**
 * EKS with Kubernetes secrets encrypted by a rotating KMS key, every control-plane log
 * type on, a private API endpoint unless public CIDRs are named, and one managed node
 * group in the private subnets with no remote access.
 */
export function createAwsKubernetesCluster(scope: Construct, spec: KubernetesClusterSpec, catalog: AwsCatalog): KubernetesClusterAttributes {
  const secretsKey = new KmsKey(scope, "SecretsKey", {
    description: `Encrypts Kubernetes secrets of ${spec.name}`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
  });
  const { attachments: clusterPolicies, role: clusterRole } = serviceRole(scope, "ClusterRole", {
    servicePrincipal: "eks.amazonaws.com",
    namePrefix: `${spec.name}-cluster-`,
    managedPolicies: ["AmazonEKSClusterPolicy"],
  });
  // Created here, not by EKS, so it has a retention and is removed with the cluster.
  const logGroup = new CloudwatchLogGroup(scope, "ControlPlaneLogs", {
    name: `/aws/eks/${spec.name}/cluster`,
    retentionInDays: LOG_RETENTION_DAYS,
    kmsKeyId: AwsLogKey.of(scope).key.arn,
  });

  const publicApi = spec.publicApiAllowedCidrs.length > 0;
  const cluster = new EksCluster(scope, "Resource", {
    name: spec.name,
    version: spec.version,
    roleArn: clusterRole.arn,
    vpcConfig: {
      subnetIds: [...spec.network.privateSubnetIds],
      endpointPrivateAccess: true,
      endpointPublicAccess: publicApi,
      publicAccessCidrs: publicApi ? [...spec.publicApiAllowedCidrs] : undefined,
    },
    encryptionConfig: { resources: ["secrets"], provider: { keyArn: secretsKey.arn } },
    enabledClusterLogTypes: [...catalog.aws.eksControlPlaneLogTypes],
    accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
    // Standard support only: left unset, the API puts the cluster on EXTENDED support,
    // billed per hour once the version leaves standard support.
    // ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html
    upgradePolicy: { supportType: catalog.aws.eksSupportType },
    dependsOn: [logGroup, ...clusterPolicies],
  });

  // The VPC CNI enforces NetworkPolicy objects only when asked to; the workloads rely on it.
  // ref: https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html
  new EksAddon(scope, "VpcCni", {
    clusterName: cluster.name,
    addonName: "vpc-cni",
    // EKS installs a self-managed vpc-cni with every cluster; the add-on takes it over.
    // ref: https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html
    resolveConflictsOnCreate: "OVERWRITE",
    resolveConflictsOnUpdate: "OVERWRITE",
    configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
  });

  const { role: nodeRole, attachments: nodePolicies } = serviceRole(scope, "NodeRole", {
    servicePrincipal: "ec2.amazonaws.com",
    namePrefix: `${spec.name}-node-`,
    managedPolicies: ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore"],
  });
  new EksNodeGroup(scope, "NodeGroup", {
    clusterName: cluster.name,
    nodeGroupNamePrefix: `${spec.name}-`,
    nodeRoleArn: nodeRole.arn,
    subnetIds: [...spec.network.privateSubnetIds],
    instanceTypes: [spec.nodeInstanceType],
    amiType: catalog.aws.eksNodeAmiType,
    scalingConfig: { minSize: spec.minNodes, maxSize: spec.maxNodes, desiredSize: spec.minNodes },
    updateConfig: { maxUnavailable: 1 },
    // The cluster autoscaler owns the desired size once running.
    lifecycle: { ignoreChanges: ["scaling_config[0].desired_size"], createBeforeDestroy: true },
    dependsOn: nodePolicies,
  });

  return { clusterId: cluster.name, endpoint: cluster.endpoint, securityGroupId: cluster.vpcConfig.clusterSecurityGroupId };
}
