import { AWS_CATALOG, Cloud, RegistryCredentials } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { synthBookstore } from "../support/bookstore";
import { resources, TerraformJson } from "../support/synth";

// Issue #12 on AWS: pods pull from a private registry with a login kept in Secrets Manager,
// turned into an image pull secret by the External Secrets Operator at run time, never by
// Terraform.

const aws = () => Cloud.aws({ region: "eu-central-1" });
const SECRET = "bookstore/registry";
const ESO = AWS_CATALOG.aws.helmAddOns.externalSecrets;

/** The blocks of a type whose construct path ends with `suffix`, metadata removed. */
function byPath(json: TerraformJson, type: string, suffix: string): Record<string, any>[] {
  return Object.values(json.resource?.[type] ?? {})
    .filter((block: any) => String(block["//"]?.metadata?.path).endsWith(suffix))
    .map(({ "//": _metadata, ...rest }: any) => rest);
}

const manifests = (json: TerraformJson) => (resources(json, "kubernetes_manifest") as any[]).map((m) => m.manifest);
const ofKind = (json: TerraformJson, kind: string) => manifests(json).filter((m) => m.kind === kind);

describe("AWS: registry credentials for the pods through the External Secrets Operator", () => {
  let withLogin: ReturnType<typeof synthBookstore>;
  let without: ReturnType<typeof synthBookstore>;
  beforeAll(() => {
    // GIVEN the example bookstore (cluster enabled) with and without a registry login in Secrets Manager
    withLogin = synthBookstore(aws(), { web: { ...exampleProps(aws()).web, registryCredentials: RegistryCredentials.fromSecret(SECRET) } });
    without = synthBookstore(aws());
  });

  describe("infrastructure stack", () => {
    test("associates a role with the operator's service account through EKS Pod Identity", () => {
      expect(byPath(withLogin.json, "aws_eks_pod_identity_association", "Kubernetes/ExternalSecretsRoleAssociation")).toEqual([
        expect.objectContaining({ namespace: "external-secrets", service_account: "external-secrets", role_arn: expect.stringContaining("aws_iam_role.") }),
      ]);
      const [role] = byPath(withLogin.json, "aws_iam_role", "Kubernetes/ExternalSecretsRole");
      expect(role.assume_role_policy).toContain('"aws:RequestTag/kubernetes-service-account" = "external-secrets"');
      expect(role.assume_role_policy).toContain('"aws:RequestTag/kubernetes-namespace" = "external-secrets"');
    });

    test("lets that role read the registry login's secret, by its name and the six random characters, and nothing else", () => {
      const [policy] = byPath(withLogin.json, "aws_iam_role_policy", "Kubernetes/ExternalSecretsRolePolicy");
      const text: string = policy.policy;
      // One statement, one action, one resource.
      expect(text.match(/"Sid" = /g)).toHaveLength(1);
      expect(text).toContain('"Action" = ["secretsmanager:GetSecretValue"]');
      expect(text).toMatch(/"Resource" = "arn:\$\{data\.aws_partition\.[^}]+\.partition\}:secretsmanager:\$\{data\.aws_region\.[^}]+\.region\}:\$\{data\.aws_caller_identity\.[^}]+\.account_id\}:secret:bookstore\/registry-\?\?\?\?\?\?"/);
      expect(text).not.toMatch(/DescribeSecret|ListSecrets|BatchGetSecretValue|kms:|"\*"/);
    });

    test("has no operator role without registry credentials", () => {
      expect(byPath(without.json, "aws_iam_role", "Kubernetes/ExternalSecretsRole")).toEqual([]);
      expect(byPath(without.json, "aws_eks_pod_identity_association", "Kubernetes/ExternalSecretsRoleAssociation")).toEqual([]);
      expect(JSON.stringify(without.json)).not.toContain("ExternalSecrets");
    });
  });

  describe("add-ons stack", () => {
    test("installs the operator with Helm, pinned to the catalog's default chart, with its CRDs and the associated service account", () => {
      const releases = (resources(withLogin.addOns!, "helm_release") as any[]).filter((r) => r.chart === "external-secrets");
      expect(releases).toEqual([
        expect.objectContaining({
          repository: "https://charts.external-secrets.io",
          version: AWS_CATALOG.kubernetesAddOns["external-secrets"].versions[0],
          namespace: ESO.namespace,
          create_namespace: true,
          wait: true,
        }),
      ]);
      expect(releases[0].version).toBe("2.9.0");
      const values: string = releases[0].values[0];
      expect(values).toContain('"installCRDs" = true');
      expect(values).toContain('"serviceAccount" = {"create" = true, "name" = "external-secrets"}');
    });

    test("gives no namespace's edit or admin binding the right to make a store that reads with the operator's role", () => {
      const [release] = (resources(withLogin.addOns!, "helm_release") as any[]).filter((r) => r.chart === "external-secrets");
      expect(release.values[0]).toContain('"rbac" = {"aggregateToEdit" = false, "aggregateToAdmin" = false}');
    });

    test("takes the chart version chosen in kubernetes.addOnVersions", () => {
      const { addOns } = synthBookstore(aws(), {
        web: { ...exampleProps(aws()).web, registryCredentials: RegistryCredentials.fromSecret(SECRET) },
        kubernetes: { ...exampleProps(aws()).kubernetes, addOnVersions: { "external-secrets": "2.8.0" } },
      });
      expect((resources(addOns!, "helm_release") as any[]).find((r) => r.chart === "external-secrets").version).toBe("2.8.0");
    });

    test("does not install the operator without registry credentials", () => {
      expect((resources(without.addOns!, "helm_release") as any[]).map((r) => r.chart).sort()).toEqual(["aws-load-balancer-controller", "cluster-autoscaler"]);
    });
  });

  describe("workloads stack", () => {
    test("has a SecretStore for Secrets Manager in the stack's region, with no auth (the controller's Pod Identity)", () => {
      expect(ofKind(withLogin.workloads!, "SecretStore")).toEqual([
        {
          apiVersion: "external-secrets.io/v1",
          kind: "SecretStore",
          metadata: { name: "bookstore-registry", namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\..*\.metadata\[0\]\.name\}$/) },
          spec: { provider: { aws: { service: "SecretsManager", region: "eu-central-1" } } },
        },
      ]);
    });

    test("has an ExternalSecret that makes the dockerconfigjson pull secret from the secret's value, owned, refreshed hourly", () => {
      const [external] = ofKind(withLogin.workloads!, "ExternalSecret");
      expect(external).toEqual({
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: { name: "bookstore-registry", namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\..*\.metadata\[0\]\.name\}$/) },
        spec: {
          refreshInterval: "1h0m0s",
          secretStoreRef: { kind: "SecretStore", name: "bookstore-registry" },
          target: { name: "bookstore-registry", creationPolicy: "Owner", template: { type: "kubernetes.io/dockerconfigjson" } },
          data: [{ secretKey: ".dockerconfigjson", remoteRef: { key: SECRET } }],
        },
      });
      const [block] = (resources(withLogin.workloads!, "kubernetes_manifest") as any[]).filter((m) => m.manifest.kind === "ExternalSecret");
      // Apply fails, rather than leaving pods in ImagePullBackOff, when the operator cannot make the Secret.
      expect(block.wait).toEqual({ condition: [{ type: "Ready", status: "True" }] });
      expect(block.depends_on).toEqual([expect.stringContaining("kubernetes_manifest.")]);
    });

    test("the Deployment's pods name the pull secret, and start only once the operator has made it", () => {
      const [deployment] = resources(withLogin.workloads!, "kubernetes_deployment_v1") as any[];
      expect(deployment.spec.template.spec.image_pull_secrets).toEqual([{ name: "bookstore-registry" }]);
      expect(deployment.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.\w*ExternalSecret\w*$/)]);
    });

    test("holds no Secret, no read of the secret store and no Docker config", () => {
      expect(resources(withLogin.workloads!, "kubernetes_secret_v1")).toEqual([]);
      expect(ofKind(withLogin.workloads!, "Secret")).toEqual([]);
      expect(Object.keys(withLogin.workloads!.data ?? {}).filter((type) => /secretsmanager/.test(type))).toEqual([]);
      expect(JSON.stringify(withLogin.workloads)).not.toMatch(/auths|dockerconfigjson"\s*:\s*"\{/);
    });

    test("has none of it without registry credentials", () => {
      expect(ofKind(without.workloads!, "SecretStore")).toEqual([]);
      expect(ofKind(without.workloads!, "ExternalSecret")).toEqual([]);
      const [deployment] = resources(without.workloads!, "kubernetes_deployment_v1") as any[];
      expect(deployment.spec.template.spec.image_pull_secrets).toBeUndefined();
    });
  });
});
