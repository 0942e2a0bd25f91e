import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { BookstoreStacks, Cloud } from "../../lib";
import { exampleCloud, exampleProps } from "../../examples/bookstore-app";
import { drawStacks, Picture, readStacks, rendererVersion, writeDiagrams } from "../../scripts/diagram/render";
import { StackInput } from "../../scripts/diagram/model";
import { CLOUDS, RESOURCE_KINDS, Role, RoleGroup, ROLES } from "../../scripts/diagram/roles";
import { exampleAppOutdir } from "../support/bookstore";
import { readSvg, SvgPicture } from "./svg";

// The pictures of the example app, drawn as `npm run synth` draws them. What each must
// show is read from the synthesized JSON by resource type, never from a list of names.

const REPO = path.join(__dirname, "..", "..");
const DOCS = path.join(REPO, "docs", "diagrams");

/** Front doors and data stores: what a picture must name. */
const MUST_NAME = new Set([RoleGroup.FRONT_DOOR, RoleGroup.DATA_STORE]);

interface Expected {
  readonly stack: string;
  readonly address: string;
  /** The construct path below the stack, without a trailing `Resource`. */
  readonly name: string;
}

/** Every front door and data store the stacks hold, by the type table's roles. */
function frontDoorsAndDataStores(stacks: readonly StackInput[]): Expected[] {
  return stacks.flatMap((stack) =>
    Object.entries(stack.json.resource ?? {})
      .filter(([type]) => RESOURCE_KINDS[type] !== undefined && MUST_NAME.has(ROLES[RESOURCE_KINDS[type].role].group))
      .flatMap(([type, blocks]) =>
        Object.entries(blocks).map(([name, block]) => {
          const constructPath = ((block["//"] as { metadata: { path: string } }).metadata.path.split("/") as string[]).slice(1);
          if (constructPath[constructPath.length - 1] === "Resource") constructPath.pop();
          return { stack: stack.name, address: `${type}.${name}`, name: constructPath.join("/") };
        }),
      ),
  );
}

/** Fails naming each expected resource the picture does not show by address and construct path. */
function expectNamed(picture: SvgPicture, expected: readonly Expected[]): void {
  const missing = expected.filter((e) => !picture.nodes.some((n) => n.title === `${e.stack}/${e.address}` && n.texts.includes(e.name)));
  expect(missing).toEqual([]);
}

/** The example app's stacks on one cloud: BookstoreStacks names them `bookstore-<cloud>[-<layer>]`. */
function stacksOf(stacks: readonly StackInput[], cloud: string): StackInput[] {
  return stacks.filter((s) => s.name === `bookstore-${cloud}` || s.name.startsWith(`bookstore-${cloud}-`));
}

