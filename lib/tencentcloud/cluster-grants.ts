import { Construct } from "constructs";
import { CamRole } from "../generated/tencentcloud/cam-role";
import { CamRolePolicyAttachment } from "../generated/tencentcloud/cam-role-policy-attachment";
import { DataTencentcloudCamRoles } from "../generated/tencentcloud/data-tencentcloud-cam-roles";
import { DataTencentcloudUserInfo } from "../generated/tencentcloud/data-tencentcloud-user-info";
import { KubernetesAuthAttachment } from "../generated/tencentcloud/kubernetes-auth-attachment";
import { KubernetesUserPermissions } from "../generated/tencentcloud/kubernetes-user-permissions";
import { Fn } from "../core/cdktf";
import { WorkloadIdentityProps } from "../core/kubernetes-cluster";
import { isUnresolved, ValidationError } from "../core/validation";
import { grantSecretReads, ReadableSecret, readWriteAssetsPolicy } from "./cam";
import { tencentcloudAssetBucketOf } from "./asset-bucket";
import { WORKLOAD_TOKEN_AUDIENCE } from "./kubernetes-access";

/** TKE's predefined cluster-administrator role (a ClusterRoleBinding to cluster-admin). */
const TKE_ADMIN_ROLE = "tke:admin";
const SUB_USER = /^qcs::cam::uin\/\d+:uin\/(\d+)$/;
const ROLE = /^qcs::cam::uin\/\d+:roleName\/(.+)$/;

/**
 * Grants each administrator TKE's `tke:admin` role on the cluster: TKE's own RBAC
 * authorization of CAM principals (a ClusterRoleBinding TKE manages), by the sub-user's UIN
 * or the role's ID, which is looked up by name.
 *
 * `tencentcloud_kubernetes_user_permissions` is declarative over ALL of a principal's TKE
 * permissions in the region: it owns that principal's grants on every cluster, so a
 * principal named here must get its TKE permissions only from this stack (the provider's
 * own warning). The principal also needs CAM permission to call TKE's API for the
 * kubeconfig (docs/tencentcloud.md, the deploy runbook).
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_user_permissions.md
 * ref: https://www.tencentcloud.com/document/product/457/37368 (preset authorization: tke:admin, tke:ops, tke:dev, tke:ro; the principal needs the CAM DescribeCluster permission)
 * ref: https://tencentcloud.com/document/product/598/57168 (TKE actions for CAM policies, e.g. DescribeClusterKubeconfig)
 */
export function grantAdministrators(scope: Construct, clusterId: string, administrators: readonly string[]): void {
  administrators.forEach((principal, index) => {
    const field = `administrators[${index}]`;
    if (isUnresolved(principal)) {
      throw new ValidationError(scope, field, principal, "a literal CAM principal: the grant is keyed by the principal's UIN or role name at synth time");
    }
    const subUser = SUB_USER.exec(principal);
    const role = ROLE.exec(principal);
    let targetUin: string;
    if (subUser) {
      targetUin = subUser[1];
    } else if (role) {
      const roles = new DataTencentcloudCamRoles(scope, `AdministratorRole${index + 1}`, { name: role[1] });
      targetUin = roles.roleList.get(0).roleId;
    } else {
      throw new ValidationError(scope, field, principal, "qcs::cam::uin/<owner uin>:roleName/<role> or qcs::cam::uin/<owner uin>:uin/<sub-user uin>");
    }
    new KubernetesUserPermissions(scope, `Administrator${index + 1}`, {
      targetUin,
      permissions: [{ clusterId, roleName: TKE_ADMIN_ROLE, roleType: "cluster", isCustom: false }],
    });
  });
}

