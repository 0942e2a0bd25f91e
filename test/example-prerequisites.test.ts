import { App } from "cdktf";
import { BookstoreStacks, Cloud, ICloud, WebRuntime } from "../lib";
import { buildExample, exampleCloud, exampleProps, selectedClouds } from "../examples/bookstore-app";
import { appPrerequisites, bookstoreUsage, formatPrerequisites, globalDomainUsage } from "../examples/summary";
import { bookstoreProps } from "./support/bookstore";

type Overrides = Parameters<typeof bookstoreProps>[1];

/** The ids of the prerequisites one bookstore on `cloud` needs, built with the example's props and `overrides`. */
function needs(cloud: ICloud, overrides: Overrides = {}): string[] {
  const props = bookstoreProps(cloud, overrides);
  const stacks = new BookstoreStacks(new App(), `bookstore-${cloud.name}`, { ...props, cloud });
  const [only] = appPrerequisites([{ cloud, usage: bookstoreUsage(stacks, props) }]);
  return only.prerequisites.map((p) => p.id);
}

/** The ids per cloud that the example app needs when built for `clouds` (BOOKSTORE_CLOUDS). */
function exampleNeeds(clouds: string | undefined): Record<string, string[]> {
  const { bookstores, globalDns } = buildExample(new App(), selectedClouds(clouds));
  const parts = [...bookstores.map((b) => ({ cloud: b.cloud, usage: bookstoreUsage(b, exampleProps(b.cloud)) })), ...(globalDns ? [globalDomainUsage(globalDns)] : [])];
  return Object.fromEntries(appPrerequisites(parts).map(({ cloud, prerequisites }) => [cloud, prerequisites.map((p) => p.id)]));
}

const ACR_IMAGE = "shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/bookstore:1.4.2";

