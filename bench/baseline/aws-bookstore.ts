// The benchmark's baseline: the AWS bookstore written by hand, straight-line, with the
// providers' deep imports and no library. It emits the same stacks as the library's
// example app on AWS (`bookstore-aws`, `bookstore-aws-addons` with the Helm releases, and
// `bookstore-aws-workloads` with the Kubernetes objects), with the same resource types,
// arguments and counts; only the Terraform names differ. bench/check-baseline.ts checks that before every benchmark run.
//
// Run: node dist-bench/bench/baseline/aws-bookstore.js (CDKTF_OUTDIR picks the output).
import { App, Fn, TerraformOutput, TerraformStack } from "cdktf";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Release } from "@cdktf/provider-helm/lib/release";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { AutoscalingPolicy } from "@cdktf/provider-aws/lib/autoscaling-policy";
import { CloudfrontCachePolicy } from "@cdktf/provider-aws/lib/cloudfront-cache-policy";
import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Id } from "@cdktf/provider-random/lib/id";
import { Password } from "@cdktf/provider-random/lib/password";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";

const app = new App();
const stack = new TerraformStack(app, "bookstore-aws");

const region = "eu-central-1";
const domain = "shop.example.com";
const tags = { app: "bookstore", team: "platform", environment: "production" };
const assumeRole = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });

new AwsProvider(stack, "aws", { region });
const awsGlobal = new AwsProvider(stack, "aws-global", { alias: "global", region: "us-east-1" });
new RandomProvider(stack, "random", {});

// ==== the infrastructure stack ====

// ---- network ----
const mainVpc = new Vpc(stack, "vpc", {
  cidrBlock: "10.20.0.0/16",
  enableDnsHostnames: true,
  enableDnsSupport: true,
  tags: { Name: "bookstore", ...tags },
});
new DefaultSecurityGroup(stack, "default-security-group", {
  vpcId: mainVpc.id,
  tags: { Name: "bookstore-default-closed", ...tags },
});
const igw = new InternetGateway(stack, "internet-gateway", { vpcId: mainVpc.id, tags: { Name: "bookstore", ...tags } });

const privateSubnetA = new Subnet(stack, "private-subnet-a", {
  vpcId: mainVpc.id,
  availabilityZone: "eu-central-1a",
  cidrBlock: "10.20.0.0/18",
  mapPublicIpOnLaunch: false,
  tags: { Name: "bookstore-private-eu-central-1a", "kubernetes.io/role/internal-elb": "1", ...tags },
});
const privateSubnetB = new Subnet(stack, "private-subnet-b", {
  vpcId: mainVpc.id,
  availabilityZone: "eu-central-1b",
  cidrBlock: "10.20.64.0/18",
  mapPublicIpOnLaunch: false,
  tags: { Name: "bookstore-private-eu-central-1b", "kubernetes.io/role/internal-elb": "1", ...tags },
});
const publicSubnetA = new Subnet(stack, "public-subnet-a", {
  vpcId: mainVpc.id,
  availabilityZone: "eu-central-1a",
  cidrBlock: "10.20.128.0/18",
  mapPublicIpOnLaunch: false,
  tags: { Name: "bookstore-public-eu-central-1a", "kubernetes.io/role/elb": "1", ...tags },
});
const publicSubnetB = new Subnet(stack, "public-subnet-b", {
  vpcId: mainVpc.id,
  availabilityZone: "eu-central-1b",
  cidrBlock: "10.20.192.0/18",
  mapPublicIpOnLaunch: false,
  tags: { Name: "bookstore-public-eu-central-1b", "kubernetes.io/role/elb": "1", ...tags },
});
const privateSubnetIds = [privateSubnetA.id, privateSubnetB.id];

const publicRouteTable = new RouteTable(stack, "public-route-table", {
  vpcId: mainVpc.id,
  tags: { Name: "bookstore-public", ...tags },
});
new Route(stack, "public-default-route", {
  routeTableId: publicRouteTable.id,
  destinationCidrBlock: "0.0.0.0/0",
  gatewayId: igw.id,
});
new RouteTableAssociation(stack, "public-subnet-a-route-table", { subnetId: publicSubnetA.id, routeTableId: publicRouteTable.id });
new RouteTableAssociation(stack, "public-subnet-b-route-table", { subnetId: publicSubnetB.id, routeTableId: publicRouteTable.id });

const natEipA = new Eip(stack, "nat-eip-a", { domain: "vpc", tags: { Name: "bookstore-nat-eu-central-1a", ...tags } });
const natA = new NatGateway(stack, "nat-gateway-a", {
  allocationId: natEipA.allocationId,
  subnetId: publicSubnetA.id,
  tags: { Name: "bookstore-eu-central-1a", ...tags },
  dependsOn: [igw],
});
const privateRouteTableA = new RouteTable(stack, "private-route-table-a", {
  vpcId: mainVpc.id,
  tags: { Name: "bookstore-private-eu-central-1a", ...tags },
});
new Route(stack, "private-default-route-a", {
  routeTableId: privateRouteTableA.id,
  destinationCidrBlock: "0.0.0.0/0",
  natGatewayId: natA.id,
});
new RouteTableAssociation(stack, "private-subnet-a-route-table", { subnetId: privateSubnetA.id, routeTableId: privateRouteTableA.id });

const natEipB = new Eip(stack, "nat-eip-b", { domain: "vpc", tags: { Name: "bookstore-nat-eu-central-1b", ...tags } });
const natB = new NatGateway(stack, "nat-gateway-b", {
  allocationId: natEipB.allocationId,
  subnetId: publicSubnetB.id,
  tags: { Name: "bookstore-eu-central-1b", ...tags },
  dependsOn: [igw],
});
const privateRouteTableB = new RouteTable(stack, "private-route-table-b", {
  vpcId: mainVpc.id,
  tags: { Name: "bookstore-private-eu-central-1b", ...tags },
});
new Route(stack, "private-default-route-b", {
  routeTableId: privateRouteTableB.id,
  destinationCidrBlock: "0.0.0.0/0",
  natGatewayId: natB.id,
});
new RouteTableAssociation(stack, "private-subnet-b-route-table", { subnetId: privateSubnetB.id, routeTableId: privateRouteTableB.id });

