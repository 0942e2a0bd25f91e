import { Construct, IConstruct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { ICloud, INetworkPeer, requireSameCloud } from "./cloud";
import type { IAssetBucket } from "./asset-bucket";
import { requirePinnedImage } from "./container-image";
import { RegistryCredentials, requireRegistryCredentials } from "./registry-credentials";
import type { ICache } from "./cache";
import type { IDatabase } from "./database";
import type { ILoadBalancer } from "./load-balancer";
import type { INetwork } from "./network";
import { ComputeSize, enumValues } from "./sizes";
import { applicationEnvironment, reservedApplicationVariables } from "./application-environment";
import { ContainerRunSettings, DEFAULT_CONTAINER_USER, isUserDataValue, MIN_CONTAINER_USER, requireUserDataFits } from "./user-data";
import {
  isUnresolved,
  requireEnvironmentVariableName,
  requireNonSecretEnvironmentValue,
  requireNonSecretEnvironmentVariableName,
  requireNumberInRange,
  requireOneOf,
  requireBoolean,
  requireOrderedRange,
  ValidationError,
} from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

/** Most instances one group may hold; a guard against a typo that would cost a fortune. */
export const MAX_INSTANCES = 100;

/** Props of `ComputeGroup`. */
export interface ComputeGroupProps {
  /** The cloud to create the group in. */
  readonly cloud: ICloud;
  /** The network whose private subnets hold the instances. */
  readonly network: INetwork;
  /**
   * Name of the group and prefix of its resources' names.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /** The bookstore's container image, pinned by tag or digest (`latest` is refused). */
  readonly image: string;
  /**
   * Port the container listens on; the load balancer sends traffic there. Not a port the
   * VM's own services hold (22).
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * Size of each instance.
   * @default ComputeSize.SMALL
   */
  readonly size?: ComputeSize;
  /**
   * Fewest instances; also the number started.
   * @default 2
   */
  readonly minInstances?: number;
  /**
   * Most instances.
   * @default 4
   */
  readonly maxInstances?: number;
  /**
   * Size of each instance's (encrypted) system disk.
   * @default 30
   */
  readonly rootVolumeGiB?: number;
  /**
   * Extra environment variables for the container. Never put secrets here: they end up
   * in the instances' user data (names such as `*_PASSWORD`, `*_SECRET` or `*_TOKEN` are
   * refused), which is limited in size by the cloud (AWS: 16 KB).
   * @default none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * A database the container uses: the group may reach its port, may read its
   * credentials from the cloud's secret store, and the container gets the database's part
   * of the application environment (`applicationEnvironment`: `DB_HOST`, ...,
   * `DB_CREDENTIALS_SECRET`, a reference, never the password).
   * @default no database
   */
  readonly database?: IDatabase;
  /**
   * A cache the container uses: the group may reach its port and may read its password
   * from the cloud's secret store (`cache.connection` says where; the application reads
   * it at run time).
   * @default no cache
   */
  readonly cache?: ICache;
  /**
   * A load balancer to register the instances with; its health check then replaces
   * unhealthy instances.
   * @default not behind a load balancer
   */
  readonly loadBalancer?: ILoadBalancer;
  /**
   * An asset bucket the container reads and writes objects in (book covers, uploads): the
   * instances' role may read, write and delete objects in that bucket and in no other.
   * @default no bucket
   */
  readonly assetBucket?: IAssetBucket;
  /**
   * The login to the image's registry, for an image in a private registry other than the
   * cloud's own: the instances' role may read that one secret, and the boot script pulls
   * the image with it, kept in memory only (`/run`) and removed after the pull.
   * @default none: the image is public or in the cloud's own registry
   */
  readonly registryCredentials?: RegistryCredentials;
  /**
   * UID and GID the container runs as (Docker's `--user`), whatever user the image names;
   * at least 10000, clear of the host's users, as on the pods (`kubernetes.workloads.runAsUser`).
   * @default 10001
   */
  readonly runAsUser?: number;
  /**
   * Relaxation: let the container write to its root filesystem (no `--read-only`). Only
   * for images that cannot run otherwise; `/tmp` is always writable (64 MiB in memory).
   * @default false
   */
  readonly writableRootFilesystem?: boolean;
  /**
   * Relaxation: run the container as root, keeping of all capabilities only
   * NET_BIND_SERVICE, so that it can listen on a `containerPort` below 1024 on the host's
   * network; a non-root process cannot (Docker grants it no capability in effect, and
   * the host network's unprivileged-port setting is the whole VM's). Required for such a
   * port, refused for any other. Prefer a port from 1024, e.g. the default 8080: the load
   * balancer and the CDN keep serving 443 to users either way.
   * @default false
   */
  readonly runAsRootForPrivilegedPort?: boolean;
}

/** Every prop of `ComputeGroupProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const COMPUTE_GROUP_PROP_SHAPE: PropShape = {
  what: "the web tier's VMs",
  keys: propKeys<ComputeGroupProps>()(["cloud", "network", "name", "image", "containerPort", "size", "minInstances", "maxInstances", "rootVolumeGiB", "environment", "database", "cache", "loadBalancer", "assetBucket", "registryCredentials", "runAsUser", "writableRootFilesystem", "runAsRootForPrivilegedPort"]),
};

/** An autoscaled group of VMs running the bookstore container in private subnets. */
export interface IComputeGroup extends INetworkPeer {
  /** The group's name. */
  readonly name: string;
  /** The cloud's identifier of the scaling group. */
  readonly groupId: string;
}

/** What a cloud's compute group factory receives: validated, with the catalog's values. */
export interface ComputeGroupSpec {
  /** The group's name, valid on the cloud. */
  readonly name: string;
  /** The network whose private subnets hold the VMs. */
  readonly network: INetwork;
  /** The cloud's instance type. */
  readonly instanceType: string;
  /** The container image the VMs run. */
  readonly image: string;
  /** The port the container listens on. */
  readonly containerPort: number;
  /** Fewest VMs the group keeps. */
  readonly minInstances: number;
  /** Most VMs the group scales to. */
  readonly maxInstances: number;
  /** Size of each VM's root volume, in GiB. */
  readonly rootVolumeGiB: number;
  /** The container's whole environment, database connection included. */
  readonly environment: Readonly<Record<string, string>>;
  /** The database the VMs connect to; its port is opened to them. */
  readonly database?: IDatabase;
  /** The cache the VMs connect to; its port is opened to them. */
  readonly cache?: ICache;
  /** The load balancer the VMs register with. */
  readonly loadBalancer?: ILoadBalancer;
  /** The bucket whose objects the instances may read, write and delete. */
  readonly assetBucket?: IAssetBucket;
  /** The secret holding the Docker config the boot script pulls the image with. */
  readonly registryCredentials?: RegistryCredentials;
  /** How the container runs: user, root filesystem, capabilities (`dockerRunOptions`). */
  readonly container: ContainerRunSettings;
}

/** What a cloud's compute group factory returns. */
export interface ComputeGroupAttributes {
  /** The cloud's identifier of the scaling group. */
  readonly groupId: string;
  /** The VMs' security group. */
  readonly securityGroupId: string;
}

export class ComputeGroup extends CloudResource implements IComputeGroup {
  public readonly groupId: string;
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: ComputeGroupProps) {
    super(scope, id, props);
    requireKnownProps(this, "", props, COMPUTE_GROUP_PROP_SHAPE);
    const { cloud } = props;
    const catalog = cloud.catalog;
    requireSameCloud(this, "database", cloud, props.database);
    requireSameCloud(this, "cache", cloud, props.cache);
    requireSameCloud(this, "loadBalancer", cloud, props.loadBalancer);
    requireSameCloud(this, "assetBucket", cloud, props.assetBucket);

    const image = requirePinnedImage(this, "image", props.image);
    const registryCredentials = requireRegistryCredentials(this, "registryCredentials", props.registryCredentials, cloud);
    const containerPort = props.containerPort ?? 8080;
    requireNumberInRange(this, "containerPort", containerPort, { min: 1, max: 65535 });
    const limits = catalog.limits;
    if (limits.hostReservedPorts.includes(containerPort)) {
      throw new ValidationError(this, "containerPort", containerPort, `a port other than ${limits.hostReservedPorts.join(", ")}, which the VM's own services hold (the container shares the host's network)`);
    }
    const container = resolveVmContainer(this, "", props, containerPort);
    const { size, minInstances, maxInstances } = resolveVmSizing(this, "", props);
    const rootVolumeGiB = props.rootVolumeGiB ?? 30;
    requireNumberInRange(this, "rootVolumeGiB", rootVolumeGiB, { min: 20, max: 1024, unit: "GiB" });
    if (props.loadBalancer && !props.loadBalancer.runtime.usesVms) {
      throw new ValidationError(this, "loadBalancer", props.loadBalancer.node.path, "a load balancer whose runtime sends requests to VMs (WebRuntime.vms() or WebRuntime.weighted(...))");
    }
    if (props.loadBalancer && props.loadBalancer.targetPort !== containerPort) {
      throw new ValidationError(this, "containerPort", containerPort, `the load balancer's target port (${props.loadBalancer.targetPort})`);
    }

    const environment: Record<string, string> = { ...resolveVmEnvironment(this, "environment", props.environment, cloud) };
    Object.assign(environment, applicationEnvironment({ cloud, containerPort, database: props.database, cache: props.cache, assetBucket: props.assetBucket }));

    requireUserDataFits(this, "environment", image, environment, limits.userData, container);

    cloud.useProvidersIn(this);
    const created = cloud.createComputeGroup(this, {
      name: this.name,
      network: props.network,
      instanceType: catalog.computeSizes[size],
      image,
      containerPort,
      minInstances,
      maxInstances,
      rootVolumeGiB,
      environment,
      database: props.database,
      cache: props.cache,
      loadBalancer: props.loadBalancer,
      assetBucket: props.assetBucket,
      registryCredentials,
      container,
    });
    this.groupId = created.groupId;
    this.securityGroupId = created.securityGroupId;
    props.database?.allowConnectionsFrom(this);
    props.cache?.allowConnectionsFrom(this);
  }
}

