import * as fs from "fs";
import { randomBytes } from "crypto";
import { SignInError } from "./errors";

/**
 * Tencent Cloud's sign-in from a GitHub Actions job, as CAM's OIDC role SSO documents it:
 * GitHub's OIDC token for the audience the CAM identity provider names as its client ID,
 * exchanged with STS AssumeRoleWithWebIdentity for temporary credentials of a role whose
 * trust policy names that identity provider. Tencent Cloud publishes no action for this, so
 * `multicloud-bookstore-ci sign-in tencentcloud` calls the API itself, as Tencent's SDKs do
 * (no signature: `Authorization: SKIP`), and exports what the tencentcloud provider and
 * Terraform's COS backend read: TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and
 * TENCENTCLOUD_SECURITY_TOKEN.
 * ref: https://www.tencentcloud.com/document/product/598/58323 (OIDC role-based SSO)
 * ref: https://www.tencentcloud.com/document/api/598/47115 (CreateOIDCConfig: IdentityUrl, IdentityKey, ClientId, Name)
 * ref: https://www.tencentcloud.com/document/product/1150/49454 (AssumeRoleWithWebIdentity, 2018-08-13:
 *   ProviderId, WebIdentityToken, RoleArn, RoleSessionName, DurationSeconds up to 43200; no Authorization)
 * ref: https://github.com/TencentCloud/tencentcloud-sdk-python/blob/master/tencentcloud/common/credential.py (OIDCRoleArnCredential: SkipSign)
 * ref: https://docs.github.com/en/actions/reference/security/oidc (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, `&audience=`)
 * ref: https://github.com/hashicorp/terraform/blob/v1.15.9/internal/backend/remote-state/cos/backend.go (TENCENTCLOUD_* defaults)
 */
export const TENCENTCLOUD_STS_ENDPOINT = "https://sts.tencentcloudapi.com";
/** The audience asked of GitHub, and the client ID the CAM identity provider must list. */
export const TENCENTCLOUD_OIDC_AUDIENCE = "sts.tencentcloudapi.com";
const STS_VERSION = "2018-08-13";

/** What a Tencent Cloud sign-in with GitHub's OIDC token needs. */
export interface WebIdentitySignInProps {
  /** The role to assume, `qcs::cam::uin/<account>:roleName/<name>`. */
  readonly roleArn: string;
  /** The name of the CAM OIDC identity provider (CreateOIDCConfig's `Name`). */
  readonly providerId: string;
  /** The region the STS call names (any region; the credentials are not regional). */
  readonly region: string;
  /** The role session's name: 2 to 128 of letters, digits and `+=,.@_-`. */
  readonly sessionName: string;
  /** @default 7200 (STS's default; at most 43200) */
  readonly durationSeconds?: number;
  /** @default the public endpoint, https://sts.tencentcloudapi.com */
  readonly endpoint?: string;
  /** @default sts.tencentcloudapi.com */
  readonly audience?: string;
  /** @default process.env: ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN and GITHUB_ENV, as a job with `id-token: write` has them */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the log lines go (the masks first). @default standard output */
  readonly log?: (line: string) => void;
}

/** The temporary credentials, as the environment variables they were exported as. */
export interface TencentcloudCredentials {
  /** The temporary SecretId. */
  readonly TENCENTCLOUD_SECRET_ID: string;
  /** The temporary SecretKey. */
  readonly TENCENTCLOUD_SECRET_KEY: string;
  /** The session token that goes with them. */
  readonly TENCENTCLOUD_SECURITY_TOKEN: string;
}

