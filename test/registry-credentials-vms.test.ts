import { App } from "cdktf";
import * as fc from "fast-check";
import { BookstoreStacks, Cloud, ComputeGroup, ComputeGroupProps, ICloud, Network, RegistryCredentials, ValidationError, WebRuntime } from "../lib";
import { ALICLOUD_CATALOG } from "../lib/alicloud/catalog";
import { acrEnterpriseImage, vmRegistryLines as alicloudRegistryLines } from "../lib/alicloud/registry";
import { registrySecretPullLines } from "../lib/aws/container-registry";
import { REGISTRY_CONFIG_DIR } from "../lib/core/user-data";
import { TENCENTCLOUD_CATALOG } from "../lib/tencentcloud/catalog";
import { vmRegistryLines as tencentcloudRegistryLines } from "../lib/tencentcloud/registry";
import { bookstoreProps, synthBookstore } from "./support/bookstore";
import { newStack, onlyResource, resourceAt, resources, synthJson, TerraformJson } from "./support/synth";
import { expectValidationError } from "./support/validation";
import { propertyRuns } from "./support/property-budget";
import { warningMessagesUnder } from "../examples/warnings";

// The VMs pull their image from a private registry with a login kept in the cloud's secret
// store (`web.registryCredentials`): the instance role may read that one secret, the boot
// script reads it at boot into /run, pulls with it and removes it. Terraform never sees
// the value.

const IMAGE = "registry.example.com/bookstore:1.4.2";
const SECRET = "shop-registry";

/** What each cloud is expected to build for the login, by cloud name. */
const CLOUDS: Record<
  string,
  {
    make: () => ICloud;
    /** The resource holding the instances' user data. */
    launch: string;
    /** The command that prints the Docker config, as the boot script runs it. */
    readCommand: string;
    /** Addresses (type and construct path below Web) the login adds to the stack. */
    added: string[];
  }
> = {
  aws: {
    make: () => Cloud.aws({ region: "eu-central-1" }),
    launch: "aws_launch_template",
    readCommand: `aws secretsmanager get-secret-value --region eu-central-1 --secret-id ${SECRET} --query SecretString --output text`,
    added: ["aws_iam_role_policy Web/ReadRegistryCredentials", "data.aws_caller_identity Web/Account", "data.aws_partition Web/Partition"],
  },
  alicloud: {
    make: () => Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" }),
    launch: "alicloud_ess_scaling_configuration",
    readCommand: `aliyun --profile bookstore kms GetSecretValue --region cn-hangzhou --SecretName ${SECRET} | python3 -c 'import json,sys; v=json.load(sys.stdin)[sys.argv[1]]; print(v[0][sys.argv[2]] if len(sys.argv) > 2 else v)' SecretData`,
    // The grant joins the role's one policy (see below): no resource of its own.
    added: [],
  },
  tencentcloud: {
    make: () => Cloud.tencentcloud({ region: "ap-guangzhou" }),
    launch: "tencentcloud_as_scaling_config",
    readCommand: `/opt/tccli/bin/tccli ssm GetSecretValue --use-cvm-role --region ap-guangzhou --SecretName ${SECRET} --VersionId $REGISTRY_SECRET_VERSION | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' SecretString`,
    added: ["tencentcloud_cam_policy Web/ReadRegistryCredentials", "tencentcloud_cam_role_policy_attachment Web/InstanceRoleRegistryCredentialsPolicy"],
  },
};
const NAMES = Object.keys(CLOUDS);

/** The example bookstore on VMs only, with these web props added. */
function onVms(cloud: ICloud, web: Record<string, unknown> = {}) {
  return { web: { ...bookstoreProps(cloud).web, image: IMAGE, runtime: WebRuntime.vms(), ...web }, kubernetes: { enabled: false } };
}

/** The boot script's lines, from the user data's `${base64encode("...")}` expression. */
function bootScript(userData: string): string[] {
  const match = /^\$\{base64encode\("(.*)"\)\}$/s.exec(userData);
  if (!match) throw new Error(`user data is not a base64encode expression: ${userData.slice(0, 80)}`);
  return match[1].split("\\n");
}

/** Every resource and data source of the stack as "<type> <construct path below the bookstore>". */
function addresses(json: TerraformJson): string[] {
  const of = (prefix: string, blocks: TerraformJson["resource"]) =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) =>
      Object.values(byName).map((block) => `${prefix}${type} ${String((block as any)["//"].metadata.path).replace(/^[^/]+\/Bookstore\//, "")}`),
    );
  return [...of("", json.resource), ...of("data.", json.data)].sort();
}

