import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Id } from "@cdktf/provider-random/lib/id";
import { allowFromId, INetworkPeer } from "../core/cloud";
import { useRandomProvider } from "../core/generated-password";
import { TlsTrust, TlsVerifyMode } from "../core/connection-tls";
import { DatabaseAttributes, DatabaseAuthentication, DatabaseSpec } from "../core/database";
import { ValidationError } from "../core/validation";
import { AwsCatalog } from "./catalog";
import { AwsLogKey } from "./log-key";
import { serviceRole } from "./iam";
import { securityGroup } from "./security-group";

const MYSQL_PORT = 3306;
/** Seconds between Enhanced Monitoring samples (CKV_AWS_118). */
const MONITORING_INTERVAL_SECONDS = 60;
/** How long the exported MySQL logs are kept. */
const LOG_RETENTION_DAYS = 365;

/**
 * RDS for MySQL in the private subnets: encrypted, TLS required, deletion protected,
 * backed up, master password generated and kept by RDS in Secrets Manager so it never
 * appears in the configuration or the state.
 */
export function createAwsDatabase(scope: Construct, spec: DatabaseSpec, catalog: AwsCatalog, region: string, applicationUser?: string): DatabaseAttributes {
  if (applicationUser !== undefined && applicationUser === spec.username) {
    throw new ValidationError(scope, "cloud.databaseApplicationUser", applicationUser, `a user other than the master user (username "${spec.username}"), created by the bootstrap in docs/aws.md, "The AWS database account"`);
  }
  const subnetGroup = new DbSubnetGroup(scope, "SubnetGroup", {
    name: spec.name,
    description: `Private subnets of ${spec.name}`,
    subnetIds: [...spec.network.privateSubnetIds],
  });
  // No ingress until a peer is allowed, and no egress at all: RDS needs none.
  const group = securityGroup(scope, "SecurityGroup", {
    vpcId: spec.network.networkId,
    namePrefix: spec.name,
    description: `MySQL ${spec.name}: only from the application's security groups`,
  });

  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithParamGroups.html
  // The family is the engine and its major.minor version, e.g. mysql8.0.
  const family = `mysql${spec.engineVersion.split(".").slice(0, 2).join(".")}`;
  const parameters = new DbParameterGroup(scope, "ParameterGroup", {
    namePrefix: `${spec.name}-`,
    family,
    description: `TLS-only MySQL for ${spec.name}`,
    parameter: [
      // Refuse unencrypted client connections (CKV2_AWS_69).
      { name: "require_secure_transport", value: "1" },
      // Feed the slowquery log export, which publishes log files only: log_output FILE, written
      // out rather than left to the family's default, which RDS's guides have given as TABLE
      // (the MariaDB guide still does), though MySQL's own default is FILE.
      // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MariaDB.Generallog.html ("TABLE (default)")
      // ref: https://dev.mysql.com/doc/refman/8.4/en/log-destinations.html
      // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQLDB.PublishtoCloudWatchLogs.html ("Log
      // output: ... log_output = FILE to write logs to the file system and publish them to CloudWatch Logs")
      { name: "slow_query_log", value: "1" },
      { name: "long_query_time", value: "2" },
      { name: "log_output", value: "FILE" },
    ],
    lifecycle: { createBeforeDestroy: true },
  });

  const { role: monitoringRole, attachments } = serviceRole(scope, "MonitoringRole", {
    servicePrincipal: "monitoring.rds.amazonaws.com",
    namePrefix: `${spec.name}-monitoring-`,
    managedPolicies: ["service-role/AmazonRDSEnhancedMonitoringRole"],
  });

  // RDS creates a log group for each exported log without a retention, unless it exists:
  // created here first, with one, and removed with the database.
  // ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
  const logGroups = catalog.aws.rdsCloudwatchLogExports.map(
    (log) =>
      new CloudwatchLogGroup(scope, `LogGroup-${log}`, {
        name: `/aws/rds/instance/${spec.name}/${log}`,
        retentionInDays: LOG_RETENTION_DAYS,
        kmsKeyId: AwsLogKey.of(scope).key.arn,
      }),
  );

  // A final snapshot named only after the instance would collide with the one left by
  // an earlier destroy (DBSnapshotAlreadyExists): a suffix made when the instance is
  // created, and kept while its identifier stays, tells them apart.
  useRandomProvider(scope);
  const snapshotSuffix = new Id(scope, "FinalSnapshotSuffix", { byteLength: 4, keepers: { identifier: spec.name } });

  const instance = new DbInstance(scope, "Resource", {
    identifier: spec.name,
    engine: "mysql",
    engineVersion: spec.engineVersion,
    autoMinorVersionUpgrade: true,
    instanceClass: spec.instanceClass,
    allocatedStorage: spec.storageGiB,
    storageType: "gp3",
    storageEncrypted: true,
    dbName: spec.databaseName,
    username: spec.username,
    manageMasterUserPassword: true,
    port: MYSQL_PORT,
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [group.id],
    publiclyAccessible: false,
    parameterGroupName: parameters.name,
    caCertIdentifier: catalog.aws.rdsCaCertificateIdentifier,
    multiAz: spec.highlyAvailable,
    backupRetentionPeriod: spec.backupRetentionDays,
    backupWindow: "02:00-03:00",
    maintenanceWindow: "sun:03:30-sun:04:30",
    copyTagsToSnapshot: true,
    deleteAutomatedBackups: false,
    deletionProtection: spec.deletionProtection,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: `${spec.name}-final-${snapshotSuffix.hex}`,
    iamDatabaseAuthenticationEnabled: true,
    enabledCloudwatchLogsExports: [...catalog.aws.rdsCloudwatchLogExports],
    monitoringInterval: MONITORING_INTERVAL_SECONDS,
    monitoringRoleArn: monitoringRole.arn,
    performanceInsightsEnabled: true,
    performanceInsightsRetentionPeriod: 7,
    applyImmediately: false,
    dependsOn: [...attachments, ...logGroups],
    // While protected, Terraform itself refuses any plan that would destroy or replace
    // the instance, before AWS is even asked.
    lifecycle: { preventDestroy: spec.deletionProtection },
  });

  return {
    connection: {
      host: instance.address,
      port: MYSQL_PORT,
      databaseName: spec.databaseName,
      username: applicationUser ?? spec.username,
      credentialsSecretId: instance.masterUserSecret.get(0).secretArn,
      ...(applicationUser === undefined
        ? { authentication: DatabaseAuthentication.SECRET }
        : { authentication: DatabaseAuthentication.IAM_TOKEN, connectResource: connectResource(scope, instance, region, applicationUser) }),
      // require_secure_transport above refuses plain text; the endpoint is a name the RDS
      // certificate carries.
      tls: { mode: TlsVerifyMode.VERIFY_IDENTITY, trust: TlsTrust.bundleUrl(catalog.aws.rdsCaBundleUrl) },
    },
    // The master user, until the application's own account is bootstrapped (docs/aws.md, "The AWS
    // database account").
    schemaCredentialsSecretId: instance.masterUserSecret.get(0).secretArn,
    allowConnectionsFrom(peer: INetworkPeer): void {
      new VpcSecurityGroupIngressRule(scope, allowFromId(peer), {
        securityGroupId: group.id,
        description: `MySQL from ${peer.node.path}`,
        ipProtocol: "tcp",
        fromPort: MYSQL_PORT,
        toPort: MYSQL_PORT,
        referencedSecurityGroupId: peer.securityGroupId,
      });
    },
  };
}

/**
 * The resource `rds-db:connect` names to let a role log in as one database user with a token.
 * ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html
 *   (arn:aws:rds-db:region:account-id:dbuser:DbiResourceId/db-user-name)
 */
function connectResource(scope: Construct, instance: DbInstance, region: string, user: string): string {
  const account = new DataAwsCallerIdentity(scope, "Account").accountId;
  const partition = new DataAwsPartition(scope, "Partition").partition;
  return `arn:${partition}:rds-db:${region}:${account}:dbuser:${instance.resourceId}/${user}`;
}
