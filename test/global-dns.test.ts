import { App } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  DnsAnswer,
  DnsAuthority,
  DnsRouting,
  DnsTarget,
  DnsZone,
  GlobalDnsStack,
  GlobalDnsStackProps,
  Cloud,
  ICloud,
  IFrontDoor,
  ServiceArea,
} from "../lib";
import { exampleCloud } from "../examples/bookstore-app";
import { lightFrontDoor } from "./support/front-doors";
import { dataSources, resources, TerraformJson } from "./support/synth";
import { expectValidationError } from "./support/validation";

// The global domain on each authority, with the real clouds' catalogs and adapters. The
// front doors are light (test/support/front-doors.ts); test/example-app.test.ts holds the
// split between the example's real bookstores.

const ICP = "浙ICP备12345678号";
const STATIC = "static.shop.example.com";
const CLOUDS = { aws: exampleCloud("aws"), alicloud: exampleCloud("alicloud"), tencentcloud: exampleCloud("tencentcloud") };

const frontDoor = lightFrontDoor;

interface World {
  app: App;
  /** Outside mainland China (CloudFront-like). */
  outside: IFrontDoor;
  /** Mainland China only. */
  mainland: IFrontDoor;
  /** Both sides. */
  global: IFrontDoor;
}

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) fs.rmSync(dir, { recursive: true, force: true });
});

function world(): World {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "global-dns-"));
  outdirs.push(outdir);
  const app = new App({ outdir });
  return {
    app,
    // As the bookstores' CDNs: CloudFront serves the asset bucket on the shop's domain, the
    // others on static.<domain>; CloudFront's certificate is issued by ACM, validated by DNS.
    outside: frontDoor(app, "outside", CLOUDS.aws, ServiceArea.OUTSIDE_MAINLAND_CHINA, { assetsDomain: "shop.example.com", issuedCertificate: true }),
    mainland: frontDoor(app, "mainland", CLOUDS.alicloud, ServiceArea.MAINLAND_CHINA, { assetsDomain: STATIC }),
    global: frontDoor(app, "global", CLOUDS.tencentcloud, ServiceArea.GLOBAL, { assetsDomain: STATIC }),
  };
}

/** The DNS stack of `props` on `w`, synthesized with the whole app (cross-stack references resolve only there). */
function synthDns(w: World, props: GlobalDnsStackProps): TerraformJson {
  const dns = new GlobalDnsStack(w.app, "bookstore-global-dns", props);
  w.app.synth();
  return JSON.parse(fs.readFileSync(path.join(w.app.outdir, "stacks", dns.stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
}

const geoSplit = (w: World) =>
  DnsRouting.geoSplit({
    mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })),
    elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)),
  });

const props = (w: World, cloud: ICloud, overrides: Partial<GlobalDnsStackProps> = {}): GlobalDnsStackProps => ({
  authority: DnsAuthority.of({ cloud }),
  domain: "shop.example.com",
  zone: DnsZone.create("example.com"),
  routing: geoSplit(w),
  ...overrides,
});

/** The records that answer viewers: every record but the certificate validation records (`for_each`). */
const answers = (json: TerraformJson, type: string) => resources(json, type).filter((r) => r.for_each === undefined);

/** Rows in a stable order: synthesized blocks come sorted by their Terraform names. */
const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The CNAME value that reads origin `name`'s CDN host name with a data source of the DNS stack (its cloud's published record or its CDN). */
const fromOrigin = (name: string) => expect.stringMatching(new RegExp(`^\\$\\{data\\.[a-z_]+\\.GlobalDomain_HostNameOf-origin-${name}-Cdn_[\\w-]+\\.[\\w.\\[\\]]+\\}$`));

