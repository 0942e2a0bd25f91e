import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { mapInterpolations, requiredProviders, transformStack } from "../scripts/stand-ins";
import { cacheDir, GO_MODULES, providerBinary } from "../scripts/validate-providers";
import { App } from "cdktf";
import { BookstoreStacks, DnsAnswer, DnsAuthority, DnsRouting, DnsTarget, DnsZone, GlobalDnsStack, ServiceArea } from "../lib";
import { exampleCloud, exampleProps } from "../examples/bookstore-app";
import { exampleAppOutdir } from "./support/bookstore";
import { lightFrontDoor } from "./support/front-doors";

const SCRIPT = path.join(__dirname, "..", "scripts", "validate-providers.js");

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { env: { ...env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function exampleStack(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(exampleAppOutdir(), "stacks", name, "cdk.tf.json"), "utf8"));
}

/** A stacks folder holding the given stacks, as `--stacks` takes it. */
function stacksDir(stacks: Record<string, any>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-vp-test-"));
  for (const [name, json] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "cdk.tf.json"), JSON.stringify(json));
  }
  return dir;
}

describe("stand-ins for the blocks of providers that cannot be had", () => {
  // GIVEN a stack mixing an available provider (alicloud) with one that is not (random)
  const stack = {
    terraform: {
      required_providers: { alicloud: { source: "aliyun/alicloud", version: "1.289.0" }, random: { source: "hashicorp/random", version: "3.7.2" } },
      backend: { local: { path: "x.tfstate" } },
    },
    provider: { alicloud: [{ region: "cn-hangzhou" }], random: [{}] },
    resource: {
      random_password: { Pw: { "//": { metadata: {} }, length: 32, lifecycle: { ignore_changes: ["length"] } } },
      alicloud_db_account: {
        Account: {
          account_password: "${random_password.Pw.result}",
          account_name: "${upper(\"random_password.Pw.result\")}",
          depends_on: ["random_password.Pw"],
        },
      },
    },
    output: { pw: { value: "${random_password.Pw.result}", sensitive: true } },
  };
  // WHEN it is transformed with only alicloud at hand
  const { files, real, standIns, standInFiles } = transformStack(stack, new Set(["aliyun/alicloud"]));

  test("keeps the available provider's blocks and counts them", () => {
    expect(real).toEqual({ "aliyun/alicloud": 1 });
    expect(standIns).toEqual({ "hashicorp/random": 1 });
    expect(Object.keys(files).sort()).toEqual([
      "output.tf.json",
      "provider.tf.json",
      "resource.alicloud_db_account.Account.tf.json",
      "standin.resource.random_password.Pw.tf.json",
      "terraform.tf.json",
    ]);
    expect([...standInFiles]).toEqual(["standin.resource.random_password.Pw.tf.json"]);
  });

  test("replaces the other provider's block by a terraform_data whose output stands for every attribute", () => {
    expect(files["standin.resource.random_password.Pw.tf.json"]).toEqual({ resource: { terraform_data: { standin_r__random_password__Pw: { input: { length: 32 } } } } });
    expect(files["resource.alicloud_db_account.Account.tf.json"].resource.alicloud_db_account.Account).toEqual({
      account_password: "${terraform_data.standin_r__random_password__Pw.output}",
      // Quoted strings inside an expression are not references.
      account_name: '${upper("random_password.Pw.result")}',
      depends_on: ["terraform_data.standin_r__random_password__Pw"],
    });
    expect(files["output.tf.json"].output.pw.value).toBe("${terraform_data.standin_r__random_password__Pw.output}");
  });

  test("drops the other provider's configuration and the backend, and qualifies the kept source", () => {
    expect(files["provider.tf.json"]).toEqual({ provider: { alicloud: [{ region: "cn-hangzhou" }] } });
    expect(files["terraform.tf.json"]).toEqual({
      terraform: { required_providers: { alicloud: { source: "registry.terraform.io/aliyun/alicloud", version: "1.289.0" } } },
    });
  });

  test("stands in for data sources and aliased providers' blocks too", () => {
    const aws = transformStack(
      {
        terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" } } },
        provider: { aws: [{ region: "eu-central-1" }, { alias: "global", region: "us-east-1" }] },
        data: { aws_caller_identity: { Me: {} } },
        resource: { aws_s3_bucket: { B: { provider: "aws.global", bucket: "${data.aws_caller_identity.Me.account_id}-logs" } } },
      },
      new Set(),
    );
    expect(aws.standIns).toEqual({ "hashicorp/aws": 2 });
    expect(aws.files["provider.tf.json"]).toBeUndefined();
    expect(aws.files["standin.resource.aws_s3_bucket.B.tf.json"].resource.terraform_data.standin_r__aws_s3_bucket__B.input).toEqual({
      bucket: "${terraform_data.standin_d__aws_caller_identity__Me.output}-logs",
    });
  });

  test("keeps count and for_each on a stand-in, and the instance key in references to it", () => {
    const counted = transformStack(
      {
        terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" }, alicloud: { source: "aliyun/alicloud", version: "1.289.0" } } },
        resource: {
          aws_subnet: { S: { count: 2, cidr_block: "${cidrsubnet(\"10.0.0.0/16\", 8, count.index)}" } },
          alicloud_vpc: { V: { description: "${aws_subnet.S[1].id} ${join(\",\", aws_subnet.S[*].id)} ${length(aws_subnet.S)}" } },
        },
      },
      new Set(["aliyun/alicloud"]),
    );
    expect(counted.files["standin.resource.aws_subnet.S.tf.json"].resource.terraform_data.standin_r__aws_subnet__S).toEqual({
      count: 2,
      input: { cidr_block: '${cidrsubnet("10.0.0.0/16", 8, count.index)}' },
    });
    expect(counted.files["resource.alicloud_vpc.V.tf.json"].resource.alicloud_vpc.V.description).toBe(
      '${terraform_data.standin_r__aws_subnet__S[1].output} ${join(",", terraform_data.standin_r__aws_subnet__S[*].output)} ${length(terraform_data.standin_r__aws_subnet__S)}',
    );
  });

  test("leaves escaped and nested interpolations intact", () => {
    const upper = (e: string) => e.toUpperCase();
    expect(mapInterpolations("a $${b} ${c} ${d({e = 1})}", upper)).toBe("a $${b} ${C} ${D({E = 1})}");
  });

  test("reads each provider's exact version from the stacks", () => {
    expect(requiredProviders([{ name: "s", json: stack }])).toEqual([
      { source: "aliyun/alicloud", version: "1.289.0" },
      { source: "hashicorp/random", version: "3.7.2" },
    ]);
  });
});

