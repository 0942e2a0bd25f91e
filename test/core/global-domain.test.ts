import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import * as fc from "fast-check";
import {
  cdnHostNameIn,
  DnsAnswer,
  DnsAnswerKind,
  DnsAuthority,
  DnsRouting,
  DnsTarget,
  DnsZone,
  FailoverRole,
  GlobalDomain,
  GlobalDomainProps,
  GlobalDomainSpec,
  ICdn,
  ICP_FILING_NUMBER,
  IFrontDoor,
  ServiceArea,
} from "../../lib";
import { FakeCloud } from "../support/fake-cloud";
import { newStack } from "../support/synth";
import { expectValidationError } from "../support/validation";

// The neutral global domain on the recording fake cloud: what it asks the authority's
// adapter for, and every refusal. The fake DNS service is shaped like Route 53 (a line for
// mainland China, the catch-all for everyone else, health checkers outside the mainland),
// with a basic edition (TTL 300 and up, no weights) and a pro one (10 and up, weights).

const ICP = "浙ICP备12345678号";

/**
 * A front door of `cloud` whose CDN, `<name>.cdn.fake`, serves `area`; with `assetsDomain`
 * other than `domain`, it serves its asset bucket there from `<name>-assets.cdn.fake`;
 * `validated`, its certificate is validated by the record `_<name>.<domain>.`.
 */
function frontDoor(scope: Construct, name: string, cloud: FakeCloud, area: ServiceArea, domain = "shop.example.com", assetsDomain?: string, validated = false): IFrontDoor {
  const construct = new Construct(scope, `Cdn-${name}`);
  const source = cloud.shareCdnHostName(construct, { hostName: `${name}.cdn.fake`, domain });
  const ownAssets = assetsDomain !== undefined && assetsDomain !== domain;
  const assets = ownAssets ? Object.assign(new Construct(construct, "Assets"), { cdnDomainName: `${name}-assets.cdn.fake` }) : undefined;
  const assetsSource = assets && cloud.shareCdnHostName(assets, { hostName: assets.cdnDomainName, domain: assetsDomain! });
  const cdn: ICdn = Object.assign(construct, {
    cloud,
    cdnDomainName: `${name}.cdn.fake`,
    serviceArea: area,
    assetsDomain,
    assetsCdnDomainName: assets?.cdnDomainName,
    hostNameIn: (s: Construct) => cdnHostNameIn(cdn, source, s),
    assetsHostNameIn: (s: Construct) => (assets && assetsSource ? cdnHostNameIn(assets, assetsSource, s) : undefined),
    certificateValidationIn: () => (validated ? { name: `_${name}.${domain}.`, value: `_${name}.validations.fake.` } : undefined),
  });
  return { cloud, domain, cdn };
}

function setup() {
  const { stack } = newStack();
  const authority = new FakeCloud();
  const outside = frontDoor(stack, "outside", new FakeCloud("fake-east-1", undefined, "west"), ServiceArea.OUTSIDE_MAINLAND_CHINA);
  const mainland = frontDoor(stack, "mainland", new FakeCloud("fake-east-1", undefined, "east"), ServiceArea.MAINLAND_CHINA);
  const mainland2 = frontDoor(stack, "mainland2", new FakeCloud("fake-east-1", undefined, "north"), ServiceArea.GLOBAL);
  const props = (overrides: Partial<GlobalDomainProps> = {}): GlobalDomainProps => ({
    authority: DnsAuthority.of({ cloud: authority }),
    domain: "shop.example.com",
    zone: DnsZone.create("example.com"),
    routing: DnsRouting.geoSplit({
      mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })),
      elsewhere: DnsAnswer.target(DnsTarget.of(outside)),
    }),
    ...overrides,
  });
  const build = (overrides: Partial<GlobalDomainProps> = {}) => new GlobalDomain(stack, "Domain", props(overrides));
  return { stack, authority, outside, mainland, mainland2, props, build, path: `${stack.node.path}/Domain` };
}

