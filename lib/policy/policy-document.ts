/**
 * Access policy documents (AWS IAM, Alibaba Cloud RAM, Tencent Cloud CAM) as rules read
 * them: the JSON text a provider takes, or the `${jsonencode({...})}` expression CDKTF
 * writes when a document holds references. The three clouds share one grammar (Statement,
 * Effect, Action, Resource, Principal, Condition); CAM writes its element names in lower
 * case, so names are matched without case.
 * ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 * ref: https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements
 * ref: https://www.tencentcloud.com/document/product/598/10603
 */

/** One statement, its element names and Effect folded to lower case. */
export interface PolicyStatement {
  readonly allow: boolean;
  /** `Action`, or `NotAction` when `notAction` is set; lower case (action names have no case). */
  readonly actions: readonly string[];
  /** True when the statement lists NotAction: it grants everything but those actions. */
  readonly notAction: boolean;
  readonly resources: readonly string[];
  /** Every principal value, whatever its type (`AWS`, `Service`, `RAM`, `qcs`, ...); `Principal: "*"` gives `["*"]`. */
  readonly principals: readonly string[];
  readonly hasCondition: boolean;
}

/**
 * The statements of a policy document, or undefined when it cannot be read here (a
 * reference to a data source's JSON, a value known only at apply time). A reference inside
 * a document (`aws_kms_key.k.arn`) reads as the text `${aws_kms_key.k.arn}`.
 */
