import type { IAssetBucket } from "./asset-bucket";
import type { ICache } from "./cache";
import type { ICloud } from "./cloud";
import { DatabaseAuthentication, IDatabase } from "./database";

/**
 * The environment the bookstore's container reads, the same on VMs and on pods: the one
 * application contract. It names where things are, never a secret: credentials are read
 * at run time from the cloud's secret store with the runtime's own cloud identity (the
 * VMs' instance role, the pods' workload identity), so a rotated password is followed and
 * no copy of it exists outside the secret store. The user's own variables beside it are held
 * to the same: a value that looks like a credential is refused (lib/core/secret-values.ts).
 */
export interface ApplicationResources {
  /** The cloud the application runs on. */
  readonly cloud: ICloud;
  /** The port the container listens on. */
  readonly containerPort: number;
  /** The database the application connects to, if any. */
  readonly database?: IDatabase;
  /** The cache the application connects to, if any. */
  readonly cache?: ICache;
  /** The bucket the application writes assets to, if any. */
  readonly assetBucket?: IAssetBucket;
}

/** Variables of the contract, in the order docs/application-contract.md documents them. */
export const APPLICATION_VARIABLES = {
  /** The cloud's short name (`aws`, ...): which SDK and secret store to use. */
  cloud: "CLOUD",
  /** The region of the stack; the cloud's SDK variables for it are set too. */
  region: "CLOUD_REGION",
  /** The port the container must listen on. */
  port: "PORT",
  /** The database's host name. */
  databaseHost: "DB_HOST",
  /** The database's port. */
  databasePort: "DB_PORT",
  /** The application's schema. */
  databaseName: "DB_NAME",
  /** The application account's name. */
  databaseUser: "DB_USER",
  /**
   * How to log in as `DB_USER`: `secret` (the password in `DB_CREDENTIALS_SECRET`) or `iam`
   * (a token the application signs with its own identity; no secret is given).
   */
  databaseAuthentication: "DB_AUTH",
  /** The secret holding `{"username": ..., "password": ...}` in the cloud's secret store. */
  databaseCredentialsSecret: "DB_CREDENTIALS_SECRET",
  /**
   * The version of that secret to read, set only where the cloud's read needs one and the
   * runtime's identity may not list versions (Tencent Cloud: SSM's `GetSecretValue` takes
   * `VersionId`).
   */
  databaseCredentialsSecretVersion: "DB_CREDENTIALS_SECRET_VERSION",
  /**
   * How the MySQL client verifies TLS, as its `--ssl-mode`: `VERIFY_IDENTITY` where the
   * server's certificate names `DB_HOST`, `VERIFY_CA` where `DB_HOST` is an address it does not.
   */
  databaseTlsMode: "DB_TLS_MODE",
  /**
   * The CA to verify the database with: `system` (the OS trust store), `console` (downloaded
   * from the cloud's console, carried in the image) or the URL to fetch it from.
   */
  databaseTlsCa: "DB_TLS_CA",
  /** The cache's host name. */
  cacheHost: "CACHE_HOST",
  /** The cache's port. */
  cachePort: "CACHE_PORT",
  /** `true` when clients must connect with TLS (`rediss://`). */
  cacheTls: "CACHE_TLS",
  /** As `DB_TLS_MODE`, for the cache: `VERIFY_CA` turns the client's host-name check off, never the certificate check. */
  cacheTlsMode: "CACHE_TLS_MODE",
  /** As `DB_TLS_CA`, for the cache. */
  cacheTlsCa: "CACHE_TLS_CA",
  /** The secret holding `{"password": ...}` (the AUTH token) in the cloud's secret store. */
  cacheCredentialsSecret: "CACHE_CREDENTIALS_SECRET",
  /** The version of that secret to read, as `DB_CREDENTIALS_SECRET_VERSION`. */
  cacheCredentialsSecretVersion: "CACHE_CREDENTIALS_SECRET_VERSION",
  /** The asset bucket's name: covers and static files are written there and served by the CDN. */
  assetBucket: "ASSET_BUCKET",
  /** The asset bucket's region. */
  assetBucketRegion: "ASSET_BUCKET_REGION",
  /**
   * The host the application must give its object-storage client as the bucket's endpoint
   * (over HTTPS), set by the cloud where the SDK's default endpoint is out of the
   * application's reach: on Alibaba Cloud OSS's internal endpoint, on AWS pods the S3
   * interface endpoint's name for buckets; unset elsewhere.
   */
  assetBucketEndpoint: "ASSET_BUCKET_ENDPOINT",
} as const;

/** The contract's variables for the given resources; the same map reaches VMs and pods. */
export function applicationEnvironment(resources: ApplicationResources): Record<string, string> {
  const { cloud, database, cache, assetBucket } = resources;
  const v = APPLICATION_VARIABLES;
  const environment: Record<string, string> = { [v.cloud]: cloud.name, [v.region]: cloud.region, [v.port]: String(resources.containerPort) };
  for (const sdkVariable of cloud.catalog.runtimeEnvironment.regionVariables) environment[sdkVariable] = cloud.region;
  if (database) {
    const connection = database.connection;
    Object.assign(environment, {
      [v.databaseHost]: connection.host,
      [v.databasePort]: String(connection.port),
      [v.databaseName]: connection.databaseName,
      [v.databaseUser]: connection.username,
      [v.databaseAuthentication]: connection.authentication,
      [v.databaseTlsMode]: connection.tls.mode,
      [v.databaseTlsCa]: connection.tls.trust.environmentValue,
    });
    // A token-authenticated application is given no secret to read.
    if (connection.authentication === DatabaseAuthentication.SECRET) environment[v.databaseCredentialsSecret] = connection.credentialsSecretId;
    if (connection.authentication === DatabaseAuthentication.SECRET && connection.credentialsSecretVersion !== undefined) environment[v.databaseCredentialsSecretVersion] = connection.credentialsSecretVersion;
  }
  if (cache) {
    const connection = cache.connection;
    Object.assign(environment, {
      [v.cacheHost]: connection.host,
      [v.cachePort]: String(connection.port),
      [v.cacheTls]: String(connection.tls),
      [v.cacheTlsMode]: connection.tlsVerification.mode,
      [v.cacheTlsCa]: connection.tlsVerification.trust.environmentValue,
      [v.cacheCredentialsSecret]: connection.credentialsSecretId,
    });
    if (connection.credentialsSecretVersion !== undefined) environment[v.cacheCredentialsSecretVersion] = connection.credentialsSecretVersion;
  }
  if (assetBucket) {
    Object.assign(environment, { [v.assetBucket]: assetBucket.bucketName, [v.assetBucketRegion]: assetBucket.region });
  }
  return environment;
}

/** Every name the contract may set on the cloud: a user's variable of the same name is refused. */
export function reservedApplicationVariables(cloud: ICloud): readonly string[] {
  const names = cloud.catalog.runtimeEnvironment;
  return [...Object.values(APPLICATION_VARIABLES), ...names.regionVariables, ...names.workloadIdentityVariables];
}
