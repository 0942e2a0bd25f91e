import { Construct } from "constructs";
import { AsScalingConfig } from "../generated/tencentcloud/as-scaling-config";
import { AsScalingGroup } from "../generated/tencentcloud/as-scaling-group";
import { DataTencentcloudImages } from "../generated/tencentcloud/data-tencentcloud-images";
import { Annotations, Fn } from "../core/cdktf";
import { ComputeGroupAttributes, ComputeGroupSpec } from "../core/compute-group";
import { ValidationError } from "../core/validation";
import { refuseCredentialsForOwnRegistry } from "../core/registry-credentials";
import { containerUserData, requireUserDataFits } from "../core/user-data";
import { tencentcloudAssetBucketOf } from "./asset-bucket";
import { instanceRole, ReadableSecret } from "./cam";
import { TencentcloudCatalog } from "./catalog";
import { forwardingOf } from "./load-balancer";
import { isTcrPersonalImage, tcrEnterpriseImage, tcrInstanceOf, vmRegistryLines } from "./registry";
import { acceptRule, securityGroup } from "./security-group";
import { ANYWHERE_IPV4 } from "../core/cidr";


/**
 * Launch configuration + scaling group in the private subnets. Instances have no public
 * address and no internet bandwidth (CKV_TC_2), cloud monitoring on (CKV_TC_3), their own
 * security group (CKV_TC_4), no password or key pair: the container is the only service.
 * With a database, a cache, an asset bucket, an image in TCR Enterprise or registry
 * credentials, they assume a CAM role that may read the credentials secrets (the registry
 * login's too) and the bucket's objects and pull that image only; the boot script logs
 * Docker in to TCR, or pulls with the registry login, with that role.
 * Behind a load balancer, instances that fail its health check are replaced.
 */
