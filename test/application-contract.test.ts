import * as fs from "fs";
import * as path from "path";
import { APPLICATION_VARIABLES, TlsVerifyMode } from "../lib";
import { synthBookstore, TEST_CLOUDS } from "./support/bookstore";
import { onlyResource, TerraformJson } from "./support/synth";

// What an application needs to connect with TLS verified, per cloud, as the pods receive it
// (the VMs get the same map: test/core/front-door.test.ts), and what the cloud enforces on
// its side; and the contract tables of docs/application-contract.md held to the code.

interface TlsExpectation {
  readonly dbMode: TlsVerifyMode;
  /** The CA value, or a pattern for one known only after deploy. */
  readonly dbCa: string | RegExp;
  readonly cacheMode: TlsVerifyMode;
  readonly cacheCa: string;
  /** The resource type and attributes that make the server refuse plain text (or turn TLS on). */
  readonly dbEnforced: (infrastructure: TerraformJson) => void;
  readonly cacheTlsOn: (infrastructure: TerraformJson) => void;
}

const EXPECTED: Readonly<Record<string, TlsExpectation>> = {
  aws: {
    dbMode: TlsVerifyMode.VERIFY_IDENTITY,
    dbCa: "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem",
    cacheMode: TlsVerifyMode.VERIFY_IDENTITY,
    cacheCa: "system",
    dbEnforced: (json) => expect(onlyResource(json, "aws_db_parameter_group").parameter).toEqual(expect.arrayContaining([{ name: "require_secure_transport", value: "1" }])),
    cacheTlsOn: (json) => expect(onlyResource(json, "aws_elasticache_replication_group").transit_encryption_enabled).toBe(true),
  },
  alicloud: {
    dbMode: TlsVerifyMode.VERIFY_IDENTITY,
    dbCa: "console",
    cacheMode: TlsVerifyMode.VERIFY_IDENTITY,
    cacheCa: "console",
    dbEnforced: (json) => expect(onlyResource(json, "alicloud_db_instance")).toEqual(expect.objectContaining({ ssl_action: "Open", force_encryption: 1 })),
    cacheTlsOn: (json) => expect(onlyResource(json, "alicloud_kvstore_instance").ssl_enable).toBe("Enable"),
  },
  tencentcloud: {
    dbMode: TlsVerifyMode.VERIFY_CA,
    dbCa: /^\$\{data\.terraform_remote_state\.[^}]*tencentcloud_mysql_ssl[^}]*url\}$/,
    cacheMode: TlsVerifyMode.VERIFY_CA,
    cacheCa: "console",
    dbEnforced: (json) => {
      expect(onlyResource(json, "tencentcloud_mysql_instance").parameters).toEqual(expect.objectContaining({ require_secure_transport: "ON" }));
      expect(onlyResource(json, "tencentcloud_mysql_ssl").status).toBe("ON");
    },
    cacheTlsOn: (json) => expect(onlyResource(json, "tencentcloud_redis_ssl").ssl_config).toBe("enabled"),
  },
};

describe.each(TEST_CLOUDS)("the application contract's TLS on $name", ({ name, make }) => {
  let contract: Record<string, string>;
  let infrastructure: TerraformJson;
  beforeAll(() => {
    const synthesized = synthBookstore(make());
    infrastructure = synthesized.json;
    contract = onlyResource(synthesized.workloads!, "kubernetes_config_map_v1").data;
  });
  const expected = EXPECTED[name];

  test("is known for every cloud", () => {
    expect(expected).toBeDefined();
  });

  test("tells the application how to verify the database, and the database refuses plain text", () => {
    expect(contract.DB_TLS_MODE).toBe(expected.dbMode);
    if (typeof expected.dbCa === "string") expect(contract.DB_TLS_CA).toBe(expected.dbCa);
    else expect(contract.DB_TLS_CA).toMatch(expected.dbCa);
    expected.dbEnforced(infrastructure);
  });

  test("tells the application how to verify the cache, whose TLS is on", () => {
    expect(contract.CACHE_TLS).toBe("true");
    expect(contract.CACHE_TLS_MODE).toBe(expected.cacheMode);
    expect(contract.CACHE_TLS_CA).toBe(expected.cacheCa);
    expected.cacheTlsOn(infrastructure);
  });

  test("asks for a host-name check only where the host is a name, not an IP address", () => {
    // The adapters' host attributes: address, primary_endpoint_address, connection_string and
    // connection_domain are names; intranet_ip and ip are addresses (cross-stack outputs end with them).
    const hostIsAddress = (host: string) => /ip\}$/.test(host);
    expect(contract.DB_TLS_MODE === TlsVerifyMode.VERIFY_CA).toBe(hostIsAddress(contract.DB_HOST));
    expect(contract.CACHE_TLS_MODE === TlsVerifyMode.VERIFY_CA).toBe(hostIsAddress(contract.CACHE_HOST));
  });
});

/** docs/application-contract.md up to its first section ("Images from a private registry"): the contract itself. */
function contractSection(): string {
  const page = fs.readFileSync(path.join(__dirname, "..", "docs", "application-contract.md"), "utf8");
  expect(page.startsWith("# The application contract\n")).toBe(true);
  const end = page.indexOf("\n## ");
  return page.slice(0, end < 0 ? undefined : end);
}

/** The rows of the first table whose header row starts with `firstHeader`, as cells. */
function tableRows(section: string, firstHeader: string): string[][] {
  const lines = section.split("\n");
  const header = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  expect(header).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((cell) => cell.trim()));
  }
  return rows;
}

describe("docs/application-contract.md", () => {
  test("lists every variable of the contract, and no other", () => {
    const documented = tableRows(contractSection(), "variable").flatMap(([names]) => [...names.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]));
    expect([...new Set(documented)].sort()).toEqual([...Object.values(APPLICATION_VARIABLES)].sort());
  });

  test.each(TEST_CLOUDS)("gives $name's TLS modes and CAs as the code sets them", ({ name, make }) => {
    const row = tableRows(contractSection(), "cloud").find(([cloud]) => cloud === name);
    expect(row).toBeDefined();
    const [, dbMode, dbCa, , cacheMode, cacheCa] = row!;
    const contract = onlyResource(synthBookstore(make()).workloads!, "kubernetes_config_map_v1").data;
    expect(dbMode).toContain(`\`${contract.DB_TLS_MODE}\``);
    expect(cacheMode).toContain(`\`${contract.CACHE_TLS_MODE}\``);
    expect(cacheCa.startsWith(`\`${contract.CACHE_TLS_CA}\``)).toBe(true);
    // A CA known only after deploy is named by the attribute it comes from.
    if (contract.DB_TLS_CA.startsWith("${")) expect(dbCa).toContain("`tencentcloud_mysql_ssl`'s `url`");
    else expect(dbCa.startsWith(`\`${contract.DB_TLS_CA}\``)).toBe(true);
  });
});
