import { Token } from "../core/cdktf";
import { privateRegistryPullLines } from "../core/user-data";
import { AlicloudSpecifics } from "./catalog";

/** An image held by an ACR Enterprise Edition instance, read from its reference. */
export interface AcrEnterpriseImage {
  /** The registry host, e.g. `shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com`. */
  readonly host: string;
  /** The instance's name, the first label of its default domain. */
  readonly instanceName: string;
  readonly region: string;
  readonly namespace: string;
  readonly repository: string;
}

// An Enterprise Edition image: <instance name>-registry[-vpc].<region>.cr.aliyuncs.com/<namespace>/<repository>:<tag>.
// ref: https://www.alibabacloud.com/help/en/acr/product-overview/terms (addresses of container images)
// ref: https://www.alibabacloud.com/help/en/acr/user-guide/configure-access-over-vpcs (VPC domain names)
const ENTERPRISE_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-registry(?:-vpc)?\.([a-z0-9-]+)\.cr\.aliyuncs\.com$/;

/**
 * The ACR Enterprise Edition repository of an image (`<host>/<namespace>/<repository>`,
 * tagged or by digest), or undefined for any other registry (Personal Edition included:
 * its instances have no Enterprise API to issue a temporary password for a RAM role).
 */
export function acrEnterpriseImage(image: string): AcrEnterpriseImage | undefined {
  if (Token.isUnresolved(image)) return undefined;
  const [host, namespace, ...rest] = image.split("/");
  const match = ENTERPRISE_HOST.exec(host);
  if (!match || namespace === undefined || rest.length === 0) return undefined;
  const repository = rest.join("/").split("@")[0].split(":")[0];
  return { host, instanceName: match[1], region: match[2], namespace, repository };
}

/**
 * What a RAM role needs to pull the image: a temporary password for the instance, the
 * lookup of the instance's ID by its name, and pulls of that one repository.
 * ref: https://www.alibabacloud.com/help/en/acr/user-guide/ram-authorization-information
 *   (GetAuthorizationToken: cr:GetAuthorizationToken on *; repository ARN
 *   acs:cr:$regionid:$accountid:repository/$instanceid/$namespacename/$repositoryname)
 */
export function acrPullStatements(image: AcrEnterpriseImage): { Effect: string; Action: string[]; Resource: string[] }[] {
  return [
    { Effect: "Allow", Action: ["cr:GetAuthorizationToken", "cr:ListInstance"], Resource: ["*"] },
    { Effect: "Allow", Action: ["cr:PullRepository"], Resource: [`acs:cr:${image.region}:*:repository/*/${image.namespace}/${image.repository}`] },
  ];
}

/** Reads one field of a JSON object (an array's first item with a second name) from stdin. */
const JSON_FIELD = "python3 -c 'import json,sys; v=json.load(sys.stdin)[sys.argv[1]]; print(v[0][sys.argv[2]] if len(sys.argv) > 2 else v)'";

/** Part of the boot script that runs with the Alibaba Cloud CLI: a comment, the region its profile is set to, its commands. */
interface CliSection {
  readonly comment: string;
  readonly region: string;
  readonly commands: readonly string[];
}

/**
 * The sections' lines, the Alibaba Cloud CLI (pinned) installed once, before the first
 * section's commands, with a profile that takes the VM's RAM role's STS token from the
 * instance metadata.
 * ref: https://www.alibabacloud.com/help/en/cli/ecs-ram-role (aliyun configure set --mode EcsRamRole)
 */
function withAliyunCli(sections: readonly CliSection[], roleName: string, cli: AlicloudSpecifics["aliyunCli"]): string[] {
  return sections.flatMap((section, index) => [
    section.comment,
    ...(index === 0
      ? [
          `curl -fsSL --retry 5 -o /tmp/aliyun-cli.tgz ${cli.linuxAmd64Url}`,
          "tar -xzf /tmp/aliyun-cli.tgz -C /usr/local/bin aliyun && rm -f /tmp/aliyun-cli.tgz",
          `aliyun configure set --profile bookstore --mode EcsRamRole --ram-role-name ${roleName} --region ${section.region}`,
        ]
      : []),
    ...section.commands,
  ]);
}

/**
 * Logs Docker in to the image's instance: looks the instance's ID up by its name and asks
 * for a temporary password, which `docker login` reads from stdin. No password is stored
 * anywhere.
 * ref: https://www.alibabacloud.com/help/en/acr/developer-reference/api-cr-2018-12-01-getauthorizationtoken
 * ref: https://www.alibabacloud.com/help/en/acr/developer-reference/api-cr-2018-12-01-listinstance
 */
function acrLoginSection(image: AcrEnterpriseImage): CliSection {
  const api = (operation: string) => `aliyun --profile bookstore cr ${operation} --version 2018-12-01 --RegionId ${image.region}`;
  const token = "/run/bookstore-acr-token.json";
  return {
    comment: `# Docker logs in to ${image.host} with this VM's RAM role: a temporary password, stored nowhere.`,
    region: image.region,
    commands: [
      `ACR_INSTANCE_ID=$(${api("ListInstance")} --InstanceName ${image.instanceName} | ${JSON_FIELD} Instances InstanceId)`,
      `(umask 077 && ${api("GetAuthorizationToken")} --InstanceId $ACR_INSTANCE_ID > ${token})`,
      `${JSON_FIELD} AuthorizationToken < ${token} | docker login --username $(${JSON_FIELD} TempUsername < ${token}) --password-stdin ${image.host}`,
      `rm -f ${token}`,
    ],
  };
}

/**
 * Pulls the image with a private registry's Docker config, the text value (`SecretData`)
 * of a KMS secret of the stack's region, kept in /run for the pull only.
 * ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-getsecretvalue
 *   (SecretName; the ACSCurrent version by default; SecretData, SecretDataType text or binary)
 * ref: https://www.alibabacloud.com/help/en/cli/command-line-options (--region overrides the profile's region)
 */
function secretPullSection(image: string, secretName: string, region: string): CliSection {
  return {
    comment: "# The image's registry login, read from KMS Secrets Manager with this VM's RAM role: in memory for the pull only.",
    region,
    commands: privateRegistryPullLines(image, `aliyun --profile bookstore kms GetSecretValue --region ${region} --SecretName ${secretName} | ${JSON_FIELD} SecretData`),
  };
}

/**
 * The VMs' boot-script lines for their image's registry, run with the VM's RAM role (the
 * pinned Alibaba Cloud CLI takes the role's STS token from the instance metadata): the
 * login to an ACR Enterprise Edition instance, or the pull with a private registry's
 * Docker config read from KMS Secrets Manager, with the CLI installed once; none when
 * neither applies. No password is stored anywhere. The lines hold no double quote or
 * backslash, which the user data's Terraform string would read as syntax.
 */
export function vmRegistryLines(props: {
  image: string;
  acrImage?: AcrEnterpriseImage;
  registrySecretName?: string;
  region: string;
  roleName: string;
  cli: AlicloudSpecifics["aliyunCli"];
}): string[] {
  return withAliyunCli(
    [...(props.acrImage ? [acrLoginSection(props.acrImage)] : []), ...(props.registrySecretName !== undefined ? [secretPullSection(props.image, props.registrySecretName, props.region)] : [])],
    props.roleName,
    props.cli,
  );
}