/** The VMs' size and instance counts, defaults applied. */
export interface VmSizing {
  /** Size of each instance. */
  readonly size: ComputeSize;
  /** Fewest instances; also the number started. */
  readonly minInstances: number;
  /** Most instances. */
  readonly maxInstances: number;
}

/**
 * The VMs' size and instance counts with their defaults, or a `ValidationError` naming
 * `<prefix>size`, `<prefix>minInstances` or `<prefix>maxInstances`. A bookstore whose
 * runtime sends the VMs no requests checks its `web.*` props with it too, so a prop is
 * held to the same rules whichever runtime is chosen.
 */
export function resolveVmSizing(
  scope: IConstruct,
  prefix: string,
  props: Pick<ComputeGroupProps, "size" | "minInstances" | "maxInstances">,
): VmSizing {
  const size = props.size ?? ComputeSize.SMALL;
  requireOneOf(scope, `${prefix}size`, size, enumValues(ComputeSize));
  const minInstances = props.minInstances ?? 2;
  const maxInstances = props.maxInstances ?? Math.max(4, minInstances);
  requireOrderedRange(scope, { lower: `${prefix}minInstances`, upper: `${prefix}maxInstances` }, { lower: minInstances, upper: maxInstances, lowerGiven: props.minInstances !== undefined }, { min: 1, max: MAX_INSTANCES });
  return { size, minInstances, maxInstances };
}