export function policyStatements(document: unknown): PolicyStatement[] | undefined {
  const parsed = typeof document === "string" ? parseDocumentText(document) : document;
  if (!isObject(parsed)) return undefined;
  const statements = element(parsed, "Statement");
  if (statements === undefined) return [];
  return (Array.isArray(statements) ? statements : [statements]).filter(isObject).map((s) => {
    const notActions = element(s, "NotAction");
    return {
      allow: String(element(s, "Effect") ?? "Allow").toLowerCase() === "allow",
      actions: strings(notActions ?? element(s, "Action")).map((a) => a.toLowerCase()),
      notAction: notActions !== undefined,
      resources: strings(element(s, "Resource")),
      principals: principalValues(element(s, "Principal")),
      hasCondition: isObject(element(s, "Condition")) && Object.keys(element(s, "Condition")).length > 0,
    };
  });
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An element by name, whatever its case: CAM writes `statement`, IAM and RAM `Statement`. */
function element(object: Record<string, any>, name: string): any {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function principalValues(principal: unknown): string[] {
  if (isObject(principal)) return Object.values(principal).flatMap(strings);
  return strings(principal);
}

/** JSON text, or `${jsonencode(<HCL value>)}`. */
function parseDocumentText(text: string): unknown {
  const trimmed = text.trim();
  const encoded = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(trimmed);
  try {
    if (!encoded) return JSON.parse(trimmed);
    const parser = new HclValueParser(encoded[1]);
    const value = parser.value();
    parser.end();
    return value;
  } catch {
    return undefined;
  }
}

/**
 * The part of HCL's expression syntax that jsonencode's argument uses in CDKTF's output:
 * objects (`"Key" = value` or `Key: value`), tuples, quoted templates (kept as text, `${...}`
 * included), numbers, true/false/null, and any other expression (a reference, a function
 * call), which becomes the text `${<expression>}`.
 * ref: https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md#expressions
 */
class HclValueParser {
  private at = 0;

  constructor(private readonly text: string) {}

  value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === "{") return this.object();
    if (c === "[") return this.tuple();
    if (c === '"') return this.template();
    const expression = this.expression();
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(expression)) return Number(expression);
    if (expression === "true" || expression === "false") return expression === "true";
    if (expression === "null") return null;
    return `\${${expression}}`;
  }

  end(): void {
    this.space();
    if (this.at !== this.text.length) throw new Error(`unexpected ${this.text.slice(this.at, this.at + 20)}`);
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.at += 1;
    for (;;) {
      this.space();
      if (this.text[this.at] === "}") break;
      const key = this.text[this.at] === '"' ? this.template() : this.expression("=:");
      this.space();
      if (this.text[this.at] !== "=" && this.text[this.at] !== ":") throw new Error("expected = or :");
      this.at += 1;
      // As JSON.parse does: a key such as "__proto__" is a member of its own, never the object's prototype.
      Object.defineProperty(out, String(key), { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.separator();
    }
    this.at += 1;
    return out;
  }

  private tuple(): unknown[] {
    const out: unknown[] = [];
    this.at += 1;
    for (;;) {
      this.space();
      if (this.text[this.at] === "]") break;
      out.push(this.value());
      this.separator();
    }
    this.at += 1;
    return out;
  }

  /** A comma, or none: HCL also separates items by new lines. */
  private separator(): void {
    this.space();
    if (this.text[this.at] === ",") this.at += 1;
  }

  /** A quoted template: its text with escapes decoded and `${...}` kept as written. */
  private template(): string {
    let out = "";
    this.at += 1;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '"') {
        this.at += 1;
        return out;
      }
      if (c === "\\") {
        const next = this.text[this.at + 1];
        const unicode = next === "u" ? 4 : next === "U" ? 8 : 0;
        if (unicode > 0) {
          out += String.fromCodePoint(parseInt(this.text.slice(this.at + 2, this.at + 2 + unicode), 16));
          this.at += 2 + unicode;
          continue;
        }
        out += next === "n" ? "\n" : next === "t" ? "\t" : next === "r" ? "\r" : next;
        this.at += 2;
      } else if (c === "$" && this.text[this.at + 1] === "{") {
        const start = this.at;
        this.at += 2;
        this.balanced("}");
        out += this.text.slice(start, this.at);
      } else {
        out += c;
        this.at += 1;
      }
    }
    throw new Error("unterminated string");
  }

  /** Any other expression, up to a separator at depth 0 (or one of `stops`). */
  private expression(stops = ""): string {
    const start = this.at;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === "," || c === "]" || c === "}" || c === "\n" || stops.includes(c)) break;
      if (c === "(" || c === "[" || c === "{") {
        this.at += 1;
        this.balanced(c === "(" ? ")" : c === "[" ? "]" : "}");
      } else if (c === '"') {
        this.template();
      } else {
        this.at += 1;
      }
    }
    const expression = this.text.slice(start, this.at).trim();
    if (expression === "") throw new Error("empty expression");
    return expression;
  }

  /** Skips to just after the `close` that ends the bracket already opened, past nested ones and strings. */
  private balanced(close: string): void {
    const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
    const stack = [close];
    while (this.at < this.text.length && stack.length > 0) {
      const c = this.text[this.at];
      if (c === '"') {
        this.template();
        continue;
      }
      if (c in pairs) stack.push(pairs[c]);
      else if (c === stack[stack.length - 1]) stack.pop();
      this.at += 1;
    }
    if (stack.length > 0) throw new Error("unbalanced brackets");
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at += 1;
  }
}

/** An action that grants every action (`*`, `*:*`). */
export function isEveryAction(action: string): boolean {
  return action === "*" || action === "*:*";
}

/** An action that grants every action of one service (`iam:*`, `ram:*`, CAM's `name/cos:*`). */
export function isServiceWildcard(action: string): boolean {
  return /^(?:name\/)?[a-z0-9-]+:\*$/.test(action);
}

/**
 * True when an Allow statement grants every action, or every action of a service (or all
 * but some, through NotAction) on every resource: what an administrator policy does.
 * Conditions do not narrow it: a condition on a tag or a region still leaves every action
 * of the service open to whoever holds the policy.
 */
export function grantsWildcardActions(statements: readonly PolicyStatement[]): boolean {
  return statements.some((s) => {
    if (!s.allow) return false;
    const everyResource = s.resources.includes("*");
    if (s.notAction) return everyResource;
    return s.actions.some(isEveryAction) || (everyResource && s.actions.some(isServiceWildcard));
  });
}

/**
 * True when an Allow statement names any principal (`anyone` says which values mean "any")
 * with no condition to narrow it: a trust policy anyone may assume.
 */
export function trustsAnyone(statements: readonly PolicyStatement[], anyone: (principal: string) => boolean): boolean {
  return statements.some((s) => s.allow && !s.hasCondition && s.principals.some(anyone));
}
