import { Construct } from "constructs";
import { CsKubernetesPermissions } from "../generated/alicloud/cs-kubernetes-permissions";
import { DataAlicloudRamRoles } from "../generated/alicloud/data-alicloud-ram-roles";
import { DataAlicloudRamUsers } from "../generated/alicloud/data-alicloud-ram-users";
import { isUnresolved, ValidationError } from "../core/validation";
import { deployingAccount } from "./ram";

/** A RAM role or user ARN: acs:ram::<account ID>:role/<name> or acs:ram::<account ID>:user/<name>. */
const PRINCIPAL_ARN = /^acs:ram::(\d+):(role|user)\/([\w.@-]{1,64})$/;

/** ACK's predefined RBAC role that administers the whole cluster. */
const CLUSTER_ADMIN_ROLE = "admin";

/**
 * Each administrator (a RAM role or user ARN) gets ACK's predefined `admin` RBAC role on
 * the cluster, by `alicloud_cs_kubernetes_permissions` (ACK's UpdateUserPermissions):
 * ACK grants no RBAC permissions to anyone but the cluster's creator by default, so a CI
 * principal that did not create the cluster needs this grant to deploy the workloads.
 *
 * The grant takes the principal's ID, not its ARN: it is looked up by name in the
 * deploying account (`alicloud_ram_roles`, `alicloud_ram_users`; names compared without
 * regard to case, as RAM spells role ARNs in lower case), and a precondition refuses the
 * plan unless exactly that principal of that account was found.
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/developer-reference/api-cs-2015-12-15-updateuserpermissions
 *   (uid: the ID of the RAM user or RAM role; role_name admin; role_type cluster)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_cs_kubernetes_permissions.go
 */
export function grantClusterAdministrators(scope: Construct, clusterId: string, administrators: readonly string[]): void {
  administrators.forEach((arn, index) => {
    const field = `administrators[${index}]`;
    const match = isUnresolved(arn) ? null : PRINCIPAL_ARN.exec(arn);
    if (!match) {
      throw new ValidationError(scope, field, arn, "a literal RAM role or user ARN on alicloud, e.g. acs:ram::1234567890123456:role/ci-deployer (the grant looks the principal up by its name)");
    }
    const [, accountId, kind, name] = match;
    const n = index + 1;
    // Go's regexp syntax (the data sources' name_regex): case-insensitive, the whole name, dots literal.
    const nameRegex = `(?i)^${name.replace(/\./g, "\\.")}$`;
    let uid: string;
    let condition: string;
    if (kind === "role") {
      const roles = new DataAlicloudRamRoles(scope, `Administrator${n}Role`, { nameRegex });
      uid = roles.roles.get(0).id;
      // The role's own ARN names the account, so the match covers both.
      condition = `\${length(${roles.fqn}.roles) == 1 && lower(try(${roles.fqn}.roles[0].arn, "")) == lower("${arn}")}`;
    } else {
      const users = new DataAlicloudRamUsers(scope, `Administrator${n}User`, { nameRegex });
      uid = users.users.get(0).id;
      // The stack's one account lookup, which the KMS grants' ARNs read too (ram.ts).
      condition = `\${length(${users.fqn}.users) == 1 && ${deployingAccount(scope).fqn}.id == "${accountId}"}`;
    }
    new CsKubernetesPermissions(scope, `Administrator${n}`, {
      uid,
      permissions: [{ cluster: clusterId, roleType: "cluster", roleName: CLUSTER_ADMIN_ROLE, isCustom: false, isRamRole: kind === "role" }],
      lifecycle: {
        precondition: [
          {
            condition,
            errorMessage: `kubernetes.administrators[${index}] ${arn}: no such RAM ${kind} in the account that deploys the cluster (account ${accountId}), or more than one whose name matches.`,
          },
        ],
      },
    });
  });
}