export function createTencentcloudComputeGroup(scope: Construct, spec: ComputeGroupSpec, catalog: TencentcloudCatalog, region: string): ComputeGroupAttributes {
  const network = spec.network;
  const forwarding = spec.loadBalancer ? forwardingOf(scope, "loadBalancer", spec.loadBalancer) : undefined;

  const group = securityGroup(scope, "SecurityGroup", { name: spec.name, description: `Instances of ${spec.name}` });
  // Out through the NAT gateway: HTTPS to the registry and cloud APIs, HTTP to the
  // (signed) package mirrors, DNS. Nothing else leaves.
  for (const [id, protocol, port, what] of [
    ["EgressHttps", "TCP", "443", "HTTPS to the container registry and cloud APIs"],
    ["EgressHttp", "TCP", "80", "HTTP to the package mirrors (signed packages)"],
    ["EgressDns", "UDP", "53", "DNS"],
  ] as const) {
    acceptRule(scope, id, { securityGroupId: group.id, direction: "egress", protocol, port, cidr: ANYWHERE_IPV4, description: what });
  }
  if (spec.database) {
    acceptRule(scope, "EgressDatabase", {
      securityGroupId: group.id,
      direction: "egress",
      protocol: "TCP",
      port: String(spec.database.connection.port),
      cidr: network.cidr,
      description: "MySQL inside the network",
    });
  }
  if (spec.cache) {
    acceptRule(scope, "EgressCache", {
      securityGroupId: group.id,
      direction: "egress",
      protocol: "TCP",
      port: String(spec.cache.connection.port),
      cidr: network.cidr,
      description: "The cache inside the network",
    });
  }
  if (spec.loadBalancer) {
    if (spec.loadBalancer.securityGroupId === undefined) {
      throw new ValidationError(scope, "loadBalancer", spec.loadBalancer.node.path, "a load balancer with a security group, as every CLB here has");
    }
    acceptRule(scope, "IngressFromLoadBalancer", {
      securityGroupId: group.id,
      direction: "ingress",
      protocol: "TCP",
      port: String(spec.containerPort),
      sourceSecurityGroupId: spec.loadBalancer.securityGroupId,
      description: "Application port from the load balancer only",
    });
  }

  // ref: scripts/provider-schemas/tencentcloud.json, data tencentcloud_images (public images, newest first)
  const image = new DataTencentcloudImages(scope, "Image", {
    imageType: ["PUBLIC_IMAGE"],
    imageNameRegex: catalog.tencentcloud.instanceImageNameRegex,
    instanceType: spec.instanceType,
  });

  // The instances may read the database's and the cache's credentials secrets, the private
  // registry's login when given, and the asset bucket's objects, and nothing else.
  const secrets: ReadableSecret[] = [
    ...(spec.database ? [{ policyId: "ReadDatabaseCredentials", attachmentId: "InstanceRolePolicy", what: "database", short: "db", secretName: spec.database.connection.credentialsSecretId }] : []),
    ...(spec.cache ? [{ policyId: "ReadCacheCredentials", attachmentId: "InstanceRoleCachePolicy", what: "cache", short: "cache", secretName: spec.cache.connection.credentialsSecretId }] : []),
    // A private registry's login, which the boot script pulls the image with.
    ...(spec.registryCredentials
      ? [{ policyId: "ReadRegistryCredentials", attachmentId: "InstanceRoleRegistryCredentialsPolicy", what: "registry", short: "registry", secretName: spec.registryCredentials.secretName, listsVersions: true }]
      : []),
  ];
  // An image in TCR Enterprise is pulled with the role too: the boot script logs Docker in
  // with a one-hour credential of that instance (TCR Personal has no such credential).
  const tcrImage = tcrEnterpriseImage(spec.image);
  if (tcrImage) refuseCredentialsForOwnRegistry(scope, spec.image, spec.registryCredentials, "TCR Enterprise");
  const registry = tcrImage ? tcrInstanceOf(scope, tcrImage) : undefined;
  const role = instanceRole(scope, {
    name: spec.name,
    region,
    secrets,
    assetBucket: spec.assetBucket ? tencentcloudAssetBucketOf(scope, "assetBucket", spec.assetBucket) : undefined,
    registry,
  });
  if (isTcrPersonalImage(spec.image) && spec.registryCredentials === undefined) {
    Annotations.of(scope).addWarning(
      `web.image ${spec.image} is in TCR Personal, whose login is the account's own registry password: the VMs get no login and can pull only a public repository there. Use TCR Enterprise (the VMs log in with their CAM role), web.registryCredentials (that login, kept in SSM) or a public image.`,
    );
  }
  const registryLogin = vmRegistryLines({ image: spec.image, instance: registry, registrySecretName: spec.registryCredentials?.secretName, region, cli: catalog.tencentcloud.tccli });
  const installDocker = catalog.tencentcloud.dockerInstallCommands;
  requireUserDataFits(scope, "environment", spec.image, spec.environment, catalog.limits.userData, spec.container, registryLogin, installDocker);

  const configuration = new AsScalingConfig(scope, "LaunchConfiguration", {
    configurationName: spec.name,
    imageId: image.images.get(0).imageId,
    instanceTypes: [spec.instanceType],
    systemDiskType: catalog.tencentcloud.systemDiskType,
    systemDiskSize: spec.rootVolumeGiB,
    securityGroupIds: [group.id],
    camRoleName: role?.role.name,
    // The boot script reads secrets and logs in to TCR with the role: its grants must be in
    // force before an instance of this configuration starts.
    dependsOn: role && role.granted.length > 0 ? [...role.granted] : undefined,
    publicIpAssigned: false,
    internetMaxBandwidthOut: 0,
    enhancedMonitorService: true,
    enhancedSecurityService: true,
    instanceNameSettings: { instanceName: spec.name },
    userData: Fn.base64encode(containerUserData(spec.image, spec.environment, spec.container, registryLogin, installDocker)),
  });

  const scalingGroup = new AsScalingGroup(scope, "Resource", {
    scalingGroupName: spec.name,
    configurationId: configuration.id,
    vpcId: network.networkId,
    subnetIds: [...network.privateSubnetIds],
    multiZoneSubnetPolicy: "EQUALITY",
    minSize: spec.minInstances,
    maxSize: spec.maxInstances,
    desiredCapacity: spec.minInstances,
    terminationPolicies: ["OLDEST_INSTANCE"],
    retryPolicy: "INCREMENTAL_INTERVALS",
    forwardBalancerIds: forwarding
      ? [
          {
            loadBalancerId: forwarding.loadBalancerId,
            listenerId: forwarding.listenerId,
            ruleId: forwarding.ruleId,
            targetAttribute: [{ port: spec.containerPort, weight: 10 }],
          },
        ]
      : undefined,
    // With a load balancer its health check decides, so a hung container is replaced.
    healthCheckType: forwarding ? "CLB" : "CVM",
    replaceLoadBalancerUnhealthy: forwarding ? true : undefined,
    lbHealthCheckGracePeriod: forwarding ? 300 : undefined,
    replaceMonitorUnhealthy: true,
    // The scaling group owns the number running once started.
    lifecycle: { ignoreChanges: ["desired_capacity"] },
  });

  return { groupId: scalingGroup.id, securityGroupId: group.id };
}
