import { Construct } from "constructs";
import { CsKubernetesAddon } from "../generated/alicloud/cs-kubernetes-addon";
import { DataAlicloudCrEeInstances } from "../generated/alicloud/data-alicloud-cr-ee-instances";
import { DataAlicloudRamRoles } from "../generated/alicloud/data-alicloud-ram-roles";
import { AlicloudProvider } from "../generated/alicloud/provider";
import { Fn, TerraformStack } from "../core/cdktf";
import { WorkloadIdentityProps } from "../core/kubernetes-cluster";
import { AlicloudCatalog } from "./catalog";
import { acrEnterpriseImage } from "./registry";

/** ACK's managed ACR credential helper: its add-on name, also its key in the catalog's `kubernetesAddOns`. */
export const ACR_CREDENTIAL_HELPER = "managed-aliyun-acr-credential-helper";

/**
 * Lets the nodes pull the workload identity's image when an ACR Enterprise Edition
 * instance holds it; does nothing for any other image. Returns the image pull secrets the
 * pods are to name, or undefined when nothing was installed.
 *
 * The nodes cannot log in to an Enterprise Edition instance by themselves: ACK's
 * credential helper asks the instance for a temporary password with the account's
 * `AliyunCSManagedAcrRole`, keeps it in an image pull secret in the namespace, renews it
 * before it expires and adds it to the service account, whose pods then pull with it. It
 * needs the instance's ID, which the image does not hold: `alicloud_cr_ee_instances` looks
 * it up by the instance's name (the first label of the image's host), in the image's
 * region, at plan time, without `enable_details` (which would put a temporary password
 * into the state), and a precondition stops the plan unless exactly one instance has that
 * name.
 *
 * The managed edition runs in ACK's control plane, not on the nodes: it uses neither the
 * nodes' worker role nor RRSA for an instance of the same account (RRSA only to assume a
 * role of another account). `AliyunCSManagedAcrRole` is an ACK service role shared by
 * every cluster of the account, authorized once like ACK's other roles; its system policy
 * allows `cr:GetAuthorizationToken`, `cr:ListInstanceEndpoint` and `cr:PullRepository`.
 * A second precondition stops the plan unless the role exists, rather than let the
 * add-on's installation fail its own check after the cluster was created.
 *
 * ref: https://www.alibabacloud.com/help/en/acr/user-guide/non-secret-pulling-container-image
 *   (managed and self-managed editions; AcrInstanceInfo instanceId/regionId/domains, watchNamespace, serviceAccount,
 *   expiringThreshold; Personal Edition instances created after September 8, 2024 are not supported)
 * ref: https://www.alibabacloud.com/help/en/acr/user-guide/use-secret-free-components-to-pull-images-across-accounts
 *   (the managed edition's RRSA: rrsaRoleARN and rrsaOIDCProviderRoleARN, for a role of another account)
 * ref: https://www.alibabacloud.com/help/en/ack/product-overview/product-changes-revoke-the-permissions-on-which-aliyun-acr-credential-helper-relies
 *   (clusters created since April 3, 2023: AliyunCSManagedAcrRole, not the worker role)
 * ref: https://github.com/AliyunContainerService/ack-ram-tool/blob/master/pkg/ctl/workerrole/scanaddon/addon.go
 *   (AliyunCSManagedAcrRolePolicy: cr:GetAuthorizationToken, cr:ListInstanceEndpoint, cr:PullRepository)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/data_source_alicloud_cr_ee_instances.go
 *   (name_regex; enable_details calls GetAuthorizationToken and keeps the token)
 */
export function installAcrCredentialHelper(
  scope: Construct,
  props: { readonly clusterId: string; readonly identity: WorkloadIdentityProps; readonly version: string; readonly region: string; readonly catalog: AlicloudCatalog },
): readonly string[] | undefined {
  const image = props.identity.image === undefined ? undefined : acrEnterpriseImage(props.identity.image);
  if (!image) return undefined;
  const helper = props.catalog.alicloud.acrCredentialHelper;

  const instances = new DataAlicloudCrEeInstances(scope, "RegistryInstance", {
    // Instance names are lower-case letters, digits and hyphens: nothing to escape.
    nameRegex: `^${image.instanceName}$`,
    enableDetails: false,
    provider: image.region === props.region ? undefined : providerIn(scope, image.region),
  });
  const serviceRole = new DataAlicloudRamRoles(scope, "RegistryHelperRole", { nameRegex: `(?i)^${helper.serviceRoleName}$` });

  new CsKubernetesAddon(scope, "RegistryCredentialHelper", {
    clusterId: props.clusterId,
    name: ACR_CREDENTIAL_HELPER,
    version: props.version,
    config: Fn.jsonencode({
      AcrInstanceInfo: [{ instanceId: instances.instances.get(0).id, regionId: image.region, domains: image.host }],
      // Same account: no role to assume, no RRSA.
      enableRRSA: false,
      expiringThreshold: helper.expiringThreshold,
      watchNamespace: props.identity.namespace,
      serviceAccount: props.identity.serviceAccountName,
    }),
    lifecycle: {
      precondition: [
        {
          condition: `\${length(${instances.fqn}.ids) == 1}`,
          errorMessage: `${image.host}: no ACR Enterprise Edition instance named ${image.instanceName} in ${image.region} is visible to the deploying account, or more than one. The cluster's nodes pull the image through ACK's credential helper, which needs the instance's ID.`,
        },
        {
          condition: `\${length(${serviceRole.fqn}.roles) == 1}`,
          errorMessage: `ACK's credential helper, which lets the nodes pull images of ${image.host}, works with the RAM role ${helper.serviceRoleName}: authorize it once for the account in the ACK console (see docs/alicloud.md, the deploy runbook).`,
        },
      ],
    },
  });
  return [helper.pullSecretName];
}

/**
 * An aliased provider for the registry's region, to look an instance of another region
 * up: the stack's own provider lists only its region's instances. Like the stack's
 * provider when the library creates it, it takes its credentials from the environment.
 */
function providerIn(scope: Construct, region: string): AlicloudProvider {
  const stack = TerraformStack.of(scope);
  const id = `alicloud-${region}`;
  const existing = stack.node.tryFindChild(id);
  return existing instanceof AlicloudProvider ? existing : new AlicloudProvider(stack, id, { region, alias: region });
}
