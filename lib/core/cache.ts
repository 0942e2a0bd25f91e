import { Construct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { ICloud, ICloudScoped, INetworkPeer, requireInsidePeer, requireSameCloud } from "./cloud";
import { MIN_BACKUP_RETENTION_DAYS } from "./database";
import type { ConnectionTls } from "./connection-tls";
import type { INetwork } from "./network";
import { requireValidName } from "./names";
import { CacheSize, enumValues, RedisVersion } from "./sizes";
import { requireBoolean, requireNumberInRange, requireOneOf, ValidationError } from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

/** Props of `Cache`. */
export interface CacheProps {
  /** The cloud to create the cache in. */
  readonly cloud: ICloud;
  /** The network whose private subnets hold the cache. */
  readonly network: INetwork;
  /**
   * Name of the cache: the cloud's name rule (`names` in its catalog) and the cache
   * service's own (`cache.name`) both apply.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /**
   * Memory size.
   * @default CacheSize.SMALL
   */
  readonly size?: CacheSize;
  /**
   * Major version of the Redis protocol and commands.
   * @default RedisVersion.V7
   */
  readonly engineVersion?: RedisVersion;
  /**
   * A replica in a second zone that takes over automatically when the primary fails.
   * Turn off only for non-production stores: the replica then stays in the primary's
   * zone (or is left out where the cloud allows), and a zone failure loses the cache.
   * @default true
   */
  readonly highlyAvailable?: boolean;
  /**
   * Days of automatic backups to keep: at least 7, at most what the cloud offers (its
   * catalog's `cache.backupRetentionDays`; some clouds keep exactly 7).
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * Refuse `terraform destroy` of the cache (and, where the cloud has it, release through
   * the API). Turn off only to remove the cache on purpose.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/** Every prop of `CacheProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const CACHE_PROP_SHAPE: PropShape = {
  what: "the cache",
  keys: propKeys<CacheProps>()(["cloud", "network", "name", "size", "engineVersion", "highlyAvailable", "backupRetentionDays", "deletionProtection"]),
};

/** How the application reaches the cache. Holds no password. */
export interface CacheConnection {
  /** The cache's host name inside the network. */
  readonly host: string;
  /** The cache's port. */
  readonly port: number;
  /** Clients must connect with TLS (`rediss://`). */
  readonly tls: boolean;
  /** How the client verifies that TLS connection. */
  readonly tlsVerification: ConnectionTls;
  /**
   * Where the password (the AUTH token) is kept in the cloud's secret store, as a JSON
   * object `{ "password": ... }` (a Secrets Manager ARN on AWS, a secret name elsewhere).
   */
  readonly credentialsSecretId: string;
  /**
   * The version of that secret to read, where the cloud's read takes one that the reader
   * cannot find itself (Tencent Cloud's SSM: `GetSecretValue` needs a `VersionId`).
   * @default - none: the cloud's read returns the current version
   */
  readonly credentialsSecretVersion?: string;
}

/** A managed Redis-compatible cache in private subnets. */
export interface ICache extends ICloudScoped {
  /** The cache's name. */
  readonly name: string;
  /** How the application reaches the cache. */
  readonly connection: CacheConnection;
  /** Lets `peer` reach the cache port; no other source can. */
  allowConnectionsFrom(peer: INetworkPeer): void;
}

/** What a cloud's cache factory receives: validated, with the catalog's values. */
export interface CacheSpec {
  /** The cache's name, valid on the cloud. */
  readonly name: string;
  /** The network whose private subnets hold the cache. */
  readonly network: INetwork;
  /** The catalog's entry for the size: a node type, an instance class or (Tencent Cloud) the memory in MB. */
  readonly cacheClass: string;
  /** The catalog's entry for the Redis version, as the cloud takes it. */
  readonly engineVersion: string;
  /** A replica in a second zone that takes over when the primary fails. */
  readonly highlyAvailable: boolean;
  /** Days of automatic backups kept. */
  readonly backupRetentionDays: number;
  /** The cache cannot be destroyed while this is on. */
  readonly deletionProtection: boolean;
}

/** What a cloud's cache factory returns. */
export interface CacheAttributes {
  /** How the application reaches the cache. */
  readonly connection: CacheConnection;
  /** Opens the cache port to one peer; called once per peer. */
  allowConnectionsFrom(peer: INetworkPeer): void;
}

/** Zones a highly available cache spreads over: the primary's and its replica's. */
const HIGHLY_AVAILABLE_ZONES = 2;

export class Cache extends CloudResource implements ICache {
  /** How the application reaches the cache. */
  public readonly connection: CacheConnection;
  private readonly created: CacheAttributes;
  private readonly peers = new Set<string>();

  constructor(scope: Construct, id: string, props: CacheProps) {
    super(scope, id, props);
    requireKnownProps(this, "", props, CACHE_PROP_SHAPE);
    const { cloud } = props;
    const cache = cloud.catalog.cache;
    requireValidName(this, "name", this.name, cache.name);

    const engineVersion = props.engineVersion ?? RedisVersion.V7;
    const offered = Object.keys(cache.versions);
    if (!offered.includes(engineVersion)) {
      throw new ValidationError(this, "engineVersion", engineVersion, `a Redis version ${cloud.catalog.cloud} offers: ${offered.join(", ")}`);
    }
    const size = props.size ?? CacheSize.SMALL;
    requireOneOf(this, "size", size, enumValues(CacheSize));
    const backupRetentionDays = props.backupRetentionDays ?? MIN_BACKUP_RETENTION_DAYS;
    requireNumberInRange(this, "backupRetentionDays", backupRetentionDays, {
      min: Math.max(MIN_BACKUP_RETENTION_DAYS, cache.backupRetentionDays.min),
      max: cache.backupRetentionDays.max,
      unit: `days (the cache on ${cloud.catalog.cloud})`,
    });
    const highlyAvailable = requireBoolean(this, "highlyAvailable", props.highlyAvailable ?? true);
    if (highlyAvailable && props.network.zones.length < HIGHLY_AVAILABLE_ZONES) {
      throw new ValidationError(this, "highlyAvailable", true, `false, or a network of at least ${HIGHLY_AVAILABLE_ZONES} zones`);
    }
    const deletionProtection = requireBoolean(this, "deletionProtection", props.deletionProtection ?? true);

    cloud.useProvidersIn(this);
    this.created = cloud.createCache(this, {
      name: this.name,
      network: props.network,
      cacheClass: cache.sizes[size],
      engineVersion: cache.versions[engineVersion]!,
      highlyAvailable,
      backupRetentionDays,
      deletionProtection,
    });
    this.connection = this.created.connection;
  }

  public allowConnectionsFrom(peer: INetworkPeer): void {
    requireSameCloud(this, "peer", this.cloud, peer);
    requireInsidePeer(this, "peer", peer);
    // The same peer wired twice (e.g. by the user and by a composition) gets one rule.
    if (this.peers.has(peer.node.path)) return;
    this.peers.add(peer.node.path);
    this.created.allowConnectionsFrom(peer);
  }
}
