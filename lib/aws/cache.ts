import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Id } from "@cdktf/provider-random/lib/id";
import { Fn } from "../core/cdktf";
import { CacheAttributes, CacheSpec } from "../core/cache";
import { allowFromId, INetworkPeer } from "../core/cloud";
import { generatedPassword, useRandomProvider } from "../core/generated-password";
import { ValidationError } from "../core/validation";
import { TlsTrust, TlsVerifyMode } from "../core/connection-tls";
import { AwsCatalog } from "./catalog";
import { AwsLogKey } from "./log-key";
import { securityGroup } from "./security-group";

const CACHE_PORT = 6379;
/** How long the cache's slow log and engine log are kept. */
const LOG_RETENTION_DAYS = 365;
// AUTH tokens: 16 to 128 printable characters; of the specials only ! & # $ ^ < > - are allowed.
// ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
const AUTH_TOKEN_SPECIALS = "!&#$^<>-";

/**
 * ElastiCache (Valkey, or the engine the catalog names) as a replication group in the
 * private subnets: TLS required, encrypted at rest with its own rotating KMS key, an AUTH
 * token, a replica in a second zone with automatic failover when highly available, daily
 * snapshots kept `backupRetentionDays`, minor versions upgraded automatically, slow and
 * engine logs in CloudWatch Logs, and only the peers' security groups admitted.
 *
 * ElastiCache cannot generate the AUTH token itself (RDS can for its password), so it is a
 * `random_password`: never in the configuration, but in the (encrypted, remote) Terraform
 * state, as on the other clouds. Applications read it from Secrets Manager.
 * ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/elasticache_replication_group
 */
