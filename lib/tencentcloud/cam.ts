import { Construct } from "constructs";
import { CamPolicy } from "../generated/tencentcloud/cam-policy";
import { CamRole } from "../generated/tencentcloud/cam-role";
import { CamRolePolicyAttachment } from "../generated/tencentcloud/cam-role-policy-attachment";
import { DataTencentcloudUserInfo } from "../generated/tencentcloud/data-tencentcloud-user-info";
import { Fn } from "../core/cdktf";
import { cosObjectsResource, TencentcloudAssetBucket } from "./asset-bucket";
import { TcrInstance, tcrPullStatements } from "./registry";

/**
 * COS actions that read, write and delete objects, multipart uploads included; nothing of
 * the bucket's own configuration, no listing.
 * ref: https://www.tencentcloud.com/document/product/436/30580 (COS API authorization policies)
 */
const COS_OBJECT_ACTIONS = [
  "name/cos:GetObject",
  "name/cos:HeadObject",
  "name/cos:PutObject",
  "name/cos:DeleteObject",
  "name/cos:InitiateMultipartUpload",
  "name/cos:UploadPart",
  "name/cos:CompleteMultipartUpload",
  "name/cos:AbortMultipartUpload",
  "name/cos:ListParts",
];

/** One SSM secret the role may read, and the construct IDs of the policy that allows it and of its attachment. */
export interface ReadableSecret {
  /** Construct ID of the policy, e.g. `ReadDatabaseCredentials`. */
  readonly policyId: string;
  /** Construct ID of the policy's attachment to the role, e.g. `InstanceRolePolicy`. */
  readonly attachmentId: string;
  /** What the secret holds, for names and descriptions, e.g. `database`. */
  readonly what: string;
  /** Short form of `what` in the policy's name, e.g. `db`. */
  readonly short: string;
  readonly secretName: string;
  /**
   * The reader also lists the secret's versions, to read the newest: GetSecretValue takes a
   * version, and only the cloud's own rotated secrets have the `SSM_Current` alias.
   * @default false: the reader names the version
   */
  readonly listsVersions?: boolean;
}

/**
 * A CAM role the compute group's instances assume (through the instance metadata, so no
 * key is ever written to them; CKV_TC_13), allowed to read the given SSM secrets, to
 * read and write one COS bucket's objects and to pull the image from its TCR Enterprise
 * instance, and nothing else: one policy per grant, so adding one leaves the others as
 * they are, with the policies' attachments, which instances that use the grants at boot
 * wait for. Undefined when there is nothing to grant.
 * ref: https://www.tencentcloud.com/document/product/598/19381 (roles for CVM)
 */
export function instanceRole(
  scope: Construct,
  props: { name: string; region: string; secrets: readonly ReadableSecret[]; assetBucket?: TencentcloudAssetBucket; registry?: TcrInstance },
): { readonly role: CamRole; readonly granted: readonly CamRolePolicyAttachment[] } | undefined {
  if (props.secrets.length === 0 && props.assetBucket === undefined && props.registry === undefined) return undefined;
  const grants = [
    ...props.secrets.map((secret) => `read the ${secret.what} credentials`),
    ...(props.assetBucket ? ["read and write the asset bucket's objects"] : []),
    ...(props.registry ? ["pull the image"] : []),
  ];
  const role = new CamRole(scope, "InstanceRole", {
    name: props.name,
    description: `Instances of ${props.name}: ${grants.join("; ")}`,
    consoleLogin: false,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [{ action: ["name/sts:AssumeRole"], effect: "allow", principal: { service: ["cvm.qcloud.com"] } }],
    }),
  });
  const granted: CamRolePolicyAttachment[] = [];
  const account = props.secrets.length > 0 || props.registry ? new DataTencentcloudUserInfo(scope, "Account", {}) : undefined;
  if (account) {
    granted.push(...grantSecretReads(scope, role.id, { name: props.name, region: props.region, ownerUin: account.ownerUin, secrets: props.secrets }));
  }
  if (props.assetBucket !== undefined) {
    const policy = readWriteAssetsPolicy(scope, "ReadWriteAssets", { name: props.name, region: props.region, assetBucket: props.assetBucket });
    granted.push(new CamRolePolicyAttachment(scope, "InstanceRoleAssetsPolicy", { roleId: role.id, policyId: policy.id }));
  }
  if (props.registry !== undefined && account) {
    const policy = new CamPolicy(scope, "PullImage", {
      name: `${props.name}-pull-image`,
      description: `Pull ${props.registry.image.host}/${props.registry.image.namespace}/${props.registry.image.repository} for ${props.name}`,
      document: Fn.jsonencode({ version: "2.0", statement: tcrPullStatements(props.registry, props.region, account.ownerUin) }),
      lifecycle: { precondition: [props.registry.precondition] },
    });
    granted.push(new CamRolePolicyAttachment(scope, "InstanceRoleRegistryPolicy", { roleId: role.id, policyId: policy.id }));
  }
  return { role, granted };
}

/** A CAM policy that allows reading, writing and deleting one COS bucket's objects by key, and nothing else. */
export function readWriteAssetsPolicy(scope: Construct, id: string, props: { name: string; region: string; assetBucket: TencentcloudAssetBucket }): CamPolicy {
  return new CamPolicy(scope, id, {
    name: `${props.name}-read-write-assets`,
    description: `Read and write the asset bucket's objects for ${props.name}`,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [{ effect: "allow", action: COS_OBJECT_ACTIONS, resource: [cosObjectsResource(props.region, props.assetBucket)] }],
    }),
  });
}

/** One policy per secret, each attached to the role: adding a secret leaves the others as they are. */
export function grantSecretReads(scope: Construct, roleId: string, props: { name: string; region: string; ownerUin: string; secrets: readonly ReadableSecret[] }): CamRolePolicyAttachment[] {
  return props.secrets.map((secret) => {
    const policy = readSecretPolicy(scope, secret.policyId, {
      name: props.name,
      region: props.region,
      ownerUin: props.ownerUin,
      secretName: secret.secretName,
      what: secret.what,
      short: secret.short,
      listsVersions: secret.listsVersions ?? false,
    });
    return new CamRolePolicyAttachment(scope, secret.attachmentId, { roleId, policyId: policy.id });
  });
}

/**
 * A CAM policy that allows reading one SSM secret's value (and listing its versions, when
 * asked) and nothing else. The secret is encrypted with SSM's own key, so no KMS
 * permission is needed.
 * ref: https://www.tencentcloud.com/document/product/1115/46166 (SSM resource description:
 * qcs::ssm:<region>:uin/<uin>:secret/creatorUin/<creator uin>/<secret name>)
 * ref: https://www.tencentcloud.com/document/product/1078/38612 (GetSecretValue and ListSecretVersionIds authorize on that
 *   one secret's resource)
 */
function readSecretPolicy(
  scope: Construct,
  id: string,
  props: { name: string; region: string; ownerUin: string; secretName: string; what: string; short: string; listsVersions: boolean },
): CamPolicy {
  const { what, short } = props;
  return new CamPolicy(scope, id, {
    name: `${props.name}-read-${short}-credentials`,
    description: `Read the ${what} credentials of ${props.name}`,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [
        {
          effect: "allow",
          action: props.listsVersions ? ["ssm:GetSecretValue", "ssm:ListSecretVersionIds"] : ["ssm:GetSecretValue"],
          resource: [`qcs::ssm:${props.region}:uin/${props.ownerUin}:secret/creatorUin/*/${props.secretName}`],
        },
      ],
    }),
  });
}
