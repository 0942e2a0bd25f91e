import { App } from "cdktf";
import * as fc from "fast-check";
import { BookstoreStacks, BookstoreStacksProps, ValidationError, WebRuntime } from "../../lib";
import { CREDENTIAL_FORMATS, hasSecretLikeName, looksGenerated, secretInValue } from "../../lib/core/secret-values";
import { exampleProps } from "../../examples/bookstore-app";
import { TEST_CLOUDS } from "../support/bookstore";
import { propertyRuns } from "../support/property-budget";

// Credentials in environment values (issue #24, item 5): refused whatever the variable is
// called, and ordinary values (URLs without passwords, images, host names, feature flags)
// accepted whatever it is called. Targeted cases first, then properties in both directions.

/** Each vendor format with a credential of it, built from the documented prefix; none is real. */
const SAMPLES: Record<string, string> = {
  "an AWS access key ID": "AKIAIOSFODNN7EXAMPLE",
  "an Alibaba Cloud AccessKey ID": "LTAI5tMYCr1pxcx4vz2o7riE",
  "a Tencent Cloud SecretId": "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  "a Stripe secret or restricted key": "sk_live_51Hx0ExampleExampleExample",
  "a GitHub token": `ghp_${"a1B2c3D4e5F6".repeat(3)}`,
  "a GitLab token": "glpat-xXyY1234567890abcdEF",
  "a Slack token": "xoxb-1234567890-abcdefghij",
  "a PEM private key": "-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA",
  "a JSON Web Token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
};

