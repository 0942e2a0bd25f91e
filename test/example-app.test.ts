import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { Cloud, CLOUD_REGISTRATIONS } from "../lib";
import { buildExample, exampleCloud, ExampleSettingError, exampleProps, selectedClouds } from "../examples/bookstore-app";
import { removeStaleStacks } from "../examples/stacks-folder";
import { administratorNotes, formatSummary, placeholderNotes, summarizeStack } from "../examples/summary";
import { exampleAppOutdir } from "./support/bookstore";

describe("the example app", () => {
  test("builds every implemented cloud when BOOKSTORE_CLOUDS is unset or empty", () => {
    expect(selectedClouds(undefined).map((c) => c.name)).toEqual([...Cloud.implemented]);
    expect(selectedClouds(" ").map((c) => c.name)).toEqual([...Cloud.implemented]);
  });

  test("builds only the clouds BOOKSTORE_CLOUDS names, once each", () => {
    expect(selectedClouds("aws, aws").map((c) => c.name)).toEqual(["aws"]);
  });

  test("fails when BOOKSTORE_CLOUDS names a cloud that is not implemented", () => {
    expect(() => selectedClouds("aws,gcp")).toThrow(ExampleSettingError);
    expect(() => selectedClouds("aws,gcp")).toThrow(/"gcp".*implemented clouds: aws/);
  });

  test("reads cloud names in any case", () => {
    expect(selectedClouds("AWS, Alicloud").map((c) => c.name)).toEqual(["aws", "alicloud"]);
  });

  test("says which clouds were built with the example's placeholder certificate", () => {
    const notes = placeholderNotes(CLOUD_REGISTRATIONS);
    const withPlaceholder = CLOUD_REGISTRATIONS.filter((r) => r.example.certificateId !== undefined);
    const settings = CLOUD_REGISTRATIONS.flatMap((r) => Object.keys(r.example.cloudProps ?? {}));
    expect(notes).toHaveLength(withPlaceholder.length + settings.length);
    for (const r of withPlaceholder) expect(notes.join("\n")).toContain(`${r.name}'s certificate "${r.example.certificateId}" is a placeholder: in your own app, give yours as certificate: cloud.certificate.existing(`);
    expect(notes.join("\n")).not.toContain("registration.ts");
  });

  test("says which cloud settings are the example's placeholders (Alibaba Cloud's KMS instance)", () => {
    expect(placeholderNotes(CLOUD_REGISTRATIONS)).toContain(
      'note: alicloud\'s kmsInstanceId "kst-hzz00000000000000000" is a placeholder: in your own app, give yours to Cloud.alicloud({ region, kmsInstanceId })',
    );
  });

  test("says the example's cluster administrator is a placeholder (on AWS the only way into the cluster)", () => {
    // GIVEN the example's AWS bookstore, whose administrator is the catalog's example CI deployer
    const aws = exampleCloud("aws");
    // THEN a note names it
    expect(administratorNotes([{ cloud: aws, props: exampleProps(aws) }])).toEqual([
      'note: aws\'s cluster administrator "arn:aws:iam::123456789012:role/ci-deployer" is a placeholder: set the principal that deploys (kubernetes.administrators, examples/bookstore-app.ts)',
    ]);
    // AND none where the administrator is the user's own, or the bookstore has no cluster
    const own = { ...exampleProps(aws), kubernetes: { ...exampleProps(aws).kubernetes, administrators: ["arn:aws:iam::210987654321:role/deployer"] } };
    expect(administratorNotes([{ cloud: aws, props: own }])).toEqual([]);
    expect(administratorNotes([{ cloud: aws, props: { ...exampleProps(aws), kubernetes: { enabled: false } } }])).toEqual([]);
  });

  test("a stale stack folder is removed, unless it holds Terraform state", () => {
    // GIVEN an output folder with this synth's stack and two left from an earlier one
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-stale-"));
    try {
      for (const stack of ["bookstore-aws", "bookstore-alicloud", "bookstore-tencentcloud"]) fs.mkdirSync(path.join(outdir, "stacks", stack), { recursive: true });
      fs.writeFileSync(path.join(outdir, "stacks", "bookstore-alicloud", "cdk.tf.json"), "{}");
      fs.writeFileSync(path.join(outdir, "stacks", "bookstore-tencentcloud", "terraform.bookstore-tencentcloud.tfstate"), "{}");
      // WHEN the stale folders are cleaned
      const kept = removeStaleStacks(outdir, ["bookstore-aws"]);
      // THEN only the folder without state is gone, and the kept one is named
      expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(["bookstore-aws", "bookstore-tencentcloud"]);
      expect(kept).toEqual([path.relative(process.cwd(), path.join(outdir, "stacks", "bookstore-tencentcloud"))]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("writes one stack per cloud, named after it, and a summary of each", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-example-"));
    try {
      const app = new App({ outdir });
      const { bookstores: built, globalDns } = buildExample(app, selectedClouds(undefined));
      app.synth();
      const expected = [...built.flatMap((b) => b.stacks.map((stack) => stack.node.id)), globalDns!.stack.node.id].sort();
      expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(expected);
      // Every cloud has its infrastructure stack, named after it.
      for (const cloud of Cloud.implemented) expect(expected).toContain(`bookstore-${cloud}`);
      const summaries = built.map((b) => summarizeStack(outdir, { cloud: b.cloud.name, stackName: b.infrastructure.node.id }));
      summaries.forEach((summary, index) => {
        // The VMs exist where the example's runtime sends them requests.
        const vms = built[index].bookstore.web ? ["Web"] : [];
        expect(Object.keys(summary.byCapability)).toEqual(expect.arrayContaining(["Network", "Database", "LoadBalancer", ...vms, "Cdn", "Kubernetes"]));
        expect(summary.resources).toBe(Object.values(summary.byCapability).reduce((a, b) => a + b, 0));
      });
      const table = formatSummary(summaries);
      expect(table.split("\n")[0]).toMatch(/^stack\s+resources\s+by capability$/);
      for (const cloud of Cloud.implemented) expect(table).toMatch(new RegExp(`^bookstore-${cloud}\\s+\\d+\\s+.*Cdn \\d+`, "m"));
      // A person reads it in a terminal: no line much wider than 100 columns.
      for (const line of table.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe("the example's one domain across clouds", () => {
  const dnsStack = () => JSON.parse(fs.readFileSync(path.join(exampleAppOutdir(), "stacks", "bookstore-global-dns", "cdk.tf.json"), "utf8"));
  const records = (json: any) => Object.values(json.resource.aws_route53_record as Record<string, any>);

  test("sends mainland China to Alibaba Cloud and Tencent Cloud by equal weights, with the placeholder ICP filing, in Route 53", () => {
    const json = dnsStack();
    const mainland = records(json).filter((r) => r.name === "_mainland-china.shop.example.com");
    expect(mainland.map((r) => [r.set_identifier, r.weighted_routing_policy.weight]).sort()).toEqual([
      ["alicloud", 50],
      ["tencentcloud", 50],
    ]);
    expect(records(json).find((r) => r.set_identifier === "mainland-china" && r.name === "shop.example.com")).toMatchObject({ geolocation_routing_policy: { country: "CN" } });
  });

  test("answers static.shop.example.com, where Alibaba Cloud and Tencent Cloud serve their asset buckets, on the same locations: by the same weights in mainland China, the failover's secondary elsewhere", () => {
    const json = dnsStack();
    const assets = Object.fromEntries(records(json).filter((r) => r.name === "static.shop.example.com").map((r) => [r.set_identifier, r]));
    expect(assets["mainland-china"]).toMatchObject({ geolocation_routing_policy: { country: "CN" }, alias: { name: "_mainland-china.static.shop.example.com" } });
    const weighted = records(json).filter((r) => r.name === "_mainland-china.static.shop.example.com");
    expect(weighted.map((r) => [r.set_identifier, r.weighted_routing_policy.weight, r.records[0]]).sort()).toEqual([
      ["alicloud", 50, expect.stringMatching(/^\$\{data\.alicloud_oos_parameters\.GlobalDomain_HostNameOf-bookstore-alicloud-Bookstore-Cdn-Assets_HostName_\w+\.parameters\[0\]\.value\}$/)],
      ["tencentcloud", 50, expect.stringMatching(/^\$\{data\.tencentcloud_cdn_domains\.GlobalDomain_HostNameOf-bookstore-tencentcloud-Bookstore-Cdn-Assets_CdnDomain_\w+\.domain_list\[0\]\.cname\}$/)],
    ]);
    // CloudFront serves the assets on the shop's domain: while it answers, static.<domain> is never asked for; once failed over, Tencent Cloud's pages name it.
    expect(assets.elsewhere).toMatchObject({ geolocation_routing_policy: { country: "*" }, records: [expect.stringContaining("GlobalDomain_HostNameOf-bookstore-tencentcloud-Bookstore-Cdn-Assets_CdnDomain_")] });
    expect(Object.keys(assets).sort()).toEqual(["elsewhere", "mainland-china"]);
    expect(json.data.tencentcloud_cdn_domains && Object.values(json.data.tencentcloud_cdn_domains).map((d: any) => d.domain).sort()).toEqual(["shop.example.com", "static.shop.example.com"]);
  });

  test("sends everyone else to AWS, failing over to the first mainland front door (Tencent Cloud, in the registry's order) while CloudFront's edge does not answer", () => {
    const json = dnsStack();
    const elsewhere = Object.fromEntries(records(json).filter((r) => r.name === "_elsewhere.shop.example.com").map((r) => [r.set_identifier, r]));
    expect(elsewhere.primary.records[0]).toMatch(/^\$\{data\.aws_ssm_parameter\.GlobalDomain_HostNameOf-bookstore-aws-Bookstore-Cdn_HostName_\w+\.insecure_value\}$/);
    expect(elsewhere.secondary.records[0]).toMatch(/^\$\{data\.tencentcloud_cdn_domains\.GlobalDomain_HostNameOf-bookstore-tencentcloud-Bookstore-Cdn_CdnDomain_\w+\.domain_list\[0\]\.cname\}$/);
    expect(records(json).find((r) => r.set_identifier === "elsewhere")).toMatchObject({ geolocation_routing_policy: { country: "*" } });
    expect(Object.keys(json.resource.aws_route53_health_check)).toHaveLength(1);
  });

  test("reads no infrastructure stack's state: only the records each bookstore publishes, or the CDN itself, with each cloud's provider", () => {
    const json = dnsStack();
    expect(json.data.terraform_remote_state).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/terraform_remote_state|cross-stack-reference/);
    expect(Object.keys(json.data).filter((type) => !type.startsWith("aws_caller") && type !== "aws_partition").sort()).toEqual(["alicloud_oos_parameters", "aws_ssm_parameter", "tencentcloud_cdn_domains"]);
    // What each bookstore publishes holds its CDNs' host names (and, on AWS, CloudFront's certificate validation record) and nothing else.
    const infrastructure = (cloud: string) => JSON.parse(fs.readFileSync(path.join(exampleAppOutdir(), "stacks", `bookstore-${cloud}`, "cdk.tf.json"), "utf8"));
    expect(Object.values(infrastructure("aws").resource.aws_ssm_parameter).map((p: any) => p.insecure_value)).toEqual([
      expect.stringMatching(/^\$\{jsonencode\(\{"name" = tolist\(aws_acm_certificate\.Bookstore_Cdn_Certificate_\w+\.domain_validation_options\)\.0\.resource_record_name, "value" = tolist\(aws_acm_certificate\.Bookstore_Cdn_Certificate_\w+\.domain_validation_options\)\.0\.resource_record_value\}\)\}$/),
      "${aws_cloudfront_distribution.Bookstore_Cdn_BBAD0543.domain_name}",
    ]);
    expect(Object.values(infrastructure("alicloud").resource.alicloud_oos_parameter).map((p: any) => p.value)).toEqual(["${alicloud_cdn_domain_new.Bookstore_Cdn_AssetsDomain_B41677C9.cname}", "${alicloud_cdn_domain_new.Bookstore_Cdn_BBAD0543.cname}"]);
    // No bookstore outputs anything for the DNS stack any more.
    for (const cloud of ["aws", "alicloud", "tencentcloud"]) expect(Object.keys(infrastructure(cloud).output).filter((o) => /cdn|cloudfront/i.test(o) && o.startsWith("cross-stack-output-"))).toEqual([]);
  });

  test("writes the AWS bookstore's certificate validation record into its zone, read from the parameter bookstore-aws publishes", () => {
    const json = dnsStack();
    const [record] = records(json).filter((r) => r.for_each !== undefined);
    expect(record).toMatchObject({ name: "${each.key}", type: "CNAME", records: ["${each.value}"], allow_overwrite: true });
    expect(record.for_each).toMatch(/^\$\{zipmap\(\[jsondecode\(data\.aws_ssm_parameter\.GlobalDomain_CertificateValidationOf-bookstore-aws-Bookstore-Cdn_Record_\w+\.insecure_value\)\.name\], /);
    expect(Object.values(json.data.aws_ssm_parameter)).toContainEqual(expect.objectContaining({ name: "/front-doors/bookstore-aws/Bookstore/Cdn/certificate-validation", region: "eu-central-1" }));
  });

  test("is deployed after the infrastructure stacks whose front doors it answers with", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(exampleAppOutdir(), "manifest.json"), "utf8"));
    expect([...manifest.stacks["bookstore-global-dns"].dependencies].sort()).toEqual(["bookstore-alicloud", "bookstore-aws", "bookstore-tencentcloud"]);
  });

  test.each([["aws"], ["alicloud"], ["alicloud,tencentcloud"]])("is not built for %s: nothing to split", (clouds) => {
    expect(buildExample(new App(), selectedClouds(clouds)).globalDns).toBeUndefined();
  });

  test("is built for AWS and Tencent Cloud alone, with one mainland target", () => {
    const { globalDns } = buildExample(new App(), selectedClouds("aws,tencentcloud"));
    expect(globalDns?.stack.node.id).toBe("bookstore-global-dns");
    expect(globalDns?.globalDomain.cloud.name).toBe("aws");
  });
});
