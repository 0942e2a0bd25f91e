import { App } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DnsAnswer, DnsAuthority, DnsRouting, DnsTarget, DnsZone, GlobalDnsStack, ServiceArea } from "../lib";
import { exampleCloud } from "../examples/bookstore-app";
import { exampleAppOutdir } from "./support/bookstore";
import { lightFrontDoor } from "./support/front-doors";

// The first deploy (docs/global-domain.md) of an AWS bookstore behind a zone the global DNS stack creates
// (**Certificate validation on AWS**): three targeted applies put the zone and ACM's
// validation record in place before `bookstore-aws` waits for the validation. The commands
// need a live account; what is checked here is what they name: every address exists in the
// synthesized example, and each `-target` takes (its dependencies, as Terraform does) only
// what the runbook says, nothing that waits for the validation or reads a stack not yet
// applied.

type Block = Record<string, unknown>;
type StackJson = { resource?: Record<string, Record<string, Block>>; data?: Record<string, Record<string, Block>> };

/** Every block of a stack by its Terraform address (`type.name`, `data.type.name`). */
function blocks(json: StackJson): Map<string, Block> {
  const all = new Map<string, Block>();
  for (const [type, named] of Object.entries(json.resource ?? {})) for (const [name, block] of Object.entries(named)) all.set(`${type}.${name}`, block);
  for (const [type, named] of Object.entries(json.data ?? {})) for (const [name, block] of Object.entries(named)) all.set(`data.${type}.${name}`, block);
  return all;
}

/** The addresses `address` refers to, directly or through others: what `-target` takes with it. */
function closure(json: StackJson, address: string): string[] {
  const all = blocks(json);
  const references = (block: Block) => {
    const { "//": _metadata, ...config } = block;
    const text = JSON.stringify(config);
    return [...all.keys()].filter((other) => new RegExp(`(?<![\\w.])${other.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}(?![\\w-])`).test(text));
  };
  const seen = new Set<string>();
  const visit = (at: string) => {
    for (const next of references(all.get(at)!)) {
      if (!seen.has(next) && next !== address) {
        seen.add(next);
        visit(next);
      }
    }
  };
  visit(address);
  return [...seen].sort();
}

const readme = fs.readFileSync(path.join(__dirname, "..", "docs", "global-domain.md"), "utf8");
const section = readme.slice(readme.indexOf("**Certificate validation on AWS.**"));
/** The runbook's targeted applies, in order: [stack, address]. */
const steps = [...section.matchAll(/^terraform -chdir=cdktf\.out\/stacks\/([\w-]+) apply -target=(\S+)$/gm)].map((m) => [m[1], m[2]] as const);
const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(exampleAppOutdir(), "stacks", name, "cdk.tf.json"), "utf8")) as StackJson;

describe("the global domain page's first deploy with ACM's validation record in a created zone", () => {
  test("takes three targeted applies: the zone, CloudFront's certificate with its published record, the record in the zone", () => {
    expect(steps.map(([name, address]) => [name, address.split(".")[0]])).toEqual([
      ["bookstore-global-dns", "aws_route53_zone"],
      ["bookstore-aws", "aws_ssm_parameter"],
      ["bookstore-global-dns", "aws_route53_record"],
    ]);
    for (const [name, address] of steps) expect(blocks(stack(name)).has(address)).toBe(true);
  });

  test("the zone step creates the zone alone: no host name is read before the bookstores exist", () => {
    const [[name, address]] = steps;
    expect(closure(stack(name), address)).toEqual([]);
    expect(section).toContain(`terraform -chdir=cdktf.out/stacks/${name} state show ${address}`);
  });

  test("the AWS step creates CloudFront's certificate and the parameter that publishes its record, not the validation that waits, nor the distribution", () => {
    const [, [name, address]] = steps;
    const json = stack(name);
    expect(closure(json, address)).toEqual([expect.stringMatching(/^aws_acm_certificate\.Bookstore_Cdn_Certificate_\w+$/)]);
    expect((blocks(json).get(address) as { name: string }).name).toBe("/front-doors/bookstore-aws/Bookstore/Cdn/certificate-validation");
  });

  test("the record step reads that parameter, in the AWS stack's region, and writes into the zone of the first step: no other stack's host name", () => {
    const [[, zone], [awsStack, parameter], [name, address]] = steps;
    const json = stack(name);
    const taken = closure(json, address);
    expect(taken).toHaveLength(2);
    expect(taken).toEqual(expect.arrayContaining([zone, expect.stringMatching(/^data\.aws_ssm_parameter\.GlobalDomain_CertificateValidationOf-bookstore-aws-Bookstore-Cdn_Record_\w+$/)]));
    const read = blocks(json).get(taken.find((a) => a.startsWith("data."))!) as { name: string; region: string };
    const published = blocks(stack(awsStack)).get(parameter) as { name: string };
    expect(read.name).toBe(published.name);
    expect(read.region).toBe(exampleCloud("aws").region);
  });

  test.each([
    ["alicloud", "alicloud_alidns_domain", "alicloud_alidns_record"],
    ["tencentcloud", "tencentcloud_dnspod_domain_instance", "tencentcloud_dnspod_record"],
  ])("names the zone and the record of a global domain on %s as they are synthesized", (cloudName, zoneType, recordType) => {
    // GIVEN a global domain on that authority answering with an AWS front door whose certificate is issued
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-first-deploy-"));
    try {
      const app = new App({ outdir });
      const aws = lightFrontDoor(app, "outside", exampleCloud("aws"), ServiceArea.OUTSIDE_MAINLAND_CHINA, { issuedCertificate: true });
      const mainland = lightFrontDoor(app, "mainland", exampleCloud("alicloud"), ServiceArea.MAINLAND_CHINA);
      new GlobalDnsStack(app, "bookstore-global-dns", {
        authority: DnsAuthority.of({ cloud: exampleCloud(cloudName) }),
        domain: "shop.example.com",
        zone: DnsZone.create("example.com"),
        routing: DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: "浙ICP备12345678号" })), elsewhere: DnsAnswer.target(DnsTarget.of(aws)) }),
      });
      app.synth();
      const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "bookstore-global-dns", "cdk.tf.json"), "utf8")) as StackJson;
      // THEN the page's addresses for that authority are the synthesized ones, with the same closures
      const zone = new RegExp(`\`(${zoneType}\\.GlobalDomain_Zone_\\w+)\``).exec(section)![1];
      const record = new RegExp(`\`(${recordType}\\.GlobalDomain_CertificateValidation_\\w+)\``).exec(section)![1];
      expect(closure(json, zone)).toEqual([]);
      const taken = closure(json, record);
      expect(taken).toHaveLength(2);
      expect(taken).toEqual(expect.arrayContaining([zone, expect.stringMatching(/^data\.aws_ssm_parameter\.GlobalDomain_CertificateValidationOf-origin-outside-Cdn_Record_\w+$/)]));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
