import { Cloud, RegistryCredentials, statefulAddresses, WebRuntime } from "../lib";
import { exampleProps } from "../examples/bookstore-app";
import { synthBookstore, TEST_CLOUDS } from "./support/bookstore";
import { resources, TerraformJson } from "./support/synth";

// One front door per cloud (issue #12), across the real adapters: the load balancer
// Terraform owns is the only internet-facing one, the runtime can move between VMs and
// pods without replacing it or the database, and no database credential reaches the
// workloads stack.

/** Each cloud's internet-facing load balancer resource type: what a second front door would add. */
const LOAD_BALANCER_TYPES: Readonly<Record<string, string>> = {
  aws: "aws_lb",
  alicloud: "alicloud_slb_load_balancer",
  tencentcloud: "tencentcloud_clb_instance",
};

/**
 * The version of the credentials secrets each cloud's read is told, where it takes one the
 * reader cannot find itself: Tencent Cloud's SSM GetSecretValue needs a VersionId, and its
 * readers may not list versions; Secrets Manager (by ARN) and KMS (by name) read the current one.
 */
const CREDENTIALS_SECRET_VERSIONS: Readonly<Record<string, string | undefined>> = {
  aws: undefined,
  alicloud: undefined,
  tencentcloud: "v1",
};

/** Data sources that would read a secret's value into a stack's state. */
const SECRET_READS = /secretsmanager_secret_version|kms_secret_versions|ssm_secret_versions|kms_secret\b/;

const withRuntime = (cloud: ReturnType<(typeof TEST_CLOUDS)[number]["make"]>, runtime: WebRuntime) => ({ web: { ...exampleProps(cloud).web, runtime } });

/** The Terraform addresses of the load balancer and the stateful resources, which a runtime switch must keep. */
function keptAddresses(json: TerraformJson, cloudName: string): string[] {
  const stateful = new Set([...Cloud.registrationNamed(cloudName).statefulResourceTypes, LOAD_BALANCER_TYPES[cloudName]]);
  return statefulAddresses(json, stateful);
}

test("every implemented cloud has its load balancer type and its credentials secrets' version listed here", () => {
  expect(Object.keys(LOAD_BALANCER_TYPES).sort()).toEqual([...Cloud.implemented].sort());
  expect(Object.keys(CREDENTIALS_SECRET_VERSIONS).sort()).toEqual([...Cloud.implemented].sort());
});

