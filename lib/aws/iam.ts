import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";

/** ARN of an AWS managed policy in the commercial partition (the catalog's regions). */
export function managedPolicyArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`;
}

/**
 * A role that one AWS service may assume, with AWS managed policies attached. Each
 * attachment is its own resource, so adding one never replaces the role.
 */
export function serviceRole(scope: Construct, id: string, props: { servicePrincipal: string; namePrefix: string; managedPolicies: readonly string[] }): {
  role: IamRole;
  attachments: IamRolePolicyAttachment[];
} {
  const role = new IamRole(scope, id, {
    namePrefix: props.namePrefix.slice(0, 38),
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: props.servicePrincipal }, Action: "sts:AssumeRole" }],
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
