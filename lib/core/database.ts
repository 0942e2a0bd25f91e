import { Construct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { ICloud, ICloudScoped, INetworkPeer, requireInsidePeer, requireSameCloud } from "./cloud";
import type { INetwork } from "./network";
import type { ConnectionTls } from "./connection-tls";
import { DatabaseSize, enumValues, MysqlVersion } from "./sizes";
import { MYSQL_RESERVED_WORDS, MYSQL_SYSTEM_SCHEMAS } from "./mysql-names";
import { requireValidName } from "./names";
import { judgeSupport } from "./support-window";
import { requireBoolean, requireNumberInRange, requireOneOf, ValidationError } from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

/** The library keeps at least a week of backups, stricter than any scanner's floor. */
export const MIN_BACKUP_RETENTION_DAYS = 7;


/** Props of `Database`. */
export interface DatabaseProps {
  /** The cloud to create the database in. */
  readonly cloud: ICloud;
  /** The network whose private subnets hold the database. */
  readonly network: INetwork;
  /**
   * Name of the database instance.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /**
   * MySQL major version.
   * @default the catalog's default version for the cloud (MysqlVersion.V8_4 where the cloud offers it)
   */
  readonly version?: MysqlVersion;
  /**
   * Instance size.
   * @default DatabaseSize.SMALL
   */
  readonly size?: DatabaseSize;
  /**
   * Allocated storage; the range depends on the cloud and size (see the cloud's catalog).
   * @default the smallest storage the size allows on the cloud, rounded up to 20 GiB
   */
  readonly storageGiB?: number;
  /**
   * A standby in a second zone that takes over on failure. Turn off only for
   * non-production stores: it halves the cost and loses zone-failure protection.
   * @default true
   */
  readonly highlyAvailable?: boolean;
  /**
   * Days of automated backups to keep, at least 7.
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * Refuse `terraform destroy` of the instance. Turning this off lets a plan delete the
   * data; do it only to remove the database on purpose.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * The schema created for the application: lower-case letters, digits and underscores
   * (the cloud's catalog has the exact rule), not a MySQL system schema or reserved word.
   * @default "bookstore"
   */
  readonly databaseName?: string;
  /**
   * The administrator account (1 to 16 lower-case letters and digits; not a MySQL reserved word nor a name the cloud
   * keeps, such as `root` or `rdsadmin`); its password is generated and kept in the cloud's
   * secret store, never in the Terraform configuration.
   * @default "bookstoreadmin"
   */
  readonly username?: string;
}

/** Every prop of `DatabaseProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const DATABASE_PROP_SHAPE: PropShape = {
  what: "the database",
  keys: propKeys<DatabaseProps>()(["cloud", "network", "name", "version", "size", "storageGiB", "highlyAvailable", "backupRetentionDays", "deletionProtection", "databaseName", "username"]),
};

/** How the application proves who it is to the database (the contract's `DB_AUTH`). */
export enum DatabaseAuthentication {
  /** With the password in `credentialsSecretId`, read at run time. */
  SECRET = "secret",
  /**
   * With a short-lived token the application signs with its own cloud identity, reading no
   * secret (AWS IAM database authentication).
   */
  IAM_TOKEN = "iam",
}

/** How the application reaches the database. Holds no password. */
export interface DatabaseConnection {
  /** The database's host name inside the network. */
  readonly host: string;
  /** The database's port. */
  readonly port: number;
  /** The application's schema. */
  readonly databaseName: string;
  /** The administrator account's name. */
  readonly username: string;
  /**
   * Where the credentials are kept in the cloud's secret store (a Secrets Manager ARN on AWS);
   * with `DatabaseAuthentication.IAM_TOKEN` the master user's, which the application is not given.
   */
  readonly credentialsSecretId: string;
  /** How the application logs in: with the secret's password, or with a token of its own identity (`DB_AUTH`). */
  readonly authentication: DatabaseAuthentication;
  /**
   * With `DatabaseAuthentication.IAM_TOKEN`, what the runtimes' identities may connect as
   * (AWS: the `rds-db:connect` resource of `username`).
   * @default - none: the runtimes read `credentialsSecretId`
   */
  readonly connectResource?: string;
  /**
   * The version of that secret to read, where the cloud's read takes one that the reader
   * cannot find itself (Tencent Cloud's SSM: `GetSecretValue` needs a `VersionId`).
   * @default - none: the cloud's read returns the current version
   */
  readonly credentialsSecretVersion?: string;
  /** How the client verifies TLS: every cloud's MySQL here refuses or is set to refuse plain text. */
  readonly tls: ConnectionTls;
}

/** A managed MySQL database in private subnets. */
export interface IDatabase extends ICloudScoped {
  /** The database instance's name. */
  readonly name: string;
  /** How the application reaches the database. */
  readonly connection: DatabaseConnection;
  /**
   * The secret of the account that may change the schema (DDL on the application's database
   * only), for migrations run by the deployer; never in the application's environment, and
   * not readable by the VMs' or pods' identities. On AWS, the RDS master user's secret.
   */
  readonly schemaCredentialsSecretId: string;
  /** Lets `peer` reach the database port; no other source can. */
  allowConnectionsFrom(peer: INetworkPeer): void;
}

/** What a cloud's database factory receives: validated, with the catalog's values. */
export interface DatabaseSpec {
  /** The instance's name, valid on the cloud. */
  readonly name: string;
  /** The network whose private subnets hold the database. */
  readonly network: INetwork;
  /** The MySQL engine version, as the cloud takes it. */
  readonly engineVersion: string;
  /** The cloud's instance class. */
  readonly instanceClass: string;
  /** Allocated storage, in GiB. */
  readonly storageGiB: number;
  /** A standby in a second zone that takes over when the primary fails. */
  readonly highlyAvailable: boolean;
  /** Days of automatic backups kept. */
  readonly backupRetentionDays: number;
  /** The database cannot be destroyed while this is on. */
  readonly deletionProtection: boolean;
  /** The application's schema. */
  readonly databaseName: string;
  /** The administrator account's name. */
  readonly username: string;
}

/** What a cloud's database factory returns. */
export interface DatabaseAttributes {
  /** How the application reaches the database. */
  readonly connection: DatabaseConnection;
  /** See `IDatabase.schemaCredentialsSecretId`. */
  readonly schemaCredentialsSecretId: string;
  /** Opens the database port to one peer; called once per peer. */
  allowConnectionsFrom(peer: INetworkPeer): void;
}

export class Database extends CloudResource implements IDatabase {
  /** How the application reaches the database. */
  public readonly connection: DatabaseConnection;
  public readonly schemaCredentialsSecretId: string;
  private readonly created: DatabaseAttributes;
  private readonly peers = new Set<string>();

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id, props);
    requireKnownProps(this, "", props, DATABASE_PROP_SHAPE);
    const { cloud } = props;
    const catalog = cloud.catalog;

    const version = props.version ?? catalog.defaultMysqlVersion;
    const offered = Object.keys(catalog.mysqlVersions);
    if (!offered.includes(version)) {
      throw new ValidationError(this, "version", version, `a MySQL version ${catalog.cloud} offers: ${offered.join(", ")}`);
    }
    const window = catalog.mysqlSupport[version];
    if (window !== undefined) {
      judgeSupport(this, {
        field: "version",
        product: catalog.serviceNames.mysql,
        version,
        window,
        windows: catalog.mysqlSupport as Readonly<Record<string, typeof window>>,
        pastStandardAdvice: catalog.pastStandardSupport.mysql,
      });
    }
    const size = props.size ?? DatabaseSize.SMALL;
    requireOneOf(this, "size", size, enumValues(DatabaseSize));
    const databaseClass = catalog.databaseSizes[size];
    const storage = databaseClass.storageGiB;
    const storageGiB = props.storageGiB ?? Math.max(storage.min, Math.ceil(20 / storage.stepGiB) * storage.stepGiB);
    requireNumberInRange(this, "storageGiB", storageGiB, { ...storage, unit: `GiB for ${size} (${databaseClass.instanceClass}) on ${catalog.cloud}` });
    if (storageGiB % storage.stepGiB !== 0) {
      throw new ValidationError(this, "storageGiB", storageGiB, `a multiple of ${storage.stepGiB} GiB on ${catalog.cloud}`);
    }
    const backupRetentionDays = props.backupRetentionDays ?? MIN_BACKUP_RETENTION_DAYS;
    requireNumberInRange(this, "backupRetentionDays", backupRetentionDays, {
      min: Math.max(MIN_BACKUP_RETENTION_DAYS, catalog.backupRetentionDays.min),
      max: catalog.backupRetentionDays.max,
      unit: "days",
    });
    const mysql = catalog.limits.mysql;
    const databaseName = props.databaseName ?? "bookstore";
    requireValidName(this, "databaseName", databaseName, mysql.databaseName);
    if (MYSQL_SYSTEM_SCHEMAS.includes(databaseName) || MYSQL_RESERVED_WORDS.has(databaseName)) {
      throw new ValidationError(this, "databaseName", databaseName, `a name that is neither a MySQL system schema (${MYSQL_SYSTEM_SCHEMAS.join(", ")}) nor a MySQL reserved word`);
    }
    const username = props.username ?? "bookstoreadmin";
    requireValidName(this, "username", username, mysql.username);
    if (mysql.reservedUsernames.includes(username) || MYSQL_RESERVED_WORDS.has(username)) {
      throw new ValidationError(this, "username", username, `a name that is neither a MySQL reserved word nor one ${catalog.cloud} keeps (${mysql.reservedUsernames.join(", ")})`);
    }
    const highlyAvailable = requireBoolean(this, "highlyAvailable", props.highlyAvailable ?? true);
    const deletionProtection = requireBoolean(this, "deletionProtection", props.deletionProtection ?? true);

    cloud.useProvidersIn(this);
    this.created = cloud.createDatabase(this, {
      name: this.name,
      network: props.network,
      engineVersion: catalog.mysqlVersions[version]!,
      instanceClass: databaseClass.instanceClass,
      storageGiB,
      highlyAvailable,
      backupRetentionDays,
      deletionProtection,
      databaseName,
      username,
    });
    this.connection = this.created.connection;
    this.schemaCredentialsSecretId = this.created.schemaCredentialsSecretId;
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
