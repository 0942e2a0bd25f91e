import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Cloud } from "../../lib";
import { TENCENTCLOUD_CATALOG } from "../../lib/tencentcloud/catalog";
import { EXEC_API_VERSION, TKE_CREDENTIAL_PROGRAM } from "../../lib/tencentcloud/cluster-credential";
import { synthBookstore } from "../support/bookstore";
import { TerraformJson } from "../support/synth";

// The workloads stack's kubernetes provider gets TKE's client certificate from an exec
// plugin that runs TCCLI. These tests run the synthesized command itself: against a
// stand-in `tccli` that answers as DescribeClusterKubeconfig does, and through kubectl
// (client-go, as the kubernetes and helm providers use it) against a stand-in API server
// that requires that certificate.

const tencentcloud = () => Cloud.tencentcloud({ region: "ap-guangzhou" });
const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** The workloads stack's exec plugin, as synthesized. */
function execBlock(workloads: TerraformJson): { api_version: string; command: string; args: string[] } {
  return (workloads.provider!.kubernetes[0] as any).exec[0];
}

/** A folder holding a `tccli` that records its arguments and environment, and prints what `TCCLI_STAND_IN_REPLY` names. */
function standInTccli(dir: string): string {
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(
    path.join(bin, "tccli"),
    [
      "#!/bin/sh",
      `printf '%s\\n' "$@" > "${dir}/args"`,
      `printf '%s' "$TENCENTCLOUD_TOKEN" > "${dir}/token"`,
      'if [ -n "$TCCLI_STAND_IN_FAIL" ]; then echo "$TCCLI_STAND_IN_FAIL" >&2; exit 1; fi',
      'cat "$TCCLI_STAND_IN_REPLY"',
    ].join("\n"),
    { mode: 0o755 },
  );
  return bin;
}

/** DescribeClusterKubeconfig's reply as TCCLI prints it (the Response's fields), for a client certificate and key. */
function kubeconfigReply(certificatePem: string, keyPem: string, server = "https://169.254.0.10"): string {
  const b64 = (text: string) => Buffer.from(text).toString("base64");
  const kubeconfig = [
    "apiVersion: v1",
    "clusters:",
    "- cluster:",
    `    certificate-authority-data: ${b64("ca")}`,
    `    server: ${server}`,
    "  name: cls-test",
    "contexts:",
    "- context:",
    "    cluster: cls-test",
    "    user: \"100012345678\"",
    "  name: cls-test-100012345678-context-default",
    "current-context: cls-test-100012345678-context-default",
    "kind: Config",
    "preferences: {}",
    "users:",
    "- name: \"100012345678\"",
    "  user:",
    `    client-certificate-data: ${b64(certificatePem)}`,
    `    client-key-data: ${b64(keyPem)}`,
    "",
  ].join("\n");
  return JSON.stringify({ Kubeconfig: kubeconfig, RequestId: "33483fde-efec-4d3c-8ff6-340d9dbc2d01" }, null, 4);
}