export function createAwsCache(scope: Construct, spec: CacheSpec, catalog: AwsCatalog): CacheAttributes {
  const specifics = catalog.aws;
  const family = specifics.cacheParameterGroupFamilies[spec.engineVersion];
  if (family === undefined) {
    const known = Object.keys(specifics.cacheParameterGroupFamilies).join(", ");
    throw new ValidationError(scope, "engineVersion", spec.engineVersion, `an ElastiCache ${specifics.cacheEngine} version with a parameter group family in the catalog (${known})`);
  }
  const network = spec.network;

  const account = new DataAwsCallerIdentity(scope, "Account").accountId;
  const partition = new DataAwsPartition(scope, "Partition");
  const region = new DataAwsRegion(scope, "Region").region;
  const secretNamePrefix = `${spec.name}-credentials-`;

  // One key for the cache's data, its snapshots and its AUTH token secret. The account
  // administers it through IAM (as the default key policy does); Secrets Manager may
  // decrypt this one secret for any principal of the account that IAM lets read the
  // secret, which is how AWS's own aws/secretsmanager key works, narrowed to one secret.
  // ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
  const key = new KmsKey(scope, "Key", {
    description: `Encrypts the cache ${spec.name}, its snapshots and its AUTH token`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AccountAdministersThroughIam",
          Effect: "Allow",
          Principal: { AWS: `arn:${partition.partition}:iam::${account}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "ReadersOfTheAuthTokenSecret",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: {
            StringEquals: { "kms:CallerAccount": account, "kms:ViaService": `secretsmanager.${region}.${partition.dnsSuffix}` },
            StringLike: { "kms:EncryptionContext:SecretARN": `arn:${partition.partition}:secretsmanager:${region}:${account}:secret:${secretNamePrefix}*` },
          },
        },
      ],
    }),
  });

  const authToken = generatedPassword(scope, "AuthToken", AUTH_TOKEN_SPECIALS);
  const secret = new SecretsmanagerSecret(scope, "CredentialsSecret", {
    namePrefix: secretNamePrefix,
    description: `AUTH token of the cache ${spec.name}`,
    kmsKeyId: key.arn,
    recoveryWindowInDays: 30,
  });
  new SecretsmanagerSecretVersion(scope, "CredentialsSecretVersion", {
    secretId: secret.id,
    secretString: Fn.jsonencode({ password: authToken.result }),
  });

  const subnetGroup = new ElasticacheSubnetGroup(scope, "SubnetGroup", {
    name: spec.name,
    description: `Private subnets of ${spec.name}`,
    subnetIds: [...network.privateSubnetIds],
  });
  // No ingress until a peer is allowed, and no egress: the cache opens no connection.
  const group = securityGroup(scope, "SecurityGroup", {
    vpcId: network.networkId,
    namePrefix: spec.name,
    description: `Cache ${spec.name}: only from the application's security groups`,
  });
  // The cache's own group, so a parameter can change later without a replacement (the
  // default groups cannot be changed); named after the family, so an engine upgrade
  // creates the next one before the old one goes.
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.html
  const parameters = new ElasticacheParameterGroup(scope, "ParameterGroup", {
    name: `${spec.name}-${family}`,
    family,
    description: `Parameters of the cache ${spec.name}`,
    lifecycle: { createBeforeDestroy: true },
  });

  // ElastiCache delivers its logs to log groups that exist: created here, with a retention
  // and the stack's log key, and removed with the cache.
  // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Log_Delivery.html
  const logDeliveryConfiguration = specifics.cacheLogTypes.map((logType) => {
    const logGroup = new CloudwatchLogGroup(scope, `LogGroup-${logType}`, {
      name: `/aws/elasticache/${spec.name}/${logType}`,
      retentionInDays: LOG_RETENTION_DAYS,
      kmsKeyId: AwsLogKey.of(scope).key.arn,
    });
    return { destination: logGroup.name, destinationType: "cloudwatch-logs", logFormat: "json", logType };
  });

  // A final snapshot named only after the cache would collide with the one an earlier
  // destroy left: a suffix made when the cache is created tells them apart.
  useRandomProvider(scope);
  const snapshotSuffix = new Id(scope, "FinalSnapshotSuffix", { byteLength: 4, keepers: { name: spec.name } });

  const [primaryZone, secondZone] = network.zones;
  const replicationGroup = new ElasticacheReplicationGroup(scope, "Resource", {
    replicationGroupId: spec.name,
    description: `Cache of ${spec.name}`,
    engine: specifics.cacheEngine,
    engineVersion: spec.engineVersion,
    nodeType: spec.cacheClass,
    port: CACHE_PORT,
    // A primary, and when highly available a replica in the second zone that takes over
    // by itself (CKV2_AWS_50).
    numCacheClusters: spec.highlyAvailable ? 2 : 1,
    preferredCacheClusterAzs: spec.highlyAvailable ? [primaryZone, secondZone] : [primaryZone],
    automaticFailoverEnabled: spec.highlyAvailable,
    multiAzEnabled: spec.highlyAvailable,
    subnetGroupName: subnetGroup.name,
    securityGroupIds: [group.id],
    parameterGroupName: parameters.name,
    // CKV_AWS_29, CKV_AWS_191: encrypted at rest with the cache's own key.
    atRestEncryptionEnabled: "true",
    kmsKeyId: key.arn,
    // CKV_AWS_30, CKV_AWS_31: TLS (required for every client when enabled at creation) and an AUTH token.
    transitEncryptionEnabled: true,
    authToken: authToken.result,
    // A new token (the random_password replaced) is added next to the old one, so clients
    // move over without an outage.
    // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html (modifying the AUTH token: ROTATE, then SET)
    authTokenUpdateStrategy: "ROTATE",
    autoMinorVersionUpgrade: "true",
    snapshotRetentionLimit: spec.backupRetentionDays,
    snapshotWindow: "02:00-03:00",
    maintenanceWindow: "sun:03:30-sun:04:30",
    finalSnapshotIdentifier: `${spec.name}-final-${snapshotSuffix.hex}`,
    applyImmediately: false,
    logDeliveryConfiguration,
    // While protected, Terraform itself refuses any plan that would destroy or replace the
    // cache (ElastiCache has no deletion protection of its own).
    lifecycle: { preventDestroy: spec.deletionProtection },
  });

  return {
    connection: {
      host: replicationGroup.primaryEndpointAddress,
      port: CACHE_PORT,
      tls: true,
      // The nodes' certificates chain to Amazon's public roots and name the endpoints: AWS's own
      // redis-cli example connects with --tls and no CA file (checked 2026-12-08).
      // ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html (Connecting ... using redis-cli)
      tlsVerification: { mode: TlsVerifyMode.VERIFY_IDENTITY, trust: TlsTrust.systemTrustStore() },
      credentialsSecretId: secret.arn,
    },
    allowConnectionsFrom(peer: INetworkPeer): void {
      new VpcSecurityGroupIngressRule(scope, allowFromId(peer), {
        securityGroupId: group.id,
        description: `Cache from ${peer.node.path}`,
        ipProtocol: "tcp",
        fromPort: CACHE_PORT,
        toPort: CACHE_PORT,
        referencedSecurityGroupId: peer.securityGroupId,
      });
      // Ranges the peer connects from besides its security group (a cluster's pods).
      (peer.sourceCidrs ?? []).forEach((cidr, index) => {
        new VpcSecurityGroupIngressRule(scope, `${allowFromId(peer)}-Range${index + 1}`, {
          securityGroupId: group.id,
          description: `Cache from ${peer.node.path} (${cidr})`,
          ipProtocol: "tcp",
          fromPort: CACHE_PORT,
          toPort: CACHE_PORT,
          cidrIpv4: cidr,
        });
      });
    },
  };
}