describe.each([
  ["aws", "aws_route53_record", "aws_route53_zone"],
  ["alicloud", "alicloud_alidns_record", "alicloud_alidns_domain"],
  ["tencentcloud", "tencentcloud_dnspod_record", "tencentcloud_dnspod_domain_instance"],
] as const)("%s as the authority", (name, recordType, zoneType) => {
  const cloud = CLOUDS[name];

  test("writes the stack <name>-global-dns, reading each origin's host name with the origin cloud's provider, never the origin's state", () => {
    const w = world();
    const json = synthDns(w, props(w, cloud));
    // The geo split's origins are on AWS (outside) and Alibaba Cloud (mainland).
    expect(Object.keys(json.terraform!.required_providers as object).sort()).toEqual([...new Set([name, "aws", "alicloud"])].sort());
    expect(json.data?.terraform_remote_state).toBeUndefined();
    expect(resources(json, recordType).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(json.resource)).not.toMatch(/terraform_remote_state|cross-stack/);
  });

  test("creates the zone, protected from destroy, and says what to set at the registrar", () => {
    const w = world();
    const json = synthDns(w, props(w, cloud));
    const [zone] = resources(json, zoneType);
    expect(zone.lifecycle).toEqual({ prevent_destroy: true });
    expect(json.output!.RegistrarStep.value).toMatch(/^Delegate example\.com to .+: at its registrar, set the NS records to the name servers/);
  });

  test("adds records to an existing zone without creating it", () => {
    const w = world();
    const json = synthDns(w, props(w, cloud, { zone: DnsZone.existing("example.com") }));
    expect(resources(json, zoneType)).toEqual([]);
    expect(json.output!.RegistrarStep.value).toMatch(/^example\.com must already be delegated to /);
  });

  test("keeps its state in the authority's cloud, and reads no origin's state, local or remote", () => {
    const w = world();
    const remote = frontDoor(w.app, "remote", CLOUDS.aws, ServiceArea.OUTSIDE_MAINLAND_CHINA, { remoteState: { bucket: "acme-state-origin" } });
    const stateBucket = { aws: "acme-dns-state", alicloud: "acme-dns-state", tencentcloud: "acme-dns-state-1250000000" }[name];
    const json = synthDns(w, props(w, cloud, { remoteState: { bucket: stateBucket }, routing: DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(remote)) }) }));
    expect(Object.keys((json.terraform as { backend: object }).backend)).toEqual([{ aws: "s3", alicloud: "oss", tencentcloud: "cos" }[name]]);
    expect(json.data?.terraform_remote_state).toBeUndefined();
    expect(JSON.stringify(json)).not.toContain("acme-state-origin");
  });

  test("fails when given a TTL under the edition's minimum", () => {
    const w = world();
    const minimum = cloud.catalog.dns.editions[cloud.catalog.dns.defaultEdition].minimumTtlSeconds;
    if (minimum === 0) {
      expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, cloud, { ttlSeconds: -1 })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "ttlSeconds", value: -1 });
    } else {
      expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, cloud, { ttlSeconds: minimum - 1 })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "ttlSeconds", value: minimum - 1 });
    }
  });

  test("fails when given a line outside its pinned enumeration", () => {
    const w = world();
    const routing = DnsRouting.byLine({ lines: [{ line: "mars", answer: DnsAnswer.target(DnsTarget.of(w.outside)) }], otherwise: DnsAnswer.target(DnsTarget.of(w.outside)) });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, cloud, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.lines[0].line", value: "mars" });
  });

  test("fails when the geo split has no answer for everyone outside mainland China", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })), elsewhere: undefined as unknown as DnsAnswer });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, cloud, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.elsewhere", value: undefined });
  });

  test("fails when a mainland target declares no ICP filing", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland)), elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)) });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, cloud, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.mainlandChina.target.icpFiling", value: undefined });
  });

  test("fails when given a CNAME at the zone apex", () => {
    const w = world();
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, cloud, { domain: "example.com" })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "domain", value: "example.com" });
  });
});

