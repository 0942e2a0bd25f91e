import { Construct } from "constructs";
import { RamPolicy } from "../generated/alicloud/ram-policy";
import { RamRole } from "../generated/alicloud/ram-role";
import { RamRolePolicyAttachment } from "../generated/alicloud/ram-role-policy-attachment";
import { DataAlicloudAccount } from "../generated/alicloud/data-alicloud-account";
import { Fn, TerraformStack } from "../core/cdktf";
import { credentialsKeyArnOf } from "./secrets";

/** RAM role names: 1 to 64 letters, digits, periods and hyphens. */
const RAM_ROLE_NAME_MAX_LENGTH = 64;

/**
 * A RAM name from a resource name and a region: underscores become hyphens and the
 * name is shortened so that "<name>-<region>" fits 64 characters.
 */
export function ramName(name: string, region: string): string {
  return `${name.replace(/_/g, "-").slice(0, RAM_ROLE_NAME_MAX_LENGTH - region.length - 1).replace(/-+$/, "")}-${region}`;
}

/**
 * A RAM name "<name>-<suffix>-<region>" that keeps the suffix whole and shortens the name
 * instead, so that roles of one resource told apart by their suffix never share a name
 * however long the resource's name is.
 */
export function ramNameWithSuffix(name: string, suffix: string, region: string): string {
  const room = RAM_ROLE_NAME_MAX_LENGTH - region.length - suffix.length - 2;
  return ramName(`${name.replace(/_/g, "-").slice(0, room).replace(/-+$/, "")}-${suffix}`, region);
}

/** One statement of a RAM policy. */
export interface RamStatement {
  readonly Effect: string;
  readonly Action: string[];
  readonly Resource: string[];
}

/**
 * Reading the given KMS secrets of the region: a data store's credentials secret, or a secret
 * by its name; none without a secret. A secret this library made is encrypted by a key of its
 * own, which GetSecretValue decrypts with the caller's rights: the reader may also
 * `kms:Decrypt` with that key (and no other). A secret named by the user (a registry's login)
 * is encrypted by a key the library does not know: its reader is granted no key.
 * ref: https://www.alibabacloud.com/help/en/kms/support/use-ram-to-control-access-to-kms-resources
 *   (GetSecretValue: kms:GetSecretValue on acs:kms:${region}:${account}:secret/${secret-name})
 * ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-getsecretvalue
 *   (a secret protected by a key the user specified needs the caller's kms:Decrypt on that key)
 */
export function readSecretsStatements(region: string, account: string, secrets: readonly ({ readonly connection: { readonly credentialsSecretId: string } } | string | undefined)[]): RamStatement[] {
  const names = secrets.flatMap((secret) => (secret === undefined ? [] : [typeof secret === "string" ? secret : secret.connection.credentialsSecretId]));
  const keys = names.flatMap((name) => credentialsKeyArnOf(name) ?? []);
  return [...readNamedSecretsStatements(region, account, names), ...(keys.length > 0 ? [{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: keys }] : [])];
}

/**
 * Reading the KMS secrets of these names in the region and account, in one statement; none
 * without a name. The account is named, not `*`, so the grant reaches no other account's
 * secret of the same name.
 */
export function readNamedSecretsStatements(region: string, account: string, secretNames: readonly string[]): RamStatement[] {
  const secrets = secretNames.map((name) => `acs:kms:${region}:${account}:secret/${name}`);
  return secrets.length > 0 ? [{ Effect: "Allow", Action: ["kms:GetSecretValue"], Resource: secrets }] : [];
}

/** The account the stack is applied in (`alicloud_account`), read once per stack. */
export function deployingAccount(scope: Construct): DataAlicloudAccount {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild("DeployingAlicloudAccount");
  return existing instanceof DataAlicloudAccount ? existing : new DataAlicloudAccount(stack, "DeployingAlicloudAccount", {});
}

/** The ID of the account the stack is applied in (`deployingAccount`). */
export function deployingAccountId(scope: Construct): string {
  return deployingAccount(scope).id;
}

export interface RamRoleProps {
  readonly name: string;
  readonly description: string;
  /** What the role may do: one custom policy of these statements, none when empty. */
  readonly statements: RamStatement[];
}

/**
 * A RAM role that ECS instances assume, with one custom policy of the given statements.
 * RAM names are global to the account, so the region is part of them: the same shop in
 * two regions gets two roles.
 * ref: https://www.alibabacloud.com/help/en/ecs/user-guide/attach-an-instance-ram-role-to-an-ecs-instance
 */
export function instanceRole(scope: Construct, id: string, props: RamRoleProps): RoleWithGrants {
  return roleWithPolicy(scope, id, props, [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["ecs.aliyuncs.com"] } }]);
}

/**
 * A RAM role that the pods of one Kubernetes service account assume through ACK's RRSA:
 * STS's AssumeRoleWithOIDC accepts a token of the cluster's OIDC provider only for this
 * audience, issuer and subject (`system:serviceaccount:<namespace>:<name>`).
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services
 *   (the trust policy's Federated principal and oidc:aud / oidc:iss / oidc:sub conditions)
 */
export function serviceAccountRole(
  scope: Construct,
  id: string,
  props: RamRoleProps & { readonly oidcProviderArn: string; readonly issuerUrl: string; readonly audience: string; readonly subject: string },
): RamRole {
  return roleWithPolicy(scope, id, props, [
    {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { Federated: [props.oidcProviderArn] },
      Condition: { StringEquals: { "oidc:aud": props.audience, "oidc:iss": props.issuerUrl, "oidc:sub": props.subject } },
    },
  ]).role;
}

/** A role, and its policy's attachment: what whoever uses the grants at once (an instance's boot) waits for. */
export interface RoleWithGrants {
  readonly role: RamRole;
  /** The policy's attachment, none without statements. */
  readonly granted: readonly RamRolePolicyAttachment[];
}

function roleWithPolicy(scope: Construct, id: string, props: RamRoleProps, trust: Record<string, unknown>[]): RoleWithGrants {
  const role = new RamRole(scope, id, {
    roleName: props.name,
    description: props.description,
    assumeRolePolicyDocument: Fn.jsonencode({ Version: "1", Statement: trust }),
    force: true,
  });
  if (props.statements.length > 0) {
    const policy = new RamPolicy(scope, `${id}Policy`, {
      policyName: props.name,
      description: props.description,
      policyDocument: Fn.jsonencode({ Version: "1", Statement: props.statements }),
      force: true,
    });
    const attachment = new RamRolePolicyAttachment(scope, `${id}PolicyAttachment`, { roleName: role.roleName, policyName: policy.policyName, policyType: "Custom" });
    return { role, granted: [attachment] };
  }
  return { role, granted: [] };
}
