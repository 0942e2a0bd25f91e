import { Construct } from "constructs";
import { DataTencentcloudTcrInstances } from "../generated/tencentcloud/data-tencentcloud-tcr-instances";
import { Token } from "../core/cdktf";
import { privateRegistryPullLines } from "../core/user-data";
import { TencentcloudSpecifics } from "./catalog";

/** An image held by a TCR Enterprise instance, read from its reference. */
export interface TcrEnterpriseImage {
  /** The registry host, `<instance name>.tencentcloudcr.com`. */
  readonly host: string;
  /** The instance's name, the first label of its domain. */
  readonly instanceName: string;
  readonly namespace: string;
  readonly repository: string;
}

// An Enterprise image: <instance name>.tencentcloudcr.com/<namespace>/<repository>:<tag>.
// ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_addon.md
//   (the tcr add-on's dockerServer "<instance name>.tencentcloudcr.com")
const ENTERPRISE_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.tencentcloudcr\.com$/;
// TCR Personal, the former CCR, whose registry is ccr.ccs.tencentyun.com.
// ref: https://www.tencentcloud.com/document/product/1051/39862 (TCR Personal: the former CCR image repository of TKE)
const PERSONAL_HOST = /^ccr\.ccs\.tencentyun\.com$/;

/**
 * The TCR Enterprise repository of an image (`<host>/<namespace>/<repository>`, tagged or
 * by digest), or undefined for any other registry (TCR Personal included, see
 * `isTcrPersonalImage`).
 */
export function tcrEnterpriseImage(image: string): TcrEnterpriseImage | undefined {
  if (Token.isUnresolved(image)) return undefined;
  const [host, namespace, ...rest] = image.split("/");
  const match = ENTERPRISE_HOST.exec(host);
  if (!match || namespace === undefined || rest.length === 0) return undefined;
  const repository = rest.join("/").split("@")[0].split(":")[0];
  return { host, instanceName: match[1], namespace, repository };
}

/**
 * True for an image in TCR Personal. Its login is the account's own registry password,
 * set in the console; TCR documents no temporary credential a CAM role could ask for, so
 * the VMs get no login for it (see docs/tencentcloud.md).
 */
export function isTcrPersonalImage(image: string): boolean {
  return !Token.isUnresolved(image) && PERSONAL_HOST.test(image.split("/")[0]);
}

/** The TCR Enterprise instance an image is in, looked up by name in the stack's region at plan time. */
export interface TcrInstance {
  readonly image: TcrEnterpriseImage;
  /** The instance's ID (`tcr-...`), known at plan time. */
  readonly registryId: string;
  /** A precondition for whatever uses the ID: exactly one instance of that name. */
  readonly precondition: { condition: string; errorMessage: string };
}

/**
 * Looks the image's instance up by its name (`tencentcloud_tcr_instances`, whose name
 * filter may match more than one), in the stack's region and account.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tcr/data_source_tc_tcr_instances.go (filter RegistryName)
 */
export function tcrInstanceOf(scope: Construct, image: TcrEnterpriseImage): TcrInstance {
  const instances = new DataTencentcloudTcrInstances(scope, "Registry", { name: image.instanceName });
  return {
    image,
    registryId: instances.instanceList.get(0).id,
    precondition: {
      condition: `\${length(${instances.fqn}.instance_list) == 1 && try(${instances.fqn}.instance_list[0].name, "") == "${image.instanceName}"}`,
      errorMessage: `web.image ${image.host}/${image.namespace}/${image.repository}: no TCR Enterprise instance named ${image.instanceName} in the stack's region and account (or more than one whose name contains it); the VMs log in only to an instance there.`,
    },
  };
}

/**
 * What the instances' CAM role needs to pull the image: a temporary access credential of
 * that one instance, and pulls of that one repository.
 * ref: https://www.tencentcloud.com/document/product/1051/39860 (CAM APIs for Enterprise Edition: CreateInstanceToken on
 *   qcs::tcr:$region:$account:instance/$instanceid; repositories as qcs::tcr:$region:$account:repository/$instanceId/...)
 * ref: TCR's "Enterprise Edition authorization examples" (read-only on one repository: tcr:PullRepository on
 *   qcs::tcr:::repository/<instance ID>/<namespace>/<repository>/*)
 */
export function tcrPullStatements(instance: TcrInstance, region: string, ownerUin: string): { effect: string; action: string[]; resource: string[] }[] {
  const account = `qcs::tcr:${region}:uin/${ownerUin}`;
  const repository = `${account}:repository/${instance.registryId}/${instance.image.namespace}/${instance.image.repository}`;
  return [
    { effect: "allow", action: ["tcr:CreateInstanceToken"], resource: [`${account}:instance/${instance.registryId}`] },
    { effect: "allow", action: ["tcr:PullRepository"], resource: [repository, `${repository}/*`] },
  ];
}

