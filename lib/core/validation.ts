import { IConstruct } from "constructs";
import { Token } from "./cdktf";
import { admitsInternet, INTERNET_IPV4_ADDRESSES, publicCoverage } from "./address-coverage";
import { formatCidr, nonPublicOverlap, overlaps, parseCidr } from "./cidr";
import { secretInValue } from "./secret-values";

/**
 * Where a prop is refused: the construct that refuses it, or, before any construct of its own
 * exists, a description of the call, e.g. `Cloud.aws` or `BookstoreStacks "shop-aws" on aws`.
 */
export type ValidationScope = IConstruct | string;

/**
 * Thrown at synth time for props that cannot work.
 *
 * The message names the construct path, the field, the value given and what is
 * allowed, so a user can fix the call without reading the library's source.
 */
export class ValidationError extends Error {
  /** Path of the construct that refused the props, e.g. `bookstore-aws/Bookstore/Database`. */
  public readonly constructPath: string;
  /** The prop that was refused, as a dotted path from the construct's props, e.g. `network.cidr`. */
  public readonly field: string;
  /** The value that was given. */
  public readonly value: unknown;
  /** What the field accepts. */
  public readonly allowed: string;

  /**
   * @param scope the construct that refuses the props, or where no construct exists yet
   *   (a cloud's catalog overrides), the entry point that was called, e.g. `Cloud.aws`
   */
  constructor(scope: ValidationScope, field: string, value: unknown, allowed: string) {
    const constructPath = (typeof scope === "string" ? scope : scope.node.path) || "<root>";
    super(`${constructPath}: invalid ${field} ${describeValue(value)}; allowed: ${allowed}`);
    this.name = "ValidationError";
    this.constructPath = constructPath;
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }

  /**
   * The same refusal under the name the user wrote the prop by: a composition that
   * passes `web.port` to a child's `containerPort` reports `web.port`.
   */
  public withField(field: string): ValidationError {
    return new ValidationError(this.constructPath, field, this.value, this.allowed);
  }
}

/** Stands in for a number JSON cannot write, so NaN and Infinity print as themselves, not as `null`. */
const NON_FINITE = "\u0000non-finite:";

function describeValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "number" && !Number.isFinite(inner) ? `${NON_FINITE}${inner}` : inner));
    return text === undefined ? String(value) : text.replace(/"\\u0000non-finite:(-?\w+)"/g, "$1");
  } catch {
    return String(value);
  }
}

/** True when a value is only known at apply time; such values are skipped by validation. */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** A noun with its indefinite article, for error messages: "an aws region", "a tencentcloud region" (by its first letter). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** Refuses a number outside [min, max] or not a whole number when `integer` is set. */
export function requireNumberInRange(
  scope: IConstruct,
  field: string,
  value: number,
  range: { readonly min: number; readonly max: number; readonly integer?: boolean; readonly unit?: string },
): void {
  if (isUnresolved(value)) return;
  const unit = range.unit ? ` ${range.unit}` : "";
  const wholeNumber = range.integer === false ? "a number" : "a whole number";
  if (typeof value !== "number" || Number.isNaN(value) || (range.integer !== false && !Number.isInteger(value)) || value < range.min || value > range.max) {
    // A range of one value ("from 2 to 2 zones") reads better as that value.
    const values = range.min === range.max ? `exactly ${range.min}` : `${wholeNumber} from ${range.min} to ${range.max}`;
    throw new ValidationError(scope, field, value, `${values}${unit}`);
  }
}

/** Refuses anything but true or false (a string "false" would be truthy). */
export function requireBoolean(scope: ValidationScope, field: string, value: boolean): boolean {
  if (!isUnresolved(value) && typeof value !== "boolean") {
    throw new ValidationError(scope, field, value, "true or false");
  }
  return value;
}