describe("a global domain", () => {
  test("asks the authority for one CNAME per line of a geo split, the domain relative to its zone", () => {
    // GIVEN a mainland front door and one outside
    const { authority, build } = setup();
    // WHEN the domain splits between them
    const domain = build();
    // THEN mainland China gets the mainland CDN on the mainland line, everyone else the other on the catch-all
    const spec = authority.specOf<GlobalDomainSpec>("globalDomain");
    expect(spec).toMatchObject({ domain: "shop.example.com", zone: "example.com", relativeName: "shop", createZone: true, edition: "basic" });
    expect(spec.routes).toEqual([
      { id: "mainland-china", line: "mainland", kind: DnsAnswerKind.SINGLE, records: [{ id: "east", hostName: "mainland.cdn.fake", weight: undefined, failoverRole: undefined, healthCheck: undefined }] },
      { id: "elsewhere", line: "everywhere", kind: DnsAnswerKind.SINGLE, records: [{ id: "west", hostName: "outside.cdn.fake", weight: undefined, failoverRole: undefined, healthCheck: undefined }] },
    ]);
    expect(domain.nameServers).toEqual(["ns1.fake.example", "ns2.fake.example"]);
    expect(domain.registrarStep).toMatch(/Delegate example\.com to Fake DNS: at its registrar, set the NS records to the name servers in the NameServers output/);
  });

  test("keeps answers for 60 seconds, or the edition's minimum where that is longer", () => {
    expect(setup().build().ttlSeconds).toBe(300);
    expect(setup().build({ authority: DnsAuthority.of({ cloud: new FakeCloud() }, { edition: "pro" }) }).ttlSeconds).toBe(60);
    expect(setup().build({ ttlSeconds: 3600 }).ttlSeconds).toBe(3600);
  });

  test("asks for weighted records on an edition that weights them", () => {
    const { authority, build, mainland, mainland2 } = setup();
    build({
      authority: DnsAuthority.of({ cloud: authority }, { edition: "pro" }),
      routing: DnsRouting.everywhere(
        DnsAnswer.weighted([
          { target: DnsTarget.of(mainland, { icpFiling: ICP }), weight: 30 },
          { target: DnsTarget.of(mainland2, { icpFiling: ICP }), weight: 70 },
        ]),
      ),
    });
    const [route] = authority.specOf<GlobalDomainSpec>("globalDomain").routes;
    expect(route).toMatchObject({ id: "everyone", line: "everywhere", kind: DnsAnswerKind.WEIGHTED });
    expect(route.records.map((r) => [r.id, r.hostName, r.weight])).toEqual([
      ["east", "mainland.cdn.fake", 30],
      ["north", "mainland2.cdn.fake", 70],
    ]);
  });

  test("asks for a health check of a failover's primary only, on its CDN's host name", () => {
    const { authority, build, outside, mainland } = setup();
    build({
      routing: DnsRouting.geoSplit({
        mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })),
        elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(outside), secondary: DnsTarget.of(mainland, { icpFiling: ICP }), healthCheckIntervalSeconds: 10 }),
      }),
    });
    const elsewhere = authority.specOf<GlobalDomainSpec>("globalDomain").routes[1];
    expect(elsewhere.kind).toBe(DnsAnswerKind.FAILOVER);
    expect(elsewhere.records).toEqual([
      { id: "primary", hostName: "outside.cdn.fake", weight: undefined, failoverRole: FailoverRole.PRIMARY, healthCheck: { hostName: "outside.cdn.fake", port: 443, intervalSeconds: 10, failureThreshold: 3 } },
      { id: "secondary", hostName: "mainland.cdn.fake", weight: undefined, failoverRole: FailoverRole.SECONDARY, healthCheck: undefined },
    ]);
  });

  test("asks for the authority's own lines, and the catch-all for everyone else", () => {
    const { authority, build, mainland, outside } = setup();
    build({
      routing: DnsRouting.byLine({
        lines: [
          { line: "isp-a", answer: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })) },
          { line: "abroad", answer: DnsAnswer.target(DnsTarget.of(outside)) },
        ],
        otherwise: DnsAnswer.target(DnsTarget.of(outside)),
      }),
    });
    expect(authority.specOf<GlobalDomainSpec>("globalDomain").routes.map((r) => [r.id, r.line])).toEqual([
      ["line-isp-a", "isp-a"],
      ["line-abroad", "abroad"],
      ["otherwise", "everywhere"],
    ]);
  });

  test("takes an existing zone, which the registrar must delegate already", () => {
    const { authority, build } = setup();
    const domain = build({ zone: DnsZone.existing("example.com") });
    expect(authority.specOf<GlobalDomainSpec>("globalDomain").createZone).toBe(false);
    expect(domain.nameServers).toBeUndefined();
    expect(domain.registrarStep).toMatch(/example\.com must already be delegated to Fake DNS: .*console lists for example\.com/);
  });

  test("reads a front door of another stack through its cloud's shared host name, never a cross-stack reference, and depends on that stack", () => {
    // GIVEN front doors whose CDNs are in a stack of their own
    const { app, stack } = newStack("dns");
    const origin = new TerraformStack(app, "origin");
    const authority = new FakeCloud();
    const outside = frontDoor(origin, "outside", new FakeCloud("fake-east-1", undefined, "west"), ServiceArea.OUTSIDE_MAINLAND_CHINA);
    const mainland = frontDoor(origin, "mainland", new FakeCloud("fake-east-1", undefined, "east"), ServiceArea.MAINLAND_CHINA);
    // WHEN a global domain in another stack answers with them, the primary twice (record and health check)
    new GlobalDomain(stack, "Domain", {
      authority: DnsAuthority.of({ cloud: authority }),
      domain: "shop.example.com",
      zone: DnsZone.create("example.com"),
      routing: DnsRouting.geoSplit({
        mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })),
        elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(outside), secondary: DnsTarget.of(mainland, { icpFiling: ICP }) }),
      }),
    });
    // THEN each host name is what the front door's cloud reads in the DNS stack, read once per front door there
    const [mainlandRoute, elsewhere] = authority.specOf<GlobalDomainSpec>("globalDomain").routes;
    expect(mainlandRoute.records[0].hostName).toBe("shared.mainland.cdn.fake");
    expect(elsewhere.records.map((r) => [r.hostName, r.healthCheck?.hostName])).toEqual([
      ["shared.outside.cdn.fake", "shared.outside.cdn.fake"],
      ["shared.mainland.cdn.fake", undefined],
    ]);
    expect(stack.node.findAll().filter((c) => c.node.id.startsWith("HostNameOf-")).map((c) => c.node.id)).toEqual(["HostNameOf-origin-Cdn-mainland", "HostNameOf-origin-Cdn-outside"]);
    // AND the DNS stack is deployed after the origin's
    expect(stack.dependencies).toEqual([origin]);
  });

  test("asks for the certificate validation record of each front door whose cloud validates its certificate through DNS, once per front door", () => {
    // GIVEN two front doors whose certificates are validated by DNS records, one of them answering twice
    const { stack, authority, build, mainland } = setup();
    const outside = frontDoor(stack, "validated", new FakeCloud("fake-east-1", undefined, "west"), ServiceArea.OUTSIDE_MAINLAND_CHINA, "shop.example.com", undefined, true);
    const other = frontDoor(stack, "validated2", new FakeCloud("fake-east-1", undefined, "south"), ServiceArea.GLOBAL, "shop.example.com", undefined, true);
    // WHEN the domain answers with them
    build({
      routing: DnsRouting.geoSplit({
        mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })),
        elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(outside), secondary: DnsTarget.of(other, { icpFiling: ICP }) }),
      }),
    });
    // THEN the authority is asked for each one's record, and none for the front door whose certificate is its own
    expect(authority.specOf<GlobalDomainSpec>("globalDomain").certificateValidations).toEqual([
      { name: "_validated.shop.example.com.", value: "_validated.validations.fake." },
      { name: "_validated2.shop.example.com.", value: "_validated2.validations.fake." },
    ]);
  });

  test("numbers a second target of the same cloud in one answer", () => {
    const { stack, authority, build, outside } = setup();
    const sameCloud = frontDoor(stack, "outside2", outside.cloud as FakeCloud, ServiceArea.OUTSIDE_MAINLAND_CHINA);
    build({
      authority: DnsAuthority.of({ cloud: authority }, { edition: "pro" }),
      routing: DnsRouting.everywhere(DnsAnswer.weighted([{ target: DnsTarget.of(outside), weight: 1 }, { target: DnsTarget.of(sameCloud), weight: 1 }])),
    });
    expect(authority.specOf<GlobalDomainSpec>("globalDomain").routes[0].records.map((r) => r.id)).toEqual(["west", "west-2"]);
  });
});

