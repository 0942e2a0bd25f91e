import { Construct } from "constructs";
import { CsManagedKubernetes } from "../generated/alicloud/cs-managed-kubernetes";
import { WorkloadIdentityProps } from "../core/kubernetes-cluster";
import { AlicloudCatalog } from "./catalog";
import { assetBucketEndpointEnvironment, objectsStatements } from "./asset-bucket";
import { ramNameWithSuffix, RamStatement, readSecretsStatements, serviceAccountRole, deployingAccountId } from "./ram";

/** The RAM role a service account's pods assume, and the OIDC provider their tokens come from. */
export interface AlicloudWorkloadRole {
  readonly roleArn: string;
  readonly oidcProviderArn: string;
  /** The pull secrets ACK's credential helper keeps for the service account; undefined when it is not installed. */
  readonly imagePullSecretNames?: readonly string[];
  /** What the pods read besides the RRSA variables: the asset bucket's internal OSS endpoint, when the role may use a bucket. */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * The RAM role of the workload identity's service account (ACK RRSA, enabled on the
 * cluster): only tokens of this cluster's OIDC provider, for STS's audience and this
 * service account, may assume it, and it may read only the database's and the cache's
 * credentials secrets (and decrypt with the keys that encrypt them, see `readSecretsStatements`).
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_cs_managed_kubernetes.go (rrsa_metadata: rrsa_oidc_issuer_url, ram_oidc_provider_arn)
 * ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-getsecretvalue (kms:GetSecretValue)
 */
export function createWorkloadRole(
  scope: Construct,
  cluster: CsManagedKubernetes,
  props: { readonly clusterName: string; readonly region: string; readonly identity: WorkloadIdentityProps; readonly catalog: AlicloudCatalog },
): AlicloudWorkloadRole {
  const { identity, region } = props;
  const rrsa = cluster.rrsaMetadata.get(0);
  // The database's and the cache's credentials secrets, the asset bucket's objects by key
  // (as the web tier's VMs), and nothing else.
  const statements: RamStatement[] = [...readSecretsStatements(region, deployingAccountId(scope), [identity.database, identity.cache]), ...objectsStatements(identity.assetBucket)];
  const role = serviceAccountRole(scope, "WorkloadRole", {
    // Its suffix kept whole: cut from the end, a long cluster name gave it the VMs' role's
    // name (the shop's name, cut the same way), and the second role failed to create.
    name: ramNameWithSuffix(props.clusterName, "pods", region),
    description: `Pods of ${identity.namespace}/${identity.serviceAccountName} on ${props.clusterName} in ${region}`,
    statements,
    oidcProviderArn: rrsa.ramOidcProviderArn,
    issuerUrl: rrsa.rrsaOidcIssuerUrl,
    audience: props.catalog.alicloud.rrsaTokenAudience,
    subject: `system:serviceaccount:${identity.namespace}:${identity.serviceAccountName}`,
  });
  return { roleArn: role.arn, oidcProviderArn: rrsa.ramOidcProviderArn, environment: assetBucketEndpointEnvironment(props.catalog, region, identity.assetBucket) };
}