/** Refuses a value that is not one of the allowed keys. */
export function requireOneOf<T extends string>(scope: IConstruct, field: string, value: T, allowed: readonly string[]): void {
  if (isUnresolved(value)) return;
  if (!allowed.includes(value)) {
    throw new ValidationError(scope, field, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
}

/** Refuses an empty or whitespace-only string. */
export function requireNonEmpty(scope: IConstruct, field: string, value: string | undefined): string {
  if (value === undefined || (!isUnresolved(value) && (typeof value !== "string" || value.trim() === ""))) {
    throw new ValidationError(scope, field, value, "a non-empty string");
  }
  return value;
}

/**
 * Refuses a lower and an upper bound (`minInstances` and `maxInstances`, say) outside
 * [min, max] as whole numbers, or a lower bound above the upper one. The inversion is
 * blamed on the lower bound, unless only the upper one was given (`lowerGiven: false`):
 * then the user's own value is named.
 */
export function requireOrderedRange(
  scope: IConstruct,
  fields: { readonly lower: string; readonly upper: string },
  values: { readonly lower: number; readonly upper: number; readonly lowerGiven?: boolean },
  range: { readonly min: number; readonly max: number },
): void {
  requireNumberInRange(scope, fields.lower, values.lower, range);
  requireNumberInRange(scope, fields.upper, values.upper, range);
  if (values.lower > values.upper) {
    const name = (field: string) => field.slice(field.lastIndexOf(".") + 1);
    if (values.lowerGiven === false) {
      throw new ValidationError(scope, fields.upper, values.upper, `at least ${name(fields.lower)} (${values.lower}, the default)`);
    }
    throw new ValidationError(scope, fields.lower, values.lower, `at most ${name(fields.upper)} (${values.upper})`);
  }
}

/** Longest health-check path every cloud's load balancer accepts. */
const MAX_URL_PATH_LENGTH = 1024;

/** Refuses anything but an absolute URL path a health check can request, e.g. `/healthz`. */
export function requireUrlPath(scope: IConstruct, field: string, path: string): string {
  if (isUnresolved(path)) return path;
  if (typeof path !== "string" || !/^\/[\w\-./~%]*$/.test(path) || path.length > MAX_URL_PATH_LENGTH) {
    throw new ValidationError(scope, field, path, `an absolute URL path such as /healthz, at most ${MAX_URL_PATH_LENGTH} characters`);
  }
  return path;
}

const ENVIRONMENT_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A ConfigMap key is at most 253 characters; the same bound for the VMs' env file. */
const MAX_ENVIRONMENT_VARIABLE_NAME_LENGTH = 253;

/** Refuses an environment variable name a shell or a container runtime would not take. */
export function requireEnvironmentVariableName(scope: IConstruct, field: string, name: string): void {
  if (!ENVIRONMENT_VARIABLE_NAME.test(name) || name.length > MAX_ENVIRONMENT_VARIABLE_NAME_LENGTH) {
    throw new ValidationError(scope, field, name, `a variable name of letters, digits and underscores, not starting with a digit, at most ${MAX_ENVIRONMENT_VARIABLE_NAME_LENGTH} characters`);
  }
}

/**
 * Names that say their value is a secret. Environment variables end up in user data or a
 * ConfigMap, readable by anyone who can describe the instance or the namespace: secrets
 * belong in the cloud's secret store (the database's are already there).
 */
const SECRET_LOOKING_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|API_?KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?)$/i;

/** Refuses an environment variable whose name says it holds a secret (`DB_PASSWORD`, `STRIPE_SECRET`, `GITHUB_TOKEN`, ...). */
export function requireNonSecretEnvironmentVariableName(scope: IConstruct, field: string, name: string): void {
  if (SECRET_LOOKING_NAME.test(name)) {
    throw new ValidationError(
      scope,
      field,
      name,
      "a name that does not announce a secret (*_PASSWORD, *_SECRET, *_TOKEN, *_API_KEY, ...): environment values are readable in user data and ConfigMaps; keep secrets in the cloud's secret store",
    );
  }
}

/**
 * Refuses an environment value that looks like a credential, whatever its name: a URL with a
 * password, a key or token of a vendor's documented format, any literal under a name only a
 * secret has (`DB_PASS`), a generated-looking value under a secret-like name (`SIGNING_KEY`).
 * See lib/core/secret-values.ts. The error shows the value with the secret part masked, so
 * the refusal does not leak it into a CI log. Unresolved tokens are skipped.
 */
export function requireNonSecretEnvironmentValue(scope: IConstruct, field: string, name: string, value: string): void {
  if (typeof value !== "string" || isUnresolved(value)) return;
  const found = secretInValue(name, value);
  if (found) {
    throw new ValidationError(
      scope,
      field,
      found.redacted,
      `a value that is no credential (this one looks like ${found.what}): environment values are readable in user data and ConfigMaps; keep the credential in the cloud's secret store and pass where it is, as DB_CREDENTIALS_SECRET does`,
    );
  }
}

/** RFC 1123 label: lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A namespace the library may put its own objects in: a DNS label of at most 63
 * characters, and neither `default` nor one of Kubernetes' own `kube-*` namespaces.
 * ref: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 * ref: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
 */
export function requireKubernetesNamespace(scope: IConstruct, field: string, namespace: unknown): string {
  if (isUnresolved(namespace)) return namespace as string;
  if (typeof namespace !== "string" || namespace === "default" || namespace.startsWith("kube-") || !DNS_LABEL.test(namespace) || namespace.length > 63) {
    throw new ValidationError(scope, field, namespace, "a DNS label of at most 63 characters (lower-case letters, digits and hyphens, starting and ending with a letter or digit) other than default and kube-*, e.g. bookstore");
  }
  return namespace;
}

/**
 * A service account's name: a DNS subdomain (dot-separated DNS labels) of at most 253 characters.
 * ref: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
export function requireKubernetesServiceAccountName(scope: IConstruct, field: string, name: unknown): string {
  if (isUnresolved(name)) return name as string;
  if (typeof name !== "string" || name.length > 253 || !name.split(".").every((label) => DNS_LABEL.test(label))) {
    throw new ValidationError(scope, field, name, "a DNS subdomain of at most 253 characters: lower-case letters, digits and hyphens in dot-separated parts, each starting and ending with a letter or digit, e.g. bookstore-web");
  }
  return name;
}

/** `; to admit anyone: X`, where the prop has its own way to say so. */
const anyoneHint = (anyone: string | undefined): string => (anyone === undefined ? "" : `; to admit anyone: ${anyone}`);

/**
 * Refuses a list entry that is not a public IPv4 range, or that overlaps another entry:
 * each block is checked against every non-public range rather than only tested for
 * 0.0.0.0/0, so neither 0.0.0.0/0 nor 0.0.0.0/1 passes. Blocks that pass can still add up
 * to the internet (128.0.0.0/1 alone, or forty public blocks): `requireNotTheInternet`
 * judges what they cover together. `field` is the list's prop path; the caller checks the
 * list's length. `anyone` is the prop's own way to admit everyone, named in the message.
 */
export function requireDistinctPublicCidrs(scope: ValidationScope, field: string, cidrs: readonly unknown[], anyone?: string): void {
  const parsed = cidrs.map((text, index) => {
    const cidr = typeof text === "string" ? parseCidr(text) : undefined;
    if (!cidr) {
      throw new ValidationError(scope, `${field}[${index}]`, text, "a public IPv4 range in CIDR notation with no host bits set, e.g. 203.0.113.0/24");
    }
    const reserved = nonPublicOverlap(cidr);
    if (reserved) {
      throw new ValidationError(
        scope,
        `${field}[${index}]`,
        text,
        `a public IPv4 range, e.g. 203.0.113.0/24: it overlaps ${formatCidr(reserved)}, which is not on the internet (and 0.0.0.0/0 is refused)${anyoneHint(anyone)}`,
      );
    }
    return cidr;
  });
  parsed.forEach((cidr, index) => {
    const other = parsed.findIndex((earlier, j) => j < index && overlaps(earlier, cidr));
    if (other >= 0) {
      throw new ValidationError(scope, `${field}[${index}]`, cidrs[index], `a range that overlaps no other entry; it overlaps ${field}[${other}] (${cidrs[other]})`);
    }
  });
}

/**
 * Refuses an allowlist whose public blocks, taken together, admit the internet: more than
 * one /8 of public IPv4 (or one /12 of IPv6) in all, as the policy packs judge address lists
 * (`admitsInternet`, lib/core/address-coverage.ts). Each block may be public and apart from
 * the others, yet forty of them cover 99.5 % of IPv4. `field` is the list's prop path;
 * `anyone` is the prop's own way to admit everyone, named in the message.
 */
export function requireNotTheInternet(scope: ValidationScope, field: string, cidrs: readonly unknown[], anyone?: string): void {
  if (!admitsInternet(cidrs)) return;
  const coveredIpv4 = publicCoverage(cidrs).ipv4;
  throw new ValidationError(
    scope,
    field,
    cidrs,
    `public ranges that cover at most ${INTERNET_IPV4_ADDRESSES.toLocaleString("en-US")} addresses in all (one /8, what IANA hands a registry: more names the internet rather than known hosts); these cover ${coveredIpv4.toLocaleString("en-US")}${anyoneHint(anyone)}`,
  );
}
