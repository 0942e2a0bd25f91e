/**
 * Values that look like credentials, whatever the variable is called. Environment values
 * end up in user data and ConfigMaps, readable by anyone who can describe the instance or
 * the namespace, and in the Terraform state: a credential there is a leaked credential.
 * The names are checked elsewhere (`requireNonSecretEnvironmentVariableName`); this looks
 * at what is inside. Pure, so it is tested with properties in both directions
 * (test/core/secret-values.test.ts).
 */

/** A credential a vendor issues with a documented prefix or shape. */
export interface CredentialFormat {
  /** What it is, for the error message. */
  readonly name: string;
  /** Matches the credential anywhere in a value. */
  readonly pattern: RegExp;
  /** How many characters of a match an error may show: the vendor's prefix, never the secret part. */
  readonly shownPrefixLength: number;
  /** Where the vendor documents the prefix or shape. */
  readonly ref: string;
}

/** The credentials recognised by their form: data, one row per vendor format. */
export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = Object.freeze([
  {
    name: "an AWS access key ID",
    // AKIA: long-term keys; ASIA: temporary (STS) keys. 16 upper-case letters and digits follow.
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
    shownPrefixLength: 4,
    ref: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
  },
  {
    name: "an Alibaba Cloud AccessKey ID",
    // Alibaba issues AccessKey IDs starting LTAI (its console and examples show them); it
    // documents no length, so 12 to 30 letters and digits follow.
    pattern: /\bLTAI[A-Za-z0-9]{12,30}\b/,
    shownPrefixLength: 4,
    ref: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
  },
  {
    name: "a Tencent Cloud SecretId",
    pattern: /\bAKID[A-Za-z0-9]{20,}\b/,
    shownPrefixLength: 4,
    ref: "https://www.tencentcloud.com/document/api/213/30654",
  },
  {
    name: "a Stripe secret or restricted key",
    // pk_ (publishable) keys are meant to be public and are not matched.
    pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/,
    shownPrefixLength: 8,
    ref: "https://docs.stripe.com/keys",
  },
  {
    name: "a GitHub token",
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})\b/,
    shownPrefixLength: 4,
    ref: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
  },
  {
    name: "a GitLab token",
    pattern: /\bglpat-[A-Za-z0-9_-]{20,}/,
    shownPrefixLength: 6,
    ref: "https://docs.gitlab.com/security/tokens/#token-prefixes",
  },
  {
    name: "a Slack token",
    pattern: /\b(?:xox[bpae]|xapp)-[A-Za-z0-9-]{10,}/,
    shownPrefixLength: 5,
    ref: "https://api.slack.com/concepts/token-types",
  },
  {
    name: "a PEM private key",
    // RSA, EC, DSA, OPENSSH, ENCRYPTED or none: every label that ends in PRIVATE KEY.
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/,
    shownPrefixLength: 11,
    ref: "https://www.rfc-editor.org/rfc/rfc7468#section-10",
  },
  {
    name: "a JSON Web Token",
    // Three base64url parts; the header and the claims are JSON objects, so each starts eyJ ({").
    pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/,
    shownPrefixLength: 3,
    ref: "https://www.rfc-editor.org/rfc/rfc7519#section-3.1",
  },
]);

