import { Construct } from "constructs";
import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { EksCluster, EksClusterConfig } from "@cdktf/provider-aws/lib/eks-cluster";
import { isUnresolved, ValidationError } from "../core/validation";
import { AwsCatalog } from "./catalog";
import { roleNamePrefix } from "./iam";

/**
 * Who may use the cluster's Kubernetes API is declared, never implied by who ran apply:
 * authentication by access entries only (mode API), and no admin entry for the cluster's
 * creator (`bootstrapClusterCreatorAdminPermissions` off). EKS made that entry outside
 * Terraform, so listing the deploying principal as an administrator too failed with 409
 * ResourceInUseException; now every administrator, the deployer included, gets the entry
 * Terraform creates for it.
 *
 * The provider forces a new cluster when `bootstrap_cluster_creator_admin_permissions`
 * changes (the API takes it only at creation), so changes to it are ignored: a cluster
 * created before keeps its creator's entry, and is never replaced for it.
 * ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessConfigRequest.html
 * ref: https://github.com/hashicorp/terraform-provider-aws/blob/v6.25.0/internal/service/eks/cluster.go
 * (access_config.bootstrap_cluster_creator_admin_permissions: ForceNew, default true, never read back from the API)
 * ref: https://github.com/terraform-aws-modules/terraform-aws-eks/issues/2968, .../issues/3293 (the 409)
 */
export const EKS_ACCESS: Required<Pick<EksClusterConfig, "accessConfig" | "lifecycle">> = {
  accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
  lifecycle: { ignoreChanges: ["access_config[0].bootstrap_cluster_creator_admin_permissions"] },
};

/** What Terraform appends to a `name_prefix`: 18 digits of UTC time and an 8-digit hex counter. */
// ref: https://github.com/hashicorp/terraform-plugin-sdk/blob/main/helper/id/id.go (PrefixedUniqueId)
const NAME_PREFIX_SUFFIX = "\\d{18}[0-9a-f]{8}";

/**
 * Refuses administrators EKS would refuse, or that duplicate an entry EKS creates itself:
 * none at all (the creator has no access of its own, so nobody could reach the Kubernetes
 * API, and the add-ons and workloads stacks would fail), a service-linked role (no access
 * entry takes one), and this cluster's node role (EKS gives a managed node group's role an
 * EC2_LINUX entry of its own, and a second entry for it fails with 409).
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html
 */
export function requireAwsAdministrators(scope: Construct, administrators: readonly string[], nodeRolePrefix: string, catalog: AwsCatalog): void {
  const example = catalog.limits.clusterAdministrator.example;
  if (administrators.length === 0) {
    throw new ValidationError(
      scope,
      "administrators",
      administrators,
      `at least one IAM role or user ARN on aws, e.g. ["${example}"]: EKS gives the cluster's creator no access of its own here, so list the principal that deploys the add-ons and workloads stacks`,
    );
  }
  const nodeRole = new RegExp(`^arn:[^:]+:iam::\\d{12}:role/${escapeRegExp(roleNamePrefix(nodeRolePrefix))}${NAME_PREFIX_SUFFIX}$`);
  const serviceLinked = `:role/${catalog.aws.serviceLinkedRolePath}`;
  administrators.forEach((principal, index) => {
    if (isUnresolved(principal)) return;
    const field = `administrators[${index}]`;
    if (principal.includes(serviceLinked)) {
      throw new ValidationError(scope, field, principal, `an IAM role or user that is not service-linked (${catalog.aws.serviceLinkedRolePath}...): EKS gives no access entry to a service-linked role`);
    }
    if (nodeRole.test(principal)) {
      throw new ValidationError(scope, field, principal, "a principal other than this cluster's node role: EKS gives the managed node group's role an access entry of its own (a second one fails with 409)");
    }
  });
}

/**
 * Each administrator gets an access entry and the cluster-admin access policy on the whole
 * cluster (authentication mode API: access entries are the only way in).
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html
 */
export function grantAdministrators(scope: Construct, cluster: EksCluster, administrators: readonly string[], catalog: AwsCatalog): void {
  administrators.forEach((principalArn, index) => {
    // Named after the principal, so reordering the list replaces nothing.
    const id = isUnresolved(principalArn) ? `${index}` : principalArn.replace(/^arn:[^:]+:iam::/, "").replace(/[^A-Za-z0-9]+/g, "-");
    const entry = new EksAccessEntry(scope, `Administrator-${id}`, { clusterName: cluster.name, principalArn, type: "STANDARD" });
    new EksAccessPolicyAssociation(scope, `AdministratorPolicy-${id}`, {
      clusterName: cluster.name,
      principalArn: entry.principalArn,
      policyArn: catalog.aws.eksClusterAdminPolicyArn,
      accessScope: { type: "cluster" },
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