/**
 * The VMs' extra environment, checked: names, no secrets, not the contract's own
 * variables, and values the user data's Terraform string can hold. `field` is the prop's
 * path (`environment`, or `web.environment` from a bookstore).
 */
export function resolveVmEnvironment(scope: IConstruct, field: string, given: Readonly<Record<string, string>> | undefined, cloud: ICloud): Readonly<Record<string, string>> {
  const reserved = reservedApplicationVariables(cloud);
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(given ?? {})) {
    const path = `${field}.${key}`;
    requireEnvironmentVariableName(scope, path, key);
    requireNonSecretEnvironmentVariableName(scope, path, key);
    if (typeof value !== "string") {
      throw new ValidationError(scope, path, value, "a string value");
    }
    requireNonSecretEnvironmentValue(scope, path, key, value);
    if (reserved.includes(key)) {
      throw new ValidationError(scope, path, value, `a name other than ${reserved.join(", ")}, which the application environment sets`);
    }
    if (!isUserDataValue(value)) {
      throw new ValidationError(scope, path, value, "a value on one line (no line breaks) without double quotes, backslashes, ${ or %{, which the user data's Terraform string would read as syntax");
    }
    environment[key] = value;
  }
  return environment;
}

/**
 * The container's user, root filesystem and capabilities, hardened unless a relaxation is
 * named, or a `ValidationError` naming `<prefix>runAsUser`, `<prefix>writableRootFilesystem`,
 * `<prefix>runAsRootForPrivilegedPort` or the port. `containerPort` is left out where no VM
 * runs: only the VMs' host network ties the root relaxation to the port.
 */