describe.each(NAMES)("on %s, VMs with registryCredentials", (name) => {
  const expected = CLOUDS[name];
  let withLogin: TerraformJson;
  let without: TerraformJson;
  beforeAll(() => {
    // GIVEN the example bookstore on VMs, with and without a registry login in the secret store
    const cloud = expected.make();
    withLogin = synthBookstore(cloud, onVms(cloud, { registryCredentials: RegistryCredentials.fromSecret(SECRET) })).json;
    without = synthBookstore(cloud, onVms(cloud)).json;
  });

  test("add exactly the grant to read that secret, and no resource that could hold its value", () => {
    const added = addresses(withLogin).filter((address) => !addresses(without).includes(address));
    expect(added).toEqual(expected.added);
    expect(addresses(without).filter((address) => !addresses(withLogin).includes(address))).toEqual([]);
  });

  test("the boot script reads the secret into /run with umask 077, pulls with it and removes it, before the container starts", () => {
    const lines = bootScript(onlyResource(withLogin, expected.launch).user_data);
    const at = (line: string) => lines.indexOf(line);
    const trap = at(`trap 'rm -rf ${REGISTRY_CONFIG_DIR}' EXIT`);
    const read = at(`(umask 077 && mkdir ${REGISTRY_CONFIG_DIR} && ${expected.readCommand} > ${REGISTRY_CONFIG_DIR}/config.json)`);
    const pull = at(`DOCKER_CONFIG=${REGISTRY_CONFIG_DIR} docker pull ${IMAGE}`);
    const remove = at(`rm -rf ${REGISTRY_CONFIG_DIR}`);
    const run = lines.findIndex((line) => line.startsWith("docker run "));
    expect([trap, read, pull, remove].every((index) => index > lines.indexOf("BOOKSTORE_ENV", lines.indexOf("cat > /etc/bookstore.env <<'BOOKSTORE_ENV'") + 1))).toBe(true);
    expect(trap < read && read < pull && pull < remove && remove === run - 1).toBe(true);
    expect(lines[run]).toMatch(new RegExp(` ${IMAGE.replace(/[.]/g, "\\.")}$`));
  });

  test("the boot script holds no double quote or backslash, which would end the user data's Terraform string", () => {
    const script = bootScript(onlyResource(withLogin, expected.launch).user_data).join("\n");
    expect(script).not.toMatch(/["\\]/);
  });

  test("the secret's name is all that reaches Terraform: nothing holds a Docker config", () => {
    const text = JSON.stringify(withLogin);
    expect(text).not.toMatch(/auths|dockerconfigjson|\.docker\/config\.json/i);
  });
});

describe("the instance role's grant", () => {
  test("AWS: GetSecretValue on that secret of the stack's account and region only (any 6-character suffix Secrets Manager adds)", () => {
    const cloud = CLOUDS.aws.make();
    const json = synthBookstore(cloud, onVms(cloud, { registryCredentials: RegistryCredentials.fromSecret(SECRET) })).json;
    const policy = resourceAt(json, "aws_iam_role_policy", "Web/ReadRegistryCredentials");
    expect(policy.role).toMatch(/^\$\{aws_iam_role\.Bookstore_Web_InstanceRole_\w+\.id\}$/);
    expect(policy.policy).toMatch(
      /^\$\{jsonencode\(\{"Version" = "2012-10-17", "Statement" = \[\{"Effect" = "Allow", "Action" = \["secretsmanager:GetSecretValue"\], "Resource" = "arn:\$\{data\.aws_partition\.Bookstore_Web_Partition_\w+\.partition\}:secretsmanager:eu-central-1:\$\{data\.aws_caller_identity\.Bookstore_Web_Account_\w+\.account_id\}:secret:shop-registry-\?\?\?\?\?\?"\}\]\}\)\}$/,
    );
    // The instances read it as they boot: the group waits for the grant.
    expect(onlyResource(json, "aws_autoscaling_group").depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_iam_role_policy\.Bookstore_Web_ReadRegistryCredentials_\w+$/)]));
  });

  test("Alibaba Cloud: the role's policy reads that KMS secret besides the data stores' and grants nothing else", () => {
    const cloud = CLOUDS.alicloud.make();
    const policyOf = (json: TerraformJson) => (resources(json, "alicloud_ram_policy") as any[]).find((p) => p.policy_name === "bookstore-web-cn-hangzhou").policy_document as string;
    const withLogin = policyOf(synthBookstore(cloud, onVms(cloud, { registryCredentials: RegistryCredentials.fromSecret(SECRET) })).json);
    const without = policyOf(synthBookstore(cloud, onVms(cloud)).json);
    expect(withLogin).toContain(`"Action" = ["kms:GetSecretValue"], "Resource" = [`);
    expect(withLogin.replace(`, "acs:kms:cn-hangzhou:\${data.alicloud_account.DeployingAlicloudAccount.id}:secret/${SECRET}"]`, "]")).toBe(without);
  });

  test("Tencent Cloud: GetSecretValue and ListSecretVersionIds on that SSM secret only, attached to the instance role", () => {
    const cloud = CLOUDS.tencentcloud.make();
    const json = synthBookstore(cloud, onVms(cloud, { registryCredentials: RegistryCredentials.fromSecret(SECRET) })).json;
    const policy = resourceAt(json, "tencentcloud_cam_policy", "Web/ReadRegistryCredentials");
    expect(policy.name).toBe("bookstore-web-read-registry-credentials");
    expect(policy.document).toMatch(
      /^\$\{jsonencode\(\{"version" = "2\.0", "statement" = \[\{"effect" = "allow", "action" = \["ssm:GetSecretValue", "ssm:ListSecretVersionIds"\], "resource" = \["qcs::ssm:ap-guangzhou:uin\/\$\{data\.tencentcloud_user_info\.Bookstore_Web_Account_\w+\.owner_uin\}:secret\/creatorUin\/\*\/shop-registry"\]\}\]\}\)\}$/,
    );
    const attachment = resourceAt(json, "tencentcloud_cam_role_policy_attachment", "Web/InstanceRoleRegistryCredentialsPolicy");
    expect(attachment.role_id).toMatch(/^\$\{tencentcloud_cam_role\.Bookstore_Web_InstanceRole_\w+\.id\}$/);
    expect(attachment.policy_id).toMatch(/^\$\{tencentcloud_cam_policy\.Bookstore_Web_ReadRegistryCredentials_\w+\.id\}$/);
    // The database's and the cache's grants are as they were: reading their secrets' values only.
    expect(resourceAt(json, "tencentcloud_cam_policy", "Web/ReadDatabaseCredentials").document).toContain('"action" = ["ssm:GetSecretValue"]');
  });

  test("Tencent Cloud: a group with nothing else to grant gets a role for the login, and none without it", () => {
    const build = (registryCredentials?: RegistryCredentials) => {
      const { stack } = newStack();
      const cloud = CLOUDS.tencentcloud.make();
      new ComputeGroup(stack, "Web", { cloud, network: new Network(stack, "Net", { cloud }), image: IMAGE, registryCredentials });
      return synthJson(stack);
    };
    const withLogin = build(RegistryCredentials.fromSecret(SECRET));
    expect(resources(withLogin, "tencentcloud_cam_role")).toHaveLength(1);
    expect(onlyResource(withLogin, "tencentcloud_as_scaling_config").cam_role_name).toMatch(/^\$\{tencentcloud_cam_role\.Web_InstanceRole_\w+\.name\}$/);
    const without = build();
    expect(resources(without, "tencentcloud_cam_role")).toEqual([]);
    expect(onlyResource(without, "tencentcloud_as_scaling_config").cam_role_name).toBeUndefined();
  });
});

