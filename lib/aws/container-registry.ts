import { Token } from "../core/cdktf";
import { privateRegistryPullLines } from "../core/user-data";
import { AwsCatalog } from "./catalog";
import { PolicyStatement } from "./pod-identity";

/** An image of an Amazon ECR private registry, as its reference names it. */
export interface EcrImage {
  /** `<account>.dkr.ecr.<region>.amazonaws.com` */
  readonly host: string;
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly repository: string;
}

/**
 * The ECR registry and repository of an image reference (`host/repository[:tag][@digest]`),
 * or undefined when the image is elsewhere or known only at apply time.
 * ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html
 */
export function ecrImage(image: string, catalog: AwsCatalog): EcrImage | undefined {
  if (Token.isUnresolved(image)) return undefined;
  const match = new RegExp(`^(${catalog.aws.containerRegistryHostPattern})/([a-z0-9]+(?:[._/-][a-z0-9]+)*)(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`).exec(image);
  if (!match) return undefined;
  const host = match[1];
  const [account, , , region] = host.split(".");
  const partition = host.endsWith(".cn") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  return { host, account, region, partition, repository: match[2] };
}

/**
 * What an instance role needs to pull the image: a registry token (an account-wide call),
 * and the image's layers from its repository only.
 * ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-pull.html
 * ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html
 */
export function ecrPullStatements(ecr: EcrImage): PolicyStatement[] {
  return [
    { Sid: "RegistryToken", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
    {
      Sid: "PullTheImageRepositoryOnly",
      Effect: "Allow",
      Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      Resource: `arn:${ecr.partition}:ecr:${ecr.region}:${ecr.account}:repository/${ecr.repository}`,
    },
  ];
}

/**
 * The boot script's login to the registry, with the instance role's credentials (the AWS
 * CLI ships with Amazon Linux 2023); the token lives 12 hours, long enough for the pull.
 * ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html#registry-auth-token
 */
export function ecrLoginCommands(ecr: EcrImage): string[] {
  return [`aws ecr get-login-password --region ${ecr.region} | docker login --username AWS --password-stdin ${ecr.host}`];
}

/**
 * The ARN of a Secrets Manager secret of the account, by name: Secrets Manager appends a
 * hyphen and six random characters to the name, which `??????` matches exactly (`*` would
 * also match a longer name that starts alike).
 * ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/permissions_grant-limited-resources.html
 *   (arn:aws:secretsmanager:<region>:<account-id-number>:secret:<name>-??????, and why not -*)
 */
export function secretArnPattern(partition: string, region: string, account: string, secretName: string): string {
  return `arn:${partition}:secretsmanager:${region}:${account}:secret:${secretName}-??????`;
}

/**
 * The boot script's pull with a private registry's Docker config, read from Secrets
 * Manager with the instance role's credentials by the AWS CLI of Amazon Linux 2023 (the
 * secret's text, `SecretString`), kept in /run for the pull only.
 * ref: https://docs.aws.amazon.com/cli/latest/reference/secretsmanager/get-secret-value.html (--secret-id, SecretString;
 *   secretsmanager:GetSecretValue, and kms:Decrypt when a customer managed key encrypts the secret)
 */
export function registrySecretPullLines(image: string, secretName: string, region: string): string[] {
  return [
    `# The image's registry login, read from Secrets Manager with this VM's role: in memory for the pull only.`,
    ...privateRegistryPullLines(image, `aws secretsmanager get-secret-value --region ${region} --secret-id ${secretName} --query SecretString --output text`),
  ];
}