function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const value = env[name];
  if (value === undefined || value === "") throw new SignInError(`${name} is not set: ${why}`);
  return value;
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new SignInError(`${what} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SignInError(`${what} answered with something other than JSON: ${text.slice(0, 300)}`);
  }
}

/** GitHub's OIDC token for the job, for one audience. */
async function githubIdToken(env: NodeJS.ProcessEnv, audience: string): Promise<string> {
  const why = "give the job `permissions: id-token: write` (a pull request from a fork gets no OIDC token)";
  const url = new URL(required(env, "ACTIONS_ID_TOKEN_REQUEST_URL", why));
  url.searchParams.set("audience", audience);
  const response = await fetch(url, { headers: { Authorization: `bearer ${required(env, "ACTIONS_ID_TOKEN_REQUEST_TOKEN", why)}` } });
  const body = await json(response, "GitHub's OIDC token endpoint");
  if (typeof body.value !== "string" || body.value === "") throw new SignInError("GitHub's OIDC token endpoint answered without a token");
  return body.value;
}

/** Appends NAME=value lines to the file GitHub reads into the next steps' environment. */
function exportVariables(file: string, variables: Record<string, string>): void {
  const lines = Object.entries(variables).map(([name, value]) => {
    if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
    // A value over several lines goes between delimiters no line of it can equal.
    const delimiter = `EOF_${randomBytes(16).toString("hex")}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  fs.appendFileSync(file, lines.join(""));
}

/**
 * Signs in to Tencent Cloud with the job's OIDC token and exports the role's temporary
 * credentials to the next steps (GITHUB_ENV), after telling the runner to mask them.
 */
export async function signInToTencentcloud(props: WebIdentitySignInProps): Promise<TencentcloudCredentials> {
  const env = props.env ?? process.env;
  const log = props.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const durationSeconds = props.durationSeconds ?? 7200;
  if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43200) {
    throw new SignInError(`durationSeconds must be a whole number of seconds from 900 to 43200, got ${durationSeconds}`);
  }
  if (!/^[\w+=,.@-]{2,128}$/.test(props.sessionName)) {
    throw new SignInError(`the session name must be 2 to 128 of letters, digits and +=,.@_-, got ${JSON.stringify(props.sessionName)}`);
  }
  const githubEnv = required(env, "GITHUB_ENV", "run this in a GitHub Actions job");
  const token = await githubIdToken(env, props.audience ?? TENCENTCLOUD_OIDC_AUDIENCE);
  const endpoint = props.endpoint ?? TENCENTCLOUD_STS_ENDPOINT;
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      Authorization: "SKIP",
      "Content-Type": "application/json",
      "X-TC-Action": "AssumeRoleWithWebIdentity",
      "X-TC-Version": STS_VERSION,
      "X-TC-Region": props.region,
      "X-TC-Timestamp": String(Math.floor(Date.now() / 1000)),
    },
    body: JSON.stringify({
      ProviderId: props.providerId,
      WebIdentityToken: token,
      RoleArn: props.roleArn,
      RoleSessionName: props.sessionName,
      DurationSeconds: durationSeconds,
    }),
  });
  const body = (await json(response, `Tencent Cloud STS (${endpoint})`)).Response as
    | { Error?: { Code?: string; Message?: string }; RequestId?: string; Credentials?: { TmpSecretId?: string; TmpSecretKey?: string; Token?: string }; Expiration?: string }
    | undefined;
  if (body?.Error !== undefined) {
    throw new SignInError(`AssumeRoleWithWebIdentity for ${props.roleArn} (identity provider ${props.providerId}) failed: ${body.Error.Code}: ${body.Error.Message} (request ${body.RequestId})`);
  }
  const credentials = body?.Credentials;
  if (!credentials?.TmpSecretId || !credentials.TmpSecretKey || !credentials.Token) {
    throw new SignInError(`AssumeRoleWithWebIdentity answered without credentials (request ${body?.RequestId})`);
  }
  const exported: TencentcloudCredentials = {
    TENCENTCLOUD_SECRET_ID: credentials.TmpSecretId,
    TENCENTCLOUD_SECRET_KEY: credentials.TmpSecretKey,
    TENCENTCLOUD_SECURITY_TOKEN: credentials.Token,
  };
  // Masks first: nothing the runner prints after these lines shows the values.
  for (const value of Object.values(exported)) log(`::add-mask::${value}`);
  exportVariables(githubEnv, { ...exported });
  log(`Signed in to Tencent Cloud as ${props.roleArn} (session ${props.sessionName}) until ${body?.Expiration ?? "the session ends"}`);
  return exported;
}