describe("with the cloud's own registry too", () => {
  test.each([
    ["aws", "123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop/bookstore:1.4.2", "Amazon ECR"],
    ["alicloud", "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2", "ACR Enterprise Edition"],
    ["tencentcloud", "shop-registry.tencentcloudcr.com/shop/bookstore:1.4.2", "TCR Enterprise"],
  ])("%s: an image of the cloud's own registry refuses a login from the secret store, which would stand in for the role's", (name, image, registry) => {
    // The boot script pulls with the secret's Docker config alone: the role's login would not count.
    const cloud = CLOUDS[name].make();
    const build = () => synthBookstore(cloud, onVms(cloud, { image, registryCredentials: RegistryCredentials.fromSecret(SECRET) }));
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(new RegExp(`invalid web\\.registryCredentials "${SECRET.replace(/[/]/g, "\\/")}"; allowed: none for .*${registry}`));
  });

  test.each([
    ["alicloud", "alicloud_ram_role_policy_attachment"],
    ["tencentcloud", "tencentcloud_cam_role_policy_attachment"],
  ])("%s: no instance starts before its role may read the login (the launch configuration waits for every grant of the role)", (name, attachmentType) => {
    const cloud = CLOUDS[name].make();
    const json = synthBookstore(cloud, onVms(cloud, { registryCredentials: RegistryCredentials.fromSecret(SECRET) })).json;
    const attachments = Object.keys(json.resource?.[attachmentType] ?? {}).filter((key) => key.includes("Web_"));
    expect(attachments.length).toBeGreaterThan(0);
    expect([...onlyResource(json, CLOUDS[name].launch).depends_on].sort()).toEqual(attachments.map((key) => `${attachmentType}.${key}`).sort());
  });

  test("Tencent Cloud: an image in TCR Personal draws no warning once its login is in SSM", () => {
    const cloud = CLOUDS.tencentcloud.make();
    const warningsWith = (registryCredentials?: RegistryCredentials) => {
      const stacks = new BookstoreStacks(new App({ outdir: "/tmp/registry-credentials-never-synthesized" }), `bookstore-${cloud.name}`, { ...bookstoreProps(cloud, onVms(cloud, { image: "ccr.ccs.tencentyun.com/shop/bookstore:1.4.2", registryCredentials })), cloud });
      return warningMessagesUnder(stacks.infrastructure).filter((w) => w.includes("TCR Personal"));
    };
    expect(warningsWith()).toHaveLength(1);
    expect(warningsWith(RegistryCredentials.fromSecret(SECRET))).toEqual([]);
  });
});