/**
 * TKE's OIDC-based workload identity: the cluster's default service-account issuer,
 * published for anonymous discovery, registered as a CAM OIDC identity provider named
 * after the cluster with the pods' audience as its client ID (TKE also installs its
 * pod-identity webhook, which the provider requires together with the identity provider;
 * the workloads do not rely on it). A CAM role that only the bookstore's service account
 * may assume (`sts:AssumeRoleWithWebIdentity`, matching issuer, audience and subject
 * `system:serviceaccount:<namespace>:<name>`), allowed to read only the database's and the
 * cache's credentials secrets and to read, write and delete the asset bucket's objects.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_auth_attachment.md
 * ref: https://cloud.tencent.com/document/api/457/62277 (ModifyClusterAuthenticationOptions: OIDCConfig)
 * ref: https://www.tencentcloud.com/document/product/598/47113 (DescribeOIDCConfig: the role identity provider by name)
 * @returns the role's ARN, `qcs::cam::uin/<owner uin>:roleName/<name>`, and the identity provider's name
 */
export function workloadRole(
  scope: Construct,
  props: { readonly name: string; readonly clusterId: string; readonly region: string; readonly identity: WorkloadIdentityProps },
): { readonly roleArn: string; readonly providerId: string } {
  const auth = new KubernetesAuthAttachment(scope, "ServiceAccountIssuer", {
    clusterId: props.clusterId,
    useTkeDefault: true,
    autoCreateDiscoveryAnonymousAuth: true,
    autoCreateOidcConfig: true,
    autoCreateClientId: [WORKLOAD_TOKEN_AUDIENCE],
    autoInstallPodIdentityWebhookAddon: true,
  });
  const account = new DataTencentcloudUserInfo(scope, "Account", {});
  // The identity provider TKE creates is named after the cluster.
  const providerId = props.clusterId;
  const { namespace, serviceAccountName, database } = props.identity;
  const role = new CamRole(scope, "WorkloadRole", {
    name: `${props.name}-pods`,
    description: `Pods of ${props.name} (${namespace}/${serviceAccountName}): read the data stores' credentials and the asset bucket's objects`,
    consoleLogin: false,
    document: Fn.jsonencode({
      version: "2.0",
      statement: [
        {
          action: ["name/sts:AssumeRoleWithWebIdentity"],
          effect: "allow",
          principal: { federated: [`qcs::cam::uin/${account.ownerUin}:oidc-provider/${providerId}`] },
          condition: {
            string_equal: {
              "oidc:iss": [auth.tkeDefaultIssuer],
              "oidc:aud": [WORKLOAD_TOKEN_AUDIENCE],
              "oidc:sub": [`system:serviceaccount:${namespace}:${serviceAccountName}`],
            },
          },
        },
      ],
    }),
    dependsOn: [auth],
  });
  const cache = props.identity.cache;
  const secrets: ReadableSecret[] = [
    ...(database ? [{ policyId: "WorkloadReadDatabaseCredentials", attachmentId: "WorkloadRolePolicy", what: "database", short: "db", secretName: database.connection.credentialsSecretId }] : []),
    ...(cache ? [{ policyId: "WorkloadReadCacheCredentials", attachmentId: "WorkloadRoleCachePolicy", what: "cache", short: "cache", secretName: cache.connection.credentialsSecretId }] : []),
  ];
  grantSecretReads(scope, role.id, { name: `${props.name}-pods`, region: props.region, ownerUin: account.ownerUin, secrets });
  const assetBucket = props.identity.assetBucket;
  if (assetBucket) {
    const bucket = tencentcloudAssetBucketOf(scope, "workloadIdentity.assetBucket", assetBucket);
    const policy = readWriteAssetsPolicy(scope, "WorkloadReadWriteAssets", { name: `${props.name}-pods`, region: props.region, assetBucket: bucket });
    new CamRolePolicyAttachment(scope, "WorkloadRoleAssetsPolicy", { roleId: role.id, policyId: policy.id });
  }
  return { roleArn: `qcs::cam::uin/${account.ownerUin}:roleName/${role.name}`, providerId };
}
