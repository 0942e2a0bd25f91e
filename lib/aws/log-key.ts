import { Construct, IConstruct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Fn, TerraformStack } from "../core/cdktf";

const KEY_ID = "AwsLogKey";

/**
 * The stack's one customer managed KMS key for its CloudWatch log groups (VPC flow logs,
 * EKS control-plane logs), rotating yearly (CKV_AWS_158, CKV_AWS_7). Its key policy is
 * written out (CKV2_AWS_64): the account administers the key through IAM, as the default
 * policy allows, and CloudWatch Logs of this region may use it only for this account's
 * log groups (the encryption context condition AWS documents).
 * ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 * ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
export class AwsLogKey extends Construct {
  /** The stack's log key, created by the first construct that asks for it. */
  public static of(scope: IConstruct): AwsLogKey {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(KEY_ID);
    return existing instanceof AwsLogKey ? existing : new AwsLogKey(stack, KEY_ID);
  }

  public readonly key: KmsKey;

  private constructor(scope: TerraformStack, id: string) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, "Account").accountId;
    const partition = new DataAwsPartition(this, "Partition");
    // `region`: provider 6 deprecates the data source's `name`.
    // ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade
    const region = new DataAwsRegion(this, "Region").region;
    this.key = new KmsKey(this, "Resource", {
      description: `Encrypts the CloudWatch log groups of ${scope.node.id}`,
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
            Principal: { Service: `logs.${region}.${partition.dnsSuffix}` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition.partition}:logs:${region}:${account}:log-group:*` } },
          },
        ],
      }),
    });
  }
}