describe("TKE's client certificate for the workloads stack", () => {
  let workloads: TerraformJson;
  let dir: string;
  let bin: string;
  beforeAll(() => {
    // GIVEN the example bookstore's workloads stack on Tencent Cloud, and a stand-in tccli
    workloads = synthBookstore(tencentcloud()).workloads!;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tke-credential-"));
    bin = standInTccli(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the synthesized command with the cluster ID `cls-test`, the stand-in first on the PATH. */
  const run = (env: Record<string, string>, pathDirs: string[] = [bin]) => {
    const { command, args } = execBlock(workloads);
    const literalArgs = args.map((arg) => (arg.startsWith("${") ? "cls-test" : arg));
    const { PATH: _path, TENCENTCLOUD_TOKEN: _token, TENCENTCLOUD_SECURITY_TOKEN: _securityToken, ...inherited } = process.env;
    // The interpreter's own folder, not a version manager's shim (pyenv's puts its version's
    // bin folder, which may hold a real tccli, ahead of the stand-in on the PATH).
    const python = path.dirname(execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim());
    return spawnSync(command, literalArgs, { env: { ...inherited, PATH: [...pathDirs, python, "/usr/bin", "/bin"].join(":"), ...env }, encoding: "utf8" });
  };

  test("configures the provider with a command, from the cluster's ID and region, and with no credential or template sequence in it", () => {
    const exec = execBlock(workloads);
    expect(exec).toEqual({ api_version: EXEC_API_VERSION, command: "python3", args: ["-c", TKE_CREDENTIAL_PROGRAM, "ap-guangzhou", expect.stringMatching(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.cross-stack-output-tencentcloud_kubernetes_cluster\w+id\}$/)] });
    // Terraform reads ${ and %{ in a JSON string as a template.
    expect(TKE_CREDENTIAL_PROGRAM).not.toMatch(/[$%]\{/);
    const provider = workloads.provider!.kubernetes[0] as Record<string, unknown>;
    expect(Object.keys(provider).sort()).toEqual(["cluster_ca_certificate", "exec", "host"]);
    expect(provider.cluster_ca_certificate).toMatch(/cross-stack-output-tencentcloud_kubernetes_cluster\w+certification_authority\}$/);
  });

  test("prints an ExecCredential with the certificate and key of the caller's intranet kubeconfig", () => {
    fs.writeFileSync(path.join(dir, "reply.json"), kubeconfigReply("-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"));
    const result = run({ TCCLI_STAND_IN_REPLY: path.join(dir, "reply.json") });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      apiVersion: EXEC_API_VERSION,
      kind: "ExecCredential",
      status: { clientCertificateData: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n", clientKeyData: "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n" },
    });
    // No IsExtranet: the API's default is the intranet kubeconfig.
    expect(fs.readFileSync(path.join(dir, "args"), "utf8").trim().split("\n")).toEqual(["tke", "DescribeClusterKubeconfig", "--region", "ap-guangzhou", "--output", "json", "--ClusterId", "cls-test"]);
  });

  test("hands a temporary key's token to TCCLI under the name it reads, when only the provider's name is set", () => {
    fs.writeFileSync(path.join(dir, "reply.json"), kubeconfigReply("cert", "key"));
    expect(run({ TCCLI_STAND_IN_REPLY: path.join(dir, "reply.json"), TENCENTCLOUD_SECURITY_TOKEN: "provider-token" }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "token"), "utf8")).toBe("provider-token");
    expect(run({ TCCLI_STAND_IN_REPLY: path.join(dir, "reply.json"), TENCENTCLOUD_SECURITY_TOKEN: "provider-token", TENCENTCLOUD_TOKEN: "cli-token" }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "token"), "utf8")).toBe("cli-token");
  });

  test("fails, saying why, when TCCLI is missing, when TKE refuses, or when the kubeconfig has no client key", () => {
    const missing = run({}, []);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("tccli is not on the PATH");
    const refused = run({ TCCLI_STAND_IN_FAIL: "[TencentCloudSDKException] code:AuthFailure.UnauthorizedOperation" });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("DescribeClusterKubeconfig failed for cls-test: [TencentCloudSDKException] code:AuthFailure.UnauthorizedOperation");
    fs.writeFileSync(path.join(dir, "reply.json"), JSON.stringify({ Kubeconfig: "apiVersion: v1\nusers: []\n" }));
    const keyless = run({ TCCLI_STAND_IN_REPLY: path.join(dir, "reply.json") });
    expect(keyless.status).not.toBe(0);
    expect(keyless.stderr).toContain("has no client-certificate-data");
    expect(`${missing.stdout}${refused.stdout}${keyless.stdout}`).toBe("");
  });

  test("the runbook (docs/tencentcloud.md) and the CI workflow install the catalog's TCCLI on the machine that runs Terraform", () => {
    const { version, sdkVersion } = TENCENTCLOUD_CATALOG.tencentcloud.tccli;
    const install = `tccli==${version} tencentcloud-sdk-python==${sdkVersion}`;
    const repo = path.join(__dirname, "..", "..");
    expect(fs.readFileSync(path.join(repo, "docs", "tencentcloud.md"), "utf8").replace(/\n\s*/g, " ")).toContain(`pip install ${install}`);
    const workflow = fs.readFileSync(path.join(repo, "examples", "ci", "github-actions.yml"), "utf8");
    expect(workflow.split(`pip install --quiet ${install}`)).toHaveLength(3); // the Tencent Cloud lane's plan job and deploy job
  });

  const withTools = has("kubectl") && has("openssl") ? describe : describe.skip;
  if (!(has("kubectl") && has("openssl"))) console.warn("skipped: the client-go test needs kubectl and openssl on the PATH");
  withTools("through client-go (kubectl)", () => {
    let server: ChildProcess | undefined;
    afterAll(() => server?.kill());

    test("presents the certificate to an API server that requires it", async () => {
      // GIVEN a cluster CA, a server certificate for 127.0.0.1 and a client certificate it signed
      const pki = path.join(dir, "pki");
      fs.mkdirSync(pki);
      const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: pki, stdio: "pipe" });
      openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=cls-test-ca");
      for (const [name, subject, extension] of [
        ["server", "/CN=apiserver", "subjectAltName=IP:127.0.0.1"],
        ["client", "/CN=100012345678", "extendedKeyUsage=clientAuth"],
      ]) {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject);
        fs.writeFileSync(path.join(pki, `${name}.ext`), `${extension}\n`);
        openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.crt`, "-days", "1", "-extfile", `${name}.ext`);
      }
      // AND an API server stand-in that answers /version only to a client certificate of that CA, with its subject
      const apiServer = [
        "import http.server, json, ssl, sys",
        "class Handler(http.server.BaseHTTPRequestHandler):",
        "    def do_GET(self):",
        "        subject = dict(pair[0] for pair in self.connection.getpeercert()['subject'])",
        "        body = json.dumps({'major': '1', 'minor': '31', 'gitVersion': 'v1.31.0', 'platform': subject['commonName']}).encode()",
        "        self.send_response(200); self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)",
        "    def log_message(self, *args): pass",
        "context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
        "context.load_cert_chain('server.crt', 'server.key')",
        "context.load_verify_locations('ca.crt')",
        "context.verify_mode = ssl.CERT_REQUIRED",
        "httpd = http.server.HTTPServer(('127.0.0.1', 0), Handler)",
        "httpd.socket = context.wrap_socket(httpd.socket, server_side=True)",
        "print(httpd.server_address[1], flush=True)",
        "httpd.serve_forever()",
      ].join("\n");
      server = spawn("python3", ["-c", apiServer], { cwd: pki, stdio: ["ignore", "pipe", "inherit"] });
      const port = await new Promise<string>((resolve, reject) => {
        server!.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
        server!.once("exit", (code) => reject(new Error(`the API server stand-in exited with ${code}`)));
      });
      // AND TKE's stand-in handing out that client certificate
      fs.writeFileSync(path.join(dir, "reply.json"), kubeconfigReply(fs.readFileSync(path.join(pki, "client.crt"), "utf8"), fs.readFileSync(path.join(pki, "client.key"), "utf8")));
      // WHEN kubectl connects with the provider's exec plugin as synthesized, as the providers configure it (interactive if available)
      const { api_version, command, args } = execBlock(workloads);
      const kubeconfig = {
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "tke", cluster: { server: `https://127.0.0.1:${port}`, "certificate-authority-data": fs.readFileSync(path.join(pki, "ca.crt")).toString("base64") } }],
        users: [{ name: "ci", user: { exec: { apiVersion: api_version, command, args: args.map((arg) => (arg.startsWith("${") ? "cls-test" : arg)), interactiveMode: "IfAvailable" } } }],
        contexts: [{ name: "tke", context: { cluster: "tke", user: "ci" } }],
        "current-context": "tke",
      };
      fs.writeFileSync(path.join(dir, "kubeconfig"), JSON.stringify(kubeconfig));
      const { PATH: inheritedPath } = process.env;
      const result = spawnSync("kubectl", ["--kubeconfig", path.join(dir, "kubeconfig"), "get", "--raw", "/version"], {
        env: { ...process.env, PATH: `${bin}:${inheritedPath}`, TCCLI_STAND_IN_REPLY: path.join(dir, "reply.json") },
        encoding: "utf8",
        timeout: 30000,
      });
      // THEN the server saw the client certificate TKE's stand-in issued
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout).platform).toBe("100012345678");
    });
  });
});
