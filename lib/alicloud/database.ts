import { Construct } from "constructs";
import { DbAccountPrivilege } from "../generated/alicloud/db-account-privilege";
import { DbBackupPolicy } from "../generated/alicloud/db-backup-policy";
import { DbDatabase } from "../generated/alicloud/db-database";
import { DbInstance } from "../generated/alicloud/db-instance";
import { RdsAccount } from "../generated/alicloud/rds-account";
import { Fn, Lazy } from "../core/cdktf";
import { INetworkPeer } from "../core/cloud";
import { TlsTrust, TlsVerifyMode } from "../core/connection-tls";
import { DatabaseAttributes, DatabaseAuthentication, DatabaseSpec } from "../core/database";
import { generatedPassword } from "../core/generated-password";
import { isUnresolved, ValidationError } from "../core/validation";
import { AlicloudCatalog } from "./catalog";
import { AlicloudSecretStore, credentialsSecret } from "./secrets";

const MYSQL_PORT = 3306;
// RDS passwords: 8 to 32 characters from three of upper, lower, digits and these specials.
// ref: https://www.alibabacloud.com/help/en/rds/developer-reference/api-rds-2014-08-15-createaccount
const PASSWORD_SPECIALS = "!@#$%^&*()_+-=";
/**
 * Appended to the application's account name for the schema account: RDS account names take
 * lower-case letters, digits and underscores (2 to 32 characters), the app's at most 16.
 * ref: https://www.alibabacloud.com/help/en/rds/developer-reference/api-rds-2014-08-15-createaccount
 */
export const SCHEMA_ACCOUNT_SUFFIX = "_ddl";

/**
 * RDS for MySQL in the private vSwitches (primary and standby in two zones when highly
 * available): ESSD storage, TLS on, TDE on, SQL audit kept 180 days, minor versions
 * upgraded automatically, deletion protected, backed up for `backupRetentionDays`.
 * Plain-text connections are refused (`force_encryption`). The application's account may
 * read and write rows of its own database (DML only); schema changes go through a second
 * account with its own secret, which the runtimes cannot read.
 * Only the private vSwitches are in the IP whitelist; peers are added by their security
 * group. The account's password is generated and kept in a KMS secret of the cloud's KMS
 * instance (see `credentialsSecret`).
 */