export function resolveVmContainer(
  scope: IConstruct,
  prefix: string,
  props: Pick<ComputeGroupProps, "runAsUser" | "writableRootFilesystem" | "runAsRootForPrivilegedPort">,
  containerPort: number | undefined,
  portField = `${prefix}containerPort`,
): ContainerRunSettings {
  const writableRootFilesystem = requireBoolean(scope, `${prefix}writableRootFilesystem`, props.writableRootFilesystem ?? false);
  const asRoot = requireBoolean(scope, `${prefix}runAsRootForPrivilegedPort`, props.runAsRootForPrivilegedPort ?? false);
  // A port known only at apply time is judged by the load balancer's own checks, not here.
  const portKnown = containerPort !== undefined && !isUnresolved(containerPort);
  if (asRoot && portKnown && containerPort >= PRIVILEGED_PORTS_BELOW) {
    throw new ValidationError(scope, `${prefix}runAsRootForPrivilegedPort`, true, `false: the container port ${containerPort} is not below ${PRIVILEGED_PORTS_BELOW}, so the container needs no root`);
  }
  if (!asRoot && portKnown && containerPort < PRIVILEGED_PORTS_BELOW) {
    throw new ValidationError(
      scope,
      portField,
      containerPort,
      `a port from ${PRIVILEGED_PORTS_BELOW} (the container runs as a non-root user on the host's network, which may not listen below ${PRIVILEGED_PORTS_BELOW}), or ${prefix}runAsRootForPrivilegedPort: true`,
    );
  }
  if (asRoot && props.runAsUser !== undefined) {
    throw new ValidationError(scope, `${prefix}runAsUser`, props.runAsUser, `none with ${prefix}runAsRootForPrivilegedPort: the container then runs as root`);
  }
  const user = asRoot ? 0 : (props.runAsUser ?? DEFAULT_CONTAINER_USER);
  if (!asRoot) requireNumberInRange(scope, `${prefix}runAsUser`, user, { min: MIN_CONTAINER_USER, max: 2147483647 });
  return { user, writableRootFilesystem, bindsPortBelow1024: asRoot };
}

/** Ports below this one only a process with NET_BIND_SERVICE may listen on. ref: https://man7.org/linux/man-pages/man7/capabilities.7.html (CAP_NET_BIND_SERVICE) */
const PRIVILEGED_PORTS_BELOW = 1024;
