import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";

/** ARN of an AWS managed policy in the commercial partition (the catalog's regions). */
export function managedPolicyArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`;
}

/**
 * The `name_prefix` a role gets for `prefix`: IAM role names take 64 characters and
 * Terraform appends 26, so at most 38 are kept.
 * ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (role name: 64 characters)
 */
export function roleNamePrefix(prefix: string): string {
  return prefix.slice(0, 38);
}

/**
 * A role that one AWS service may assume, with AWS managed policies attached. Each
 * attachment is its own resource, so adding one never replaces the role. `condition`, where
 * the service's guide gives one, narrows whom the service may assume it for (the
 * confused-deputy keys `aws:SourceAccount` and `aws:SourceArn`).
 * ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
export function serviceRole(
  scope: Construct,
  id: string,
  props: { servicePrincipal: string; namePrefix: string; managedPolicies: readonly string[]; condition?: Readonly<Record<string, Readonly<Record<string, string>>>> },
): {
  role: IamRole;
  attachments: IamRolePolicyAttachment[];
} {
  const role = new IamRole(scope, id, {
    namePrefix: roleNamePrefix(props.namePrefix),
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: props.servicePrincipal }, Action: "sts:AssumeRole", ...(props.condition ? { Condition: props.condition } : {}) }],
    }),
  });
  const attachments = props.managedPolicies.map(
    (policy) =>
      new IamRolePolicyAttachment(scope, `${id}${policy.split("/").pop()!.replace(/[^A-Za-z0-9]/g, "")}`, {
        role: role.name,
        policyArn: managedPolicyArn(policy),
      }),
  );
  return { role, attachments };
}