describe("on a machine where no provider can be had", () => {
  test("says per provider that it was not validated, and passes", () => {
    // GIVEN an empty tools cache WHEN building is off
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-vp-cache-"));
    const { status, out } = run(["--stacks", path.join(exampleAppOutdir(), "stacks"), "--no-build"], { ...process.env, BOOKSTORE_TOOLS_CACHE: cache });
    // THEN every provider is named, with the reason, and nothing fails
    for (const source of ["aliyun/alicloud", "tencentcloudstack/tencentcloud", "hashicorp/aws", "hashicorp/kubernetes", "hashicorp/random"]) {
      expect(out).toMatch(new RegExp(`${source} [0-9.]+: not validated by the real provider: .*absent`));
    }
    expect(out).toContain("nothing was validated by a real provider");
    expect(status).toBe(0);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  test("fails on a missing stacks folder", () => {
    expect(run(["--stacks", path.join(os.tmpdir(), "no-such-bookstore-stacks"), "--no-build"]).status).toBe(2);
  });
});

// The pinned providers' modules are not served by the Go module proxy here, so their
// binaries exist only where someone built them into the tools cache.
const hasTerraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;

interface BrokenOnPurpose {
  readonly provider: string;
  readonly version: string;
  readonly stack: string;
  readonly what: string;
  /** Breaks the stack; returns the broken block's file name, as diagnostics name it. */
  readonly breakIt: (stack: any) => string;
  readonly message: RegExp;
}

const BROKEN: readonly BrokenOnPurpose[] = [
  {
    provider: "alicloud",
    version: "1.289.0",
    stack: "bookstore-alicloud",
    what: "a scaling group attachment of type VServerGroup (1.289.0 accepts ALB, NLB, GWLB)",
    breakIt: (stack) => {
      const group = Object.keys(stack.resource.alicloud_ess_scaling_group)[0];
      stack.resource.alicloud_ess_server_group_attachment = {
        Broken: { scaling_group_id: `\${alicloud_ess_scaling_group.${group}.id}`, server_group_id: "rsp-broken", port: 8080, type: "VServerGroup", weight: 100 },
      };
      return "resource.alicloud_ess_server_group_attachment.Broken";
    },
    // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/validators.go (StringInSlice)
    message: /expected type to be one of \[ALB NLB GWLB\], got VServerGroup/,
  },
  {
    provider: "tencentcloud",
    version: "1.83.25",
    stack: "bookstore-tencentcloud",
    what: "a CDN domain of service type 'shop' (1.83.25 accepts web, download, media, hybrid, dynamic)",
    breakIt: (stack) => {
      const [name, domain] = Object.entries(stack.resource.tencentcloud_cdn_domain)[0] as [string, any];
      domain.service_type = "shop";
      return `resource.tencentcloud_cdn_domain.${name}`;
    },
    message: /"service_type" must contain a valid string value must in array \[\]string\{"web", "download", "media", "hybrid", "dynamic"\}, got "shop"/,
  },
  {
    provider: "kubernetes",
    version: "2.38.0",
    stack: "bookstore-aws-workloads",
    // A block whose values are all known: the provider (SDKv2) skips a nested block that
    // holds any unknown value at validate time, as the deployment's pod spec does.
    what: "a Service of type 'Internal' (ClusterIP, ExternalName, NodePort, LoadBalancer)",
    breakIt: (stack) => {
      const [name, service] = Object.entries(stack.resource.kubernetes_service_v1)[0] as [string, any];
      service.spec.type = "Internal";
      return `resource.kubernetes_service_v1.${name}`;
    },
    // ref: https://github.com/hashicorp/terraform-provider-kubernetes/blob/v2.38.0/kubernetes/resource_kubernetes_service_v1.go (spec.type: StringInSlice)
    message: /expected spec\.0\.type to be one of .*ClusterIP.*LoadBalancer.*, got Internal/,
  },
  {
    provider: "helm",
    version: "3.1.1",
    stack: "bookstore-aws-addons",
    what: "a release named with 54 characters (1 to 53)",
    breakIt: (stack) => {
      const [name, release] = Object.entries(stack.resource.helm_release)[0] as [string, any];
      release.name = "r".repeat(54);
      return `resource.helm_release.${name}`;
    },
    // ref: https://github.com/hashicorp/terraform-provider-helm/blob/v3.1.1/helm/resource_helm_release.go (name: LengthBetween(1, 53))
    message: /Attribute name string length must be between 1 and 53, got: 54/,
  },
];

/** The registry source ("aliyun/alicloud") of a provider type ("alicloud"). */
const sourceOf = (type: string) => Object.keys(GO_MODULES).find((s) => s.endsWith(`/${type}`)) ?? `hashicorp/${type}`;
const binaryOf = (b: BrokenOnPurpose) => providerBinary(cacheDir(), sourceOf(b.provider), b.version);
const skipReason = (b: BrokenOnPurpose) =>
  hasTerraform
    ? fs.existsSync(binaryOf(b))
      ? undefined
      : `skipped: no ${binaryOf(b)}, so the real ${b.provider} provider cannot judge (npm run validate:providers tries to build it)`
    : "skipped: terraform is not on the PATH";

describe.each(BROKEN.map((b) => [b.provider, b] as const))("the real %s provider", (_, broken) => {
  const skip = skipReason(broken);
  (skip ? test.skip : test)(
    skip ? `refuses ${broken.what} (${skip})` : `refuses ${broken.what}, with its own message`,
    () => {
      // GIVEN the example stack with one block broken on purpose
      const stack = exampleStack(broken.stack);
      const block = broken.breakIt(stack);
      // WHEN the providers at hand judge it
      const { status, out } = run(["--stacks", stacksDir({ [broken.stack]: stack }), "--no-build"]);
      // THEN the provider's own validation names the value, and the block is named
      const line = out.split("\n").find((l) => broken.message.test(l));
      expect(line).toMatch(/^\s+error: /);
      expect(line).toContain(`[${block}]`);
      expect(status).toBe(1);
    },
    120_000,
  );
});

const anyBinary = BROKEN.some((b) => !skipReason(b));
(anyBinary ? test : test.skip)(
  anyBinary ? "every synthesized stack passes the real providers at hand" : "every synthesized stack passes the real providers at hand (skipped: no provider binary or no terraform)",
  () => {
    const { status, out } = run(["--stacks", path.join(exampleAppOutdir(), "stacks"), "--no-build"]);
    expect(out).toMatch(/[1-9][0-9]* resources and data sources judged by real providers/);
    expect({ status, diagnostics: out.split("\n").filter((l) => /^\s+(error|warning):/.test(l)) }).toEqual({ status: 0, diagnostics: [] });
  },
  300_000,
);

// The example's image is in no ACR instance; the same bookstore with an image of an ACR
// Enterprise Edition instance (of the cluster's region, and of another) has the instance
// lookup, an aliased provider and ACK's credential helper judged by the real provider.
describe("the bookstore with an image in ACR Enterprise Edition", () => {
  const broken = BROKEN[0];
  const skip = skipReason(broken);
  (skip ? test.skip : test)(
    skip ? `passes the real alicloud provider (${skip})` : "passes the real alicloud provider: the instance lookups, the aliased provider and the credential helper",
    () => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-vp-acr-"));
      try {
        const app = new App({ outdir });
        const images = { near: "near-registry.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2", far: "far-registry.cn-shanghai.cr.aliyuncs.com/shop/bookstore:1.4.2" };
        const built = Object.entries(images).map(([name, image]) => {
          const cloud = exampleCloud("alicloud");
          const props = exampleProps(cloud);
          return new BookstoreStacks(app, `${name}-${cloud.name}`, { ...props, cloud, name, web: { ...props.web, image } });
        });
        app.synth();
        const ids = built.flatMap((stacks) => [stacks.infrastructure.node.id, stacks.workloads!.node.id]);
        const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
        const { status, out } = run(["--stacks", stacksDir(Object.fromEntries(ids.map((id) => [id, read(id)]))), "--no-build"]);
        for (const id of ids) expect(out).toMatch(new RegExp(`${id}: [1-9][0-9]* blocks judged by the real provider .* 0 errors`));
        expect(status).toBe(0);
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

// The example's global domain is on Route 53, whose provider cannot be had here; the same
// domain on Alibaba Cloud DNS and DNSPod, with every kind of answer each can express, is
// judged by those real providers where they are at hand.
describe.each([
  ["alicloud", "1.289.0", "enterprise-ultimate"],
  ["tencentcloud", "1.83.25", "enterprise"],
] as const)("the global domain on %s's DNS", (cloudName, version, edition) => {
  const binary = providerBinary(cacheDir(), sourceOf(cloudName), version);
  const skip = !hasTerraform ? "skipped: terraform is not on the PATH" : fs.existsSync(binary) ? undefined : `skipped: no ${binary}`;
  (skip ? test.skip : test)(
    skip ? `passes the real provider (${skip})` : "passes the real provider: the zone, lines, weights where the edition has them, static.<domain> beside the domain, the ACM validation record, an existing zone's data source",
    () => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-vp-dns-"));
      try {
        const app = new App({ outdir });
        const authority = exampleCloud(cloudName);
        // Each serving its asset bucket as the bookstores' CDNs do (the mainland ones on
        // static.<domain>), CloudFront's certificate issued by ACM and validated by DNS.
        const outside = lightFrontDoor(app, "outside", exampleCloud("aws"), ServiceArea.OUTSIDE_MAINLAND_CHINA, { assetsDomain: "shop.example.com", issuedCertificate: true });
        const mainland = lightFrontDoor(app, "mainland", exampleCloud("alicloud"), ServiceArea.MAINLAND_CHINA, { assetsDomain: "static.shop.example.com" });
        const mainland2 = lightFrontDoor(app, "mainland2", exampleCloud("tencentcloud"), ServiceArea.GLOBAL, { assetsDomain: "static.shop.example.com" });
        const icpFiling = "浙ICP备12345678号";
        const weights = authority.catalog.dns.editions[edition].weightedRecords;
        const mainlandAnswer = weights
          ? DnsAnswer.weighted([{ target: DnsTarget.of(mainland, { icpFiling }), weight: 60 }, { target: DnsTarget.of(mainland2, { icpFiling }), weight: 40 }])
          : DnsAnswer.target(DnsTarget.of(mainland, { icpFiling }));
        const routing = DnsRouting.geoSplit({ mainlandChina: mainlandAnswer, elsewhere: DnsAnswer.target(DnsTarget.of(outside)) });
        const authorityOf = DnsAuthority.of({ cloud: authority }, { edition });
        const created = new GlobalDnsStack(app, "created-global-dns", { name: "created", authority: authorityOf, domain: "shop.example.com", zone: DnsZone.create("example.com"), routing, ttlSeconds: 60 });
        const existing = new GlobalDnsStack(app, "existing-global-dns", { name: "existing", authority: authorityOf, domain: "shop.example.com", zone: DnsZone.existing("example.com"), routing });
        app.synth();
        const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
        const ids = [created.stack.node.id, existing.stack.node.id];
        const recordType = cloudName === "alicloud" ? "alicloud_alidns_record" : "tencentcloud_dnspod_record";
        const names = Object.values(read(ids[0]).resource[recordType]).map((r: any) => (r.for_each ? "validation" : (r.rr ?? r.sub_domain)));
        expect(new Set(names)).toEqual(new Set(["shop", "static.shop", "validation"]));
        const { status, out } = run(["--stacks", stacksDir(Object.fromEntries(ids.map((id) => [id, read(id)]))), "--no-build"]);
        for (const id of ids) expect(out).toMatch(new RegExp(`${id}: [1-9][0-9]* blocks judged by the real provider .* 0 errors, 0 warnings`));
        expect(status).toBe(0);
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