describe("Route 53", () => {
  test("splits by geolocation: country CN to the mainland front door, the default location to the other", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.aws));
    const records = Object.fromEntries(resources(json, "aws_route53_record").filter((r) => r.name === "shop.example.com").map((r) => [r.set_identifier, r]));
    expect(records["mainland-china"]).toMatchObject({ name: "shop.example.com", type: "CNAME", geolocation_routing_policy: { country: "CN" }, ttl: 60, records: [fromOrigin("mainland")] });
    expect(records.elsewhere).toMatchObject({ name: "shop.example.com", type: "CNAME", geolocation_routing_policy: { country: "*" }, ttl: 60, records: [fromOrigin("outside")] });
    expect(Object.keys(records).sort()).toEqual(["elsewhere", "mainland-china"]);
  });

  test("fails over outside the mainland with a TCP health check of the primary's CDN on 443, under a nested name", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })),
      elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(w.outside), secondary: DnsTarget.of(w.mainland, { icpFiling: ICP }) }),
    });
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    const [check] = resources(json, "aws_route53_health_check");
    expect(check).toMatchObject({ type: "TCP", port: 443, request_interval: 30, failure_threshold: 3, fqdn: fromOrigin("outside") });
    const byId = Object.fromEntries(resources(json, "aws_route53_record").map((r) => [`${r.name} ${r.set_identifier}`, r]));
    expect(byId["shop.example.com elsewhere"]).toMatchObject({ geolocation_routing_policy: { country: "*" }, alias: { name: "_elsewhere.shop.example.com", evaluate_target_health: true } });
    expect(byId["shop.example.com elsewhere"].ttl).toBeUndefined();
    expect(byId["_elsewhere.shop.example.com primary"]).toMatchObject({ failover_routing_policy: { type: "PRIMARY" }, health_check_id: expect.stringContaining("aws_route53_health_check.") });
    expect(byId["_elsewhere.shop.example.com secondary"]).toMatchObject({ failover_routing_policy: { type: "SECONDARY" }, records: [fromOrigin("mainland")] });
    expect(byId["_elsewhere.shop.example.com secondary"].health_check_id).toBeUndefined();
  });

  test("weights the mainland front doors without health checks", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.weighted([
        { target: DnsTarget.of(w.mainland, { icpFiling: ICP }), weight: 80 },
        { target: DnsTarget.of(w.global, { icpFiling: ICP }), weight: 20 },
      ]),
      elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)),
    });
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    const nested = resources(json, "aws_route53_record").filter((r) => r.name === "_mainland-china.shop.example.com");
    expect(nested.map((r) => [r.set_identifier, r.weighted_routing_policy])).toEqual([
      ["alicloud", { weight: 80 }],
      ["tencentcloud", { weight: 20 }],
    ]);
    expect(resources(json, "aws_route53_health_check")).toEqual([]);
  });

  test("logs the queries of a zone it creates to an encrypted log group in us-east-1, kept a year", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.aws));
    const [group] = resources(json, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({ name: "/aws/route53/example.com", retention_in_days: 365, provider: "aws.global", kms_key_id: expect.stringContaining("aws_kms_key.") });
    expect(resources(json, "aws_kms_key")[0]).toMatchObject({ enable_key_rotation: true, provider: "aws.global" });
    expect(resources(json, "aws_route53_query_log")).toHaveLength(1);
    expect(json.output!.NameServers.value).toMatch(/aws_route53_zone\..*\.name_servers/);
  });

  test("fails when a failover primary's CDN serves only mainland China, which its health checkers cannot judge", () => {
    const w = world();
    const routing = DnsRouting.everywhere(DnsAnswer.failover({ primary: DnsTarget.of(w.mainland, { icpFiling: ICP }), secondary: DnsTarget.of(w.outside) }));
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.answer.primary", value: "alicloud (mainland-china)" });
  });

  test("fails when the mainland answer fails over: its health checkers stand outside mainland China", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.failover({ primary: DnsTarget.of(w.global, { icpFiling: ICP }), secondary: DnsTarget.of(w.mainland, { icpFiling: ICP }) }),
      elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)),
    });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.mainlandChina", value: "DnsAnswer.failover" });
  });
});

describe("Alibaba Cloud DNS", () => {
  test("splits by line: mainland China on default, everyone else on oversea, TTL 600 on the free edition", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.alicloud));
    expect(sorted(answers(json, "alicloud_alidns_record").map((r) => [r.rr, r.type, r.line, r.ttl]))).toEqual([
      ["shop", "CNAME", "default", 600],
      ["shop", "CNAME", "oversea", 600],
      // Alibaba Cloud's CDN serves the assets on static.<domain>; AWS's pages, on oversea, never name it.
      ["static.shop", "CNAME", "default", 600],
    ]);
    expect(json.output!.NameServers.value).toMatch(/alicloud_alidns_domain\..*\.dns_servers/);
  });

  test("reads an existing domain's name servers", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.alicloud, { zone: DnsZone.existing("example.com") }));
    expect(dataSources(json, "alicloud_alidns_domains")).toEqual([expect.objectContaining({ domain_name_regex: "^example\\.com$" })]);
    expect(answers(json, "alicloud_alidns_record")[0].domain_name).toBe("example.com");
  });

  test("takes an ISP line of its enumeration", () => {
    const w = world();
    const routing = DnsRouting.byLine({ lines: [{ line: "telecom", answer: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })) }], otherwise: DnsAnswer.target(DnsTarget.of(w.global, { icpFiling: ICP })) });
    const json = synthDns(w, props(w, CLOUDS.alicloud, { routing }));
    expect(sorted(answers(json, "alicloud_alidns_record").map((r) => [r.rr, r.line]))).toEqual([
      ["shop", "default"],
      ["shop", "telecom"],
      ["static.shop", "default"],
      ["static.shop", "telecom"],
    ]);
  });

  test.each(["free", "enterprise-ultimate"])("fails when given weights, on the %s edition too: the provider has no weight argument", (edition) => {
    const w = world();
    const routing = DnsRouting.everywhere(DnsAnswer.weighted([{ target: DnsTarget.of(w.outside), weight: 1 }, { target: DnsTarget.of(w.global, { icpFiling: ICP }), weight: 1 }]));
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.alicloud, { authority: DnsAuthority.of({ cloud: CLOUDS.alicloud }, { edition }), routing })), {
      constructPath: "bookstore-global-dns/GlobalDomain",
      field: "routing.answer",
      value: "DnsAnswer.weighted",
    });
  });

  test("fails when given a failover: it has no health checks", () => {
    const w = world();
    const routing = DnsRouting.everywhere(DnsAnswer.failover({ primary: DnsTarget.of(w.outside), secondary: DnsTarget.of(w.global, { icpFiling: ICP }) }));
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.alicloud, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.answer", value: "DnsAnswer.failover" });
  });

  test("takes a 10-second TTL on the enterprise ultimate edition", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.alicloud, { authority: DnsAuthority.of({ cloud: CLOUDS.alicloud }, { edition: "enterprise-ultimate" }), ttlSeconds: 10 }));
    expect(answers(json, "alicloud_alidns_record").map((r) => r.ttl)).toEqual([10, 10, 10]);
  });
});

