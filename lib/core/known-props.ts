import { IConstruct } from "constructs";
import { ValidationError } from "./validation";

/**
 * The props of one interface, as data, so that props written in JavaScript, in a
 * transpile-only build or through `as any` are held to what the compiler would have said:
 * a misspelled prop (`adminstrators`) is refused instead of silently meaning "not set".
 */
export interface PropShape {
  /** What the props describe, for messages: "the database", "the bookstore". */
  readonly what: string;
  /** Every prop the interface declares. */
  readonly keys: readonly string[];
  /** Props whose value is itself a props object, checked the same way when it is a plain object. */
  readonly nested?: Readonly<Record<string, PropShape>>;
  /**
   * Keys the interface does not declare but the compiler lets through, which the caller
   * checks itself: a `BookstoreProps` object, `cloud` included, is a valid argument where
   * `BookstoreStacksProps` is expected, since TypeScript types are structural.
   */
  readonly tolerated?: readonly string[];
}

/**
 * All the keys of `T`, checked by the compiler both ways: a key `T` does not declare is a
 * type error, and so is a list that misses one of `T`'s keys, so the lists below cannot
 * drift from the interfaces they mirror.
 *
 * Usage: `propKeys<DatabaseProps>()(["cloud", "network", ...])`.
 */
export function propKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(keys: [Exclude<keyof T & string, K[number]>] extends [never] ? K : { readonly missingKeys: Exclude<keyof T & string, K[number]> }): readonly string[] =>
    keys as unknown as readonly string[];
}

/** True for `{...}` literals and `Object.create(null)`: not class instances, arrays or functions. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The value as the message shows it: itself when short, else what kind of value it is (a cloud prints pages). */
function briefly(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  return text !== undefined && text.length <= 80 ? value : Array.isArray(value) ? `(a list of ${value.length})` : "(an object)";
}

/** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known key a misspelling most likely meant: the same letters in another case, else the
 * nearest within a third of its length (at least one edit), ties to the first declared.
 */
export function closestKey(given: string, known: readonly string[]): string | undefined {
  const sameLetters = known.find((k) => k.toLowerCase() === given.toLowerCase());
  if (sameLetters !== undefined) return sameLetters;
  const budget = Math.max(1, Math.floor(given.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(given.toLowerCase(), key.toLowerCase());
    if (distance <= budget && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/**
 * Refuses a prop `shape` does not declare, at every level its `nested` shapes reach, naming
 * it by its path from the props the user wrote (`kubernetes.adminstrators`) with the
 * likeliest meant prop. Values that are not plain objects are left to the other checks.
 *
 * @param prefix the path of `value` in the user's props, e.g. `kubernetes.`; "" at the top
 */
export function requireKnownProps(scope: IConstruct | string, prefix: string, value: unknown, shape: PropShape): void {
  if (!isPlainObject(value)) return;
  for (const key of Object.keys(value)) {
    if (!shape.keys.includes(key) && !shape.tolerated?.includes(key)) {
      const meant = closestKey(key, shape.keys);
      const suggestion = meant !== undefined ? `did you mean ${prefix}${meant}? ` : "";
      throw new ValidationError(scope, `${prefix}${key}`, briefly(value[key]), `no such prop of ${shape.what}: ${suggestion}(its props: ${shape.keys.join(", ")})`);
    }
    const inner = shape.nested?.[key];
    if (inner !== undefined) requireKnownProps(scope, `${prefix}${key}.`, value[key], inner);
  }
}
