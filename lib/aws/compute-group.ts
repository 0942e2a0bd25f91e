import { Construct } from "constructs";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { ICustomTaggable } from "../core/taggable";
import { AutoscalingPolicy } from "@cdktf/provider-aws/lib/autoscaling-policy";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Fn } from "../core/cdktf";
import { ComputeGroupAttributes, ComputeGroupSpec } from "../core/compute-group";
import { ILoadBalancer } from "../core/load-balancer";
import { containerUserData, requireUserDataFits } from "../core/user-data";
import { ValidationError } from "../core/validation";
import { refuseCredentialsForOwnRegistry } from "../core/registry-credentials";
import { PolicyChecks } from "../policy/policy-checks";
import { NoPublicEgress } from "../policy/rules/aws/no-public-egress";
import { awsAssetBucketOf } from "./asset-bucket";
import { AwsCatalog } from "./catalog";
import { internetPathsOf } from "./network";
import { ecrImage, ecrLoginCommands, ecrPullStatements, registrySecretPullLines, secretArnPattern } from "./container-registry";
import { serviceRole } from "./iam";
import { securityGroup } from "./security-group";
import { ANYWHERE_IPV4 } from "../core/cidr";

/** Average CPU the group scales around. */
const TARGET_CPU_PERCENT = 60;

/**
 * Launch template + autoscaling group in the private subnets. Instances have no public
 * address, require IMDSv2 with a hop limit of 1, and encrypt their disks. The container
 * runs with the host's network so that it reaches IMDS (and so the instance role)
 * within that hop limit. The role may pull an image of the account's ECR, or read the
 * private registry's login given as `registryCredentials`; the boot script logs in or
 * pulls with it before the container starts.
 */