describe("DNSPod", () => {
  test("splits by line: mainland China on 默认, everyone else on 境外", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.tencentcloud));
    expect(sorted(answers(json, "tencentcloud_dnspod_record").map((r) => [r.sub_domain, r.record_type, r.record_line, r.ttl]))).toEqual(
      sorted([
        ["shop", "CNAME", "默认", 600],
        ["shop", "CNAME", "境外", 600],
        ["static.shop", "CNAME", "默认", 600],
      ]),
    );
    // The free plan's name servers differ per account: only the console names them.
    expect(json.output!.NameServers).toBeUndefined();
    expect(json.output!.RegistrarStep.value).toMatch(/DNSPod's console lists for example\.com/);
  });

  test("weights records on the enterprise plan, whose name servers it names", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.weighted([
        { target: DnsTarget.of(w.mainland, { icpFiling: ICP }), weight: 60 },
        { target: DnsTarget.of(w.global, { icpFiling: ICP }), weight: 40 },
      ]),
      elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)),
    });
    const json = synthDns(w, props(w, CLOUDS.tencentcloud, { authority: DnsAuthority.of({ cloud: CLOUDS.tencentcloud }, { edition: "enterprise" }), routing }));
    expect(sorted(answers(json, "tencentcloud_dnspod_record").map((r) => [r.sub_domain, r.record_line, r.weight ?? null, r.ttl]))).toEqual(
      sorted([
        ["shop", "默认", 60, 60],
        ["shop", "默认", 40, 60],
        ["shop", "境外", null, 60],
        // The assets by the pages' weights.
        ["static.shop", "默认", 60, 60],
        ["static.shop", "默认", 40, 60],
      ]),
    );
    expect(json.output!.NameServers.value).toEqual(["ns3.dnsv4.com", "ns4.dnsv4.com"]);
  });

  test("fails when given weights on the free plan, naming the plans that can", () => {
    const w = world();
    const routing = DnsRouting.everywhere(DnsAnswer.weighted([{ target: DnsTarget.of(w.outside), weight: 1 }, { target: DnsTarget.of(w.global, { icpFiling: ICP }), weight: 1 }]));
    expect(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.tencentcloud, { routing }))).toThrow(/Free \(DP_FREE\) cannot weight records; Enterprise \(DP_EXPERT\) and Ultimate \(DP_ULTRA\) can/);
  });

  test("fails when given an English name for a line it names in Chinese", () => {
    const w = world();
    const routing = DnsRouting.byLine({ lines: [{ line: "telecom", answer: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })) }], otherwise: DnsAnswer.target(DnsTarget.of(w.outside)) });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.tencentcloud, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.lines[0].line", value: "telecom" });
  });
});