describe("the account prerequisites the example's synth lists", () => {
  test("the whole example: each cloud's for what it built, AWS's Route 53 delegation for the global domain it holds", () => {
    const all = exampleNeeds(undefined);
    expect(all.aws).toEqual(["cloudfront-account-verification", "acm-dns-validation", "eks-api-network-path", "route53-delegation"]);
    expect(all.alicloud).toEqual([
      "identity-verification",
      "icp-filing",
      "ack-activation-and-roles",
      "ack-security-role",
      "ack-autoscaler-role",
      "ess-service-linked-role",
      "rds-tde-kms-role",
      "kms-instance",
      "oss-activation",
      "sls-activation",
      "vpc-flow-log-activation",
      "cdn-activation",
      "cdn-domain-ownership",
      "cdn-private-oss-role",
    ]);
    // Tencent Cloud's example runs on the cluster alone (no weighted runtime there).
    expect(all.tencentcloud).toEqual([
      "tke-service-role",
      "kms-activation",
      "ssm-service-role",
      "cls-activation",
      "clb-log-set",
      "cdn-activation",
      "cdn-domain-ownership",
      "cdn-cos-authorization",
      "icp-filing",
    ]);
  });

  test("no global domain, no delegation: AWS alone", () => {
    expect(exampleNeeds("aws").aws).not.toContain("route53-delegation");
  });

  test("a network path to the EKS API endpoint only with a cluster", () => {
    const aws = exampleCloud("aws");
    expect(needs(aws)).toContain("eks-api-network-path");
    expect(needs(aws, { kubernetes: { enabled: false }, web: { ...exampleProps(aws).web, runtime: WebRuntime.vms() } })).not.toContain("eks-api-network-path");
  });

  test("the CDN's activation, ownership verification and bucket access only with a CDN", () => {
    const alicloud = exampleCloud("alicloud");
    const withoutCdn = needs(alicloud, { cdn: { enabled: false } });
    expect(withoutCdn.filter((id) => id.startsWith("cdn-"))).toEqual([]);
    expect(needs(alicloud).filter((id) => id.startsWith("cdn-"))).toEqual(["cdn-activation", "cdn-domain-ownership", "cdn-private-oss-role"]);
    // The asset bucket's CDN domain alone needs the CDN to read private buckets.
    expect(needs(alicloud, { assets: { enabled: false } })).not.toContain("cdn-private-oss-role");
  });

  test("ACK's roles only with a cluster; SLS and VPC flow logs always, for the network's flow logs; Auto Scaling's service-linked role only with VMs", () => {
    const alicloud = exampleCloud("alicloud");
    const vmsOnly = needs(alicloud, { kubernetes: { enabled: false }, web: { ...exampleProps(alicloud).web, runtime: WebRuntime.vms() } });
    expect(vmsOnly.filter((id) => id.startsWith("ack-"))).toEqual([]);
    expect(vmsOnly).toEqual(expect.arrayContaining(["sls-activation", "vpc-flow-log-activation"]));
    expect(vmsOnly).toContain("ess-service-linked-role");
    const podsOnly = needs(alicloud, { web: { ...exampleProps(alicloud).web, runtime: WebRuntime.kubernetes() } });
    expect(podsOnly).not.toContain("ess-service-linked-role");
    expect(podsOnly).toEqual(expect.arrayContaining(["ack-activation-and-roles", "ack-autoscaler-role", "sls-activation"]));
  });

  test("ACR's network access for an image in ACR Enterprise Edition, and ACK's ACR role only where the pods run it", () => {
    const alicloud = exampleCloud("alicloud");
    const web = exampleProps(alicloud).web;
    expect(needs(alicloud).filter((id) => id.startsWith("acr-"))).toEqual([]);
    expect(needs(alicloud, { web: { ...web, image: ACR_IMAGE } }).filter((id) => id.startsWith("acr-"))).toEqual(["acr-network-access", "acr-credential-helper-role"]);
    const onVms = needs(alicloud, { kubernetes: { enabled: false }, web: { ...web, image: ACR_IMAGE, runtime: WebRuntime.vms() } });
    expect(onVms.filter((id) => id.startsWith("acr-"))).toEqual(["acr-network-access"]);
  });

  test("KMS's instance with any bookstore, cache or not: each keeps its database's credentials", () => {
    expect(needs(exampleCloud("alicloud"), { cache: { enabled: false } })).toContain("kms-instance");
  });

  test("the mainland's identity verification and ICP filing only in a mainland region", () => {
    const singapore = Cloud.alicloud({ region: "ap-southeast-1", kmsInstanceId: "kst-sgp00000000000000000" });
    const outside = needs(singapore);
    expect(outside).not.toContain("identity-verification");
    expect(outside).not.toContain("icp-filing");
    expect(needs(Cloud.tencentcloud({ region: "ap-singapore" }))).not.toContain("icp-filing");
  });

  test("ACM's DNS validation only where AWS issues a certificate", () => {
    const aws = exampleCloud("aws");
    const arn = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;
    const existing = { certificate: aws.certificate.existing(arn(aws.region)), cdn: { ...exampleProps(aws).cdn, certificate: aws.certificate.existing(arn("us-east-1")) } };
    expect(needs(aws, existing)).not.toContain("acm-dns-validation");
    // The load balancer's own certificate given, the CDN's still issued in us-east-1.
    expect(needs(aws, { certificate: existing.certificate })).toContain("acm-dns-validation");
  });
});

describe("formatPrerequisites", () => {
  test("one block after the table: a heading, then each cloud's ids, wrapped within 100 columns", () => {
    const lines = formatPrerequisites([
      { cloud: "aws", prerequisites: exampleCloud("aws").catalog.prerequisites },
      { cloud: "alicloud", prerequisites: exampleCloud("alicloud").catalog.prerequisites },
      { cloud: "fake", prerequisites: [] },
    ]);
    expect(lines[0]).toBe("Before the first deploy, once per account (docs/<cloud>.md, the deploy runbook, says how):");
    expect(lines[1]).toBe("  aws       cloudfront-account-verification, acm-dns-validation, eks-api-network-path,");
    expect(lines[2]).toBe("            route53-delegation");
    expect(lines[3]).toMatch(/^ {2}alicloud {2}identity-verification, icp-filing, /);
    // Continuation lines are indented under the ids; a cloud that needs nothing is left out.
    expect([lines[2], ...lines.slice(4)].every((line) => /^ {12}\S/.test(line))).toBe(true);
    expect(lines.join("\n")).not.toContain("fake");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    const ids = lines.slice(3).map((line) => line.slice(12)).join(" ").split(/,\s*/).map((id) => id.trim());
    expect(ids).toEqual(exampleCloud("alicloud").catalog.prerequisites.map((p) => p.id));
  });

  test("nothing at all when no cloud needs anything", () => {
    expect(formatPrerequisites([{ cloud: "aws", prerequisites: [] }])).toEqual([]);
  });
});
