import { Construct } from "constructs";
import { DataAlicloudImages } from "../generated/alicloud/data-alicloud-images";
import { EssScalingConfiguration } from "../generated/alicloud/ess-scaling-configuration";
import { EssScalingGroup } from "../generated/alicloud/ess-scaling-group";
import { EssScalingRule } from "../generated/alicloud/ess-scaling-rule";
import { EssScalinggroupVserverGroups } from "../generated/alicloud/ess-scalinggroup-vserver-groups";
import { Fn } from "../core/cdktf";
import { ComputeGroupAttributes, ComputeGroupSpec } from "../core/compute-group";
import { containerUserData, requireUserDataFits } from "../core/user-data";
import { assetBucketEndpointEnvironment, objectsStatements } from "./asset-bucket";
import { AlicloudCatalog } from "./catalog";
import { serverGroupTargetOf, vmBackendWeight } from "./load-balancer";
import { outboundAccessOf } from "./network";
import { instanceRole, ramName, readSecretsStatements, deployingAccountId } from "./ram";
import { acrEnterpriseImage, acrPullStatements, vmRegistryLines } from "./registry";
import { refuseCredentialsForOwnRegistry } from "../core/registry-credentials";
import { rule, securityGroup } from "./security-group";
import { ANYWHERE_IPV4 } from "../core/cidr";
import { ValidationError } from "../core/validation";

/** Average CPU the group scales around. */
const TARGET_CPU_PERCENT = 60;

/**
 * An Auto Scaling (ESS) group in the private vSwitches with one active scaling
 * configuration: no public address, no key pair or password, an encrypted ESSD system
 * disk, the container started from user data, a RAM role that may read only the
 * database's and the cache's credentials secrets, read and write the asset bucket's
 * objects (and pull the image, when it is held by an ACR Enterprise Edition instance: the
 * boot script then logs Docker in with that role; and read the private registry's login
 * given as `registryCredentials`, which the boot script pulls the image with). Egress is
 * limited to HTTPS, Alibaba Cloud's internal services (DNS, NTP, package mirrors), the
 * database and the cache; ingress to the container port from the load balancer only.
 */