describe("a global domain refuses", () => {
  type Case = [string, (s: ReturnType<typeof setup>) => Partial<GlobalDomainProps>, string, unknown];
  const target = (door: IFrontDoor, icpFiling?: string) => DnsTarget.of(door, { icpFiling });
  const split = (mainlandChina: DnsAnswer | undefined, elsewhere: DnsAnswer | undefined) => DnsRouting.geoSplit({ mainlandChina: mainlandChina!, elsewhere: elsewhere! });
  const cases: Case[] = [
    ["no authority", () => ({ authority: undefined as unknown as DnsAuthority }), "authority", undefined],
    ["an edition the service does not sell", (s) => ({ authority: DnsAuthority.of({ cloud: s.authority }, { edition: "gold" }) }), "authority.edition", "gold"],
    ["a zone that is not a DnsZone", () => ({ zone: "example.com" as unknown as DnsZone }), "zone", "example.com"],
    ["a zone that is no domain name", () => ({ zone: DnsZone.create("Example.COM") }), "zone", "Example.COM"],
    ["a CNAME at the zone apex", () => ({ domain: "example.com" }), "domain", "example.com"],
    ["a domain outside the zone", () => ({ domain: "shop.example.org" }), "domain", "shop.example.org"],
    ["a TTL under the edition's minimum", () => ({ ttlSeconds: 299 }), "ttlSeconds", 299],
    ["a TTL over the service's maximum", () => ({ ttlSeconds: 86401 }), "ttlSeconds", 86401],
    ["a TTL that is not a whole number", () => ({ ttlSeconds: 600.5 }), "ttlSeconds", 600.5],
    ["a routing that is not a DnsRouting", () => ({ routing: {} as DnsRouting }), "routing", {}],
    ["a geo split without an answer for everyone else", (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), undefined) }), "routing.elsewhere", undefined],
    ["a geo split without an answer for mainland China", (s) => ({ routing: split(undefined, DnsAnswer.target(target(s.outside))) }), "routing.mainlandChina", undefined],
    ["one answer for everyone that is missing", () => ({ routing: DnsRouting.everywhere(undefined as unknown as DnsAnswer) }), "routing.answer", undefined],
    [
      "lines without an answer for everyone else",
      (s) => ({ routing: DnsRouting.byLine({ lines: [{ line: "isp-a", answer: DnsAnswer.target(target(s.mainland, ICP)) }], otherwise: undefined as unknown as DnsAnswer }) }),
      "routing.otherwise",
      undefined,
    ],
    ["lines that are not a list", (s) => ({ routing: DnsRouting.byLine({ lines: "isp-a" as never, otherwise: DnsAnswer.target(target(s.outside)) }) }), "routing.lines", undefined],
    [
      "a line outside the service's enumeration",
      (s) => ({ routing: DnsRouting.byLine({ lines: [{ line: "telecom", answer: DnsAnswer.target(target(s.mainland, ICP)) }], otherwise: DnsAnswer.target(target(s.outside)) }) }),
      "routing.lines[0].line",
      "telecom",
    ],
    [
      "the catch-all line among the lines",
      (s) => ({ routing: DnsRouting.byLine({ lines: [{ line: "everywhere", answer: DnsAnswer.target(target(s.outside)) }], otherwise: DnsAnswer.target(target(s.outside)) }) }),
      "routing.lines[0].line",
      "everywhere",
    ],
    [
      "a line given twice",
      (s) => ({
        routing: DnsRouting.byLine({
          lines: [
            { line: "abroad", answer: DnsAnswer.target(target(s.outside)) },
            { line: "abroad", answer: DnsAnswer.target(target(s.outside)) },
          ],
          otherwise: DnsAnswer.target(target(s.outside)),
        }),
      }),
      "routing.lines[1].line",
      "abroad",
    ],
    ["a target that is not a DnsTarget", (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.target("cdn.example.net" as unknown as DnsTarget)) }), "routing.elsewhere.target", "cdn.example.net"],
    [
      "a front door without a CDN",
      (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.target(target({ cloud: s.outside.cloud, domain: "shop.example.com" }))) }),
      "routing.elsewhere.target",
      "shop.example.com (west)",
    ],
    [
      "a front door of another domain",
      (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.target(target(frontDoor(s.stack, "other", new FakeCloud(), ServiceArea.OUTSIDE_MAINLAND_CHINA, "www.example.com")))) }),
      "routing.elsewhere.target",
      "www.example.com (fake)",
    ],
    ["a mainland target without an ICP filing", (s) => ({ routing: split(DnsAnswer.target(target(s.mainland)), DnsAnswer.target(target(s.outside))) }), "routing.mainlandChina.target.icpFiling", undefined],
    ["a mainland target whose CDN serves only outside the mainland", (s) => ({ routing: split(DnsAnswer.target(target(s.outside, ICP)), DnsAnswer.target(target(s.outside))) }), "routing.mainlandChina.target", "west (outside-mainland-china)"],
    ["a target elsewhere whose CDN serves the mainland without a filing", (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.target(target(s.mainland2))) }), "routing.elsewhere.target.icpFiling", undefined],
    ["an ICP filing in no known form", (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, "ICP 12345678")), DnsAnswer.target(target(s.outside))) }), "routing.mainlandChina.target.icpFiling", "ICP 12345678"],
    ["weights on an edition that has none", (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.weighted([{ target: target(s.outside), weight: 1 }, { target: target(s.mainland2, ICP), weight: 1 }])) }), "routing.elsewhere", "DnsAnswer.weighted"],
    [
      "one weighted target",
      (s) => ({ authority: DnsAuthority.of({ cloud: s.authority }, { edition: "pro" }), routing: DnsRouting.everywhere(DnsAnswer.weighted([{ target: target(s.outside), weight: 1 }])) }),
      "routing.answer.weighted",
      1,
    ],
    [
      "a weight outside the service's range",
      (s) => ({ authority: DnsAuthority.of({ cloud: s.authority }, { edition: "pro" }), routing: DnsRouting.everywhere(DnsAnswer.weighted([{ target: target(s.outside), weight: 1 }, { target: target(s.mainland2, ICP), weight: 101 }])) }),
      "routing.answer.weighted[1].weight",
      101,
    ],
    [
      "one front door twice in an answer",
      (s) => ({ authority: DnsAuthority.of({ cloud: s.authority }, { edition: "pro" }), routing: DnsRouting.everywhere(DnsAnswer.weighted([{ target: target(s.outside), weight: 1 }, { target: target(s.outside), weight: 2 }])) }),
      "routing.answer.weighted[1].target",
      "shop.example.com",
    ],
    [
      "a failover health-checked across the border (the mainland answer, checkers outside)",
      (s) => ({ routing: split(DnsAnswer.failover({ primary: target(s.mainland2, ICP), secondary: target(s.mainland, ICP) }), DnsAnswer.target(target(s.outside))) }),
      "routing.mainlandChina",
      "DnsAnswer.failover",
    ],
    [
      "a failover primary whose CDN serves only the mainland, probed from outside",
      (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.failover({ primary: target(s.mainland, ICP), secondary: target(s.outside) })) }),
      "routing.elsewhere.primary",
      "east (mainland-china)",
    ],
    [
      "a health-check interval the service does not offer",
      (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.failover({ primary: target(s.outside), secondary: target(s.mainland, ICP), healthCheckIntervalSeconds: 20 })) }),
      "routing.elsewhere.healthCheckIntervalSeconds",
      20,
    ],
    [
      "a failure threshold out of range",
      (s) => ({ routing: split(DnsAnswer.target(target(s.mainland, ICP)), DnsAnswer.failover({ primary: target(s.outside), secondary: target(s.mainland, ICP), healthCheckFailureThreshold: 0 })) }),
      "routing.elsewhere.healthCheckFailureThreshold",
      0,
    ],
  ];

  test.each(cases)("fails when given %s", (_name, overrides, field, value) => {
    const s = setup();
    expectValidationError(() => s.build(overrides(s)), { constructPath: s.path, field, value });
  });

  test("fails when the authority has no health checks and a failover is asked for", () => {
    const s = setup();
    const noChecks = new FakeCloud();
    Object.defineProperty(noChecks, "catalog", { value: { ...noChecks.catalog, dns: { ...noChecks.catalog.dns, healthChecks: undefined } } });
    expectValidationError(
      () => s.build({ authority: DnsAuthority.of({ cloud: noChecks }), routing: DnsRouting.everywhere(DnsAnswer.failover({ primary: DnsTarget.of(s.outside), secondary: DnsTarget.of(s.mainland, { icpFiling: ICP }) })) }),
      { constructPath: s.path, field: "routing.answer", value: "DnsAnswer.failover" },
    );
  });

  test("names the edition that can weight records", () => {
    const s = setup();
    expect(() => s.build({ routing: DnsRouting.everywhere(DnsAnswer.weighted([{ target: DnsTarget.of(s.outside), weight: 1 }, { target: DnsTarget.of(s.mainland2, { icpFiling: ICP }), weight: 1 }])) })).toThrow(
      /Fake Basic cannot weight records; Fake Pro can/,
    );
  });
});

