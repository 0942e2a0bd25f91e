import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Release } from "@cdktf/provider-helm/lib/release";
import { Fn } from "../../core/cdktf";
import { secretArnPattern } from "../container-registry";
import { podIdentityRole } from "../pod-identity";
import { AwsAddOn } from "./add-on";

/**
 * The External Secrets Operator, here only to turn the registry login kept in Secrets
 * Manager (`web.registryCredentials`) into the pods' image pull secret, so that the
 * password is in neither Terraform's configuration nor its state: the workloads stack
 * creates a SecretStore and an ExternalSecret that name the secret, and the operator reads
 * its value at run time and writes the Kubernetes Secret. Installed only when the pods
 * need registry credentials.
 *
 * Its controller reads through EKS Pod Identity (the SecretStore has no `auth`: the AWS
 * SDK's default credential chain), with a role that may call GetSecretValue on that one
 * secret and nothing else. Reading a secret by name calls only GetSecretValue; the
 * store's validation only loads the credentials; DescribeSecret is called only for
 * `metadataPolicy: Fetch` (tags) and for PushSecret, neither of which the library uses;
 * so the role has none of the documented example's other read rights (DescribeSecret,
 * GetResourcePolicy, ListSecretVersionIds, on every secret).
 * ref: https://external-secrets.io/latest/provider/aws-access/#eks-pod-identity-setup
 * ref: https://github.com/external-secrets/external-secrets/blob/v2.9.0/providers/v1/aws/secretsmanager/secretsmanager.go (fetch, constructSecretValue, Validate)
 * ref: https://github.com/external-secrets/external-secrets/blob/helm-chart-2.9.0/deploy/charts/external-secrets/values.yaml
 */
export const EXTERNAL_SECRETS: AwsAddOn = {
  name: "external-secrets",
  inCluster(scope, { cluster, clusterName, catalog, registryCredentials }) {
    if (registryCredentials === undefined) return;
    const chart = catalog.aws.helmAddOns.externalSecrets;
    const partition = new DataAwsPartition(scope, "ExternalSecretsPartition").partition;
    const region = new DataAwsRegion(scope, "ExternalSecretsRegion").region;
    const account = new DataAwsCallerIdentity(scope, "ExternalSecretsAccount").accountId;
    podIdentityRole(scope, "ExternalSecretsRole", {
      cluster,
      clusterName,
      namespace: chart.namespace,
      serviceAccount: chart.serviceAccount,
      namePrefix: `${clusterName}-eso-`,
      statements: [
        {
          Sid: "ReadTheRegistryLoginOnly",
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue"],
          // This secret only (and one later made again with its name), never another whose
          // name merely starts with it.
          Resource: secretArnPattern(partition, region, account, registryCredentials.secretName),
        },
      ],
    });
  },
  inAddOnsStack(scope, { catalog, registryCredentials, charts }, version) {
    if (registryCredentials === undefined) return;
    const chart = catalog.aws.helmAddOns.externalSecrets;
    new Release(scope, "ExternalSecrets", {
      name: chart.chart,
      ...charts.locate({ repository: chart.repository, chart: chart.chart, version }),
      namespace: chart.namespace,
      createNamespace: true,
      values: [
        Fn.jsonencode({
          // The workloads stack's SecretStore and ExternalSecret need the CRDs; the chart keeps them up to date.
          installCRDs: true,
          // The Pod Identity association names this service account: no annotation needed.
          serviceAccount: { create: true, name: chart.serviceAccount },
          // A SecretStore without `auth` reads with the controller's own role, so whoever may
          // create one may read the registry login: the chart would give that right to every
          // `edit` and `admin` binding of every namespace; it stays with cluster administrators
          // (the `view` aggregation, read-only, stays).
          // ref: https://github.com/external-secrets/external-secrets/blob/helm-chart-2.9.0/deploy/charts/external-secrets/values.yaml (rbac.aggregateToEdit, rbac.aggregateToAdmin)
          // ref: https://github.com/external-secrets/external-secrets/blob/helm-chart-2.9.0/deploy/charts/external-secrets/templates/rbac.yaml (the -edit role: create/patch/update secretstores and externalsecrets)
          rbac: { aggregateToEdit: false, aggregateToAdmin: false },
          // The chart's suggested requests; its containers already run non-root, read-only,
          // without privilege escalation or capabilities, with RuntimeDefault seccomp.
          resources: { requests: { cpu: "10m", memory: "32Mi" } },
        }),
      ],
      // Apply waits until the operator and its webhook answer: the workloads stack's
      // SecretStore and ExternalSecret are admitted by the webhook.
      wait: true,
    });
  },
};