describe("the assets domain, static.<domain>", () => {
  /** The records of one name, keyed by set identifier (Route 53). */
  const named = (json: TerraformJson, name: string): Record<string, any> => Object.fromEntries(resources(json, "aws_route53_record").filter((r) => r.name === name).map((r) => [r.set_identifier ?? "", r]));
  const fromAssetsOf = (name: string) => expect.stringMatching(new RegExp(`^\\$\\{data\\.[a-z_]+\\.GlobalDomain_HostNameOf-origin-${name}-Cdn-Assets_[\\w-]+\\.[\\w.\\[\\]]+\\}$`));

  test("Route 53: on the mainland location, the mainland front door's assets CDN, read from what its origin publishes; no answer elsewhere, whose front door serves its assets on the domain", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.aws));
    const records = named(json, STATIC);
    expect(Object.keys(records)).toEqual(["mainland-china"]);
    expect(records["mainland-china"]).toMatchObject({ type: "CNAME", geolocation_routing_policy: { country: "CN" }, ttl: 60, records: [fromAssetsOf("mainland")] });
    expect(dataSources(json, "alicloud_oos_parameters").map((d: any) => d.parameter_name).sort()).toEqual(["front-doors/origin-mainland/Cdn/Assets/host-name", "front-doors/origin-mainland/Cdn/host-name"]);
    expect(json.data?.terraform_remote_state).toBeUndefined();
  });

  test("Route 53: weighted as the pages on the mainland, and the failover's secondary alone elsewhere", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.weighted([
        { target: DnsTarget.of(w.mainland, { icpFiling: ICP }), weight: 80 },
        { target: DnsTarget.of(w.global, { icpFiling: ICP }), weight: 20 },
      ]),
      elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(w.outside), secondary: DnsTarget.of(w.global, { icpFiling: ICP }) }),
    });
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    expect(named(json, STATIC)["mainland-china"]).toMatchObject({ geolocation_routing_policy: { country: "CN" }, alias: { name: `_mainland-china.${STATIC}`, evaluate_target_health: true } });
    const nested = named(json, `_mainland-china.${STATIC}`);
    expect(Object.entries(nested).map(([id, r]) => [id, r.weighted_routing_policy, r.records])).toEqual([
      ["alicloud", { weight: 80 }, [fromAssetsOf("mainland")]],
      ["tencentcloud", { weight: 20 }, [fromAssetsOf("global")]],
    ]);
    // CloudFront's pages never name static.<domain>: the secondary's assets answer the default location.
    expect(named(json, STATIC).elsewhere).toMatchObject({ geolocation_routing_policy: { country: "*" }, records: [fromAssetsOf("global")] });
    expect(named(json, STATIC).elsewhere.failover_routing_policy).toBeUndefined();
  });

  test("Route 53: fails over with the pages, on the primary's one health check, where both front doors serve it", () => {
    const w = world();
    const routing = DnsRouting.everywhere(DnsAnswer.failover({ primary: DnsTarget.of(w.global, { icpFiling: ICP }), secondary: DnsTarget.of(w.mainland, { icpFiling: ICP }) }));
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    const [check] = resources(json, "aws_route53_health_check");
    expect(resources(json, "aws_route53_health_check")).toHaveLength(1);
    expect(check.fqdn).toBe(named(json, "shop.example.com").primary.records[0]);
    const assets = named(json, STATIC);
    expect(assets.primary).toMatchObject({ failover_routing_policy: { type: "PRIMARY" }, health_check_id: named(json, "shop.example.com").primary.health_check_id, records: [fromAssetsOf("global")] });
    expect(assets.secondary).toMatchObject({ failover_routing_policy: { type: "SECONDARY" }, records: [fromAssetsOf("mainland")] });
  });

  test("Alibaba Cloud DNS: on default and the ISP line, each line's front door's assets CDN", () => {
    const w = world();
    const routing = DnsRouting.byLine({ lines: [{ line: "telecom", answer: DnsAnswer.target(DnsTarget.of(w.global, { icpFiling: ICP })) }], otherwise: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })) });
    const json = synthDns(w, props(w, CLOUDS.alicloud, { routing }));
    const assets = answers(json, "alicloud_alidns_record").filter((r) => r.rr === "static.shop");
    expect(sorted(assets.map((r) => [r.line, r.value]))).toEqual([
      ["default", expect.stringMatching(/^\$\{data\.alicloud_oos_parameters\.GlobalDomain_HostNameOf-origin-mainland-Cdn-Assets_\w+\.parameters\[0\]\.value\}$/)],
      ["telecom", expect.stringMatching(/^\$\{data\.tencentcloud_cdn_domains\.GlobalDomain_HostNameOf-origin-global-Cdn-Assets_\w+\.domain_list\[0\]\.cname\}$/)],
    ]);
    // Tencent Cloud publishes nothing: the DNS stack finds the assets CDN by its domain.
    expect(dataSources(json, "tencentcloud_cdn_domains").map((d: any) => d.domain).sort()).toEqual(["shop.example.com", STATIC]);
  });

  test.each([
    ["alicloud", "telecom"],
    ["tencentcloud", "境外"],
  ] as const)("%s: fails when the default line's front door serves its assets on the domain while another line's needs static.<domain>", (name, line) => {
    const w = world();
    const answer = line === "telecom" ? DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })) : DnsAnswer.target(DnsTarget.of(w.global, { icpFiling: ICP }));
    const routing = DnsRouting.byLine({ lines: [{ line, answer }], otherwise: DnsAnswer.target(DnsTarget.of(w.outside)) });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS[name], { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.otherwise", value: "aws (assets on shop.example.com)" });
  });

  test("fails when a front door serves its assets on a name outside the zone", () => {
    const w = world();
    const foreign = frontDoor(w.app, "foreign", CLOUDS.alicloud, ServiceArea.MAINLAND_CHINA, { assetsDomain: "static.example.net" });
    const routing = DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(foreign, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)) });
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws, { routing })), { constructPath: "bookstore-global-dns/GlobalDomain", field: "routing.mainlandChina.target", value: "static.example.net (alicloud's cdn.assetsDomain)" });
  });
});