describe.each(TEST_CLOUDS)("$name: one front door", ({ name, make }) => {
  test("the example's stacks hold exactly one internet-facing load balancer, Terraform's, and no Ingress", () => {
    const { json, addOns, workloads } = synthBookstore(make());
    expect(resources(json, LOAD_BALANCER_TYPES[name])).toHaveLength(1);
    for (const stack of [addOns, workloads].filter((s): s is TerraformJson => s !== undefined)) {
      expect(resources(stack, LOAD_BALANCER_TYPES[name])).toEqual([]);
      expect(resources(stack, "kubernetes_ingress_v1")).toEqual([]);
    }
  });

  test("the example binds the pods into that load balancer", () => {
    const { workloads } = synthBookstore(make());
    const service = resources(workloads!, "kubernetes_service_v1")[0] as Record<string, any>;
    const binding = resources(workloads!, "kubernetes_manifest");
    // Either a binding object (AWS's TargetGroupBinding) or Service annotations name the
    // load balancer the infrastructure stack created.
    const named = JSON.stringify([binding, service.metadata.annotations ?? {}]);
    expect(named).toMatch(/terraform_remote_state/);
  });

  test("a move from VMs to the cluster keeps the load balancer's and the database's Terraform addresses", () => {
    const cloud = make();
    const onVms = synthBookstore(cloud, withRuntime(cloud, WebRuntime.vms()));
    const onPods = synthBookstore(cloud, withRuntime(cloud, WebRuntime.kubernetes()));
    const kept = keptAddresses(onVms.json, name);
    expect(kept.some((address) => address.startsWith(`${LOAD_BALANCER_TYPES[name]}.`))).toBe(true);
    expect(keptAddresses(onPods.json, name)).toEqual(kept);
    if (cloud.catalog.capabilities.weightedWebRuntimes) {
      const halfWay = synthBookstore(cloud, withRuntime(cloud, WebRuntime.weighted({ vmsPercent: 50, kubernetesPercent: 50 })));
      expect(keptAddresses(halfWay.json, name)).toEqual(kept);
    }
  });

  test("no database credential in the workloads stack: no Secret but a certificate's identifier, no read of the secret store, no password", () => {
    const { workloads } = synthBookstore(make());
    // A controller may read a certificate's identifier from a Secret (TKE's qcloud_cert_id):
    // a literal identifier only, never a value read from another stack or a secret store.
    for (const secret of resources(workloads!, "kubernetes_secret_v1") as Record<string, any>[]) {
      expect(Object.keys(secret.data ?? {}).filter((key) => /password|user|credential|token|key$/i.test(key))).toEqual([]);
      expect(JSON.stringify(secret.data ?? {})).not.toMatch(/\$\{/);
    }
    expect(Object.keys(workloads!.data ?? {}).filter((type) => SECRET_READS.test(type))).toEqual([]);
    expect(JSON.stringify(workloads)).not.toMatch(/password/i);
  });

  test("with a registry login for the pods, the workloads stack names its secret and holds no Secret, no read of the secret store, no Docker config", () => {
    const cloud = make();
    // Only where the cluster can make a pull secret; elsewhere the cluster refuses the login (tested with the validation).
    if (cloud.kubernetesAccess.registryPullSecret === undefined) return;
    const { workloads } = synthBookstore(cloud, { web: { ...exampleProps(cloud).web, registryCredentials: RegistryCredentials.fromSecret("bookstore-registry-login") } });
    for (const secret of resources(workloads!, "kubernetes_secret_v1") as Record<string, any>[]) {
      expect(JSON.stringify(secret.data ?? {})).not.toMatch(/\$\{|auths/);
    }
    const manifests = (resources(workloads!, "kubernetes_manifest") as Record<string, any>[]).map((m) => m.manifest);
    expect(manifests.filter((m) => m.kind === "Secret")).toEqual([]);
    expect(JSON.stringify(manifests)).toContain("bookstore-registry-login");
    expect(Object.keys(workloads!.data ?? {}).filter((type) => SECRET_READS.test(type))).toEqual([]);
    expect(JSON.stringify(workloads)).not.toMatch(/password|"auths"/i);
  });

  test("VMs and pods read the same application contract", () => {
    const cloud = make();
    const { workloads } = synthBookstore(cloud);
    const config = resources(workloads!, "kubernetes_config_map_v1")[0] as Record<string, any>;
    for (const variable of ["CLOUD", "CLOUD_REGION", "PORT", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_CREDENTIALS_SECRET", ...cloud.catalog.runtimeEnvironment.regionVariables]) {
      expect({ variable, present: variable in config.data }).toEqual({ variable, present: true });
    }
  });

  test("tell the application which version of the credentials secrets to read only where the cloud's read needs one", () => {
    const { json, workloads } = synthBookstore(make());
    const config = (resources(workloads!, "kubernetes_config_map_v1")[0] as Record<string, any>).data;
    const version = CREDENTIALS_SECRET_VERSIONS[name];
    expect([config.DB_CREDENTIALS_SECRET_VERSION, config.CACHE_CREDENTIALS_SECRET_VERSION]).toEqual([version, version]);
    if (version !== undefined) {
      // The version the application is told is the one the stack writes.
      const written = Object.values(json.resource ?? {}).flatMap((blocks) => Object.values(blocks)).map((block: any) => block.version_id).filter((id) => id !== undefined);
      // The database's, its schema account's and the cache's.
      expect(written).toEqual([version, version, version]);
    }
  });
});
