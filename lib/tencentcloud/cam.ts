import { Construct } from "constructs";
import { CamPolicy } from "../generated/tencentcloud/cam-policy";
import { CamRole } from "../generated/tencentcloud/cam-role";
import { CamRolePolicyAttachment } from "../generated/tencentcloud/cam-role-policy-attachment";
import { DataTencentcloudUserInfo } from "../generated/tencentcloud/data-tencentcloud-user-info";
import { Fn } from "../core/cdktf";
import { cosObjectsResource, TencentcloudAssetBucket } from "./asset-bucket";

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

/**
 * A CAM role the compute group's instances assume (through the instance metadata, so no
 * key is ever written to them; CKV_TC_13), allowed to read one SSM secret and to read and
 * write one COS bucket's objects, and nothing else. Undefined when there is neither.
 * ref: https://www.tencentcloud.com/document/product/598/19381 (roles for CVM)
 * ref: https://www.tencentcloud.com/document/product/1115/46166 (SSM resource description:
 * qcs::ssm:<region>:uin/<uin>:secret/creatorUin/<creator uin>/<secret name>)
 */
export function instanceRole(
  scope: Construct,
  props: { name: string; region: string; secretName?: string; assetBucket?: TencentcloudAssetBucket },
): CamRole | undefined {
  if (props.secretName === undefined && props.assetBucket === undefined) return undefined;
  const role = new CamRole(scope, "InstanceRole", {
    name: props.name,
    description: `Instances of ${props.name}: ${[props.secretName && "read the database credentials", props.assetBucket && "read and write the asset bucket's objects"].filter(Boolean).join("; ")}`,
    consoleLogin: false,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [{ action: ["name/sts:AssumeRole"], effect: "allow", principal: { service: ["cvm.qcloud.com"] } }],
    }),
  });
  if (props.secretName !== undefined) {
    const account = new DataTencentcloudUserInfo(scope, "Account", {});
    const policy = new CamPolicy(scope, "ReadDatabaseCredentials", {
      name: `${props.name}-read-db-credentials`,
      description: `Read the database credentials of ${props.name}`,
      document: Fn.jsonencode({
        version: "2.0",
        statement: [
          {
            effect: "allow",
            action: ["ssm:GetSecretValue"],
            resource: [`qcs::ssm:${props.region}:uin/${account.ownerUin}:secret/creatorUin/*/${props.secretName}`],
          },
        ],
      }),
    });
    new CamRolePolicyAttachment(scope, "InstanceRolePolicy", { roleId: role.id, policyId: policy.id });
  }
  if (props.assetBucket !== undefined) {
    const policy = new CamPolicy(scope, "ReadWriteAssets", {
      name: `${props.name}-read-write-assets`,
      description: `Read and write the asset bucket's objects for ${props.name}`,
      document: Fn.jsonencode({
        version: "2.0",
        statement: [{ effect: "allow", action: COS_OBJECT_ACTIONS, resource: [cosObjectsResource(props.region, props.assetBucket)] }],
      }),
    });
    new CamRolePolicyAttachment(scope, "InstanceRoleAssetsPolicy", { roleId: role.id, policyId: policy.id });
  }
  return role;
}