export function createAlicloudDatabase(scope: Construct, spec: DatabaseSpec, catalog: AlicloudCatalog, secrets: AlicloudSecretStore): DatabaseAttributes {
  const specifics = catalog.alicloud;
  if (!isUnresolved(spec.engineVersion) && !specifics.rdsMysqlEngineVersions.includes(spec.engineVersion)) {
    throw new ValidationError(
      scope,
      "version",
      spec.engineVersion,
      `a MySQL version RDS offers on alicloud (engine versions ${specifics.rdsMysqlEngineVersions.join(", ")}): use MysqlVersion.V8_0`,
    );
  }
  const network = spec.network;
  if (spec.highlyAvailable && network.zones.length < 2) {
    throw new ValidationError(scope, "highlyAvailable", true, "false, or a network of at least two zones");
  }
  const instanceType = spec.highlyAvailable ? spec.instanceClass : (specifics.rdsBasicEditionClasses[spec.instanceClass] ?? spec.instanceClass);
  const peerSecurityGroups: string[] = [];
  const peerCidrs: string[] = [];

  const instance = new DbInstance(scope, "Resource", {
    instanceName: spec.name,
    engine: "MySQL",
    engineVersion: spec.engineVersion,
    instanceType,
    instanceStorage: spec.storageGiB,
    dbInstanceStorageType: "cloud_essd",
    category: spec.highlyAvailable ? "HighAvailability" : "Basic",
    instanceChargeType: "Postpaid",
    // RDS takes the vSwitch of each zone, comma-separated, primary first.
    vswitchId: spec.highlyAvailable ? `${network.privateSubnetIds[0]},${network.privateSubnetIds[1]}` : network.privateSubnetIds[0],
    zoneId: network.zones[0],
    zoneIdSlaveA: spec.highlyAvailable ? network.zones[1] : undefined,
    // Never 0.0.0.0/0 (CKV_ALI_9): the private vSwitches, and the private ranges peers
    // connect from besides their security groups (a cluster's pods).
    securityIps: Lazy.listValue({ produce: () => [...network.privateSubnetCidrs, ...peerCidrs] }),
    securityGroupIds: Lazy.listValue({ produce: () => (peerSecurityGroups.length > 0 ? [...peerSecurityGroups] : undefined) }),
    // TLS with a cloud certificate for the internal endpoint (the provider passes the instance's
    // connection string), and force_encryption refuses plain text (ModifyDBInstanceSSL
    // ForceEncryption). RDS offers forced TLS on MySQL 5.7 and 8.0 (the catalog's versions) on
    // Basic, High-availability and Cluster Edition, from minor engine version 20241130: a new
    // instance starts on a current minor version and autoUpgradeMinorVersion keeps it there
    // (checked 2026-12-08).
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_db_instance.go (force_encryption: MySQL and SQLServer; sent with ModifyDBInstanceSSL)
    // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-a-cloud-certificate-to-enable-ssl-encryption
    sslAction: "Open",
    forceEncryption: 1,
    tdeStatus: "Enabled",
    sqlCollectorStatus: "Enabled",
    sqlCollectorConfigValue: specifics.rdsSqlCollectorRetentionDays,
    autoUpgradeMinorVersion: "Auto",
    deletionProtection: spec.deletionProtection,
    maintainTime: "18:00Z-19:00Z",
    // While protected, Terraform itself refuses any plan that would destroy or replace
    // the instance, before Alibaba Cloud is even asked.
    lifecycle: { preventDestroy: spec.deletionProtection },
  });

  new DbBackupPolicy(scope, "BackupPolicy", {
    instanceId: instance.id,
    backupRetentionPeriod: spec.backupRetentionDays,
    preferredBackupPeriod: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    preferredBackupTime: "17:00Z-18:00Z",
    enableBackupLog: true,
    logBackupRetentionPeriod: spec.backupRetentionDays,
  });

  const database = new DbDatabase(scope, "Database", {
    instanceId: instance.id,
    dataBaseName: spec.databaseName,
    characterSet: "utf8mb4",
    description: `Schema of ${spec.name}`,
  });

  // DMLOnly: SELECT, INSERT, UPDATE, DELETE, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE,
  // SHOW VIEW, EVENT, TRIGGER on the one database, plus the PROCESS and REPLICATION
  // privileges RDS adds to every mode; no CREATE, ALTER, DROP or INDEX.
  // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/account-permissions
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/db_account_privilege.html.markdown (privilege)
  const credentialsSecretId = accountWithSecret(scope, {
    instanceId: instance.id,
    databaseName: database.dataBaseName,
    username: spec.username,
    privilege: "DMLOnly",
    accountDescription: `Application account of ${spec.name}`,
    secretName: `${spec.name}-credentials`,
    secretDescription: `MySQL credentials of ${spec.name}`,
    owner: "the database",
  }, secrets);

  // The schema account: read/write with DDL on the same database only, for migrations run
  // by whoever deploys (its secret is not granted to the VMs or pods).
  const schemaCredentialsSecretId = accountWithSecret(new Construct(scope, "SchemaAccess"), {
    instanceId: instance.id,
    databaseName: database.dataBaseName,
    username: `${spec.username}${SCHEMA_ACCOUNT_SUFFIX}`,
    privilege: "ReadWrite",
    accountDescription: `Schema changes of ${spec.name}`,
    secretName: `${spec.name}-schema-credentials`,
    secretDescription: `MySQL schema-change credentials of ${spec.name}`,
    owner: "the database's schema account",
  }, secrets);

  return {
    connection: {
      host: instance.connectionString,
      port: MYSQL_PORT,
      databaseName: spec.databaseName,
      username: spec.username,
      credentialsSecretId,
      authentication: DatabaseAuthentication.SECRET,
      // The cloud certificate names the internal endpoint, DB_HOST; its CA (ApsaraDB-CA-Chain)
      // is downloaded from the instance's SSL page: the provider reads no CA (ca_type,
      // server_cert only) and RDS publishes no address for it.
      tls: { mode: TlsVerifyMode.VERIFY_IDENTITY, trust: TlsTrust.cloudConsole() },
    },
    schemaCredentialsSecretId,
    allowConnectionsFrom(peer: INetworkPeer): void {
      // RDS admits the members of each security group associated with it.
      // ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-a-security-group-for-an-apsaradb-rds-for-mysql-instance
      peerSecurityGroups.push(peer.securityGroupId);
      peerCidrs.push(...(peer.sourceCidrs ?? []));
    },
  };
}

/**
 * A MySQL account of the instance with a generated password (`Password`, `Account`), its
 * privilege on the one database (`AccountPrivilege`), and its credentials in a KMS secret
 * (`credentialsSecret`), the only place the password is kept besides, unavoidably, the
 * Terraform state; returns the secret's name.
 */
function accountWithSecret(
  scope: Construct,
  props: {
    readonly instanceId: string;
    readonly databaseName: string;
    readonly username: string;
    readonly privilege: string;
    readonly accountDescription: string;
    readonly secretName: string;
    readonly secretDescription: string;
    readonly owner: string;
  },
  secrets: AlicloudSecretStore,
): string {
  const password = generatedPassword(scope, "Password", PASSWORD_SPECIALS);
  const account = new RdsAccount(scope, "Account", {
    dbInstanceId: props.instanceId,
    accountName: props.username,
    accountPassword: password.result,
    accountType: "Normal",
    accountDescription: props.accountDescription,
  });
  new DbAccountPrivilege(scope, "AccountPrivilege", {
    instanceId: props.instanceId,
    accountName: account.accountName,
    dbNames: [props.databaseName],
    privilege: props.privilege,
  });
  return credentialsSecret(
    scope,
    {
      secretName: props.secretName,
      description: props.secretDescription,
      secretData: Fn.jsonencode({ username: props.username, password: password.result }),
      owner: props.owner,
    },
    secrets,
  );
}
