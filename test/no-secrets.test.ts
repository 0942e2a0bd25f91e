import * as fs from "fs";
import * as path from "path";
import { TEST_CLOUDS, exampleAppOutdir, synthBookstore } from "./support/bookstore";
import { TerraformJson } from "./support/synth";

// Attribute names whose value must never be a literal in the configuration.
const SECRET_ATTRIBUTES = /"(password|master_password|secret_key|access_key|token|private_key)"\s*:\s*"(?!\$\{)/i;

describe.each(TEST_CLOUDS)("$name: no secret in the synthesized stack", ({ make }) => {
  test("sets no password, key or token literally", () => {
    const text = JSON.stringify(synthBookstore(make()).json);
    expect(text).not.toMatch(SECRET_ATTRIBUTES);
  });

  test("fails on a stack that does hold one (the check can fail)", () => {
    expect(JSON.stringify({ resource: { x: { y: { password: "hunter2" } } } })).toMatch(SECRET_ATTRIBUTES);
  });
});

// An output is kept in its stack's state, and in the state of every stack that reads it
// (CDKTF's cross-stack references are outputs read through terraform_remote_state): a
// credential in one would spread to every pipeline that reads that stack.

/** Attributes that hold a credential, on any resource or data source: `.kube_config_intranet`, `.client_key`, `.password`, `.token`, ... */
const CREDENTIAL_ATTRIBUTE = /\.(?:kube_?config\w*|client[_-](?:key|certificate)[\w-]*|\w*password\w*|\w*token\w*|secret_string\w*|secret_data\w*|private_key\w*|secret_key\w*|access_key\w*)/;
/** Resources and data sources that are a credential as a whole, whichever attribute is read. */
const CREDENTIAL_SOURCE = /\$\{[^}]*\b(?:random_password|aws_eks_cluster_auth|alicloud_cs_cluster_credential|tencentcloud_kubernetes_clusters|aws_secretsmanager_secret_version|tencentcloud_ssm_secret_version|tencentcloud_ssm_secret_versions|alicloud_kms_secret_versions)\./;

/** The outputs of a stack whose value reads a credential, as `<output>: <value>`. */
function credentialOutputs(json: TerraformJson): string[] {
  return Object.entries(json.output ?? {})
    .map(([name, output]) => [name, JSON.stringify(output.value)] as const)
    .filter(([, value]) => CREDENTIAL_ATTRIBUTE.test(value) || CREDENTIAL_SOURCE.test(value))
    .map(([name, value]) => `${name}: ${value}`);
}

describe("no stack's outputs carry a credential", () => {
  // The example app as the global setup synthesized it: every cloud's stacks and the global domain.
  const outdir = path.join(exampleAppOutdir(), "stacks");
  const stacks = fs.readdirSync(outdir).sort();

  test("the example app has every cloud's stacks and the global domain", () => {
    expect(stacks).toEqual(expect.arrayContaining(["bookstore-global-dns", ...TEST_CLOUDS.flatMap(({ name }) => [`bookstore-${name}`, `bookstore-${name}-workloads`])]));
  });

  test.each(stacks)("%s outputs no kubeconfig, client key, password or token", (stack) => {
    expect(credentialOutputs(JSON.parse(fs.readFileSync(path.join(outdir, stack, "cdk.tf.json"), "utf8")))).toEqual([]);
  });

  test.each([
    ["a TKE kubeconfig", "${tencentcloud_kubernetes_cluster_endpoint.Endpoint.kube_config_intranet}"],
    ["a client key decoded from one", '${base64decode(yamldecode(data.terraform_remote_state.infra.outputs.kubeconfig).users.0.user["client-key-data"])}'],
    ["an EKS token", "${data.aws_eks_cluster_auth.ClusterAuth.token}"],
    ["ACK's client certificate map", '${data.alicloud_cs_cluster_credential.ClusterCredential.certificate_authority["client_key"]}'],
    ["a generated password", "${random_password.Password.result}"],
    ["a cache AUTH token", "${aws_elasticache_replication_group.Cache.auth_token}"],
    ["a TKE cluster password", "${tencentcloud_kubernetes_cluster.Cluster.password}"],
    ["a secret's value", "${tencentcloud_ssm_secret_version.Version.secret_string}"],
  ])("flags an output of %s (the check can fail)", (_what, value) => {
    expect(credentialOutputs({ output: { leak: { value } } })).toEqual([`leak: ${JSON.stringify(value)}`]);
  });

  test.each([
    ["a host name", "${aws_cloudfront_distribution.Cdn.domain_name}"],
    ["where a secret is kept", "${tencentcloud_ssm_secret.Secret.secret_name}"],
    ["RDS's secret's ARN", "${aws_db_instance.Db.master_user_secret[0].secret_arn}"],
    ["a cluster's CA", "${tencentcloud_kubernetes_cluster.Cluster.certification_authority}"],
  ])("passes an output of %s", (_what, value) => {
    expect(credentialOutputs({ output: { fine: { value } } })).toEqual([]);
  });
});