describe("values refused as credentials", () => {
  test("every vendor format has a sample here and a ref", () => {
    expect(CREDENTIAL_FORMATS.map((f) => f.name).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const format of CREDENTIAL_FORMATS) expect(format.ref).toMatch(/^https:\/\//);
  });

  test.each(Object.entries(SAMPLES))("%s, under an ordinary name and inside other text", (what, sample) => {
    expect(secretInValue("SHOP_MODE", sample)?.what).toBe(what);
    expect(secretInValue("SHOP_MODE", `prefix:${sample}`)?.what).toBe(what);
  });

  test.each<[string, string, string, string]>([
    ["a database URL with a password", "DATABASE_URL", "mysql://root:pw@db.internal:3306/shop", "mysql://root:****@db.internal:3306/shop"],
    ["a JDBC URL with a password", "JDBC", "jdbc:mysql://app:s3cr3t@db/shop", "jdbc:mysql://app:****@db/shop"],
    ["a Redis URL with only a password", "CACHE_URL", "rediss://:hunter2@cache:6380", "rediss://:****@cache:6380"],
    ["a literal under DB_PASS", "DB_PASS", "hunter2", "… (7 characters, redacted)"],
    ["a literal under MYSQL_PWD", "MYSQL_PWD", "correct-horse", "… (13 characters, redacted)"],
    ["a Stripe key under STRIPE_SK", "STRIPE_SK", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_… (32 characters, redacted)"],
    ["a generated key under SIGNING_KEY", "SIGNING_KEY", "JyZLyru4ctN858NoYP10ABLUwcNFHDZ8xVfzosPA8YA=", "… (44 characters, redacted)"],
    ["hex under SESSION_KEY", "SESSION_KEY", "881d92b19b103e4e82c6b6bd18b70892", "… (32 characters, redacted)"],
    ["a UUID under LICENSE_KEY", "LICENSE_KEY", "853d45ac-b231-4d4b-8bf4-ffacc7805d16", "… (36 characters, redacted)"],
    ["a generated password under APP_AUTH", "APP_AUTH", "S3cureP4ssw0rd!xY9", "… (18 characters, redacted)"],
  ])("%s", (_case, name, value, redacted) => {
    const found = secretInValue(name, value);
    expect(found?.redacted).toBe(redacted);
  });
});

describe("ordinary values accepted", () => {
  test.each<[string, string, string]>([
    ["a URL with a user and no password", "TOKEN_URL", "https://deploy@sso.example.com/realms/shop"],
    ["a URL whose path holds a colon and an at sign", "AUTH_ENDPOINT", "https://example.com/a:b@c"],
    ["a URL whose password is a variable the pod expands", "DATABASE_URL", "mysql://app:$(DB_PASSWORD)@db/shop"],
    ["an image", "SIDECAR_IMAGE", "123456789012.dkr.ecr.eu-central-1.amazonaws.com/bookstore:1.4.2"],
    ["an image by digest", "KEY_SERVICE_IMAGE", `ghcr.io/acme/keys@sha256:${"ab".repeat(32)}`],
    ["a host name", "AUTH_HOST", "auth.shop.example.com"],
    ["a feature flag list", "FEATURE_KEYS", "checkout-v2,search-v3"],
    ["a boolean under a PASS name", "SKIP_PASS", "true"],
    ["a file under a PASS name", "DB_PASS", "/run/secrets/db-password"],
    ["a Stripe publishable key", "STRIPE_PK", "pk_live_51Hx0ExampleExampleExample"],
    ["a KMS key ID", "KMS_KEY_ID", "1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["a secret's name in the store", "DB_SECRET_NAME", "bookstore/db-credentials-AbC123xYz9"],
    ["a secret's ARN", "DB_SECRET", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:bookstore-db-AbCdEf"],
    ["a cipher suite", "TLS_KEY_EXCHANGE", "ECDHE-RSA-AES128-GCM-SHA256"],
    ["CamelCase with a version", "SESSION_KEY_PREFIX", "SessionKeyPrefixV2"],
    ["a cache key prefix", "CACHE_KEY", "bookstore:v3:covers"],
    ["a signing algorithm", "TOKEN_ALGORITHM", "RS256"],
    ["an ISO duration", "TOKEN_TTL", "P1Y2M10DT2H30M"],
  ])("%s (%s)", (_case, name, value) => {
    expect(secretInValue(name, value)).toBeUndefined();
  });

  test.each<[string, boolean]>([
    ["DB_PASS", true],
    ["SIGNING_KEY", true],
    ["STRIPE_SK", true],
    ["GITHUB_PAT", true],
    ["TASK_QUEUE", false],
    ["PATH_PREFIX", false],
    ["KMS_KEY_ID", false],
    ["DB_SECRET_ARN", false],
    ["LOG_LEVEL", false],
  ])("the name %s says a secret may be its value: %s", (name, expected) => {
    expect(hasSecretLikeName(name)).toBe(expected);
  });
});

// --- properties ---------------------------------------------------------------------------

const alphabet = (chars: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER = "abcdefghijklmnopqrstuvwxyz";

/** A credential of each format, drawn from its documented prefix and alphabet. */
const credential = fc.oneof(
  fc.tuple(fc.constantFrom("AKIA", "ASIA"), alphabet(UPPER_DIGITS, 16, 16)).map(([p, s]) => p + s),
  alphabet(ALNUM, 12, 30).map((s) => `LTAI${s}`),
  alphabet(ALNUM, 20, 40).map((s) => `AKID${s}`),
  fc.tuple(fc.constantFrom("sk_live_", "sk_test_", "rk_live_", "rk_test_"), alphabet(ALNUM, 10, 99)).map(([p, s]) => p + s),
  fc.tuple(fc.constantFrom("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), alphabet(ALNUM, 36, 36)).map(([p, s]) => p + s),
  alphabet(`${ALNUM}_`, 22, 82).map((s) => `github_pat_${s}`),
  alphabet(`${ALNUM}-`, 10, 60).map((s) => `xoxb-${s}`),
  fc.constantFrom("RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "").map((label) => `-----BEGIN ${label}PRIVATE KEY-----`),
  fc.tuple(alphabet(`${ALNUM}-_`, 4, 40), alphabet(`${ALNUM}-_`, 4, 200), alphabet(`${ALNUM}-_`, 0, 86)).map(([h, p, s]) => `eyJ${h}.eyJ${p}.${s}`),
);
/** Text around a credential, ending and starting at a non-word character so the credential stands alone. */
const around = fc.tuple(alphabet(`${LOWER}=:`, 0, 10).map((s) => (s === "" ? "" : `${s}=`)), alphabet(`${LOWER};`, 0, 10).map((s) => (s === "" ? "" : `;${s}`)));
const anyName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,30}$/);

describe("properties: credentials are refused whatever they are called", () => {
  test("a credential of a documented format, anywhere in the value, and the error shows at most its prefix", () => {
    fc.assert(
      fc.property(anyName, credential, around, (name, secret, [before, after]) => {
        const found = secretInValue(name, `${before}${secret}${after}`);
        expect(found).toBeDefined();
        // The part after the vendor's prefix never reaches the message.
        expect(found!.redacted).not.toContain(secret.slice(11));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  test("a URL with a password, and the error masks the password", () => {
    const password = alphabet(`${ALNUM}!*~-.`, 1, 30).filter((p) => !p.startsWith("$"));
    fc.assert(
      fc.property(anyName, fc.constantFrom("mysql", "postgres", "redis", "rediss", "amqp", "https", "mongodb+srv"), alphabet(LOWER, 0, 12), password, alphabet(`${LOWER}.`, 1, 30), (name, scheme, user, secret, host) => {
        const found = secretInValue(name, `${scheme}://${user}:${secret}@${host}/db`);
        expect(found?.redacted).toBe(`${scheme}://${user}:****@${host}/db`);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test("a hex key of 16 bytes or more, or a UUID, under a name that says it may be a secret", () => {
    const secretName = fc.constantFrom("SIGNING_KEY", "SESSION_SECRET_V2", "WEBHOOK_TOKEN_VALUE", "APP_AUTH", "HMAC_SALT_VALUE", "PRIVATE_BLOB");
    const hexKey = fc.uint8Array({ minLength: 16, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("hex")).filter((hex) => /\d/.test(hex) && /[a-f]/.test(hex));
    fc.assert(
      fc.property(secretName, fc.oneof(hexKey, fc.uuid()), (name, value) => {
        expect(secretInValue(name, value)).toBeDefined();
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

const word = fc.constantFrom("bookstore", "covers", "checkout", "search", "orders", "archive", "session", "prefix", "cache", "assets", "feature", "legacy", "payments", "europe", "tenant", "replica", "shop");
const label = alphabet(`${LOWER}0123456789`, 1, 12);
const host = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join("."));
const ordinary = fc.oneof(
  // URLs without a password, with or without a user, port, path and query.
  fc.tuple(fc.constantFrom("https", "http", "mysql", "redis", "s3"), fc.option(label), host, fc.option(fc.integer({ min: 1, max: 65535 })), fc.array(label, { maxLength: 3 }), fc.option(fc.tuple(label, label))).map(
    ([scheme, user, h, port, path, query]) => `${scheme}://${user ? `${user}@` : ""}${h}${port ? `:${port}` : ""}/${path.join("/")}${query ? `?${query[0]}=${query[1]}` : ""}`,
  ),
  // Images: a registry host, a repository, a tag.
  fc.tuple(host, fc.array(label, { minLength: 1, maxLength: 3 }), fc.tuple(fc.nat(9), fc.nat(20), fc.nat(40))).map(([h, repo, [a, b, c]]) => `${h}/${repo.join("/")}:${a}.${b}.${c}`),
  host,
  // Feature flags: booleans, numbers, versions, words joined by separators with version suffixes.
  fc.constantFrom("true", "false", "on", "off", "enabled", "disabled"),
  fc.nat().map(String),
  fc.tuple(fc.nat(9), fc.nat(20), fc.nat(40)).map(([a, b, c]) => `v${a}.${b}.${c}`),
  fc.tuple(fc.array(fc.tuple(word, fc.option(fc.nat(30))), { minLength: 1, maxLength: 5 }), fc.constantFrom("-", "_", ",", ":", ".")).map(([parts, sep]) => parts.map(([w, v]) => (v === null ? w : `${w}-v${v}`)).join(sep)),
);
/** Names of every kind, secret-like included, less those only a secret has (`DB_PASS`), under which any literal is refused. */
const nameForOrdinary = fc.oneof(anyName, fc.constantFrom("SIGNING_KEY_URL", "AUTH_HOST", "TOKEN_ENDPOINT", "FEATURE_KEYS", "API_KEY_HEADER", "SECRET_STORE")).filter((n) => !/(?:^|_)(?:PASS|PWD|PASSCODE|SK|SALT|PEPPER)$/.test(n));

describe("properties: ordinary values are accepted whatever they are called", () => {
  test("URLs without a password, images, host names and feature flags", () => {
    fc.assert(
      fc.property(nameForOrdinary, ordinary, (name, value) => {
        expect(secretInValue(name, value)).toBeUndefined();
        expect(looksGenerated(value)).toBe(false);
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe("web.environment and kubernetes.workloads.environment refuse credentials, by the prop's path", () => {
  const build = (cloud: ReturnType<(typeof TEST_CLOUDS)[number]["make"]>, overrides: (props: BookstoreStacksProps) => Partial<BookstoreStacksProps>) => {
    const props = exampleProps(cloud);
    return new BookstoreStacks(new App({ outdir: "/tmp/secret-values-never-synthesized" }), `bookstore-${cloud.name}`, { ...props, ...overrides(props), cloud });
  };
  const refusal = (construct: () => unknown): ValidationError => {
    try {
      construct();
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
    throw new Error("not refused");
  };

  test.each(TEST_CLOUDS)("$name", ({ make }) => {
    const cloud = make();
    // The web tier's environment reaches VMs only: the example runs Tencent Cloud's on the cluster.
    const web = refusal(() => build(cloud, (p) => ({ web: { ...p.web, runtime: WebRuntime.vms(), environment: { DATABASE_URL: "mysql://root:pw@db/shop" } } })));
    expect({ field: web.field, value: web.value }).toEqual({ field: "web.environment.DATABASE_URL", value: "mysql://root:****@db/shop" });
    expect(web.message).not.toContain("root:pw");
    const pods = refusal(() => build(cloud, (p) => ({ kubernetes: { ...p.kubernetes, workloads: { ...p.kubernetes?.workloads, environment: { STRIPE_SK: "sk_live_51Hx0ExampleExampleExample" } } } })));
    expect({ field: pods.field, value: pods.value }).toEqual({ field: "kubernetes.workloads.environment.STRIPE_SK", value: "sk_live_… (34 characters, redacted)" });
    expect(pods.message).not.toContain("ExampleExample");
    expect(pods.allowed).toMatch(/secret store/);
  });
});
