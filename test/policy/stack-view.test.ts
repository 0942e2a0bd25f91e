import { stackView } from "../../lib/policy/stack-view";

// A hand-written stack in the shape cdktf synthesizes: resource -> type -> name -> block,
// with the construct path under "//".metadata.path.
const meta = (path: string) => ({ "//": { metadata: { path } } });
const STACK = {
  resource: {
    aws_vpc: {
      Shop_Vpc_1A2B: { ...meta("shop/Network/Resource"), cidr_block: "10.0.0.0/16" },
      "Shop_Vpc-2": { cidr_block: "10.1.0.0/16" },
    },
    aws_flow_log: {
      Logs: { ...meta("shop/Network/FlowLogs"), vpc_id: "${aws_vpc.Shop_Vpc_1A2B.id}" },
      Both: { vpc_ids: ["${aws_vpc.Shop_Vpc-2.id}", "${aws_vpc.Shop_Vpc_1A2B.id}"] },
      FromData: { vpc_id: "${data.aws_vpc.Shop_Vpc_1A2B.id}" },
    },
    aws_db_instance: {
      Db: { "//": {}, parameter_group_name: "${lower(aws_db_parameter_group.Tls.name)}" },
    },
    aws_db_parameter_group: { Tls: { family: "mysql8.0" } },
  },
};

describe("stackView", () => {
  const view = stackView(STACK);
  const byAddress = (address: string) => view.resources.find((r) => r.address === address)!;

  test("lists every resource block with its type, name, address, construct path and arguments", () => {
    expect(view.resources.map((r) => r.address)).toEqual([
      "aws_vpc.Shop_Vpc_1A2B",
      "aws_vpc.Shop_Vpc-2",
      "aws_flow_log.Logs",
      "aws_flow_log.Both",
      "aws_flow_log.FromData",
      "aws_db_instance.Db",
      "aws_db_parameter_group.Tls",
    ]);
    expect(view.resources[0]).toEqual({
      type: "aws_vpc",
      name: "Shop_Vpc_1A2B",
      address: "aws_vpc.Shop_Vpc_1A2B",
      constructPath: "shop/Network/Resource",
      config: { cidr_block: "10.0.0.0/16" },
    });
  });

  test("uses the address as construct path when the block has no metadata path", () => {
    expect(byAddress("aws_vpc.Shop_Vpc-2").constructPath).toBe("aws_vpc.Shop_Vpc-2");
    expect(byAddress("aws_db_instance.Db").constructPath).toBe("aws_db_instance.Db");
    expect(byAddress("aws_db_instance.Db").config).toEqual({ parameter_group_name: "${lower(aws_db_parameter_group.Tls.name)}" });
  });

  test("has no resources for a stack without any", () => {
    expect(stackView({}).resources).toEqual([]);
    expect(stackView({ output: {} }).referenced("${aws_vpc.a.id}")).toBeUndefined();
  });

  // [reference, address it resolves to]
  test.each<[unknown, string | undefined]>([
    ["${aws_vpc.Shop_Vpc_1A2B.id}", "aws_vpc.Shop_Vpc_1A2B"],
    ["${aws_vpc.Shop_Vpc-2.cidr_block}", "aws_vpc.Shop_Vpc-2"],
    ["${lower(aws_db_parameter_group.Tls.name)}", "aws_db_parameter_group.Tls"],
    ["${upper(lower(aws_db_parameter_group.Tls.name))}", "aws_db_parameter_group.Tls"],
    ["prefix-${aws_vpc.Shop_Vpc-2.id}-${aws_vpc.Shop_Vpc_1A2B.id}", "aws_vpc.Shop_Vpc-2"],
    [{ nested: ["${aws_vpc.Shop_Vpc_1A2B.arn}"] }, "aws_vpc.Shop_Vpc_1A2B"],
    ["${data.aws_vpc.Shop_Vpc_1A2B.id}", undefined],
    ["${aws_vpc.Elsewhere.id}", undefined],
    ["aws_vpc.Shop_Vpc_1A2B.id", undefined],
    ["${Aws_vpc.Shop_Vpc_1A2B.id}", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("resolves %j to %s", (reference, address) => {
    expect(view.referenced(reference)?.address).toBe(address);
  });

  test("finds the resources of a type that reference a block in any argument, by exact address", () => {
    const referencing = (type: string, address: string) => view.referencing(type, byAddress(address)).map((r) => r.address);
    expect(referencing("aws_flow_log", "aws_vpc.Shop_Vpc_1A2B")).toEqual(["aws_flow_log.Logs", "aws_flow_log.Both"]);
    expect(referencing("aws_flow_log", "aws_vpc.Shop_Vpc-2")).toEqual(["aws_flow_log.Both"]);
    expect(referencing("aws_db_instance", "aws_vpc.Shop_Vpc_1A2B")).toEqual([]);
    expect(referencing("aws_db_instance", "aws_db_parameter_group.Tls")).toEqual(["aws_db_instance.Db"]);
  });
});