export function createAwsComputeGroup(scope: Construct, spec: ComputeGroupSpec, catalog: AwsCatalog, region: string): ComputeGroupAttributes {
  const network = spec.network;
  const group = securityGroup(scope, "SecurityGroup", {
    vpcId: network.networkId,
    namePrefix: spec.name,
    description: `Instances of ${spec.name}`,
  });
  PolicyChecks.of(scope).suppress(
    NoPublicEgress.id,
    "Instances pull the container image and reach AWS APIs over HTTPS through the NAT gateways; nothing else leaves the network.",
  );
  new VpcSecurityGroupEgressRule(scope, "EgressHttps", {
    securityGroupId: group.id,
    description: "HTTPS to the container registry, package mirrors and cloud APIs",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: ANYWHERE_IPV4,
  });
  if (spec.database) {
    new VpcSecurityGroupEgressRule(scope, "EgressDatabase", {
      securityGroupId: group.id,
      description: "MySQL inside the network",
      ipProtocol: "tcp",
      fromPort: spec.database.connection.port,
      toPort: spec.database.connection.port,
      cidrIpv4: network.cidr,
    });
  }
  if (spec.cache) {
    new VpcSecurityGroupEgressRule(scope, "EgressCache", {
      securityGroupId: group.id,
      description: "The cache inside the network",
      ipProtocol: "tcp",
      fromPort: spec.cache.connection.port,
      toPort: spec.cache.connection.port,
      cidrIpv4: network.cidr,
    });
  }
  if (spec.loadBalancer) {
    const loadBalancerGroup = requireLoadBalancerGroup(scope, spec.loadBalancer);
    new VpcSecurityGroupIngressRule(scope, "IngressFromLoadBalancer", {
      securityGroupId: group.id,
      description: "Application port from the load balancer only",
      ipProtocol: "tcp",
      fromPort: spec.containerPort,
      toPort: spec.containerPort,
      referencedSecurityGroupId: loadBalancerGroup,
    });
  }

  // Session Manager replaces SSH: no key pair, no port 22.
  const { role } = serviceRole(scope, "InstanceRole", {
    servicePrincipal: "ec2.amazonaws.com",
    namePrefix: `${spec.name}-`,
    managedPolicies: ["AmazonSSMManagedInstanceCore"],
  });
  if (spec.database) {
    const connection = spec.database.connection;
    if (connection.connectResource !== undefined) {
      // IAM database authentication: a token for the application user, and no secret.
      new IamRolePolicy(scope, "ConnectToDatabase", {
        role: role.id,
        name: "connect-to-database",
        policy: Fn.jsonencode({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["rds-db:connect"], Resource: connection.connectResource }] }),
      });
    } else {
      readSecretPolicy(scope, "ReadDatabaseCredentials", role, "read-database-credentials", connection.credentialsSecretId);
    }
  }
  if (spec.cache) {
    // The secret is encrypted with the cache's key, whose policy lets Secrets Manager
    // decrypt it for whoever IAM lets read it: this statement is all the role needs.
    readSecretPolicy(scope, "ReadCacheCredentials", role, "read-cache-credentials", spec.cache.connection.credentialsSecretId);
  }
  // A private registry's login: the role may read that one secret of the stack's account and
  // region, which the boot script pulls the image with.
  const registrySecret = spec.registryCredentials
    ? readSecretPolicy(
        scope,
        "ReadRegistryCredentials",
        role,
        "read-registry-credentials",
        secretArnPattern(new DataAwsPartition(scope, "Partition").partition, region, new DataAwsCallerIdentity(scope, "Account").accountId, spec.registryCredentials.secretName),
      )
    : undefined;
  if (spec.assetBucket) {
    // Objects of this one bucket by key, and its key to encrypt and decrypt them: no
    // listing, nothing of the bucket's configuration, no other bucket.
    // ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html (SSE-KMS: uploads need
    // kms:GenerateDataKey, downloads and multipart uploads kms:Decrypt)
    const assets = awsAssetBucketOf(scope, "assetBucket", spec.assetBucket);
    new IamRolePolicy(scope, "ReadWriteAssets", {
      role: role.id,
      name: "read-write-assets",
      policy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: `${assets.bucketArn}/*` },
          { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: assets.keyArn },
        ],
      }),
    });
  }
  // An image of the account's ECR registry: the role may pull that repository, and the boot
  // script logs in before the container starts.
  const ecr = ecrImage(spec.image, catalog);
  if (ecr) refuseCredentialsForOwnRegistry(scope, spec.image, spec.registryCredentials, "Amazon ECR");
  const pullPolicy =
    ecr &&
    new IamRolePolicy(scope, "PullImage", {
      role: role.id,
      name: "pull-image",
      policy: Fn.jsonencode({ Version: "2012-10-17", Statement: ecrPullStatements(ecr) }),
    });
  const beforeRun = [
    ...(ecr ? ecrLoginCommands(ecr) : []),
    ...(spec.registryCredentials ? registrySecretPullLines(spec.image, spec.registryCredentials.secretName, region) : []),
  ];
  requireUserDataFits(scope, "environment", spec.image, spec.environment, catalog.limits.userData, spec.container, beforeRun);
  const bootPolicies = [pullPolicy, registrySecret].filter((policy): policy is IamRolePolicy => policy !== undefined);
  const profile = new IamInstanceProfile(scope, "InstanceProfile", { namePrefix: `${spec.name}-`, role: role.name });

  const launchTemplate = new LaunchTemplate(scope, "LaunchTemplate", {
    namePrefix: `${spec.name}-`,
    description: `Bookstore container ${spec.image}`,
    // The launch resolves the parameter, so new instances always get the current image.
    imageId: `resolve:ssm:${catalog.aws.instanceImageParameter}`,
    instanceType: spec.instanceType,
    iamInstanceProfile: { arn: profile.arn },
    networkInterfaces: [{ associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: [group.id] }],
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
    blockDeviceMappings: [
      {
        deviceName: "/dev/xvda",
        ebs: { volumeSize: spec.rootVolumeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
      },
    ],
    monitoring: { enabled: true },
    userData: Fn.base64encode(containerUserData(spec.image, spec.environment, spec.container, beforeRun)),
    updateDefaultVersion: true,
  });

  const bootDependencies = [...bootPolicies, ...internetPathsOf(network, scope)];
  const autoscalingGroup = new TaggedAutoscalingGroup(scope, "Resource", {
    namePrefix: `${spec.name}-`,
    vpcZoneIdentifier: [...network.privateSubnetIds],
    minSize: spec.minInstances,
    maxSize: spec.maxInstances,
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // With a load balancer its health check decides, so a hung container is replaced (CKV2_AWS_15).
    healthCheckType: spec.loadBalancer ? "ELB" : "EC2",
    healthCheckGracePeriod: 300,
    targetGroupArns: spec.loadBalancer?.targetGroupId ? [spec.loadBalancer.targetGroupId] : undefined,
    instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 90 } },
    tag: [{ key: "Name", value: spec.name, propagateAtLaunch: true }],
    // Instances log in to the registry at boot: the role must be able to pull (and read the login)
    // by then, and install Docker through the private subnets' NAT routes.
    dependsOn: bootDependencies.length > 0 ? bootDependencies : undefined,
  });
  new AutoscalingPolicy(scope, "CpuTargetTracking", {
    autoscalingGroupName: autoscalingGroup.name,
    name: "cpu-target-tracking",
    policyType: "TargetTrackingScaling",
    targetTrackingConfiguration: {
      predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
      targetValue: TARGET_CPU_PERCENT,
    },
  });

  return { groupId: autoscalingGroup.name, securityGroupId: group.id };
}

/** An inline policy of the role that allows reading one Secrets Manager secret and nothing else. */
function readSecretPolicy(scope: Construct, id: string, role: IamRole, name: string, secretArn: string): IamRolePolicy {
  return new IamRolePolicy(scope, id, {
    role: role.id,
    name,
    policy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secretArn }],
    }),
  });
}

/** The security group an AWS load balancer sends from; every ALB has one. */
function requireLoadBalancerGroup(scope: Construct, loadBalancer: ILoadBalancer): string {
  if (loadBalancer.securityGroupId === undefined) {
    throw new ValidationError(scope, "loadBalancer", loadBalancer.node.path, "a load balancer with a security group");
  }
  return loadBalancer.securityGroupId;
}

/** An autoscaling group takes tags as `tag` blocks; propagated, they also tag its instances. */
class TaggedAutoscalingGroup extends AutoscalingGroup implements ICustomTaggable {
  public addTagUnlessSet(key: string, value: string): void {
    const current = (this.tagInput ?? []) as { key: string; value: string; propagateAtLaunch: boolean }[];
    if (!Array.isArray(current) || current.some((tag) => tag.key === key)) return;
    this.putTag([...current, { key, value, propagateAtLaunch: true }]);
  }
}