/** Reads one field of a JSON object from stdin. */
const JSON_FIELD = "python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])'";
/** Reads, from stdin, the field named third of the item of a list (named first) whose field named second is largest. */
const NEWEST_ITEM_FIELD = "python3 -c 'import json,sys; print(max(json.load(sys.stdin)[sys.argv[1]], key=lambda v: v[sys.argv[2]])[sys.argv[3]])'";
const TCCLI = "/opt/tccli/bin/tccli";

/** Part of the boot script that runs TCCLI: a comment and its commands. */
interface CliSection {
  readonly comment: string;
  readonly commands: readonly string[];
}

/**
 * The sections' lines, TCCLI (pinned, with the SDK it runs on, in a virtual environment of
 * its own) installed once, before the first section's commands.
 * ref: https://pypi.org/project/tccli/ (the CLI and tencentcloud-sdk-python, installed by version)
 */
function withTccli(sections: readonly CliSection[], cli: TencentcloudSpecifics["tccli"]): string[] {
  return sections.flatMap((section, index) => [
    section.comment,
    ...(index === 0
      ? [
          "if ! command -v python3 >/dev/null; then dnf install -y python3 || yum install -y python3; fi",
          `python3 -m venv /opt/tccli && /opt/tccli/bin/pip install --quiet tccli==${cli.version} tencentcloud-sdk-python==${cli.sdkVersion}`,
        ]
      : []),
    ...section.commands,
  ]);
}

/**
 * Logs Docker in to the image's TCR Enterprise instance with a one-hour access credential
 * (`CreateInstanceToken`, `TokenType temp`), which `docker login` reads from stdin.
 * ref: https://www.tencentcloud.com/document/product/1051/45154 (CreateInstanceToken: RegistryId, TokenType temp, valid one
 *   hour; returns Username and Token)
 */
function tcrLoginSection(instance: TcrInstance, region: string): CliSection {
  const token = "/run/bookstore-tcr-token.json";
  return {
    comment: `# Docker logs in to ${instance.image.host} with this VM's CAM role: a one-hour credential, stored nowhere.`,
    commands: [
      `(umask 077 && ${TCCLI} tcr CreateInstanceToken --use-cvm-role --region ${region} --RegistryId ${instance.registryId} --TokenType temp > ${token})`,
      `${JSON_FIELD} Token < ${token} | docker login --username $(${JSON_FIELD} Username < ${token}) --password-stdin ${instance.image.host}`,
      `rm -f ${token}`,
    ],
  };
}

/**
 * Pulls the image with a private registry's Docker config, the text value (`SecretString`)
 * of the newest version of an SSM secret of the stack's region, kept in /run for the pull
 * only. GetSecretValue takes a version (`SSM_Current` names only the cloud's own rotated
 * secrets), so the script lists the secret's versions and takes the one created last.
 * ref: https://www.tencentcloud.com/document/product/1078/38647 (ListSecretVersionIds: SecretName; Versions[].VersionId, CreateTime)
 * ref: https://www.tencentcloud.com/document/product/1078/38649 (GetSecretValue: SecretName and VersionId required; SecretString)
 */
function secretPullSection(image: string, secretName: string, region: string): CliSection {
  const ssm = (operation: string) => `${TCCLI} ssm ${operation} --use-cvm-role --region ${region} --SecretName ${secretName}`;
  return {
    comment: "# The image's registry login, read from SSM with this VM's CAM role: in memory for the pull only.",
    commands: [
      `REGISTRY_SECRET_VERSION=$(${ssm("ListSecretVersionIds")} | ${NEWEST_ITEM_FIELD} Versions CreateTime VersionId)`,
      ...privateRegistryPullLines(image, `${ssm("GetSecretValue")} --VersionId $REGISTRY_SECRET_VERSION | ${JSON_FIELD} SecretString`),
    ],
  };
}

/**
 * The VMs' boot-script lines for their image's registry, run with the VM's CAM role (the
 * pinned TCCLI takes the role's temporary keys from the instance metadata,
 * `--use-cvm-role`): the login to a TCR Enterprise instance with a one-hour credential, or
 * the pull with a private registry's Docker config read from SSM, with TCCLI installed
 * once; none when neither applies. No password is stored anywhere. The lines hold no
 * double quote or backslash, which the user data's Terraform string would read as syntax.
 * ref: https://cloud.tencent.com/document/product/440/96291 (TCCLI credentials: instance role, tccli ... --use-cvm-role)
 */
export function vmRegistryLines(props: { image: string; instance?: TcrInstance; registrySecretName?: string; region: string; cli: TencentcloudSpecifics["tccli"] }): string[] {
  return withTccli(
    [
      ...(props.instance ? [tcrLoginSection(props.instance, props.region)] : []),
      ...(props.registrySecretName !== undefined ? [secretPullSection(props.image, props.registrySecretName, props.region)] : []),
    ],
    props.cli,
  );
}
