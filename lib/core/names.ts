import { IConstruct } from "constructs";
import { NameRule } from "./catalog";
import { isUnresolved, ValidationError } from "./validation";

/** True when `name` satisfies the cloud's naming rule. Pure; property-tested. */
export function satisfiesNameRule(name: string, rule: NameRule): boolean {
  return name.length >= 1 && name.length <= rule.maxLength && new RegExp(`^(?:${rule.pattern})$`).test(name);
}

/** Returns the name, or throws a `ValidationError` that states the rule. */
export function requireValidName(scope: IConstruct, field: string, name: string, rule: NameRule): string {
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