/**
 * A URL with a password in its user information (`mysql://root:pw@db/shop`, `redis://:pw@cache`).
 * RFC 3986 deprecates the form because the password travels and is shown in the clear.
 * ref: https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1
 */
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)([^\s/?#@]+)@/i;

/** A reference the runtime expands, not a password: `$(DB_PASSWORD)` (Kubernetes), `${VAR}`, `$VAR`. */
const VARIABLE_REFERENCE = /^\$(?:\([A-Za-z_][A-Za-z0-9_]*\)|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * Last name segments that can only mean the value is a secret, and that
 * `requireNonSecretEnvironmentVariableName` does not already refuse by name: under
 * `DB_PASS`, `MYSQL_PWD`, `STRIPE_SK` or `HASH_SALT` any literal value is a credential.
 */
const SECRET_NOUNS = ["PASS", "PWD", "PASSCODE", "SK", "SALT", "PEPPER"];
/** Name fragments that say a value may be a secret (`SIGNING_KEY`, `AUTH_HEADER`): its value decides. */
const SECRET_NAME_FRAGMENTS = ["PASS", "PWD", "SECRET", "TOKEN", "KEY", "CRED", "AUTH", "PRIVATE", "SALT", "SIGNATURE"];
/** Fragments too short to find inside words (`TASK`, `PATH`): they count as a whole segment only. */
const SECRET_NAME_SEGMENTS = ["SK", "PAT", "PW"];
/**
 * Last segments that name something about a secret, not the secret: an ID, an ARN, a name in
 * the secret store. Those values look random by design (`KMS_KEY_ID=1234abcd-...`).
 */
const IDENTIFIER_SUFFIXES = ["ID", "IDS", "ARN", "NAME", "FINGERPRINT"];

function segmentsOf(name: string): string[] {
  return name.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
}

/** True when the variable's name says its value may be a secret. */
export function hasSecretLikeName(name: string): boolean {
  const segments = segmentsOf(name);
  if (segments.length === 0 || IDENTIFIER_SUFFIXES.includes(segments[segments.length - 1])) return false;
  return segments.some((segment) => SECRET_NAME_FRAGMENTS.some((f) => segment.includes(f)) || SECRET_NAME_SEGMENTS.includes(segment));
}

/** Shannon entropy of the value's characters, in bits per character. */
export function entropyBitsPerCharacter(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) bits -= (count / length) * Math.log2(count / length);
  return bits;
}

/** Where or what, not a secret: a URL, a host name, an image, an e-mail address, an ARN, a number, a version, a duration. */
function isLocatorOrPlain(value: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
    /^(?:arn|acs|qcs):/.test(value) ||
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/.test(value) ||
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/[a-z0-9._/-]+(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/.test(value) ||
    /^[^@\s]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value) ||
    /^v?\d+(?:[.:_-]\d+)*$/.test(value) ||
    /^(?:true|false|yes|no|on|off|enabled|disabled)$/i.test(value) ||
    /^P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?$/.test(value)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How often, between neighbouring letters and digits, the kind changes in a way words do
 * not: letter to digit, digit to letter, lower to upper case (upper to lower starts every
 * capitalised word, so it does not count). About 0.45 for random base62; words, CamelCase
 * and `V2` suffixes stay near 0.2.
 */
export function kindChangeRate(value: string): number {
  const core = value.replace(/[^A-Za-z0-9]/g, "");
  if (core.length < 2) return 0;
  const kind = (c: string) => (/\d/.test(c) ? "digit" : c === c.toLowerCase() ? "lower" : "upper");
  let changes = 0;
  for (let i = 1; i < core.length; i += 1) {
    const [from, to] = [kind(core[i - 1]), kind(core[i])];
    if (from !== to && !(from === "upper" && to === "lower")) changes += 1;
  }
  return changes / (core.length - 1);
}

/**
 * The share of the text's characters inside words: runs of four lower-case letters or more,
 * capitalised or not. About 0.15 for random base64; CamelCase and slugs of English words
 * 0.7 and more.
 */
export function wordShare(text: string): number {
  const inWords = (text.match(/[A-Z]?[a-z]{4,}/g) ?? []).reduce((sum, word) => sum + word.length, 0);
  return text.length === 0 ? 0 : inWords / text.length;
}

/** How many of lower case, upper case and digits the text holds. */
const kindsIn = (text: string) => [/[a-z]/, /[A-Z]/, /\d/].filter((kind) => kind.test(text)).length;

/**
 * True when the value looks generated rather than written. Not a locator and no spaces, and:
 * a UUID; or at least 16 hex digits mixing digits and letters (a key, a digest); or a run
 * between `.`, `,`, `:`, `;` and `|` (base64 and base64url stay whole) of 32 characters or
 * more, of two kinds or more, at 4.2 bits a character (random base64 sits near 4.9, English
 * words near 4); or a word between those and `-`, `_`, `/` of 16 characters or more holding
 * lower case, upper case and digits whose kind changes at least 0.35 of the time at 3.5 bits
 * a character (a generated password; CamelCase with versions stays near 0.2). A refusal here
 * has no way around it, so the short case is strict: a short or single-case secret can pass,
 * and there its name is the better test.
 */
export function looksGenerated(value: string): boolean {
  if (UUID.test(value)) return true;
  if (value.length < 12 || /\s/.test(value) || isLocatorOrPlain(value)) return false;
  const core = value.replace(/[^A-Za-z0-9]/g, "");
  if (core.length >= 16 && /^[0-9a-f]+$/i.test(core) && /\d/.test(core) && /[a-f]/i.test(core)) return true;
  const longest = (separators: RegExp) => value.split(separators).reduce((a, b) => (b.length > a.length ? b : a), "");
  const run = longest(/[.,:;|]+/);
  if (run.length >= 32 && kindsIn(run) >= 2 && wordShare(run) < 0.5 && entropyBitsPerCharacter(run) >= 4.2) return true;
  const word = longest(/[-_/.,:;|]+/);
  return word.length >= 16 && kindsIn(word) === 3 && kindChangeRate(word) >= 0.35 && entropyBitsPerCharacter(word) >= 3.5;
}

/** What about a value looks like a credential, with the value as an error may show it. */
export interface SecretValueFinding {
  /** What it looks like, e.g. "a Stripe secret or restricted key". */
  readonly what: string;
  /** The value with the secret part masked, safe for an error message and a CI log. */
  readonly redacted: string;
}

/** Masks all but the first `shown` characters of the value. */
function masked(value: string, shown: number): string {
  return `${value.slice(0, shown)}… (${value.length} characters, redacted)`;
}

/**
 * What in the environment variable `name`'s value looks like a credential, or undefined:
 * a URL with a password, a credential of a documented format, any literal under a name that
 * can only hold a secret (`DB_PASS`), or a generated-looking value under a name that says it
 * may hold one (`SIGNING_KEY`).
 */
export function secretInValue(name: string, value: string): SecretValueFinding | undefined {
  const url = URL_WITH_PASSWORD.exec(value);
  if (url && !VARIABLE_REFERENCE.test(url[2])) {
    return { what: "a URL with a password in it", redacted: value.replace(URL_WITH_PASSWORD, (_m, head: string) => `${head}****@`) };
  }
  for (const format of CREDENTIAL_FORMATS) {
    const match = format.pattern.exec(value);
    if (match) return { what: format.name, redacted: masked(value, value.indexOf(match[0]) + format.shownPrefixLength) };
  }
  const segments = segmentsOf(name);
  const last = segments[segments.length - 1];
  // A file the secret is in (`/run/secrets/db`) is where, not what.
  if (SECRET_NOUNS.includes(last) && value !== "" && !VARIABLE_REFERENCE.test(value) && !value.startsWith("/") && !isLocatorOrPlain(value)) {
    return { what: `a literal value under a name ending in ${last}, which only a secret has`, redacted: masked(value, 0) };
  }
  if (hasSecretLikeName(name) && looksGenerated(value)) return { what: `a generated-looking value under a name with ${secretFragmentOf(name)}`, redacted: masked(value, 0) };
  return undefined;
}

function secretFragmentOf(name: string): string {
  const upper = name.toUpperCase();
  return SECRET_NAME_FRAGMENTS.find((f) => upper.includes(f)) ?? SECRET_NAME_SEGMENTS.find((s) => segmentsOf(name).includes(s)) ?? upper;
}
