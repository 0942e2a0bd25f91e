import { IConstruct } from "constructs";
import { ValidationError, type ValidationScope } from "../core/validation";

/**
 * The construct IDs `BookstoreStacks` and `GlobalDnsStack` take for their stacks: each is the
 * stack's folder under cdktf.out/stacks, the name the cdktf CLI and the CI workflow's jobs
 * take, and the key of its Terraform state.
 */
export const STACK_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Refuses a stack ID that cannot be a construct ID (in the `(scope, id, props)` form) or that
 * names a stack the app has already. In the deprecated forms the ID is made from the shop's
 * `name`, so the clash is blamed on `name`, "not yet used <nameUse> in this app".
 */
export function requireFreeStackId(
  app: IConstruct,
  called: ValidationScope,
  stackId: string,
  form: { readonly legacy: boolean; readonly name: string; readonly nameUse: string; readonly exampleId: string },
): void {
  if (!form.legacy && !STACK_ID.test(stackId)) {
    throw new ValidationError(called, "id", stackId, `a stack's construct ID: letters, digits, - and _, starting with a letter or digit, e.g. "${form.exampleId}"`);
  }
  if (app.node.tryFindChild(stackId) !== undefined) {
    throw form.legacy
      ? new ValidationError(called, "name", form.name, `a name not yet used ${form.nameUse} in this app: the stack ${stackId} exists already`)
      : new ValidationError(called, "id", stackId, `an ID not yet used in this app: the stack ${stackId} exists already`);
  }
}
