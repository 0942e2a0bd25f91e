import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Token } from "../core/cdktf";
import { KubernetesClusterAttributes, KubernetesClusterSpec, WorkloadIdentityProps } from "../core/kubernetes-cluster";
import { AWS_ADD_ONS } from "./add-ons";
import { AwsCatalog } from "./catalog";
import { EKS_ACCESS, grantAdministrators, requireAwsAdministrators } from "./cluster-administrators";
import { serviceRole } from "./iam";
import { AwsLogKey } from "./log-key";
import { awsAssetBucketOf } from "./asset-bucket";
import { podIdentityRole, PolicyStatement } from "./pod-identity";
import { createPodServiceEndpoints, PodServiceEndpoints } from "./pod-service-endpoints";

const LOG_RETENTION_DAYS = 365;

/**
 * EKS with Kubernetes secrets encrypted by a rotating KMS key, every control-plane log
 * type on, a private API endpoint unless public CIDRs are named, and one managed node
 * group in the private subnets with no remote access. Named administrators get access
 * entries, named private networks reach the API endpoint on 443, the catalog's add-ons
 * get their EKS add-on or their Pod Identity role, and the bookstore's service account a
 * role that reads only the database's credentials, with interface VPC endpoints for the
 * services its pods call (createPodServiceEndpoints).
 */
export function createAwsKubernetesCluster(
  scope: Construct,
  spec: KubernetesClusterSpec,
  catalog: AwsCatalog,
  region: string,
  registerWorkloadEndpoints: (roleArn: string, endpoints: PodServiceEndpoints) => void,
): KubernetesClusterAttributes {
  const nodeRolePrefix = `${spec.name}-node-`;
  requireAwsAdministrators(scope, spec.administrators, nodeRolePrefix, catalog);
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
    // Access entries only, none for whoever created the cluster (see EKS_ACCESS).
    accessConfig: EKS_ACCESS.accessConfig,
    // Standard support unless extended support is asked for: left unset, the API puts the
    // cluster on EXTENDED support, billed per hour once the version leaves standard support.
    // ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html
    upgradePolicy: { supportType: spec.extendedSupport ? catalog.aws.eksSupportTypes.extended : catalog.aws.eksSupportTypes.standard },
    dependsOn: [logGroup, ...clusterPolicies],
    lifecycle: EKS_ACCESS.lifecycle,
  });

  grantAdministrators(scope, cluster, spec.administrators, catalog);
  openPrivateApi(scope, cluster, spec.privateApiAllowedCidrs);

  const { role: nodeRole, attachments: nodePolicies } = serviceRole(scope, "NodeRole", {
    servicePrincipal: "ec2.amazonaws.com",
    namePrefix: nodeRolePrefix,
    managedPolicies: ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore"],
  });
  const nodeLaunchTemplate = nodeTemplate(scope, spec.name, catalog);
  const nodeGroup = new EksNodeGroup(scope, "NodeGroup", {
    clusterName: cluster.name,
    nodeGroupNamePrefix: `${spec.name}-`,
    nodeRoleArn: nodeRole.arn,
    subnetIds: [...spec.network.privateSubnetIds],
    instanceTypes: [spec.nodeInstanceType],
    amiType: catalog.aws.eksNodeAmiType,
    // A new version rolls the nodes, at most one unavailable at a time (updateConfig).
    launchTemplate: { id: nodeLaunchTemplate.id, version: nodeLaunchTemplate.latestVersion.toString() },
    scalingConfig: { minSize: spec.minNodes, maxSize: spec.maxNodes, desiredSize: spec.minNodes },
    updateConfig: { maxUnavailable: 1 },
    // The cluster autoscaler owns the desired size once running.
    lifecycle: { ignoreChanges: ["scaling_config[0].desired_size"], createBeforeDestroy: true },
    dependsOn: nodePolicies,
  });


  // Managed node groups' nodes (and so, with the VPC CNI, their pods) carry the cluster
  // security group, which admits only itself: the load balancer's pod backend needs a way in.
  // ref: https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
  const backend = spec.loadBalancer?.podBackend;
  if (spec.loadBalancer?.securityGroupId !== undefined && backend !== undefined) {
    new VpcSecurityGroupIngressRule(scope, "IngressFromLoadBalancer", {
      securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
      description: "The load balancer to the pods of its pod backend, on their port only",
      ipProtocol: "tcp",
      fromPort: backend.targetPort,
      toPort: backend.targetPort,
      referencedSecurityGroupId: spec.loadBalancer.securityGroupId,
    });
  }

  const context = { cluster, clusterName: spec.name, kubernetesVersion: spec.version, nodeGroup, catalog, podTargetGroupArn: backend?.targetGroupId, registryCredentials: spec.workloadIdentity?.registryCredentials };
  for (const addOn of AWS_ADD_ONS) addOn.inCluster?.(scope, context, spec.addOnVersions[addOn.name]);

  const workloadRole = spec.workloadIdentity && workloadIdentityRole(scope, cluster, spec.name, spec.workloadIdentity);
  // One token for the role's ARN: each read of `arn` makes another, and the access looks its endpoints up by it.
  const workloadRoleId = workloadRole?.arn;
  if (workloadRoleId !== undefined && spec.workloadIdentity) {
    const endpoints = createPodServiceEndpoints(scope, { name: spec.name, network: spec.network, region, assetBucket: spec.workloadIdentity.assetBucket !== undefined, catalog });
    registerWorkloadEndpoints(workloadRoleId, endpoints);
  }
  return {
    clusterId: cluster.name,
    endpoint: cluster.endpoint,
    securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
    workloadRoleId,
  };
}