describe("the pictures of the example app", () => {
  let stacks: StackInput[];
  let pictures: Map<string, Picture>;

  beforeAll(async () => {
    stacks = readStacks(exampleAppOutdir());
    pictures = new Map((await drawStacks(stacks)).map((p) => [p.view.name, p]));
  }, 60_000);

  test("one SVG per implemented cloud and one of the whole deployment", () => {
    expect([...pictures.keys()].sort()).toEqual([...Cloud.implemented, "deployment"].sort());
    for (const picture of pictures.values()) expect(picture.svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
  });

  test.each([...Cloud.implemented])("the %s picture names every front door and data store of that cloud's stacks", (cloud) => {
    const expected = frontDoorsAndDataStores(stacksOf(stacks, cloud));
    // The example has at least a CDN, a load balancer and a database on every cloud.
    const roles = expected.map((e) => RESOURCE_KINDS[e.address.split(".")[0]].role);
    expect(roles).toEqual(expect.arrayContaining(["cdn", "load-balancer", "database"]));
    expectNamed(readSvg((pictures.get(cloud) as Picture).svg), expected);
  });

  test.each([...Cloud.implemented])("the %s picture holds no other cloud's resources", (cloud) => {
    const own = new Set(stacksOf(stacks, cloud).map((s) => s.name));
    // Besides its own, a cloud's picture shows only the DNS records that point at it.
    const nodes = readSvg((pictures.get(cloud) as Picture).svg).nodes.filter((n) => RESOURCE_KINDS[n.title.split("/")[1]?.split(".")[0]]?.role !== Role.DNS_RECORD);
    expect(nodes.map((n) => n.title.split("/")[0]).filter((stack) => !own.has(stack))).toEqual([]);
  });

  test("the deployment picture shows each cloud, and every front door and data store of every stack", () => {
    const picture = readSvg((pictures.get("deployment") as Picture).svg);
    for (const cloud of Cloud.implemented) expect(picture.texts).toContain(CLOUDS[cloud].title);
    expectNamed(picture, frontDoorsAndDataStores(stacks));
  });

  test("each CDN's arrow leads to the load balancer or the asset bucket it reads its origin from", () => {
    const picture = readSvg((pictures.get("deployment") as Picture).svg);
    for (const stack of stacks) {
      const resources = stack.json.resource ?? {};
      for (const [type, blocks] of Object.entries(resources)) {
        if (RESOURCE_KINDS[type]?.role !== "cdn") continue;
        for (const [name, block] of Object.entries(blocks)) {
          // The load balancer or bucket whose address the CDN's arguments name (a CDN domain
          // of its own serves the asset bucket where the CDN cannot route paths to it).
          const text = JSON.stringify(block);
          const named = (role: Role) =>
            Object.entries(resources)
              .filter(([otherType]) => RESOURCE_KINDS[otherType]?.role === role)
              .flatMap(([otherType, others]) => Object.keys(others).filter((other) => text.includes(`${otherType}.${other}.`)).map((other) => `${stack.name}/${otherType}.${other}`));
          const loadBalancers = named(Role.LOAD_BALANCER);
          if (loadBalancers.length > 0) {
            expect(loadBalancers).toHaveLength(1);
            expect(picture.edges).toContain(`${stack.name}/${type}.${name}->${loadBalancers[0]}`);
          } else {
            // An asset domain of its own: its origin is a bucket (a log bucket's arrow is a dashed one).
            expect(named(Role.BUCKET).some((bucket) => picture.edges.includes(`${stack.name}/${type}.${name}->${bucket}`))).toBe(true);
          }
        }
      }
    }
  });

  test("every type that looks like a front door or a data store is in the table", () => {
    // A guard for new resources: a cloud's next database or CDN type must be drawn.
    const looksLikeOne = /cdn_domain(_new)?$|cloudfront_distribution|^aws_lb$|_load_balancer$|clb_instance|_db_instance$|mysql_instance$|postgres|redis_instance|kvstore_instance|elasticache_(replication_group|cluster)$|_bucket$|dns_record|dnspod_record|route53_record$/;
    const types = new Set(stacks.flatMap((s) => Object.keys(s.json.resource ?? {})));
    expect([...types].filter((type) => looksLikeOne.test(type) && RESOURCE_KINDS[type] === undefined)).toEqual([]);
  });

  test("docs/diagrams holds what `npm run diagram:docs` draws now", () => {
    const expected = new Map<string, string>([...pictures.values()].flatMap((p) => [[`${p.view.name}.dot`, p.dot], [`${p.view.name}.svg`, p.svg]] as const));
    const stale = [...expected].filter(([file, text]) => !fs.existsSync(path.join(DOCS, file)) || fs.readFileSync(path.join(DOCS, file), "utf8") !== text).map(([file]) => file);
    const extra = fs.readdirSync(DOCS).filter((file) => !expected.has(file));
    // Redraw with `npm run diagram:docs` after a change to what the example app synthesizes.
    expect({ stale, extra }).toEqual({ stale: [], extra: [] });
  });
});

describe("a global domain in the pictures", () => {
  let pictures: Map<string, SvgPicture>;
  let records: Map<string, string>;
  let clouds: string[];

  beforeAll(async () => {
    // GIVEN the example app and a DNS stack whose Route 53 records send mainland China to
    // one cloud's CDN and everyone else to AWS's, read across stacks as BookstoreStacks
    // targets (cdktf makes them remote-state reads)
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-diagram-dns-"));
    try {
      const app = new App({ outdir });
      // AWS and one other cloud are enough, and cost half a synth.
      // The shops alone, without the example's own global domain: this test draws its own.
      const built = ["aws", Cloud.implemented.find((c) => c !== "aws") as string].map((name) => new BookstoreStacks(app, `bookstore-${name}`, exampleProps(exampleCloud(name))));
      clouds = built.map((b) => b.cloud.name);
      const dns = new TerraformStack(app, "bookstore-global-dns");
      new AwsProvider(dns, "aws", { region: "us-east-1" });
      const zone = new Route53Zone(dns, "Zone", { name: "example.com" });
      const mainland = built.find((b) => b.cloud.name !== "aws") ?? built[0];
      const abroad = built.find((b) => b.cloud.name === "aws") ?? built[0];
      records = new Map();
      for (const [id, target, country] of [["Mainland", mainland, "CN"], ["Elsewhere", abroad, "*"]] as const) {
        new Route53Record(dns, id, { zoneId: zone.zoneId, name: "shop.example.com", type: "CNAME", ttl: 300, setIdentifier: id.toLowerCase(), records: [target.bookstore.cdn?.cdnDomainName as string], geolocationRoutingPolicy: { country } });
        records.set(id, target.infrastructure.node.id);
      }
      app.synth();
      // WHEN the stacks are drawn
      pictures = new Map((await drawStacks(readStacks(outdir))).map((p) => [p.view.name, readSvg(p.svg)]));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);

  const cdnOf = (picture: SvgPicture, stack: string) => picture.nodes.filter((n) => n.title.startsWith(`${stack}/`) && RESOURCE_KINDS[n.title.split("/")[1].split(".")[0]]?.role === "cdn").map((n) => n.title);

  test("the deployment draws each record with an arrow to the CDN of the cloud it sends viewers to", () => {
    // THEN each record is a node that names its routing, and leads to its target's CDN only
    const picture = pictures.get("deployment") as SvgPicture;
    for (const [id, stack] of records) {
      const node = picture.nodes.find((n) => new RegExp(`^bookstore-global-dns/aws_route53_record\\.${id}(_|$)`).test(n.title));
      expect(node?.texts).toEqual(expect.arrayContaining(["DNS record", id]));
      expect(node?.texts.join(" ")).toContain(`geo ${id === "Mainland" ? "CN" : "*"}`);
      const targets = picture.edges.filter((e) => e.startsWith(`${node?.title}->`)).map((e) => e.split("->")[1]);
      expect(targets).toHaveLength(1);
      expect(cdnOf(picture, stack)).toContain(targets[0]);
    }
  });

  test("a cloud's picture shows the records that point at it, and the DNS stack is no cloud of its own", () => {
    for (const stack of new Set(records.values())) {
      const cloud = stack.replace(/^bookstore-/, "");
      const picture = pictures.get(cloud) as SvgPicture;
      const shown = picture.nodes.filter((n) => n.title.startsWith("bookstore-global-dns/")).map((n) => n.title.split(".")[1].split("_")[0]);
      expect(shown).toEqual([...records].filter(([, s]) => s === stack).map(([id]) => id));
    }
    expect([...pictures.keys()].sort()).toEqual([...clouds, "deployment"].sort());
  });
});

describe("writing the pictures", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-diagrams-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const pictureFiles = () => [...Cloud.implemented, "deployment"].flatMap((name) => [`${name}.dot`, `${name}.svg`]).sort();

  test("writes <cloud>.svg and deployment.svg with their DOT sources, and removes pictures an earlier run left", async () => {
    // GIVEN a picture of a cloud that is no longer synthesized, and a file that is no picture
    fs.writeFileSync(path.join(dir, "gone.svg"), "<svg/>");
    fs.writeFileSync(path.join(dir, "gone.dot"), "digraph {}");
    fs.writeFileSync(path.join(dir, "notes.txt"), "kept");
    // WHEN the pictures are written
    const written = await writeDiagrams(exampleAppOutdir(), dir);
    // THEN
    expect(written.map((f) => path.basename(f)).sort()).toEqual(pictureFiles().filter((f) => f.endsWith(".svg")));
    expect(fs.readdirSync(dir).sort()).toEqual([...pictureFiles(), "notes.txt"].sort());
    expect(fs.readFileSync(path.join(dir, "aws.dot"), "utf8")).toMatch(new RegExp(`^// ${rendererVersion()}\ndigraph "aws" \\{`));
  });

  test("draws again only a picture whose DOT source changed", async () => {
    // GIVEN pictures written once, then one SVG marked and another's source changed
    await writeDiagrams(exampleAppOutdir(), dir);
    const [kept, redrawn] = Cloud.implemented;
    fs.writeFileSync(path.join(dir, `${kept}.svg`), "<svg>kept</svg>");
    fs.writeFileSync(path.join(dir, `${redrawn}.svg`), "<svg>stale</svg>");
    fs.appendFileSync(path.join(dir, `${redrawn}.dot`), "// changed");
    // WHEN they are written again
    await writeDiagrams(exampleAppOutdir(), dir);
    // THEN the unchanged one is reused as it is, the changed one drawn anew
    expect(fs.readFileSync(path.join(dir, `${kept}.svg`), "utf8")).toBe("<svg>kept</svg>");
    expect(fs.readFileSync(path.join(dir, `${redrawn}.svg`), "utf8")).toMatch(/^<\?xml/);
  });
});
