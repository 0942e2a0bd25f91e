import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53QueryLog } from "@cdktf/provider-aws/lib/route53-query-log";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Fn } from "../core/cdktf";

/** A year of query logs, as the stack's other CloudWatch log groups keep (CKV_AWS_338). */
const RETENTION_DAYS = 365;

/**
 * Query logging for a hosted zone this stack creates (CKV2_AWS_39): Route 53 writes each
 * query it answers to a CloudWatch log group, which must be in us-east-1, through a
 * resource policy that admits Route 53 for this account's hosted zones only. The group is
 * encrypted with a rotating key of its own, usable only by CloudWatch Logs of us-east-1
 * for this account's log groups. A region takes at most 10 resource policies.
 * ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
 * ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function route53QueryLogging(scope: Construct, zone: Route53Zone, zoneName: string, globalRegion: string, globalProvider: AwsProvider): void {
  const account = new DataAwsCallerIdentity(scope, "QueryLogAccount", { provider: globalProvider }).accountId;
  const partition = new DataAwsPartition(scope, "QueryLogPartition", { provider: globalProvider });
  const arn = (service: string, region: string, resource: string) => `arn:${partition.partition}:${service}:${region}:${account}:${resource}`;

  const key = new KmsKey(scope, "QueryLogKey", {
    provider: globalProvider,
    description: `Encrypts the Route 53 query logs of ${zoneName}`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        { Sid: "AccountAdministersThroughIam", Effect: "Allow", Principal: { AWS: `arn:${partition.partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
        {
          Sid: "CloudWatchLogsOfThisAccount",
          Effect: "Allow",
          Principal: { Service: `logs.${globalRegion}.${partition.dnsSuffix}` },
          Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": arn("logs", globalRegion, "log-group:*") } },
        },
      ],
    }),
  });

  const logGroup = new CloudwatchLogGroup(scope, "QueryLogs", {
    provider: globalProvider,
    name: `/aws/route53/${zoneName}`,
    retentionInDays: RETENTION_DAYS,
    kmsKeyId: key.arn,
  });

  const policy = new CloudwatchLogResourcePolicy(scope, "QueryLogPolicy", {
    provider: globalProvider,
    policyName: `route53-query-logs-${zoneName.replace(/\./g, "-")}`,
    policyDocument: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Route53WritesQueryLogs",
          Effect: "Allow",
          Principal: { Service: "route53.amazonaws.com" },
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${logGroup.arn}:*`,
          Condition: {
            ArnLike: { "aws:SourceArn": `arn:${partition.partition}:route53:::hostedzone/*` },
            StringEquals: { "aws:SourceAccount": account },
          },
        },
      ],
    }),
  });

  new Route53QueryLog(scope, "QueryLog", {
    zoneId: zone.zoneId,
    cloudwatchLogGroupArn: logGroup.arn,
    dependsOn: [policy],
  });
}