describe("the boot script stays within the cloud's user data", () => {
  /** A group whose environment holds one value of `length` characters. */
  const group = (name: string, length: number, registryCredentials?: RegistryCredentials) => {
    const { stack } = newStack();
    const cloud = CLOUDS[name].make();
    const props: ComputeGroupProps = { cloud, network: new Network(stack, "Net", { cloud }), image: IMAGE, environment: { BIG: "x".repeat(length) }, registryCredentials };
    return () => new ComputeGroup(stack, "Web", props);
  };
  const fits = (build: () => unknown) => {
    try {
      build();
      return true;
    } catch (error) {
      if (error instanceof ValidationError && error.field === "environment") return false;
      throw error;
    }
  };

  test.each(NAMES)("%s: the largest environment that fits without the login is refused with it, naming the environment", (name) => {
    // GIVEN the largest value that fits without a login (a binary search on its length)
    let [low, high] = [0, 64 * 1024];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(group(name, middle))) low = middle;
      else high = middle;
    }
    expect(fits(group(name, low))).toBe(true);
    // THEN the login's lines count: the same environment no longer fits
    expectValidationError(group(name, low, RegistryCredentials.fromSecret(SECRET)), {
      constructPath: "test/Web",
      field: "environment",
      value: expect.stringMatching(/^\d+ variables making \d+ bytes of (Base64-encoded )?user data$/),
    });
  });
});

describe("bad registryCredentials", () => {
  /** [what is wrong, the value, the field below the prop, the value the error names] per cloud. */
  const rows = (cloud: ICloud): [string, unknown, string, unknown][] => {
    const rule = cloud.catalog.limits.secretName;
    return [
      ["a plain secret name", SECRET, "", SECRET],
      ["an object shaped like credentials", { secretName: SECRET }, "", { secretName: SECRET }],
      ["a name with a space", RegistryCredentials.fromSecret("shop registry"), ".secretName", "shop registry"],
      ["an empty name", RegistryCredentials.fromSecret(""), ".secretName", ""],
      ["a name over the cloud's limit", RegistryCredentials.fromSecret("a".repeat(rule.maxLength + 1)), ".secretName", "a".repeat(rule.maxLength + 1)],
      ["a name with a double quote", RegistryCredentials.fromSecret('shop"registry'), ".secretName", 'shop"registry'],
    ];
  };
  const cases = NAMES.flatMap((name) => rows(CLOUDS[name].make()).map(([what, value, suffix, named]) => [name, what, value, suffix, named] as const));

  test.each(cases)("%s: %s fails through the Bookstore, naming web.registryCredentials", (name, _what, value, suffix, named) => {
    const cloud = CLOUDS[name].make();
    expectValidationError(() => new BookstoreStacks(new App({ outdir: "/tmp/registry-credentials-never-synthesized" }), `bookstore-${cloud.name}`, { ...(bookstoreProps(cloud, onVms(cloud, { registryCredentials: value }) as any)), cloud }), {
      constructPath: `bookstore-${name}/Bookstore/Web`,
      field: `web.registryCredentials${suffix}`,
      value: named,
    });
  });

  test.each(cases)("%s: %s fails through ComputeGroup, naming registryCredentials", (name, _what, value, suffix, named) => {
    const { stack } = newStack();
    const cloud = CLOUDS[name].make();
    expectValidationError(() => new ComputeGroup(stack, "Web", { cloud, network: new Network(stack, "Net", { cloud }), image: IMAGE, registryCredentials: value as RegistryCredentials }), {
      constructPath: "test/Web",
      field: `registryCredentials${suffix}`,
      value: named,
    });
  });

  test("fails on Tencent Cloud for a name with a slash, which SSM refuses and the other clouds take", () => {
    const cloud = CLOUDS.tencentcloud.make();
    const { stack } = newStack();
    expectValidationError(() => new ComputeGroup(stack, "Web", { cloud, network: new Network(stack, "Net", { cloud }), image: IMAGE, registryCredentials: RegistryCredentials.fromSecret("shop/registry") }), {
      constructPath: "test/Web",
      field: "registryCredentials.secretName",
      value: "shop/registry",
    });
  });
});