describe("a global domain's assets domain", () => {
  const STATIC = "static.shop.example.com";
  /** The setup, with front doors whose CDNs serve their asset buckets on `static.shop.example.com` (the mainland ones) or on the shop's domain (outside). */
  function withAssets() {
    const s = setup();
    const west = new FakeCloud("fake-east-1", undefined, "west");
    const outside = frontDoor(s.stack, "outside-a", west, ServiceArea.OUTSIDE_MAINLAND_CHINA, "shop.example.com", "shop.example.com");
    const mainland = frontDoor(s.stack, "mainland-a", new FakeCloud("fake-east-1", undefined, "east"), ServiceArea.MAINLAND_CHINA, "shop.example.com", STATIC);
    const mainland2 = frontDoor(s.stack, "mainland2-a", new FakeCloud("fake-east-1", undefined, "north"), ServiceArea.GLOBAL, "shop.example.com", STATIC);
    const pro = DnsAuthority.of({ cloud: s.authority }, { edition: "pro" });
    const names = () => s.authority.specOf<GlobalDomainSpec>("globalDomain").assetNames;
    return { ...s, outside, mainland, mainland2, pro, names };
  }

  test("asks for the assets domain on the line of the front door that serves it, pointing at its assets CDN", () => {
    // GIVEN a mainland front door serving its assets on static.<domain>, and one outside serving them on the domain itself
    const { build, mainland, outside, names } = withAssets();
    // WHEN the domain splits between them
    build({ routing: DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(outside)) }) });
    // THEN static.<domain> is answered on the mainland line only: the outside front door's pages never name it
    expect(names()).toEqual([
      {
        id: "static-shop",
        name: STATIC,
        relativeName: "static.shop",
        routes: [{ id: "mainland-china", line: "mainland", kind: DnsAnswerKind.SINGLE, records: [{ id: "east", hostName: "mainland-a-assets.cdn.fake" }] }],
      },
    ]);
  });

  test("asks for no other name where every front door serves its assets on the domain, or has no bucket", () => {
    const { build, names } = withAssets();
    build();
    expect(names()).toEqual([]);
  });

  test("weights the assets domain as the pages, among the front doors that serve it", () => {
    const { build, pro, mainland, mainland2, outside, names } = withAssets();
    build({
      authority: pro,
      routing: DnsRouting.everywhere(
        DnsAnswer.weighted([
          { target: DnsTarget.of(mainland, { icpFiling: ICP }), weight: 30 },
          { target: DnsTarget.of(outside), weight: 50 },
          { target: DnsTarget.of(mainland2, { icpFiling: ICP }), weight: 20 },
        ]),
      ),
    });
    const [route] = names()[0].routes;
    expect(route).toMatchObject({ id: "everyone", line: "everywhere", kind: DnsAnswerKind.WEIGHTED });
    expect(route.records.map((r) => [r.id, r.hostName, r.weight])).toEqual([
      ["east", "mainland-a-assets.cdn.fake", 30],
      ["north", "mainland2-a-assets.cdn.fake", 20],
    ]);
  });

  test("answers with the one front door of a weighted answer that serves it", () => {
    const { build, pro, mainland, outside, names } = withAssets();
    build({ authority: pro, routing: DnsRouting.everywhere(DnsAnswer.weighted([{ target: DnsTarget.of(outside), weight: 90 }, { target: DnsTarget.of(mainland, { icpFiling: ICP }), weight: 10 }])) });
    expect(names()[0].routes).toEqual([{ id: "everyone", line: "everywhere", kind: DnsAnswerKind.SINGLE, records: [{ id: "east", hostName: "mainland-a-assets.cdn.fake" }] }]);
  });

  test("answers a failover's secondary alone where the primary serves its assets on the domain", () => {
    const { build, mainland, mainland2, outside, names } = withAssets();
    build({
      routing: DnsRouting.geoSplit({
        mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })),
        elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(outside), secondary: DnsTarget.of(mainland2, { icpFiling: ICP }) }),
      }),
    });
    expect(names()[0].routes.map((r) => [r.id, r.kind, r.records])).toEqual([
      ["mainland-china", DnsAnswerKind.SINGLE, [{ id: "east", hostName: "mainland-a-assets.cdn.fake" }]],
      ["elsewhere", DnsAnswerKind.SINGLE, [{ id: "secondary", hostName: "mainland2-a-assets.cdn.fake" }]],
    ]);
  });

  test("fails over with the pages where both front doors serve it: the primary's own health check", () => {
    const { stack, build, mainland, mainland2, names } = withAssets();
    const outside = frontDoor(stack, "outside-b", new FakeCloud("fake-east-1", undefined, "south"), ServiceArea.OUTSIDE_MAINLAND_CHINA, "shop.example.com", STATIC);
    build({
      routing: DnsRouting.geoSplit({
        mainlandChina: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })),
        elsewhere: DnsAnswer.failover({ primary: DnsTarget.of(outside), secondary: DnsTarget.of(mainland2, { icpFiling: ICP }) }),
      }),
    });
    const elsewhere = names()[0].routes[1];
    expect(elsewhere.kind).toBe(DnsAnswerKind.FAILOVER);
    expect(elsewhere.records).toEqual([
      { id: "primary", hostName: "outside-b-assets.cdn.fake", weight: undefined, failoverRole: FailoverRole.PRIMARY, healthCheck: { hostName: "outside-b.cdn.fake", port: 443, intervalSeconds: 30, failureThreshold: 3 } },
      { id: "secondary", hostName: "mainland2-a-assets.cdn.fake", weight: undefined, failoverRole: FailoverRole.SECONDARY, healthCheck: undefined },
    ]);
  });

  test("asks for each front door's own assets domain where they differ, each on its front door's lines", () => {
    const { stack, build, mainland, outside, names } = withAssets();
    const other = frontDoor(stack, "mainland-c", new FakeCloud("fake-east-1", undefined, "north"), ServiceArea.GLOBAL, "shop.example.com", "img.shop.example.com");
    build({
      routing: DnsRouting.byLine({
        lines: [{ line: "isp-a", answer: DnsAnswer.target(DnsTarget.of(other, { icpFiling: ICP })) }, { line: "mainland", answer: DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP })) }],
        otherwise: DnsAnswer.target(DnsTarget.of(outside)),
      }),
    });
    expect(names().map((n) => [n.id, n.name, n.routes.map((r) => [r.line, r.records[0].hostName])])).toEqual([
      ["img-shop", "img.shop.example.com", [["isp-a", "mainland-c-assets.cdn.fake"]]],
      ["static-shop", STATIC, [["mainland", "mainland-a-assets.cdn.fake"]]],
    ]);
  });

  test("reads a front door's assets host name in the DNS stack as it reads its host name, once, from the CDN's Assets record", () => {
    // GIVEN a front door serving its assets on static.<domain>, in a stack of its own
    const { app, stack } = newStack("dns");
    const origin = new TerraformStack(app, "origin");
    const authority = new FakeCloud();
    const mainland = frontDoor(origin, "mainland", new FakeCloud("fake-east-1", undefined, "east"), ServiceArea.GLOBAL, "shop.example.com", STATIC);
    // WHEN a global domain in another stack answers everyone with it
    new GlobalDomain(stack, "Domain", { authority: DnsAuthority.of({ cloud: authority }), domain: "shop.example.com", zone: DnsZone.create("example.com"), routing: DnsRouting.everywhere(DnsAnswer.target(DnsTarget.of(mainland, { icpFiling: ICP }))) });
    // THEN the assets host name is what the cloud shared for the CDN's Assets construct, read in the DNS stack
    expect(authority.specOf<GlobalDomainSpec>("globalDomain").assetNames[0].routes[0].records[0].hostName).toBe("shared.mainland-assets.cdn.fake");
    expect(stack.node.findAll().filter((c) => c.node.id.startsWith("HostNameOf-")).map((c) => c.node.id)).toEqual(["HostNameOf-origin-Cdn-mainland", "HostNameOf-origin-Cdn-mainland-Assets"]);
    expect(stack.dependencies).toEqual([origin]);
  });

  test("fails when a front door serves its assets outside the zone", () => {
    const { stack, build, outside, path } = withAssets();
    const elsewhere = frontDoor(stack, "mainland-d", new FakeCloud("fake-east-1", undefined, "east"), ServiceArea.MAINLAND_CHINA, "shop.example.com", "static.example.net");
    expectValidationError(() => build({ routing: DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(elsewhere, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(outside)) }) }), {
      constructPath: path,
      field: "routing.mainlandChina.target",
      value: "static.example.net (east's cdn.assetsDomain)",
    });
  });

  test.each([
    ["a geo split", "routing.elsewhere", (s: ReturnType<typeof withAssets>) => DnsRouting.geoSplit({ mainlandChina: DnsAnswer.target(DnsTarget.of(s.mainland, { icpFiling: ICP })), elsewhere: DnsAnswer.target(DnsTarget.of(s.outside)) })],
    [
      "lines",
      "routing.otherwise",
      (s: ReturnType<typeof withAssets>) => DnsRouting.byLine({ lines: [{ line: "isp-a", answer: DnsAnswer.target(DnsTarget.of(s.mainland, { icpFiling: ICP })) }], otherwise: DnsAnswer.target(DnsTarget.of(s.outside)) }),
    ],
  ])("fails, in %s, when the authority needs every name on its catch-all line and the catch-all answer does not serve the assets domain", (_name, field, routing) => {
    // GIVEN an authority whose names need a record on the catch-all line (Alibaba Cloud DNS, DNSPod)
    const s = withAssets();
    const strict = new FakeCloud();
    Object.defineProperty(strict, "catalog", { value: { ...strict.catalog, dns: { ...strict.catalog.dns, catchAllRequired: true } } });
    // WHEN static.<domain> is answered on a mainland line, and the catch-all by a front door serving its assets on the domain
    // THEN the catch-all answer is refused
    expectValidationError(() => s.build({ authority: DnsAuthority.of({ cloud: strict }), routing: routing(s) }), { constructPath: s.path, field, value: "west (assets on shop.example.com)" });
    expect(() => new GlobalDomain(s.stack, "Again", { ...s.props(), authority: DnsAuthority.of({ cloud: strict }), routing: routing(s) })).toThrow(/answers a name on other lines only beside a record on its catch-all line "everywhere"/);
  });

  test("takes a catch-all answer that serves the assets domain, on an authority that needs one", () => {
    const s = withAssets();
    const strict = new FakeCloud();
    Object.defineProperty(strict, "catalog", { value: { ...strict.catalog, dns: { ...strict.catalog.dns, catchAllRequired: true } } });
    s.build({ authority: DnsAuthority.of({ cloud: strict }), routing: DnsRouting.byLine({ lines: [{ line: "abroad", answer: DnsAnswer.target(DnsTarget.of(s.outside)) }], otherwise: DnsAnswer.target(DnsTarget.of(s.mainland2, { icpFiling: ICP })) }) });
    expect(strict.specOf<GlobalDomainSpec>("globalDomain").assetNames[0].routes.map((r) => r.line)).toEqual(["everywhere"]);
  });
});

describe("ICP filing numbers", () => {
  const province = fc.constantFrom("京", "沪", "粤", "浙", "苏", "川");
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));

  test("a filing (备, eight digits, optionally a site) or a licence (证, six digits) is taken", () => {
    fc.assert(fc.property(province, digits(8), fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), (p, d, site) => ICP_FILING_NUMBER.test(`${p}ICP备${d}号${site === undefined ? "" : `-${site}`}`)));
    fc.assert(fc.property(province, digits(6), (p, d) => ICP_FILING_NUMBER.test(`${p}ICP证${d}号`)));
  });

  test("anything else is refused", () => {
    fc.assert(fc.property(fc.string(), (text) => !ICP_FILING_NUMBER.test(text) || /ICP[备证]\d+号/.test(text)));
    for (const wrong of ["ICP备12345678号", "浙ICP备1234567号", "浙ICP备12345678", "浙icp备12345678号", "浙ICP证1234567号", "AB ICP备12345678号"]) expect(ICP_FILING_NUMBER.test(wrong)).toBe(false);
  });
});
