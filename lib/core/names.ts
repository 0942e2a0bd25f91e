import { BucketNameRule, NameRule } from "./catalog";
import { isUnresolved, ValidationError, type ValidationScope } from "./validation";

/** True when `name` satisfies the cloud's naming rule. Pure; property-tested. */
export function satisfiesNameRule(name: string, rule: NameRule): boolean {
  return name.length >= 1 && name.length <= rule.maxLength && new RegExp(`^(?:${rule.pattern})$`).test(name);
}

const IP_ADDRESS_LIKE = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * True when `name` is a bucket name the cloud takes: its name rule, not in the form of an
 * IP address, no `..`, and none of the prefixes and suffixes the cloud keeps. Pure; property-tested.
 */
export function satisfiesBucketNameRule(name: string, rule: BucketNameRule): boolean {
  return (
    typeof name === "string" &&
    satisfiesNameRule(name, rule) &&
    !IP_ADDRESS_LIKE.test(name) &&
    !name.includes("..") &&
    !rule.reservedPrefixes.some((prefix) => name.startsWith(prefix)) &&
    !rule.reservedSuffixes.some((suffix) => name.endsWith(suffix))
  );
}

/** A bucket name rule in words, for error messages: the rule, its length and what the cloud reserves. */
export function describeBucketNameRule(rule: BucketNameRule, cloudName: string): string {
  const reserved = [...rule.reservedPrefixes.map((p) => `${p}...`), ...rule.reservedSuffixes.map((p) => `...${p}`)];
  const notReserved = reserved.length > 0 ? `; not ${reserved.join(", ")}, which ${cloudName} reserves` : "";
  return `${rule.description}, at most ${rule.maxLength} characters${notReserved}`;
}

/** Returns the name, or throws a `ValidationError` that states the rule. */
export function requireValidName(scope: ValidationScope, field: string, name: string, rule: NameRule): string {
  if (!isUnresolved(name) && !satisfiesNameRule(name, rule)) {
    throw new ValidationError(scope, field, name, `${rule.description}, at most ${rule.maxLength} characters`);
  }
  return name;
}

/**
 * A default resource name from a construct ID: lower case, runs of other characters
 * turned into single hyphens ("OrdersDb" -> "orders-db").
 */
export function nameFromId(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