describe("the ACM certificate validation records", () => {
  const stackJson = (w: World, stack: string) => JSON.parse(fs.readFileSync(path.join(w.app.outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as TerraformJson;
  const validations = (json: TerraformJson, type: string) => resources(json, type).filter((r) => r.for_each !== undefined);
  const READ = /^jsondecode\(data\.aws_ssm_parameter\.GlobalDomain_CertificateValidationOf-origin-(\w+)-Cdn_Record_\w+\.insecure_value\)\.(name|value)$/;
  /** The parameters a zipmap for_each reads its names and values from. */
  const zipped = (forEach: unknown) => {
    const match = /^\$\{zipmap\(\[(.*)\], \[(.*)\]\)\}$/.exec(String(forEach));
    expect(match).not.toBeNull();
    return [match![1], match![2]].map((list) => list.split(", ").map((item) => READ.exec(item)!.slice(1).join(".")));
  };

  test("an AWS origin whose CloudFront certificate is issued publishes its one validation record in an SSM String parameter, beside its host name", () => {
    const w = world();
    synthDns(w, props(w, CLOUDS.aws));
    const [parameter] = resources(stackJson(w, "origin-outside"), "aws_ssm_parameter").filter((p) => p.name === "/front-doors/origin-outside/Cdn/certificate-validation");
    expect(parameter).toMatchObject({
      type: "String",
      insecure_value: expect.stringMatching(/^\$\{jsonencode\(\{"name" = tolist\(aws_acm_certificate\.Cdn_Certificate_\w+\.domain_validation_options\)\.0\.resource_record_name, "value" = tolist\(aws_acm_certificate\.Cdn_Certificate_\w+\.domain_validation_options\)\.0\.resource_record_value\}\)\}$/),
    });
    // The parameter does not wait for the certificate's validation: it exists while apply waits.
    expect(JSON.stringify(parameter)).not.toContain("aws_acm_certificate_validation");
  });

  test("Route 53: one CNAME per record name, read from the origin's parameter in its region, with no routing policy, taking over a record made by hand", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.aws));
    expect(dataSources(json, "aws_ssm_parameter")).toContainEqual({ name: "/front-doors/origin-outside/Cdn/certificate-validation", region: "eu-central-1" });
    const [record] = validations(json, "aws_route53_record");
    expect(validations(json, "aws_route53_record")).toHaveLength(1);
    expect(record).toEqual({
      for_each: expect.any(String),
      zone_id: expect.stringMatching(/^\$\{aws_route53_zone\.GlobalDomain_Zone_\w+\.zone_id\}$/),
      name: "${each.key}",
      type: "CNAME",
      ttl: 60,
      records: ["${each.value}"],
      allow_overwrite: true,
    });
    expect(zipped(record.for_each)).toEqual([["outside.name"], ["outside.value"]]);
  });

  test.each([
    ["alicloud", "alicloud_alidns_record", { rr: '${trimsuffix(each.key, ".example.com.")}', line: "default", value: '${trimsuffix(each.value, ".")}', type: "CNAME", ttl: 600 }],
    ["tencentcloud", "tencentcloud_dnspod_record", { sub_domain: '${trimsuffix(each.key, ".example.com.")}', record_line: "默认", value: '${trimsuffix(each.value, ".")}', record_type: "CNAME", ttl: 600 }],
  ] as const)("%s: on the default line, named relative to the zone, the target without its final dot", (name, type, expected) => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS[name]));
    const [record] = validations(json, type);
    expect(record).toMatchObject(expected);
    expect(zipped(record.for_each)).toEqual([["outside.name"], ["outside.value"]]);
  });

  test("writes a record that two AWS front doors share once: zipmap keeps one value per name", () => {
    const w = world();
    const virginia = frontDoor(w.app, "virginia", Cloud.aws({ region: "us-east-1" }), ServiceArea.OUTSIDE_MAINLAND_CHINA, { issuedCertificate: true });
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })),
      elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(w.outside), secondary: DnsTarget.of(virginia) }),
    });
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    const [record] = validations(json, "aws_route53_record");
    expect(validations(json, "aws_route53_record")).toHaveLength(1);
    expect(zipped(record.for_each)).toEqual([
      ["outside.name", "virginia.name"],
      ["outside.value", "virginia.value"],
    ]);
    expect(dataSources(json, "aws_ssm_parameter")).toContainEqual({ name: "/front-doors/origin-virginia/Cdn/certificate-validation", region: "us-east-1" });
  });

  test("writes none where no target's certificate is issued by the library (the user's own, or Alibaba Cloud's and Tencent Cloud's)", () => {
    const w = world();
    const own = frontDoor(w.app, "own", CLOUDS.aws, ServiceArea.OUTSIDE_MAINLAND_CHINA);
    const json = synthDns(w, props(w, CLOUDS.aws, { routing: DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(own)) }) }));
    expect(validations(json, "aws_route53_record")).toEqual([]);
    expect(dataSources(json, "aws_ssm_parameter").map((d) => d.name)).toEqual(["/front-doors/origin-own/Cdn/host-name"]);
  });
});

