import { Testing } from "cdktf";
import { BookstoreStacks, DnsAnswer, DnsAuthority, DnsRouting, DnsTarget, DnsZone, GlobalDnsStack, GlobalDnsStackProps, ICloud, WebRuntime } from "../lib";
import { exampleCloud, exampleProps } from "../examples/bookstore-app";
import { warningLines } from "../examples/warnings";
import { expectValidationError } from "./support/validation";

// BookstoreStacks and GlobalDnsStack take (scope, id, props) like every other construct; the
// earlier forms, (app, cloud, props) and (app, props), are told apart at run time and kept
// for one minor version with a one-line warning.
const oneCloudProps = (cloud: ICloud) => {
  const props = exampleProps(cloud);
  return { ...props, web: { ...props.web, runtime: WebRuntime.vms() }, kubernetes: { enabled: false } };
};

describe("BookstoreStacks(scope, id, props)", () => {
  test("names the infrastructure stack by its ID, and the add-ons and workloads stacks after it", () => {
    const cloud = exampleCloud("aws");
    const stacks = new BookstoreStacks(Testing.app(), "shop-eu", { ...exampleProps(cloud), cloud });
    expect(stacks.stacks.map((stack) => stack.node.id)).toEqual(["shop-eu", "shop-eu-addons", "shop-eu-workloads"]);
    expect(stacks.cloud).toBe(cloud);
    expect(warningLines(stacks.stacks)).toEqual([]);
  });

  test("the deprecated (app, cloud, props) form builds the same stacks under <name>-<cloud>, with one warning line", () => {
    const cloud = exampleCloud("tencentcloud");
    const { cloud: _cloud, ...withoutCloud } = oneCloudProps(cloud);
    const legacy = new BookstoreStacks(Testing.app(), cloud, { ...withoutCloud, name: "books" });
    const current = new BookstoreStacks(Testing.app(), "books-tencentcloud", { ...oneCloudProps(cloud), name: "books" });
    expect(legacy.stacks.map((stack) => stack.node.id)).toEqual(["books-tencentcloud"]);
    expect(Testing.synth(legacy.infrastructure)).toEqual(Testing.synth(current.infrastructure));
    expect(warningLines(legacy.stacks)).toEqual([
      'warning: [books-tencentcloud] new BookstoreStacks(app, cloud, props) is deprecated and kept for one minor version: write new BookstoreStacks(app, "books-tencentcloud", { cloud, ...props }), which keeps these stacks',
    ]);
  });

  test("the deprecated form refuses another cloud among the props than its second argument", () => {
    const aws = exampleCloud("aws");
    const props = { ...oneCloudProps(aws), cloud: exampleCloud("tencentcloud") };
    expectValidationError(() => new BookstoreStacks(Testing.app(), aws, props), { constructPath: "BookstoreStacks (aws)", field: "cloud", value: "tencentcloud ap-guangzhou" });
  });

  test.each([
    ["an ID with a space", "shop eu"],
    ["an empty ID", ""],
    ["an ID starting with a hyphen", "-shop"],
  ])("fails with %s", (_title, id) => {
    const cloud = exampleCloud("aws");
    expectValidationError(() => new BookstoreStacks(Testing.app(), id, { ...exampleProps(cloud), cloud }), { constructPath: `BookstoreStacks ${JSON.stringify(id)} on aws`, field: "id", value: id });
  });

  test("fails when the ID is taken by another stack of the app", () => {
    const app = Testing.app();
    const aws = exampleCloud("aws");
    new BookstoreStacks(app, "shop", { ...exampleProps(aws), cloud: aws });
    const ali = exampleCloud("alicloud");
    expectValidationError(() => new BookstoreStacks(app, "shop", { ...exampleProps(ali), cloud: ali }), { constructPath: 'BookstoreStacks "shop" on alicloud', field: "id", value: "shop" });
  });

  test("fails when the props have no cloud (a JavaScript caller)", () => {
    const { cloud: _cloud, ...withoutCloud } = exampleProps(exampleCloud("aws"));
    expectValidationError(() => new BookstoreStacks(Testing.app(), "shop", withoutCloud as never), { constructPath: 'BookstoreStacks "shop"', field: "cloud", value: undefined });
  });

  test("fails when the second argument is neither an ID nor a cloud (a JavaScript caller)", () => {
    const cloud = exampleCloud("aws");
    expectValidationError(() => new BookstoreStacks(Testing.app(), 42 as never, { ...exampleProps(cloud), cloud }), { constructPath: "BookstoreStacks", field: "id", value: 42 });
  });
});

describe("GlobalDnsStack(scope, id, props)", () => {
  const build = (app = Testing.app()) => {
    const aws = new BookstoreStacks(app, "bookstore-aws", oneCloudProps(exampleCloud("aws")));
    const ali = new BookstoreStacks(app, "bookstore-alicloud", oneCloudProps(exampleCloud("alicloud")));
    const props: GlobalDnsStackProps = {
      authority: DnsAuthority.of(aws),
      domain: "shop.example.com",
      zone: DnsZone.create("example.com"),
      routing: DnsRouting.geoSplit({
        mainlandChina: DnsAnswer.target(DnsTarget.of(ali, { icpFiling: "浙ICP备12345678号" })),
        elsewhere: DnsAnswer.target(DnsTarget.of(aws)),
      }),
    };
    return { app, props };
  };

  test("names its stack by its ID", () => {
    const { app, props } = build();
    const dns = new GlobalDnsStack(app, "shop-dns", props);
    expect(dns.stack.node.id).toBe("shop-dns");
    expect(warningLines([dns.stack])).toEqual([]);
  });

  test("the deprecated (app, props) form names it <name>-global-dns, with one warning line", () => {
    const { app, props } = build();
    const dns = new GlobalDnsStack(app, { ...props, name: "books" });
    expect(dns.stack.node.id).toBe("books-global-dns");
    expect(warningLines([dns.stack])).toEqual([
      'warning: [books-global-dns] new GlobalDnsStack(app, props) is deprecated and kept for one minor version: write new GlobalDnsStack(app, "books-global-dns", props), which keeps this stack',
    ]);
  });

  test("fails with an ID a stack cannot have", () => {
    const { app, props } = build();
    expectValidationError(() => new GlobalDnsStack(app, "shop/dns", props), { constructPath: 'GlobalDnsStack "shop/dns"', field: "id", value: "shop/dns" });
  });
});