export function createAlicloudComputeGroup(scope: Construct, spec: ComputeGroupSpec, catalog: AlicloudCatalog, region: string): ComputeGroupAttributes {
  const network = spec.network;
  const specifics = catalog.alicloud;
  const group = securityGroup(scope, "SecurityGroup", { vpcId: network.networkId, name: `${spec.name}-instances`, description: `Instances of ${spec.name}` });

  // Alibaba Cloud security groups accept all egress by default; these rules accept the
  // needed traffic at priority 1 and drop the rest at the lowest priority (100).
  rule(scope, "EgressHttps", group.id, "egress", { description: "HTTPS to the container registry and cloud APIs", protocol: "tcp", port: 443, cidr: ANYWHERE_IPV4 });
  rule(scope, "EgressInternalServices", group.id, "egress", {
    description: "Alibaba Cloud DNS, NTP, metadata and package mirrors",
    protocol: "all",
    cidr: specifics.internalServicesCidr,
  });
  if (spec.database) {
    rule(scope, "EgressDatabase", group.id, "egress", {
      description: "MySQL inside the network",
      protocol: "tcp",
      port: spec.database.connection.port,
      cidr: network.cidr,
    });
  }
  if (spec.cache) {
    rule(scope, "EgressCache", group.id, "egress", {
      description: "The cache inside the network",
      protocol: "tcp",
      port: spec.cache.connection.port,
      cidr: network.cidr,
    });
  }
  rule(scope, "EgressDenyOther", group.id, "egress", { description: "Nothing else leaves the instances", protocol: "all", cidr: ANYWHERE_IPV4, policy: "drop", priority: 100 });

  if (spec.loadBalancer) {
    // A CLB has no security group: its layer-7 listeners and health checks reach the
    // backends from Alibaba Cloud's reserved 100.64.0.0/10 range, inside the VPC only.
    rule(scope, "IngressFromLoadBalancer", group.id, "ingress", {
      description: "Application port from the load balancer only",
      protocol: "tcp",
      port: spec.containerPort,
      cidr: specifics.slbBackendSourceCidr,
    });
  }

  // The instances may read the database's and the cache's credentials secrets (and the
  // private registry's login, when given), read, write and delete the asset bucket's objects
  // by key (no listing), pull their image from ACR Enterprise Edition when it is there, and
  // nothing else.
  // ref: https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements (OSS actions and resources)
  const acrImage = acrEnterpriseImage(spec.image);
  if (acrImage) refuseCredentialsForOwnRegistry(scope, spec.image, spec.registryCredentials, "ACR Enterprise Edition");
  const { role, granted } = instanceRole(scope, "InstanceRole", {
    name: ramName(spec.name, region),
    description: `Instances of ${spec.name} in ${region}`,
    statements: [
      ...readSecretsStatements(region, deployingAccountId(scope), [spec.database, spec.cache, spec.registryCredentials?.secretName]),
      ...(acrImage ? acrPullStatements(acrImage) : []),
      ...objectsStatements(spec.assetBucket),
    ],
  });
  const registryLogin = vmRegistryLines({
    image: spec.image,
    acrImage,
    registrySecretName: spec.registryCredentials?.secretName,
    region,
    roleName: role.roleName,
    cli: specifics.aliyunCli,
  });
  // The asset bucket's internal OSS endpoint, as the pods get it: the VMs reach it inside Alibaba Cloud
  // (no NAT traffic), where new accounts may not use the public endpoint of a mainland bucket at all.
  const bucketEndpoint = assetBucketEndpointEnvironment(catalog, region, spec.assetBucket);
  for (const name of Object.keys(bucketEndpoint)) {
    if (name in spec.environment) {
      throw new ValidationError(scope, `environment.${name}`, spec.environment[name], `no variable of this name with an asset bucket on alicloud: the adapter sets it to the bucket's internal OSS endpoint, ${bucketEndpoint[name]}`);
    }
  }
  const environment = { ...spec.environment, ...bucketEndpoint };
  requireUserDataFits(scope, "environment", spec.image, environment, catalog.limits.userData, spec.container, registryLogin, specifics.dockerInstallCommands);

  const image = new DataAlicloudImages(scope, "Image", {
    nameRegex: specifics.instanceImageNameRegex,
    owners: "system",
    architecture: "x86_64",
    mostRecent: true,
  });

  const scalingGroup = new EssScalingGroup(scope, "Resource", {
    scalingGroupName: spec.name,
    minSize: spec.minInstances,
    maxSize: spec.maxInstances,
    vswitchIds: [...network.privateSubnetIds],
    multiAzPolicy: "BALANCE",
    // With a load balancer its health check also decides, so a hung container is replaced.
    // ref: https://www.alibabacloud.com/help/en/auto-scaling/developer-reference/api-ess-2014-08-28-createscalinggroup (HealthCheckTypes)
    healthCheckTypes: spec.loadBalancer ? ["ECS", "LOAD_BALANCER"] : ["ECS"],
    removalPolicies: ["OldestScalingConfiguration", "OldestInstance"],
    defaultCooldown: 300,
    // Its instances pull the container image as they start.
    dependsOn: outboundAccessOf(network),
  });

  new EssScalingConfiguration(scope, "ScalingConfiguration", {
    scalingGroupId: scalingGroup.id,
    scalingConfigurationName: `${spec.name}-config`,
    instanceName: spec.name,
    instanceDescription: `Bookstore container ${spec.image}`,
    imageId: Fn.element(image.ids, 0),
    instanceType: spec.instanceType,
    securityGroupIds: [group.id],
    roleName: role.roleName,
    // The boot script reads secrets and logs in to registries with the role: its grants
    // must be in force before an instance of this configuration starts.
    dependsOn: granted.length > 0 ? [...granted] : undefined,
    // No internet_max_bandwidth_out: instances get no public address; they go out through the NAT gateway.
    systemDiskCategory: "cloud_essd",
    systemDiskSize: spec.rootVolumeGiB,
    systemDiskEncrypted: true,
    // Security Center agent on every instance.
    securityEnhancementStrategy: "Active",
    // Docker CE from the catalog's lines: the image's own repositories hold no Docker.
    userData: Fn.base64encode(containerUserData(spec.image, environment, spec.container, registryLogin, specifics.dockerInstallCommands)),
    active: true,
    enable: true,
    forceDelete: true,
  });

  if (spec.loadBalancer) {
    // A CLB's vServer group attaches through alicloud_ess_scalinggroup_vserver_groups:
    // alicloud_ess_server_group_attachment takes only ALB, NLB and GWLB server groups.
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_ess_server_group_attachment.go (type: StringInSlice ALB, NLB, GWLB)
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_ess_scalinggroup_vserver_groups.go
    const target = serverGroupTargetOf(scope, "loadBalancer", spec.loadBalancer);
    new EssScalinggroupVserverGroups(scope, "LoadBalancerAttachment", {
      scalingGroupId: scalingGroup.id,
      vserverGroups: [
        {
          loadbalancerId: target.loadBalancerId,
          // The VMs' share of the group, which the cluster's pods may join (see vmBackendWeight).
          vserverAttributes: [{ vserverGroupId: target.serverGroupId, port: spec.containerPort, weight: vmBackendWeight(spec.loadBalancer.runtime, spec.minInstances) }],
        },
      ],
      // Instances already in the group join (and leave) the vServer group with it.
      force: true,
    });
  }

  new EssScalingRule(scope, "CpuTargetTracking", {
    scalingGroupId: scalingGroup.id,
    scalingRuleName: `${spec.name}-cpu`,
    scalingRuleType: "TargetTrackingScalingRule",
    metricName: "CpuUtilization",
    targetValue: TARGET_CPU_PERCENT,
  });

  return { groupId: scalingGroup.id, securityGroupId: group.id };
}