// ---- the stack's log key: every log group is encrypted with it ----
const account = new DataAwsCallerIdentity(stack, "account").accountId;
const partition = new DataAwsPartition(stack, "partition");
const currentRegion = new DataAwsRegion(stack, "region").region;
const logKey = new KmsKey(stack, "log-key", {
  description: "Encrypts the CloudWatch log groups of bookstore-aws",
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
        Sid: "CloudWatchLogsOfThisAccount",
        Effect: "Allow",
        Principal: { Service: `logs.${currentRegion}.${partition.dnsSuffix}` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition.partition}:logs:${currentRegion}:${account}:log-group:*` } },
      },
    ],
  }),
  tags,
});

const flowLogGroup = new CloudwatchLogGroup(stack, "flow-logs", { name: "/vpc/bookstore/flow-logs", retentionInDays: 365, kmsKeyId: logKey.arn, tags });
const flowLogsRole = new IamRole(stack, "flow-logs-role", {
  namePrefix: "bookstore-flow-logs-",
  assumeRolePolicy: assumeRole("vpc-flow-logs.amazonaws.com"),
  tags,
});
new IamRolePolicy(stack, "flow-logs-write", {
  name: "write-flow-logs",
  role: flowLogsRole.id,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
        Resource: [flowLogGroup.arn, `${flowLogGroup.arn}:*`],
      },
    ],
  }),
});
new FlowLog(stack, "flow-log", {
  vpcId: mainVpc.id,
  trafficType: "ALL",
  logDestinationType: "cloud-watch-logs",
  logDestination: flowLogGroup.arn,
  iamRoleArn: flowLogsRole.arn,
  maxAggregationInterval: 60,
  tags,
});

// ---- log bucket (load balancer and CloudFront access logs) ----
const logBucket = new S3Bucket(stack, "log-bucket", { bucketPrefix: "bookstore-aws-logs-", tags });
new S3BucketPublicAccessBlock(stack, "log-bucket-public-access-block", {
  bucket: logBucket.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
const logBucketOwnership = new S3BucketOwnershipControls(stack, "log-bucket-ownership-controls", {
  bucket: logBucket.id,
  rule: { objectOwnership: "BucketOwnerPreferred" },
});
new S3BucketServerSideEncryptionConfigurationA(stack, "log-bucket-encryption", {
  bucket: logBucket.id,
  rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
});
new S3BucketVersioningA(stack, "log-bucket-versioning", {
  bucket: logBucket.id,
  versioningConfiguration: { status: "Enabled" },
});
new S3BucketLifecycleConfiguration(stack, "log-bucket-lifecycle", {
  bucket: logBucket.id,
  rule: [
    {
      id: "expire-logs",
      status: "Enabled",
      filter: [{ prefix: "" }],
      expiration: [{ days: 365 }],
      noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
    },
  ],
});

// ---- asset bucket (images and static files: CloudFront reads them, the web tier writes them) ----
const assetAccount = new DataAwsCallerIdentity(stack, "asset-account").accountId;
const assetPartition = new DataAwsPartition(stack, "asset-partition").partition;
const assetNameSuffix = new Id(stack, "asset-bucket-name-suffix", { byteLength: 4 });
const assetBucketName = `bookstore-assets-${assetNameSuffix.hex}`;
// Its policy names the CDN, so it is set after the distribution (below).
const assetKey = new KmsKey(stack, "asset-key", {
  description: `Encrypts the objects of the asset bucket ${assetBucketName}`,
  enableKeyRotation: true,
  deletionWindowInDays: 30,
  lifecycle: { preventDestroy: true },
  tags,
});
const assetBucket = new S3Bucket(stack, "asset-bucket", {
  bucket: assetBucketName,
  forceDestroy: false,
  lifecycle: { preventDestroy: true },
  tags,
});
new S3BucketPublicAccessBlock(stack, "asset-bucket-public-access-block", {
  bucket: assetBucket.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
new S3BucketOwnershipControls(stack, "asset-bucket-ownership-controls", {
  bucket: assetBucket.id,
  rule: { objectOwnership: "BucketOwnerEnforced" },
});
new S3BucketServerSideEncryptionConfigurationA(stack, "asset-bucket-encryption", {
  bucket: assetBucket.id,
  rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: assetKey.arn }, bucketKeyEnabled: true }],
});
const assetBucketVersioning = new S3BucketVersioningA(stack, "asset-bucket-versioning", {
  bucket: assetBucket.id,
  versioningConfiguration: { status: "Enabled" },
});
new S3BucketLifecycleConfiguration(stack, "asset-bucket-lifecycle", {
  bucket: assetBucket.id,
  rule: [
    {
      id: "old-versions-and-incomplete-uploads",
      status: "Enabled",
      filter: [{ prefix: "" }],
      expiration: [{ expiredObjectDeleteMarker: true }],
      noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
    },
  ],
  dependsOn: [assetBucketVersioning],
});

// The log bucket's policy: load balancer logs, TLS only, and the asset bucket's server access logs.
const logBucketPolicy = new S3BucketPolicy(stack, "log-bucket-policy", {
  bucket: logBucket.id,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "LoadBalancerLogDelivery",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::054676820928:root" }, // ELB account of eu-central-1
        Action: "s3:PutObject",
        Resource: `${logBucket.arn}/alb/AWSLogs/*`,
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [logBucket.arn, `${logBucket.arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      {
        Sid: "ServerAccessLogs1",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${logBucket.arn}/s3/*`,
        Condition: { ArnLike: { "aws:SourceArn": assetBucket.arn }, StringEquals: { "aws:SourceAccount": assetAccount } },
      },
    ],
  }),
});
new S3BucketLoggingA(stack, "asset-bucket-access-logs", {
  bucket: assetBucket.id,
  targetBucket: logBucket.id,
  targetPrefix: "s3/",
  targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
  dependsOn: [logBucketPolicy],
});

// ---- security groups ----
const lbSecurityGroup = new SecurityGroup(stack, "lb-security-group", {
  vpcId: mainVpc.id,
  namePrefix: "bookstore-lb-",
  description: "Load balancer bookstore-lb",
  revokeRulesOnDelete: true,
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const webSecurityGroup = new SecurityGroup(stack, "web-security-group", {
  vpcId: mainVpc.id,
  namePrefix: "bookstore-web-",
  description: "Instances of bookstore-web",
  revokeRulesOnDelete: true,
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const dbSecurityGroup = new SecurityGroup(stack, "db-security-group", {
  vpcId: mainVpc.id,
  namePrefix: "bookstore-db-",
  description: "MySQL bookstore-db: only from the application's security groups",
  revokeRulesOnDelete: true,
  lifecycle: { createBeforeDestroy: true },
  tags,
});

// ---- database ----
const dbSubnets = new DbSubnetGroup(stack, "db-subnet-group", {
  name: "bookstore-db",
  description: "Private subnets of bookstore-db",
  subnetIds: privateSubnetIds,
  tags,
});
const dbParameters = new DbParameterGroup(stack, "db-parameter-group", {
  namePrefix: "bookstore-db-",
  family: "mysql8.0",
  description: "TLS-only MySQL for bookstore-db",
  parameter: [
    { name: "require_secure_transport", value: "1" },
    { name: "slow_query_log", value: "1" },
    { name: "long_query_time", value: "2" },
  ],
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const dbMonitoringRole = new IamRole(stack, "db-monitoring-role", {
  namePrefix: "bookstore-db-monitoring-",
  assumeRolePolicy: assumeRole("monitoring.rds.amazonaws.com"),
  tags,
});
const dbMonitoringPolicy = new IamRolePolicyAttachment(stack, "db-monitoring-policy", {
  role: dbMonitoringRole.name,
  policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
});
const dbLogGroups = ["error", "slowquery"].map(
  (log) => new CloudwatchLogGroup(stack, `db-logs-${log}`, { name: `/aws/rds/instance/bookstore-db/${log}`, retentionInDays: 365, kmsKeyId: logKey.arn, tags }),
);
const finalSnapshotSuffix = new Id(stack, "db-final-snapshot-suffix", { byteLength: 4, keepers: { identifier: "bookstore-db" } });
const db = new DbInstance(stack, "db", {
  identifier: "bookstore-db",
  engine: "mysql",
  engineVersion: "8.0",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  storageType: "gp3",
  storageEncrypted: true,
  dbName: "bookstore",
  username: "bookstoreadmin",
  manageMasterUserPassword: true,
  iamDatabaseAuthenticationEnabled: true,
  port: 3306,
  multiAz: true,
  publiclyAccessible: false,
  dbSubnetGroupName: dbSubnets.name,
  parameterGroupName: dbParameters.name,
  vpcSecurityGroupIds: [dbSecurityGroup.id],
  caCertIdentifier: "rds-ca-rsa2048-g1",
  backupRetentionPeriod: 7,
  backupWindow: "02:00-03:00",
  maintenanceWindow: "sun:03:30-sun:04:30",
  copyTagsToSnapshot: true,
  deleteAutomatedBackups: false,
  deletionProtection: true,
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: `bookstore-db-final-${finalSnapshotSuffix.hex}`,
  autoMinorVersionUpgrade: true,
  applyImmediately: false,
  monitoringInterval: 60,
  monitoringRoleArn: dbMonitoringRole.arn,
  performanceInsightsEnabled: true,
  performanceInsightsRetentionPeriod: 7,
  enabledCloudwatchLogsExports: ["error", "slowquery"],
  lifecycle: { preventDestroy: true },
  dependsOn: [dbMonitoringPolicy, ...dbLogGroups],
  tags,
});
const dbSecretArn = db.masterUserSecret.get(0).secretArn;

// ---- cache ----
const cacheAccount = new DataAwsCallerIdentity(stack, "cache-account").accountId;
const cachePartition = new DataAwsPartition(stack, "cache-partition");
const cacheRegion = new DataAwsRegion(stack, "cache-region").region;
const cacheKey = new KmsKey(stack, "cache-key", {
  description: "Encrypts the cache bookstore-cache, its snapshots and its AUTH token",
  enableKeyRotation: true,
  deletionWindowInDays: 30,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministersThroughIam",
        Effect: "Allow",
        Principal: { AWS: `arn:${cachePartition.partition}:iam::${cacheAccount}:root` },
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
          StringEquals: { "kms:CallerAccount": cacheAccount, "kms:ViaService": `secretsmanager.${cacheRegion}.${cachePartition.dnsSuffix}` },
          StringLike: { "kms:EncryptionContext:SecretARN": `arn:${cachePartition.partition}:secretsmanager:${cacheRegion}:${cacheAccount}:secret:bookstore-cache-credentials-*` },
        },
      },
    ],
  }),
  tags,
});
const cacheAuthToken = new Password(stack, "cache-auth-token", {
  length: 32,
  special: true,
  overrideSpecial: "!&#$^<>-",
  minUpper: 2,
  minLower: 2,
  minNumeric: 2,
  minSpecial: 2,
});
const cacheSecret = new SecretsmanagerSecret(stack, "cache-secret", {
  namePrefix: "bookstore-cache-credentials-",
  description: "AUTH token of the cache bookstore-cache",
  kmsKeyId: cacheKey.arn,
  recoveryWindowInDays: 30,
  tags,
});
new SecretsmanagerSecretVersion(stack, "cache-secret-version", {
  secretId: cacheSecret.id,
  secretString: Fn.jsonencode({ password: cacheAuthToken.result }),
});
const cacheSubnets = new ElasticacheSubnetGroup(stack, "cache-subnet-group", {
  name: "bookstore-cache",
  description: "Private subnets of bookstore-cache",
  subnetIds: privateSubnetIds,
  tags,
});
const cacheSecurityGroup = new SecurityGroup(stack, "cache-security-group", {
  vpcId: mainVpc.id,
  namePrefix: "bookstore-cache-",
  description: "Cache bookstore-cache: only from the application's security groups",
  revokeRulesOnDelete: true,
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const cacheParameters = new ElasticacheParameterGroup(stack, "cache-parameter-group", {
  name: "bookstore-cache-valkey7",
  family: "valkey7",
  description: "Parameters of the cache bookstore-cache",
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const cacheLogs = ["slow-log", "engine-log"].map((logType) => ({
  destination: new CloudwatchLogGroup(stack, `cache-logs-${logType}`, { name: `/aws/elasticache/bookstore-cache/${logType}`, retentionInDays: 365, kmsKeyId: logKey.arn, tags }).name,
  destinationType: "cloudwatch-logs",
  logFormat: "json",
  logType,
}));
const cacheFinalSnapshotSuffix = new Id(stack, "cache-final-snapshot-suffix", { byteLength: 4, keepers: { name: "bookstore-cache" } });
const cache = new ElasticacheReplicationGroup(stack, "cache", {
  replicationGroupId: "bookstore-cache",
  description: "Cache of bookstore-cache",
  engine: "valkey",
  engineVersion: "7.2",
  nodeType: "cache.t4g.small",
  port: 6379,
  numCacheClusters: 2,
  preferredCacheClusterAzs: ["eu-central-1a", "eu-central-1b"],
  automaticFailoverEnabled: true,
  multiAzEnabled: true,
  subnetGroupName: cacheSubnets.name,
  securityGroupIds: [cacheSecurityGroup.id],
  parameterGroupName: cacheParameters.name,
  atRestEncryptionEnabled: "true",
  kmsKeyId: cacheKey.arn,
  transitEncryptionEnabled: true,
  authToken: cacheAuthToken.result,
  authTokenUpdateStrategy: "ROTATE",
  autoMinorVersionUpgrade: "true",
  snapshotRetentionLimit: 7,
  snapshotWindow: "02:00-03:00",
  maintenanceWindow: "sun:03:30-sun:04:30",
  finalSnapshotIdentifier: `bookstore-cache-final-${cacheFinalSnapshotSuffix.hex}`,
  applyImmediately: false,
  logDeliveryConfiguration: cacheLogs,
  lifecycle: { preventDestroy: true },
  tags,
});

// ---- load balancer ----
const lbCertificate = new AcmCertificate(stack, "lb-certificate", {
  domainName: domain,
  validationMethod: "DNS",
  keyAlgorithm: "EC_prime256v1",
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const lbCertificateValidation = new AcmCertificateValidation(stack, "lb-certificate-validation", {
  certificateArn: lbCertificate.arn,
});
const cloudfrontEdges = new DataAwsEc2ManagedPrefixList(stack, "cloudfront-edges", {
  name: "com.amazonaws.global.cloudfront.origin-facing",
});
new VpcSecurityGroupIngressRule(stack, "lb-ingress-https-from-cdn", {
  securityGroupId: lbSecurityGroup.id,
  description: "HTTPS from CloudFront's origin-facing servers only",
  ipProtocol: "tcp",
  fromPort: 443,
  toPort: 443,
  prefixListId: cloudfrontEdges.id,
  tags,
});
new VpcSecurityGroupEgressRule(stack, "lb-egress-to-targets", {
  securityGroupId: lbSecurityGroup.id,
  description: "Application port of the targets inside the network",
  ipProtocol: "tcp",
  fromPort: 8080,
  toPort: 8080,
  cidrIpv4: "10.20.0.0/16",
  tags,
});
const alb = new Lb(stack, "lb", {
  name: "bookstore-lb",
  loadBalancerType: "application",
  internal: false,
  securityGroups: [lbSecurityGroup.id],
  subnets: [publicSubnetA.id, publicSubnetB.id],
  enableDeletionProtection: true,
  enableHttp2: true,
  idleTimeout: 60,
  dropInvalidHeaderFields: true,
  desyncMitigationMode: "defensive",
  accessLogs: { bucket: logBucket.id, prefix: "alb", enabled: true },
  dependsOn: [logBucketPolicy],
  tags,
});
const targetGroupProps = {
  port: 8080,
  protocol: "HTTP",
  vpcId: mainVpc.id,
  deregistrationDelay: "30",
  healthCheck: {
    enabled: true,
    path: "/healthz",
    protocol: "HTTP",
    matcher: "200-399",
    interval: 15,
    timeout: 5,
    healthyThreshold: 2,
    unhealthyThreshold: 3,
  },
  lifecycle: { createBeforeDestroy: true },
  tags,
};
const targetGroup = new LbTargetGroup(stack, "lb-target-group", { ...targetGroupProps, namePrefix: "bks-", targetType: "instance" });
const podTargetGroup = new LbTargetGroup(stack, "lb-pod-target-group", { ...targetGroupProps, namePrefix: "bksp-", targetType: "ip" });
new LbListener(stack, "lb-https-listener", {
  loadBalancerArn: alb.arn,
  port: 443,
  protocol: "HTTPS",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificateArn: lbCertificateValidation.certificateArn,
  // 90% of requests to the VMs, 10% to the pods, without stickiness.
  defaultAction: [
    {
      type: "forward",
      forward: {
        targetGroup: [
          { arn: targetGroup.arn, weight: 90 },
          { arn: podTargetGroup.arn, weight: 10 },
        ],
        stickiness: { enabled: false, duration: 1 },
      },
    },
  ],
  tags,
});
new LbListener(stack, "lb-http-listener", {
  loadBalancerArn: alb.arn,
  port: 80,
  protocol: "HTTP",
  defaultAction: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }],
  tags,
});

// ---- web tier ----
new VpcSecurityGroupIngressRule(stack, "web-ingress-from-lb", {
  securityGroupId: webSecurityGroup.id,
  description: "Application port from the load balancer only",
  ipProtocol: "tcp",
  fromPort: 8080,
  toPort: 8080,
  referencedSecurityGroupId: lbSecurityGroup.id,
  tags,
});
new VpcSecurityGroupEgressRule(stack, "web-egress-https", {
  securityGroupId: webSecurityGroup.id,
  description: "HTTPS to the container registry, package mirrors and cloud APIs",
  ipProtocol: "tcp",
  fromPort: 443,
  toPort: 443,
  cidrIpv4: "0.0.0.0/0",
  tags,
});
new VpcSecurityGroupEgressRule(stack, "web-egress-database", {
  securityGroupId: webSecurityGroup.id,
  description: "MySQL inside the network",
  ipProtocol: "tcp",
  fromPort: 3306,
  toPort: 3306,
  cidrIpv4: "10.20.0.0/16",
  tags,
});
new VpcSecurityGroupEgressRule(stack, "web-egress-cache", {
  securityGroupId: webSecurityGroup.id,
  description: "The cache inside the network",
  ipProtocol: "tcp",
  fromPort: 6379,
  toPort: 6379,
  cidrIpv4: "10.20.0.0/16",
  tags,
});
new VpcSecurityGroupIngressRule(stack, "cache-allow-from-web", {
  securityGroupId: cacheSecurityGroup.id,
  description: "Cache from bookstore-aws/Bookstore/Web",
  ipProtocol: "tcp",
  fromPort: 6379,
  toPort: 6379,
  referencedSecurityGroupId: webSecurityGroup.id,
  tags,
});
new VpcSecurityGroupIngressRule(stack, "db-allow-from-web", {
  securityGroupId: dbSecurityGroup.id,
  description: "MySQL from bookstore-aws/Bookstore/Web",
  ipProtocol: "tcp",
  fromPort: 3306,
  toPort: 3306,
  referencedSecurityGroupId: webSecurityGroup.id,
  tags,
});
const webRole = new IamRole(stack, "web-instance-role", {
  namePrefix: "bookstore-web-",
  assumeRolePolicy: assumeRole("ec2.amazonaws.com"),
  tags,
});
new IamRolePolicyAttachment(stack, "web-instance-role-ssm", {
  role: webRole.name,
  policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
});
new IamRolePolicy(stack, "web-read-database-credentials", {
  name: "read-database-credentials",
  role: webRole.id,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: dbSecretArn }],
  }),
});
new IamRolePolicy(stack, "web-read-cache-credentials", {
  name: "read-cache-credentials",
  role: webRole.id,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: cacheSecret.arn }],
  }),
});
new IamRolePolicy(stack, "web-read-write-assets", {
  name: "read-write-assets",
  role: webRole.id,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: `${assetBucket.arn}/*` },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: assetKey.arn },
    ],
  }),
});
const instanceProfile = new IamInstanceProfile(stack, "web-instance-profile", {
  namePrefix: "bookstore-web-",
  role: webRole.name,
  tags,
});
const userData = `#!/bin/bash
set -euo pipefail
if command -v dnf >/dev/null; then dnf install -y docker; elif command -v yum >/dev/null; then yum install -y docker; else apt-get update && apt-get install -y docker.io; fi
systemctl enable --now docker
install -m 0600 /dev/null /etc/bookstore.env
cat > /etc/bookstore.env <<'BOOKSTORE_ENV'
ASSET_BUCKET=${assetBucket.bucket}
ASSET_BUCKET_REGION=eu-central-1
AWS_DEFAULT_REGION=eu-central-1
AWS_REGION=eu-central-1
CACHE_CREDENTIALS_SECRET=${cacheSecret.arn}
CACHE_HOST=${cache.primaryEndpointAddress}
CACHE_PORT=6379
CACHE_TLS=true
CLOUD=aws
CLOUD_REGION=eu-central-1
DB_CREDENTIALS_SECRET=${dbSecretArn}
DB_HOST=${db.address}
DB_NAME=bookstore
DB_PORT=3306
DB_USER=bookstoreadmin
PORT=8080
BOOKSTORE_ENV
docker run --detach --name bookstore --restart always --network host --env-file /etc/bookstore.env registry.example.com/bookstore:1.4.2
`;
const webLaunchTemplate = new LaunchTemplate(stack, "web-launch-template", {
  namePrefix: "bookstore-web-",
  description: "Bookstore container registry.example.com/bookstore:1.4.2",
  imageId: "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  instanceType: "t3.medium",
  iamInstanceProfile: { arn: instanceProfile.arn },
  networkInterfaces: [{ associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: [webSecurityGroup.id] }],
  metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
  blockDeviceMappings: [
    { deviceName: "/dev/xvda", ebs: { volumeSize: 30, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
  ],
  monitoring: { enabled: true },
  userData: Fn.base64encode(userData),
  updateDefaultVersion: true,
  tags,
});
const asg = new AutoscalingGroup(stack, "web-autoscaling-group", {
  namePrefix: "bookstore-web-",
  minSize: 2,
  maxSize: 6,
  vpcZoneIdentifier: privateSubnetIds,
  targetGroupArns: [targetGroup.arn],
  healthCheckType: "ELB",
  healthCheckGracePeriod: 300,
  launchTemplate: { id: webLaunchTemplate.id, version: webLaunchTemplate.latestVersion.toString() },
  instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 90 } },
  tag: [
    { key: "Name", value: "bookstore-web", propagateAtLaunch: true },
    { key: "app", value: "bookstore", propagateAtLaunch: true },
    { key: "team", value: "platform", propagateAtLaunch: true },
    { key: "environment", value: "production", propagateAtLaunch: true },
  ],
});
new AutoscalingPolicy(stack, "web-cpu-target-tracking", {
  autoscalingGroupName: asg.name,
  name: "cpu-target-tracking",
  policyType: "TargetTrackingScaling",
  targetTrackingConfiguration: {
    predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
    targetValue: 60,
  },
});

// ---- CDN ----
const cdnCertificate = new AcmCertificate(stack, "cdn-certificate", {
  provider: awsGlobal,
  domainName: domain,
  validationMethod: "DNS",
  keyAlgorithm: "EC_prime256v1",
  lifecycle: { createBeforeDestroy: true },
  tags,
});
const cdnCertificateValidation = new AcmCertificateValidation(stack, "cdn-certificate-validation", {
  provider: awsGlobal,
  certificateArn: cdnCertificate.arn,
});
const managedRule = (name: string, priority: number) => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
});
const webAcl = new Wafv2WebAcl(stack, "cdn-web-acl", {
  provider: awsGlobal,
  name: "bookstore-cdn-web-acl",
  scope: "CLOUDFRONT",
  defaultAction: { allow: {} },
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "bookstore-cdn-web-acl", sampledRequestsEnabled: true },
  rule: [managedRule("AWSManagedRulesCommonRuleSet", 0), managedRule("AWSManagedRulesKnownBadInputsRuleSet", 1)],
  tags,
});
const staticCachePolicy = new CloudfrontCachePolicy(stack, "cdn-static-cache-policy", {
  name: "bookstore-cdn-static",
  comment: "Static assets: cached by path only",
  defaultTtl: 86400,
  maxTtl: 31536000,
  minTtl: 0,
  parametersInCacheKeyAndForwardedToOrigin: {
    cookiesConfig: { cookieBehavior: "none" },
    headersConfig: { headerBehavior: "none" },
    queryStringsConfig: { queryStringBehavior: "none" },
    enableAcceptEncodingBrotli: true,
    enableAcceptEncodingGzip: true,
  },
});
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST_HEADER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
const SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03";
// The static paths come from the asset bucket, which CloudFront reads with origin access control.
const staticBehavior = (pathPattern: string) => ({
  pathPattern,
  targetOriginId: "asset-bucket",
  viewerProtocolPolicy: "redirect-to-https",
  allowedMethods: ["GET", "HEAD"],
  cachedMethods: ["GET", "HEAD"],
  compress: true,
  cachePolicyId: staticCachePolicy.id,
  responseHeadersPolicyId: SECURITY_HEADERS,
});
const assetOriginAccess = new CloudfrontOriginAccessControl(stack, "cdn-asset-origin-access-control", {
  name: "bookstore-cdn-assets",
  description: `CloudFront signs its requests to the asset bucket of ${domain}`,
  originAccessControlOriginType: "s3",
  signingBehavior: "always",
  signingProtocol: "sigv4",
});
const cdn = new CloudfrontDistribution(stack, "cdn", {
  enabled: true,
  comment: `bookstore-cdn: ${domain}`,
  aliases: [domain],
  httpVersion: "http2and3",
  isIpv6Enabled: true,
  webAclId: webAcl.arn,
  origin: [
    {
      originId: "load-balancer",
      domainName: alb.dnsName,
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
    },
    { originId: "asset-bucket", domainName: assetBucket.bucketRegionalDomainName, originAccessControlId: assetOriginAccess.id },
  ],
  defaultCacheBehavior: {
    targetOriginId: "load-balancer",
    viewerProtocolPolicy: "redirect-to-https",
    allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
    cachedMethods: ["GET", "HEAD"],
    compress: true,
    cachePolicyId: CACHING_DISABLED,
    originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
    responseHeadersPolicyId: SECURITY_HEADERS,
  },
  orderedCacheBehavior: [staticBehavior("/static/*"), staticBehavior("/covers/*")],
  viewerCertificate: {
    acmCertificateArn: cdnCertificateValidation.certificateArn,
    sslSupportMethod: "sni-only",
    minimumProtocolVersion: "TLSv1.2_2021",
  },
  restrictions: { geoRestriction: { restrictionType: "none" } },
  loggingConfig: { bucket: logBucket.bucketDomainName, prefix: "cdn/", includeCookies: false },
  // ACL-based logging needs the bucket's ownership controls first.
  dependsOn: [logBucketOwnership],
  tags,
});
// Only this distribution reads the asset bucket's objects, and decrypts them with its key.
const fromCdn = { StringEquals: { "AWS:SourceArn": cdn.arn } };
assetKey.policy = Fn.jsonencode({
  Version: "2012-10-17",
  Statement: [
    { Sid: "AccountAdministersThroughIam", Effect: "Allow", Principal: { AWS: `arn:${assetPartition}:iam::${assetAccount}:root` }, Action: "kms:*", Resource: "*" },
    { Sid: "CloudFrontDecrypts1", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "kms:Decrypt", Resource: "*", Condition: fromCdn },
  ],
});
new S3BucketPolicy(stack, "asset-bucket-policy", {
  bucket: assetBucket.id,
  policy: Fn.jsonencode({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [assetBucket.arn, `${assetBucket.arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      {
        Sid: "CloudFrontReadsObjects1",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: `${assetBucket.arn}/*`,
        Condition: fromCdn,
      },
    ],
  }),
});

// ---- Kubernetes ----
const clusterLogs = new CloudwatchLogGroup(stack, "k8s-control-plane-logs", {
  name: "/aws/eks/bookstore-k8s/cluster",
  retentionInDays: 365,
  kmsKeyId: logKey.arn,
  tags,
});
const secretsKey = new KmsKey(stack, "k8s-secrets-key", {
  description: "Encrypts Kubernetes secrets of bookstore-k8s",
  enableKeyRotation: true,
  deletionWindowInDays: 30,
  tags,
});
const clusterRole = new IamRole(stack, "k8s-cluster-role", {
  namePrefix: "bookstore-k8s-cluster-",
  assumeRolePolicy: assumeRole("eks.amazonaws.com"),
  tags,
});
const clusterPolicy = new IamRolePolicyAttachment(stack, "k8s-cluster-policy", {
  role: clusterRole.name,
  policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
});
const nodeRole = new IamRole(stack, "k8s-node-role", {
  namePrefix: "bookstore-k8s-node-",
  assumeRolePolicy: assumeRole("ec2.amazonaws.com"),
  tags,
});
const nodeWorkerPolicy = new IamRolePolicyAttachment(stack, "k8s-node-worker-policy", {
  role: nodeRole.name,
  policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
});
const nodeCniPolicy = new IamRolePolicyAttachment(stack, "k8s-node-cni-policy", {
  role: nodeRole.name,
  policyArn: "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
});
const nodeEcrPolicy = new IamRolePolicyAttachment(stack, "k8s-node-ecr-policy", {
  role: nodeRole.name,
  policyArn: "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
});
const nodeSsmPolicy = new IamRolePolicyAttachment(stack, "k8s-node-ssm-policy", {
  role: nodeRole.name,
  policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
});
const cluster = new EksCluster(stack, "k8s", {
  name: "bookstore-k8s",
  version: "1.33",
  roleArn: clusterRole.arn,
  vpcConfig: { subnetIds: privateSubnetIds, endpointPrivateAccess: true, endpointPublicAccess: false },
  accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
  upgradePolicy: { supportType: "STANDARD" },
  encryptionConfig: { resources: ["secrets"], provider: { keyArn: secretsKey.arn } },
  enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
  dependsOn: [clusterLogs, clusterPolicy],
  tags,
});
new EksAddon(stack, "k8s-vpc-cni", {
  clusterName: cluster.name,
  addonName: "vpc-cni",
  configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
  resolveConflictsOnCreate: "OVERWRITE",
  resolveConflictsOnUpdate: "OVERWRITE",
  tags,
});
const nodeGroup = new EksNodeGroup(stack, "k8s-node-group", {
  clusterName: cluster.name,
  nodeGroupNamePrefix: "bookstore-k8s-",
  nodeRoleArn: nodeRole.arn,
  subnetIds: privateSubnetIds,
  instanceTypes: ["m6i.large"],
  amiType: "AL2023_x86_64_STANDARD",
  scalingConfig: { minSize: 2, maxSize: 5, desiredSize: 2 },
  updateConfig: { maxUnavailable: 1 },
  lifecycle: { createBeforeDestroy: true, ignoreChanges: ["scaling_config[0].desired_size"] },
  dependsOn: [nodeWorkerPolicy, nodeCniPolicy, nodeEcrPolicy, nodeSsmPolicy],
  tags,
});
new VpcSecurityGroupIngressRule(stack, "cache-allow-from-k8s", {
  securityGroupId: cacheSecurityGroup.id,
  description: "Cache from bookstore-aws/Bookstore/Kubernetes",
  ipProtocol: "tcp",
  fromPort: 6379,
  toPort: 6379,
  referencedSecurityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
  tags,
});
// Administrators, the private API network, the ALB's way in to the pods.
const admin = new EksAccessEntry(stack, "k8s-admin", {
  clusterName: cluster.name,
  principalArn: "arn:aws:iam::123456789012:role/ci-deployer",
  type: "STANDARD",
  tags,
});
new EksAccessPolicyAssociation(stack, "k8s-admin-policy", {
  clusterName: cluster.name,
  principalArn: admin.principalArn,
  policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
  accessScope: { type: "cluster" },
});
new VpcSecurityGroupIngressRule(stack, "k8s-private-api", {
  securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
  description: "Kubernetes API (HTTPS) from a named private network",
  ipProtocol: "tcp",
  fromPort: 443,
  toPort: 443,
  cidrIpv4: "10.100.0.0/24",
  tags,
});
new VpcSecurityGroupIngressRule(stack, "k8s-ingress-from-lb", {
  securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
  description: "The load balancer to the pods of its pod backend, on their port only",
  ipProtocol: "tcp",
  fromPort: 8080,
  toPort: 8080,
  referencedSecurityGroupId: lbSecurityGroup.id,
  tags,
});

// EKS add-ons, and the roles the add-ons' and the bookstore's pods assume through EKS Pod Identity.
new EksAddon(stack, "k8s-pod-identity-agent", {
  clusterName: cluster.name,
  addonName: "eks-pod-identity-agent",
  addonVersion: "v1.3.10-eksbuild.2",
  resolveConflictsOnCreate: "OVERWRITE",
  resolveConflictsOnUpdate: "OVERWRITE",
  tags,
});
new EksAddon(stack, "k8s-metrics-server", {
  clusterName: cluster.name,
  addonName: "metrics-server",
  addonVersion: "v0.8.0-eksbuild.6",
  resolveConflictsOnCreate: "OVERWRITE",
  resolveConflictsOnUpdate: "OVERWRITE",
  dependsOn: [nodeGroup],
  tags,
});
const podIdentityRole = (id: string, namePrefix: string, namespace: string, serviceAccount: string, statements: unknown[]) => {
  const role = new IamRole(stack, id, {
    namePrefix,
    description: `EKS Pod Identity of ${namespace}/${serviceAccount} on bookstore-k8s`,
    assumeRolePolicy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "EksPodIdentityOfOneServiceAccount",
          Effect: "Allow",
          Principal: { Service: "pods.eks.amazonaws.com" },
          Action: ["sts:AssumeRole", "sts:TagSession"],
          Condition: {
            StringEquals: {
              "aws:RequestTag/eks-cluster-name": "bookstore-k8s",
              "aws:RequestTag/kubernetes-namespace": namespace,
              "aws:RequestTag/kubernetes-service-account": serviceAccount,
            },
          },
        },
      ],
    }),
    tags,
  });
  const policy = new IamRolePolicy(stack, `${id}-policy`, {
    role: role.id,
    name: "pod-identity",
    policy: Fn.jsonencode({ Version: "2012-10-17", Statement: statements }),
  });
  new EksPodIdentityAssociation(stack, `${id}-association`, {
    clusterName: cluster.name,
    namespace,
    serviceAccount,
    roleArn: role.arn,
    dependsOn: [policy],
    tags,
  });
};
podIdentityRole("k8s-lbc-role", "bookstore-k8s-lbc-", "kube-system", "aws-load-balancer-controller", [
  {
    Sid: "ReadOnly",
    Effect: "Allow",
    Action: [
      "ec2:DescribeAccountAttributes",
      "ec2:DescribeAddresses",
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeInstances",
      "ec2:DescribeInternetGateways",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeRouteTables",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeTags",
      "ec2:DescribeVpcPeeringConnections",
      "ec2:DescribeVpcs",
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
    ],
    Resource: "*",
  },
  {
    Sid: "RegisterPodsIntoThePodTargetGroupOnly",
    Effect: "Allow",
    Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
    Resource: podTargetGroup.arn,
  },
]);
podIdentityRole("k8s-autoscaler-role", "bookstore-k8s-ca-", "kube-system", "cluster-autoscaler", [
  {
    Sid: "Discover",
    Effect: "Allow",
    Action: [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeLaunchConfigurations",
      "autoscaling:DescribeScalingActivities",
      "autoscaling:DescribeTags",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:GetInstanceTypesFromInstanceRequirements",
    ],
    Resource: "*",
  },
  { Sid: "ReadTheNodeGroup", Effect: "Allow", Action: ["eks:DescribeNodegroup"], Resource: nodeGroup.arn },
  {
    Sid: "ScaleOnlyThisClustersGroups",
    Effect: "Allow",
    Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
    Resource: "*",
    Condition: { StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": "true", "aws:ResourceTag/k8s.io/cluster-autoscaler/bookstore-k8s": "owned" } },
  },
]);
podIdentityRole("k8s-workload-role", "bookstore-k8s-workload-", "bookstore", "bookstore", [
  { Sid: "ReadTheDataStoresCredentialsOnly", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [dbSecretArn, cacheSecret.arn] },
  { Sid: "AssetObjectsOnly", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: `${assetBucket.arn}/*` },
  { Sid: "AssetKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: assetKey.arn },
]);

new VpcSecurityGroupIngressRule(stack, "db-allow-from-k8s", {
  securityGroupId: dbSecurityGroup.id,
  description: "MySQL from bookstore-aws/Bookstore/Kubernetes",
  ipProtocol: "tcp",
  fromPort: 3306,
  toPort: 3306,
  referencedSecurityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
  tags,
});

// ---- outputs ----
new TerraformOutput(stack, "cdn-domain-name", { value: cdn.domainName, description: `Point ${domain} here with a CNAME` });
new TerraformOutput(stack, "cdn-certificate-validation-records", {
  value: cdnCertificate.domainValidationOptions,
  description: `DNS records that prove ownership of ${domain} to ACM`,
});
new TerraformOutput(stack, "lb-certificate-validation-records", {
  value: lbCertificate.domainValidationOptions,
  description: `DNS records that prove ownership of ${domain} to ACM`,
});
new TerraformOutput(stack, "load-balancer-dns-name", { value: alb.dnsName, description: "Load balancer of bookstore" });
new TerraformOutput(stack, "database-host", { value: db.address, description: "MySQL host, reachable only from inside the network" });
new TerraformOutput(stack, "database-credentials-secret", { value: dbSecretArn, description: "Where the database credentials are kept" });
new TerraformOutput(stack, "cache-host", { value: cache.primaryEndpointAddress, description: "Cache host, reachable only from inside the network, over TLS" });
new TerraformOutput(stack, "cache-credentials-secret", { value: cacheSecret.arn, description: "Where the cache's password is kept" });
new TerraformOutput(stack, "asset-bucket-name", {
  value: assetBucket.bucket,
  description: "The private bucket for images and static files; the web tier may write to it",
});
new TerraformOutput(stack, "kubernetes-cluster-id", { value: cluster.name, description: "The cluster, for the workloads stack" });
new TerraformOutput(stack, "kubernetes-endpoint", { value: cluster.endpoint, description: "The cluster's API server" });

// ==== the add-ons stack: Helm releases through the cluster's API ====
// Its providers are configured from data sources, like the workloads stack's.
const addOns = new TerraformStack(app, "bookstore-aws-addons");
addOns.addDependency(stack);
new AwsProvider(addOns, "aws", { region });
const addOnsEks = new DataAwsEksCluster(addOns, "cluster", { name: "bookstore-k8s" });
const addOnsAuth = new DataAwsEksClusterAuth(addOns, "cluster-auth", { name: "bookstore-k8s" });
const addOnsConnection = {
  host: addOnsEks.endpoint,
  clusterCaCertificate: Fn.base64decode(addOnsEks.certificateAuthority.get(0).data),
  token: addOnsAuth.token,
};
new KubernetesProvider(addOns, "kubernetes", addOnsConnection);
new HelmProvider(addOns, "helm", { kubernetes: addOnsConnection });
const addOnsCluster = new DataAwsEksCluster(addOns, "add-ons-cluster", { name: "bookstore-k8s" });
new Release(addOns, "load-balancer-controller", {
  name: "aws-load-balancer-controller",
  repository: "https://aws.github.io/eks-charts",
  chart: "aws-load-balancer-controller",
  version: "3.5.0",
  namespace: "kube-system",
  values: [
    Fn.jsonencode({
      clusterName: "bookstore-k8s",
      region,
      vpcId: addOnsCluster.vpcConfig.get(0).vpcId,
      serviceAccount: { create: true, name: "aws-load-balancer-controller" },
      createIngressClassResource: false,
      disableIngressClassAnnotation: true,
      enableBackendSecurityGroup: false,
      keepTLSSecret: true,
    }),
  ],
  wait: true,
});
new Release(addOns, "cluster-autoscaler", {
  name: "cluster-autoscaler",
  repository: "https://kubernetes.github.io/autoscaler",
  chart: "cluster-autoscaler",
  version: "9.59.0",
  namespace: "kube-system",
  values: [
    Fn.jsonencode({
      cloudProvider: "aws",
      awsRegion: region,
      autoDiscovery: { clusterName: "bookstore-k8s" },
      rbac: { serviceAccount: { create: true, name: "cluster-autoscaler" } },
      image: { tag: Fn.lookup({ "1.31": "v1.31.5", "1.32": "v1.32.7", "1.33": "v1.33.6", "1.34": "v1.34.5" }, addOnsCluster.version) },
    }),
  ],
  wait: true,
});

// ==== the workloads stack: the bookstore's Kubernetes objects on the cluster ====
// Its providers are configured from data sources and the infrastructure stack's outputs
// (cdktf turns the references to the database, the cache, the asset bucket and the load
// balancer into remote-state lookups). No credential is copied: the pods read the
// database's and the cache's secrets at run time with EKS Pod Identity.
const workloads = new TerraformStack(app, "bookstore-aws-workloads");
workloads.addDependency(addOns);
new AwsProvider(workloads, "aws", { region });
const eks = new DataAwsEksCluster(workloads, "cluster", { name: "bookstore-k8s" });
const eksAuth = new DataAwsEksClusterAuth(workloads, "cluster-auth", { name: "bookstore-k8s" });
new KubernetesProvider(workloads, "kubernetes", {
  host: eks.endpoint,
  clusterCaCertificate: Fn.base64decode(eks.certificateAuthority.get(0).data),
  token: eksAuth.token,
});

const labels = { app: "bookstore" };
const namespace = new NamespaceV1(workloads, "namespace", {
  metadata: { name: "bookstore", labels: { "elbv2.k8s.aws/pod-readiness-gate-inject": "enabled", ...labels, "pod-security.kubernetes.io/enforce": "restricted" } },
});
const meta = (name: string) => ({ name, namespace: namespace.metadata.name, labels });
const serviceAccount = new ServiceAccountV1(workloads, "service-account", { metadata: { ...meta("bookstore"), annotations: {} }, automountServiceAccountToken: false });
const configMap = new ConfigMapV1(workloads, "config", {
  metadata: meta("bookstore-config"),
  data: {
    ASSET_BUCKET: assetBucket.bucket,
    ASSET_BUCKET_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_REGION: region,
    CACHE_CREDENTIALS_SECRET: cacheSecret.arn,
    CACHE_HOST: cache.primaryEndpointAddress,
    CACHE_PORT: "6379",
    CACHE_TLS: "true",
    CLOUD: "aws",
    CLOUD_REGION: region,
    DB_CREDENTIALS_SECRET: dbSecretArn,
    DB_HOST: db.address,
    DB_NAME: "bookstore",
    DB_PORT: "3306",
    DB_USER: "bookstoreadmin",
    PORT: "8080",
  },
});
const probe = { httpGet: { path: "/healthz", port: "8080" }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 };
const securityContext = { runAsNonRoot: true, runAsUser: "10001", runAsGroup: "10001", seccompProfile: { type: "RuntimeDefault" } };
const deployment = new DeploymentV1(workloads, "deployment", {
  metadata: meta("bookstore"),
  spec: {
    replicas: "2",
    selector: { matchLabels: labels },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "1", maxUnavailable: "0" } },
    template: {
      metadata: { labels },
      spec: {
        serviceAccountName: serviceAccount.metadata.name,
        automountServiceAccountToken: false,
        securityContext: { ...securityContext, fsGroup: "10001" },
        topologySpreadConstraint: [
          { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: [{ matchLabels: labels }] },
        ],
        container: [
          {
            name: "bookstore",
            image: "registry.example.com/bookstore:1.4.2",
            imagePullPolicy: "Always",
            port: [{ containerPort: 8080, name: "http" }],
            envFrom: [{ configMapRef: { name: configMap.metadata.name } }],
            resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1000m", memory: "512Mi" } },
            livenessProbe: { ...probe, initialDelaySeconds: 15 },
            readinessProbe: { ...probe, initialDelaySeconds: 5 },
            securityContext: {
              ...securityContext,
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
              privileged: false,
              capabilities: { drop: ["ALL"] },
            },
            volumeMount: [{ name: "tmp", mountPath: "/tmp" }],
          },
        ],
        volume: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
      },
    },
  },
  lifecycle: { ignoreChanges: ["spec[0].replicas"] },
});
const service = new ServiceV1(workloads, "service", {
  metadata: { ...meta("bookstore"), annotations: {} },
  spec: { type: "ClusterIP", selector: labels, port: [{ name: "http", port: 80, targetPort: "8080", protocol: "TCP" }] },
  waitForLoadBalancer: false,
});
// The pods join the ALB's IP target group: no Ingress, no second load balancer.
new Manifest(workloads, "target-group-binding", {
  manifest: {
    apiVersion: "elbv2.k8s.aws/v1beta1",
    kind: "TargetGroupBinding",
    metadata: { name: `bookstore-${Fn.element(Fn.split("/", podTargetGroup.arn), 2)}`, namespace: "bookstore", labels },
    spec: { serviceRef: { name: "bookstore", port: 80 }, targetGroupARN: podTargetGroup.arn, targetType: "ip", vpcID: mainVpc.id },
  },
  dependsOn: [service],
});
new HorizontalPodAutoscalerV2(workloads, "autoscaler", {
  metadata: meta("bookstore"),
  spec: {
    minReplicas: 2,
    maxReplicas: 6,
    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
    metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
  },
});
new PodDisruptionBudgetV1(workloads, "disruption-budget", {
  metadata: meta("bookstore"),
  spec: { minAvailable: "1", selector: { matchLabels: labels } },
});
new NetworkPolicyV1(workloads, "network-policy", {
  metadata: meta("bookstore"),
  spec: {
    podSelector: { matchLabels: labels },
    policyTypes: ["Ingress", "Egress"],
    ingress: [
      {
        from: [{ ipBlock: { cidr: "10.20.128.0/18" } }, { ipBlock: { cidr: "10.20.192.0/18" } }],
        ports: [{ port: "8080", protocol: "TCP" }],
      },
    ],
    egress: [
      {
        to: [{ ipBlock: { cidr: "10.20.0.0/18" } }, { ipBlock: { cidr: "10.20.64.0/18" } }],
        ports: [{ port: "3306", protocol: "TCP" }],
      },
      {
        to: [{ ipBlock: { cidr: "10.20.0.0/18" } }, { ipBlock: { cidr: "10.20.64.0/18" } }],
        ports: [{ port: "6379", protocol: "TCP" }],
      },
      // The EKS Pod Identity agent, and Secrets Manager over HTTPS.
      { to: [{ ipBlock: { cidr: "169.254.170.23/32" } }], ports: [{ port: "80", protocol: "TCP" }] },
      { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: "443", protocol: "TCP" }] },
      {
        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
        ports: [
          { port: "53", protocol: "UDP" },
          { port: "53", protocol: "TCP" },
        ],
      },
    ],
  },
});

app.synth();
