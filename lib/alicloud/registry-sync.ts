import { Construct } from "constructs";
import { Release } from "@cdktf/provider-helm/lib/release";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { CsManagedKubernetes } from "../generated/alicloud/cs-managed-kubernetes";
import { Fn, ITerraformDependable } from "../core/cdktf";
import { ChartSource } from "../core/chart-source";
import { RegistryPullSecretProps } from "../core/cluster-access";
import { AlicloudCatalog } from "./catalog";
import { ramNameWithSuffix, readNamedSecretsStatements, serviceAccountRole, deployingAccountId } from "./ram";

/** ack-secret-manager: its key in the catalog's `kubernetesAddOns`. */
export const SECRET_SYNC = "ack-secret-manager";

/** The operator's custom resources. */
const API_VERSION = "alibabacloud.com/v1alpha1";

/** The RAM role the operator's pods assume through RRSA, and the OIDC provider their tokens come from. */
export interface SecretSyncRole {
  readonly roleArn: string;
  readonly oidcProviderArn: string;
}

/**
 * The pods' image pull secret for a registry other than ACR, made at run time by
 * ack-secret-manager, Alibaba's operator, from the KMS Secrets Manager secret that holds
 * the registry's Docker config: the password is in neither Terraform's configuration nor
 * its state, and the operator reads the secret again every `secretSync.pollingInterval`,
 * so a rotated password reaches the cluster without a deploy.
 *
 * Three parts, one per stack:
 * - infrastructure (`createSecretSyncRole`): a RAM role only the operator's service
 *   account of this cluster may assume through RRSA, which may call `kms:GetSecretValue`
 *   on that one secret and nothing else;
 * - add-ons (`installSecretSync`): the operator's Helm release, with RRSA's projected
 *   token and without the worker role;
 * - workloads (`secretSyncManifests`): a SecretStore naming the role and the cluster's
 *   OIDC provider, and an ExternalSecret that has the operator keep the pull secret.
 *
 * Why ack-secret-manager rather than the External Secrets Operator: ESO dropped its
 * Alibaba Cloud provider as unmaintained in 2.0.0 (external-secrets/external-secrets#5854,
 * #5918) and publishes its images on ghcr.io only; ack-secret-manager is ACK's own,
 * documented by ACK and KMS, with images in ACK's registry.
 * ref: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/security-and-compliance/use-ack-secret-manager-to-import-alibaba-cloud-kms-service-credentials
 * ref: https://github.com/AliyunContainerService/ack-secret-manager (README: RRSA with ramRoleARN and oidcProviderARN in the SecretStore)
 */
export function createSecretSyncRole(
  scope: Construct,
  cluster: CsManagedKubernetes,
  props: { readonly clusterName: string; readonly region: string; readonly secretName: string; readonly catalog: AlicloudCatalog },
): SecretSyncRole {
  const sync = props.catalog.alicloud.secretSync;
  const rrsa = cluster.rrsaMetadata.get(0);
  const role = serviceAccountRole(scope, "RegistrySyncRole", {
    // Its suffix kept whole: a long cluster name must not make it the pods' role's name.
    name: ramNameWithSuffix(props.clusterName, "registry-sync", props.region),
    description: `${sync.chart} on ${props.clusterName} in ${props.region}: reads the registry login ${props.secretName}`,
    // The secret is encrypted with KMS's default service key, which needs no grant of its own.
    statements: readNamedSecretsStatements(props.region, deployingAccountId(scope), [props.secretName]),
    oidcProviderArn: rrsa.ramOidcProviderArn,
    issuerUrl: rrsa.rrsaOidcIssuerUrl,
    audience: props.catalog.alicloud.rrsaTokenAudience,
    subject: `system:serviceaccount:${sync.namespace}:${sync.serviceAccount}`,
  });
  return { roleArn: role.arn, oidcProviderArn: rrsa.ramOidcProviderArn };
}

