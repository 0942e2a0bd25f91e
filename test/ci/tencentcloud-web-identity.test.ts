import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { SignInError } from "../../lib/ci/errors";
import { signInToTencentcloud } from "../../lib/ci/tencentcloud-web-identity";

// The Tencent Cloud sign-in against stand-ins for GitHub's OIDC token endpoint and
// Tencent Cloud STS on loopback: what is asked of each, what reaches the next steps
// (GITHUB_ENV) and what the log shows. Whether CAM accepts GitHub's token for a real
// role is for a live account to show (docs/deploy-from-ci.md).

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
let recorded: Recorded[];
let stsAnswer: { status: number; body: unknown };
let work: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      recorded.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      if (request.url!.startsWith("/token")) {
        const authorized = request.headers.authorization === "bearer request-token";
        response.writeHead(authorized ? 200 : 403, { "Content-Type": "application/json" });
        response.end(JSON.stringify(authorized ? { value: "github-oidc-token" } : { message: "forbidden" }));
        return;
      }
      response.writeHead(stsAnswer.status, { "Content-Type": "application/json" });
      response.end(typeof stsAnswer.body === "string" ? stsAnswer.body : JSON.stringify(stsAnswer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  recorded = [];
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bookstore-sign-in-"));
  fs.writeFileSync(path.join(work, "github_env"), "EARLIER=1\n");
  stsAnswer = {
    status: 200,
    body: { Response: { Credentials: { TmpSecretId: "AKIDtemporary", TmpSecretKey: "secret-key", Token: "session-token" }, ExpiredTime: 1, Expiration: "2026-12-07T12:00:00Z", RequestId: "r-1" } },
  };
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function signIn(overrides: Partial<Parameters<typeof signInToTencentcloud>[0]> = {}) {
  const lines: string[] = [];
  const result = signInToTencentcloud({
    roleArn: "qcs::cam::uin/100000000001:roleName/bookstore-deploy",
    providerId: "github",
    region: "ap-guangzhou",
    sessionName: "bookstore-tencentcloud-deploy-42",
    durationSeconds: 7200,
    endpoint: `${base}/sts`,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token", GITHUB_ENV: path.join(work, "github_env") },
    log: (line) => lines.push(line),
    ...overrides,
  });
  return { result, lines };
}

describe("signInToTencentcloud", () => {
  test("asks GitHub for a token for STS's audience, and STS for the role's credentials without a signature", async () => {
    // WHEN
    await signIn().result;
    // THEN GitHub's endpoint is asked with the request token, keeping its own query
    const [token, sts] = recorded;
    expect(token.method).toBe("GET");
    expect(new URL(token.url, base).searchParams.get("api-version")).toBe("2.0");
    expect(new URL(token.url, base).searchParams.get("audience")).toBe("sts.tencentcloudapi.com");
    // AND STS gets AssumeRoleWithWebIdentity, version 2018-08-13, unsigned
    expect(sts.method).toBe("POST");
    expect(sts.headers).toMatchObject({
      authorization: "SKIP",
      "content-type": "application/json",
      "x-tc-action": "AssumeRoleWithWebIdentity",
      "x-tc-version": "2018-08-13",
      "x-tc-region": "ap-guangzhou",
    });
    expect(Number(sts.headers["x-tc-timestamp"])).toBeGreaterThan(1.7e9);
    expect(JSON.parse(sts.body)).toEqual({
      ProviderId: "github",
      WebIdentityToken: "github-oidc-token",
      RoleArn: "qcs::cam::uin/100000000001:roleName/bookstore-deploy",
      RoleSessionName: "bookstore-tencentcloud-deploy-42",
      DurationSeconds: 7200,
    });
  });

  test("masks the credentials before anything else, then exports what the provider and the COS backend read", async () => {
    const { result, lines } = signIn();
    await result;
    expect(lines.slice(0, 3)).toEqual(["::add-mask::AKIDtemporary", "::add-mask::secret-key", "::add-mask::session-token"]);
    expect(lines.slice(3).join("\n")).not.toMatch(/AKIDtemporary|secret-key|session-token/);
    expect(fs.readFileSync(path.join(work, "github_env"), "utf8")).toBe(
      "EARLIER=1\nTENCENTCLOUD_SECRET_ID=AKIDtemporary\nTENCENTCLOUD_SECRET_KEY=secret-key\nTENCENTCLOUD_SECURITY_TOKEN=session-token\n",
    );
  });

  test("exports a value over several lines between delimiters", async () => {
    stsAnswer.body = { Response: { Credentials: { TmpSecretId: "id", TmpSecretKey: "key", Token: "two\nlines" }, RequestId: "r-2" } };
    await signIn().result;
    expect(fs.readFileSync(path.join(work, "github_env"), "utf8")).toMatch(/\nTENCENTCLOUD_SECURITY_TOKEN<<(EOF_[0-9a-f]{32})\ntwo\nlines\n\1\n$/);
  });

  test("fails with STS's code, message and request ID when it refuses the role, and exports nothing", async () => {
    stsAnswer.body = { Response: { Error: { Code: "InvalidParameter.WebIdentityTokenError", Message: "token audience not allowed" }, RequestId: "r-3" } };
    await expect(signIn().result).rejects.toThrow(
      new SignInError(
        "AssumeRoleWithWebIdentity for qcs::cam::uin/100000000001:roleName/bookstore-deploy (identity provider github) failed: InvalidParameter.WebIdentityTokenError: token audience not allowed (request r-3)",
      ),
    );
    expect(fs.readFileSync(path.join(work, "github_env"), "utf8")).toBe("EARLIER=1\n");
  });

  test.each([
    ["STS answers an HTTP error", () => (stsAnswer = { status: 502, body: "bad gateway" }), {}, /Tencent Cloud STS .* answered HTTP 502: bad gateway/],
    ["STS answers something other than JSON", () => (stsAnswer = { status: 200, body: "<html>" }), {}, /answered with something other than JSON/],
    ["STS answers without credentials", () => (stsAnswer = { status: 200, body: { Response: { RequestId: "r-4" } } }), {}, /answered without credentials \(request r-4\)/],
    ["the job may not ask for an OIDC token", () => undefined, { env: { GITHUB_ENV: "/dev/null" } }, /ACTIONS_ID_TOKEN_REQUEST_URL is not set: give the job `permissions: id-token: write`/],
    ["the token URL is empty", () => undefined, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: "", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "x", GITHUB_ENV: "/dev/null" } }, /ACTIONS_ID_TOKEN_REQUEST_URL is not set/],
    ["it does not run in a GitHub Actions job", () => undefined, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: "http://127.0.0.1:1/", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "x" } }, /GITHUB_ENV is not set/],
    ["the session would outlast STS's limit", () => undefined, { durationSeconds: 43201 }, /durationSeconds must be a whole number of seconds from 900 to 43200, got 43201/],
    ["the session name holds a space", () => undefined, { sessionName: "two words" }, /the session name must be 2 to 128 of letters, digits and \+=,\.@_-/],
  ])("fails when %s", async (_what, arrange, overrides, message) => {
    arrange();
    await expect(signIn(overrides as Partial<Parameters<typeof signInToTencentcloud>[0]>).result).rejects.toThrow(message);
  });

  test("fails when GitHub refuses the job's request token", async () => {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: "wrong", GITHUB_ENV: path.join(work, "github_env") };
    await expect(signIn({ env }).result).rejects.toThrow(/GitHub's OIDC token endpoint answered HTTP 403/);
  });
});