describe("the login's lines, for any secret name the cloud takes", () => {
  /** Names in a cloud's form: mostly its own characters, some of any printable ASCII, filtered by its whole rule. */
  const names = (cloud: ICloud) => {
    const rule = cloud.catalog.limits.secretName;
    const whole = new RegExp(`^(?:${rule.pattern})$`);
    return fc
      .oneof(fc.stringMatching(/^[A-Za-z0-9/_+=.@-]{1,40}$/), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }))
      .filter((name) => whole.test(name) && name.length <= rule.maxLength);
  };
  /** What a shell reads specially inside an unquoted word (or that ends it). */
  const SHELL_SPECIAL = /[\s"'\\$`;&|<>(){}*?[\]!~#%]/;
  const clean = (name: string) => (lines: string[]) => {
    const script = lines.join("\n");
    expect(script).not.toMatch(/["\\]/);
    expect(script).not.toMatch(/[$%]\{/);
    // The name is one word of the command that reads the secret: nothing the shell would
    // expand, glob or split.
    expect(name).not.toMatch(SHELL_SPECIAL);
    const tokens = lines.flatMap((line) => line.split(/\s+/));
    const named = tokens.flatMap((token, i) => (token === "--secret-id" || token === "--SecretName" ? [tokens[i + 1]] : []));
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((word) => word === name)).toBe(true);
    expect(lines.filter((line) => line.includes("docker pull"))).toEqual([`DOCKER_CONFIG=${REGISTRY_CONFIG_DIR} docker pull ${IMAGE}`]);
  };

  test.each(NAMES)("%s: the catalog's rule takes no name the shell would read specially", (name) => {
    const rule = CLOUDS[name].make().catalog.limits.secretName;
    const whole = new RegExp(`^(?:${rule.pattern})$`);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }), (candidate) => {
        if (whole.test(candidate)) expect(candidate).not.toMatch(SHELL_SPECIAL);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test("AWS", () => {
    fc.assert(fc.property(names(CLOUDS.aws.make()), (name) => clean(name)(registrySecretPullLines(IMAGE, name, "eu-central-1"))));
  });

  test("Alibaba Cloud, with and without the ACR login", () => {
    const acrImage = acrEnterpriseImage("shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2");
    fc.assert(
      fc.property(names(CLOUDS.alicloud.make()), fc.boolean(), (name, withAcr) =>
        clean(name)(alicloudRegistryLines({ image: IMAGE, acrImage: withAcr ? acrImage : undefined, registrySecretName: name, region: "cn-hangzhou", roleName: "bookstore-web-cn-hangzhou", cli: ALICLOUD_CATALOG.alicloud.aliyunCli })),
      ),
    );
  });

  test("Tencent Cloud", () => {
    fc.assert(fc.property(names(CLOUDS.tencentcloud.make()), (name) => clean(name)(tencentcloudRegistryLines({ image: IMAGE, registrySecretName: name, region: "ap-guangzhou", cli: TENCENTCLOUD_CATALOG.tencentcloud.tccli }))));
  });

  test("no login, no lines", () => {
    expect(alicloudRegistryLines({ image: IMAGE, region: "cn-hangzhou", roleName: "r", cli: ALICLOUD_CATALOG.alicloud.aliyunCli })).toEqual([]);
    expect(tencentcloudRegistryLines({ image: IMAGE, region: "ap-guangzhou", cli: TENCENTCLOUD_CATALOG.tencentcloud.tccli })).toEqual([]);
  });
});