/**
 * The operator's Helm release from ACK's marketplace repository of the region, at the
 * catalog's version:
 * - `rrsa.enable`: the chart projects a service-account token for STS's audience into the
 *   operator's pods, at the path the operator reads it from
 *   (`/var/run/secrets/tokens/ack-secret-manager`);
 * - `command.enableWorkerRole: false`: the operator never falls back to the nodes' worker
 *   role (the instance metadata); without a SecretStore's RRSA role it reads nothing;
 * - `command.region`: the region whose STS and KMS the operator calls (KMS on its VPC
 *   endpoint `kms-vpc.<region>.aliyuncs.com` unless `command.kmsEndpoint` says otherwise);
 * - `command.pollingInterval`: how often every synced secret is read again.
 * Apply waits until the operator runs and its CRDs exist: the workloads stack's
 * SecretStore and ExternalSecret need them at plan time.
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/charts/ack-secret-manager/values.yaml
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/charts/ack-secret-manager/templates/deployment.yaml (rrsa.enable: the projected token volume)
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/pkg/backend/auth/auth.go (the token path; the worker role only with enable-worker-role)
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/pkg/backend/provider/kms/client_provider.go (kms-vpc.<region>.aliyuncs.com by default)
 */
export function installSecretSync(
  scope: Construct,
  props: { readonly version: string; readonly region: string; readonly catalog: AlicloudCatalog; readonly charts?: ChartSource },
): Release {
  const sync = props.catalog.alicloud.secretSync;
  const charts = props.charts ?? ChartSource.repositories();
  return new Release(scope, "SecretSync", {
    name: sync.chart,
    ...charts.locate({ repository: sync.repositoryPattern.split("{region}").join(props.region), chart: sync.chart, version: props.version }),
    namespace: sync.namespace,
    values: [
      Fn.jsonencode({
        command: { region: props.region, enableWorkerRole: false, pollingInterval: sync.pollingInterval },
        rrsa: { enable: true },
        serviceAccount: { create: true, name: sync.serviceAccount },
      }),
    ],
    wait: true,
  });
}

/**
 * In the pods' namespace: a SecretStore with the operator's RRSA role and the cluster's
 * OIDC provider, and an ExternalSecret of the pull secret's name (the operator names the
 * Secret after it) whose one key, `.dockerconfigjson`, is the KMS secret's whole value,
 * in a Secret of type `kubernetes.io/dockerconfigjson`. Neither holds a credential.
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/pkg/apis/alibabacloud/v1alpha1/secretstore_types.go (spec.KMS.KMSAuth: ramRoleARN, oidcProviderARN)
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/pkg/apis/alibabacloud/v1alpha1/externalsecret_types.go (provider, type, data[].key/name/secretStoreRef)
 * ref: https://github.com/AliyunContainerService/ack-secret-manager/blob/master/pkg/backend/provider/kms/kms_service.go (the value under data[].name, unparsed without jmesPath)
 * ref: https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets
 */
export function secretSyncManifests(scope: Construct, props: RegistryPullSecretProps, role: SecretSyncRole): readonly ITerraformDependable[] {
  const metadata = { name: props.name, namespace: props.namespace };
  const store = new Manifest(scope, "SecretStore", {
    manifest: {
      apiVersion: API_VERSION,
      kind: "SecretStore",
      metadata,
      spec: { KMS: { KMSAuth: { ramRoleARN: role.roleArn, oidcProviderARN: role.oidcProviderArn } } },
    },
  });
  const externalSecret = new Manifest(scope, "ExternalSecret", {
    manifest: {
      apiVersion: API_VERSION,
      kind: "ExternalSecret",
      metadata,
      spec: {
        provider: "kms",
        type: "kubernetes.io/dockerconfigjson",
        data: [{ key: props.credentials.secretName, name: ".dockerconfigjson", secretStoreRef: { name: props.name, namespace: props.namespace } }],
      },
    },
    dependsOn: [store],
  });
  return [externalSecret];
}