/**
 * The nodes' launch template, for what EKS's own template leaves to the account or opens:
 * an encrypted gp3 root volume (whatever the account's EBS default), and IMDSv2 required
 * with a hop limit of 1, so that no pod outside the host network gets the node role's
 * credentials (EKS's own template sets the limit to 2 for pods that read instance
 * metadata). The pods that call AWS get their credentials from EKS Pod Identity and are
 * told their region (and the load balancer controller its VPC), so none needs the metadata
 * service; the node's own agents (vpc-cni's aws-node, kube-proxy, the Pod Identity agent)
 * run in the host network, within the one hop.
 *
 * It holds only what a managed node group takes from a template: no AMI (the node group's
 * `amiType` picks EKS's and EKS merges its bootstrap user data), no instance profile (the
 * node role), no instance type (the node group's), no subnet, no security group (EKS then
 * adds the cluster security group, which the load balancer's rule to the pods relies on).
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html (prohibited settings; hop limit; security groups)
 * ref: https://docs.aws.amazon.com/whitepapers/latest/security-practices-multi-tenant-saas-applications-eks/restrict-the-use-of-host-networking-and-block-access-to-instance-metadata-service.html
 * (IMDSv2 with a hop limit of 1 rejects pods' requests unless they use the host network)
 * ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/installation/ (region and VPC given
 * instead of instance metadata)
 */
function nodeTemplate(scope: Construct, clusterName: string, catalog: AwsCatalog): LaunchTemplate {
  const volume = catalog.aws.eksNodeRootVolume;
  return new LaunchTemplate(scope, "NodeLaunchTemplate", {
    namePrefix: `${clusterName}-node-`,
    description: `Nodes of EKS cluster ${clusterName}: encrypted root volume, IMDSv2 with hop limit 1`,
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
    blockDeviceMappings: [
      {
        deviceName: volume.deviceName,
        ebs: { volumeSize: volume.sizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
      },
    ],
  });
}

/**
 * The private endpoint's network interfaces carry the cluster security group: each named
 * private network may open HTTPS to the API server, nothing else.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html#private-access
 */
function openPrivateApi(scope: Construct, cluster: EksCluster, cidrs: readonly string[]): void {
  cidrs.forEach((cidr, index) => {
    const id = Token.isUnresolved(cidr) ? `${index}` : cidr.replace(/[./]/g, "-");
    new VpcSecurityGroupIngressRule(scope, `PrivateApiFrom-${id}`, {
      securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
      description: "Kubernetes API (HTTPS) from a named private network",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: cidr,
    });
  });
}

/**
 * The role the bookstore's pods assume through EKS Pod Identity: it may read the
 * database's credentials secret (the one RDS manages and rotates, encrypted with the
 * Secrets Manager AWS managed key, which needs no KMS grant) and the cache's password
 * secret (its key lets Secrets Manager decrypt it for whoever IAM lets read it); read,
 * write and delete the asset bucket's objects by key, with the bucket's key, as the VMs'
 * role does (no listing, nothing of the bucket's settings); nothing else.
 * ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html
 * ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
 * ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html (SSE-KMS: uploads need
 * kms:GenerateDataKey, downloads and multipart uploads kms:Decrypt)
 */
function workloadIdentityRole(scope: Construct, cluster: EksCluster, clusterName: string, identity: WorkloadIdentityProps) {
  // A database reached with IAM database authentication gives a token for its application user, and no secret.
  const connectResource = identity.database?.connection.connectResource;
  const databaseSecret = identity.database && connectResource === undefined ? [identity.database.connection.credentialsSecretId] : [];
  const secrets = [...databaseSecret, ...(identity.cache ? [identity.cache.connection.credentialsSecretId] : [])];
  const statements: PolicyStatement[] =
    secrets.length > 0 ? [{ Sid: "ReadTheDataStoresCredentialsOnly", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secrets }] : [];
  if (connectResource !== undefined) statements.push({ Sid: "ConnectToTheDatabaseAsTheApplicationUser", Effect: "Allow", Action: ["rds-db:connect"], Resource: connectResource });
  if (identity.assetBucket) {
    const assets = awsAssetBucketOf(scope, "workloadIdentity.assetBucket", identity.assetBucket);
    statements.push(
      { Sid: "AssetObjectsOnly", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: `${assets.bucketArn}/*` },
      { Sid: "AssetKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: assets.keyArn },
    );
  }
  return podIdentityRole(scope, "WorkloadRole", {
    cluster,
    clusterName,
    namespace: identity.namespace,
    serviceAccount: identity.serviceAccountName,
    namePrefix: `${clusterName}-workload-`,
    statements,
  }).role;
}
