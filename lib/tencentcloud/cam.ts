import { Construct } from "constructs";
import { CamPolicy } from "../generated/tencentcloud/cam-policy";
import { CamRole } from "../generated/tencentcloud/cam-role";
import { CamRolePolicyAttachment } from "../generated/tencentcloud/cam-role-policy-attachment";
import { DataTencentcloudUserInfo } from "../generated/tencentcloud/data-tencentcloud-user-info";
import { Fn } from "../core/cdktf";

/**
 * A CAM role the compute group's instances assume (through the instance metadata, so no
 * key is ever written to them; CKV_TC_13), allowed to read one SSM secret and nothing else.
 * ref: https://www.tencentcloud.com/document/product/598/19381 (roles for CVM)
 */
export function secretReaderRole(scope: Construct, props: { name: string; region: string; secretName: string }): CamRole {
  const account = new DataTencentcloudUserInfo(scope, "Account", {});
  const role = new CamRole(scope, "InstanceRole", {
    name: props.name,
    description: `Instances of ${props.name}: read the database credentials`,
    consoleLogin: false,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [{ action: ["name/sts:AssumeRole"], effect: "allow", principal: { service: ["cvm.qcloud.com"] } }],
    }),
  });
  const policy = readSecretPolicy(scope, "ReadDatabaseCredentials", { name: props.name, region: props.region, ownerUin: account.ownerUin, secretName: props.secretName });
  new CamRolePolicyAttachment(scope, "InstanceRolePolicy", { roleId: role.id, policyId: policy.id });
  return role;
}

/**
 * A CAM policy that allows reading one SSM secret's value and nothing else. The secret is
 * encrypted with SSM's own key, so no KMS permission is needed.
 * ref: https://www.tencentcloud.com/document/product/1115/46166 (SSM resource description:
 * qcs::ssm:<region>:uin/<uin>:secret/creatorUin/<creator uin>/<secret name>)
 */
export function readSecretPolicy(scope: Construct, id: string, props: { name: string; region: string; ownerUin: string; secretName: string }): CamPolicy {
  return new CamPolicy(scope, id, {
    name: `${props.name}-read-db-credentials`,
    description: `Read the database credentials of ${props.name}`,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [
        {
          effect: "allow",
          action: ["ssm:GetSecretValue"],
          resource: [`qcs::ssm:${props.region}:uin/${props.ownerUin}:secret/creatorUin/*/${props.secretName}`],
        },
      ],
    }),
  });
}