describe("the global DNS stack", () => {
  test("depends on the stack of every front door it answers with, so cdktf deploys those first", () => {
    const w = world();
    const dns = new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws));
    expect(dns.stack.dependencies.map((stack) => stack.node.id).sort()).toEqual(["origin-mainland", "origin-outside"]);
  });

  test("has nothing to warn of when its state is remote and an origin's is local: it reads no origin's state", () => {
    const w = world();
    const dns = new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws, { remoteState: { bucket: "acme-dns-state" } }));
    expect(dns.stack.node.metadata.filter((m) => m.type === "@cdktf/warn")).toEqual([]);
  });

  test("fails when a second global domain stack of the same ID is built", () => {
    const w = world();
    new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws));
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws)), { constructPath: 'GlobalDnsStack "bookstore-global-dns"', field: "id", value: "bookstore-global-dns" });
  });

  test("fails when given no authority", () => {
    const w = world();
    expectValidationError(() => new GlobalDnsStack(w.app, "bookstore-global-dns", props(w, CLOUDS.aws, { authority: undefined as unknown as DnsAuthority })), { constructPath: 'GlobalDnsStack "bookstore-global-dns"', field: "authority", value: undefined });
  });
});

describe("reading each front door's host name", () => {
  /** The synthesized JSON of another stack of the app `synthDns` wrote. */
  const stackJson = (w: World, stack: string) => JSON.parse(fs.readFileSync(path.join(w.app.outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as TerraformJson;
  const everywhere = (target: IFrontDoor, icpFiling?: string) => DnsRouting.everywhere(DnsAnswer.target(DnsTarget.of(target, { icpFiling })));

  test("AWS: the origin publishes its CDN's host name in an SSM String parameter, which the DNS stack reads in the origin's region", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.tencentcloud, { routing: everywhere(w.outside) }));
    const published = resources(stackJson(w, "origin-outside"), "aws_ssm_parameter").filter((p) => p.name === "/front-doors/origin-outside/Cdn/host-name");
    expect(published).toEqual([expect.objectContaining({ type: "String", insecure_value: "${random_id.HostId.hex}.cdn.example.net" })]);
    expect(dataSources(json, "aws_ssm_parameter")).toContainEqual({ name: "/front-doors/origin-outside/Cdn/host-name", region: "eu-central-1" });
    expect(answers(json, "tencentcloud_dnspod_record")[0].value).toMatch(/^\$\{data\.aws_ssm_parameter\.[\w-]+\.insecure_value\}$/);
    expect(json.provider!.aws).toEqual([{ region: "eu-central-1" }]);
  });

  test("Alibaba Cloud: the origin publishes it in an OOS String parameter, which the DNS stack reads by its exact name, stopping the plan when it is missing", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.aws, { routing: everywhere(w.mainland, ICP) }));
    expect(sorted(resources(stackJson(w, "origin-mainland"), "alicloud_oos_parameter"))).toEqual([
      expect.objectContaining({ parameter_name: "front-doors/origin-mainland/Cdn/Assets/host-name", type: "String", value: "${random_id.HostId.hex}.assets.cdn.example.net" }),
      expect.objectContaining({ parameter_name: "front-doors/origin-mainland/Cdn/host-name", type: "String", value: "${random_id.HostId.hex}.cdn.example.net" }),
    ]);
    const read = dataSources(json, "alicloud_oos_parameters").find((d) => (d as any).parameter_name === "front-doors/origin-mainland/Cdn/host-name");
    expect(read).toMatchObject({ ids: ["front-doors/origin-mainland/Cdn/host-name"], enable_details: true });
    expect((read as any).lifecycle.postcondition[0]).toEqual({ condition: "${length(self.parameters) == 1}", error_message: expect.stringContaining("deploy the stack that creates its CDN first") });
    expect(resources(json, "aws_route53_record").find((r) => r.name === "shop.example.com")!.records).toEqual([expect.stringMatching(/^\$\{data\.alicloud_oos_parameters\.GlobalDomain_HostNameOf-origin-mainland-Cdn_[\w-]+\.parameters\[0\]\.value\}$/)]);
  });

  test("Tencent Cloud: nothing is published; the DNS stack finds the CDN by the domain it accelerates, stopping the plan when it is missing", () => {
    const w = world();
    const json = synthDns(w, props(w, CLOUDS.aws, { routing: everywhere(w.global, ICP) }));
    expect(Object.keys(stackJson(w, "origin-global").resource ?? {})).toEqual(["random_id"]);
    const read = dataSources(json, "tencentcloud_cdn_domains").find((d) => (d as any).domain === "shop.example.com");
    expect(read).toBeDefined();
    expect((read as any).lifecycle.postcondition[0]).toEqual({ condition: "${length(self.domain_list) == 1}", error_message: expect.stringContaining("has no domain shop.example.com") });
    expect(resources(json, "aws_route53_record").find((r) => r.name === "shop.example.com")!.records).toEqual([expect.stringMatching(/^\$\{data\.tencentcloud_cdn_domains\.GlobalDomain_HostNameOf-origin-global-Cdn_[\w-]+\.domain_list\[0\]\.cname\}$/)]);
  });

  test("reads a front door once, though a failover answers with it twice (its record and its health check)", () => {
    const w = world();
    const routing = DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })),
      elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(w.outside), secondary: DnsTarget.of(w.mainland, { icpFiling: ICP }) }),
    });
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    // The outside front door's host name and its certificate's validation record.
    expect(dataSources(json, "aws_ssm_parameter")).toHaveLength(2);
    // The mainland front door's host name and its assets host name.
    expect(dataSources(json, "alicloud_oos_parameters")).toHaveLength(2);
    const [check] = resources(json, "aws_route53_health_check");
    const primary = resources(json, "aws_route53_record").find((r) => r.set_identifier === "primary" && r.name === "_elsewhere.shop.example.com") as { records: string[] };
    expect(check.fqdn).toBe(primary.records[0]);
  });

  test("reads a front door in another region than the authority's of the same cloud with a provider of that region (Alibaba Cloud)", () => {
    const w = world();
    const shanghai = frontDoor(w.app, "shanghai", Cloud.alicloud({ region: "cn-shanghai" }), ServiceArea.MAINLAND_CHINA);
    const routing = DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(shanghai, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(w.outside)) });
    const json = synthDns(w, props(w, CLOUDS.alicloud, { routing }));
    // Alibaba Cloud's provider takes no region per data source: an aliased one for cn-shanghai.
    expect(json.provider!.alicloud).toEqual([{ region: "cn-hangzhou" }, { alias: "cn-shanghai", region: "cn-shanghai" }]);
    expect(dataSources(json, "alicloud_oos_parameters")[0]).toMatchObject({ provider: "alicloud.cn-shanghai" });
  });

  test("reads a front door in another region than the authority's of the same cloud with the region argument (AWS)", () => {
    const w = world();
    const virginia = frontDoor(w.app, "virginia", Cloud.aws({ region: "us-east-1" }), ServiceArea.OUTSIDE_MAINLAND_CHINA);
    const routing = DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(w.mainland, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(virginia)) });
    const json = synthDns(w, props(w, CLOUDS.aws, { routing }));
    // AWS's provider 6 takes the region per data source: the authority's eu-central-1 provider reads us-east-1.
    expect(json.provider!.aws).toEqual([{ region: "eu-central-1" }, { alias: "global", region: "us-east-1" }]);
    expect(dataSources(json, "aws_ssm_parameter")[0]).toEqual({ name: "/front-doors/origin-virginia/Cdn/host-name", region: "us-east-1" });
  });
});
