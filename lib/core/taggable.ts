import { IConstruct } from "constructs";

/**
 * A resource whose tags are not a plain `tags` map, e.g. an AWS autoscaling group's
 * `tag` blocks. The cloud folder that creates it implements this; `Tags` then calls it
 * instead of setting `tags`.
 */
export interface ICustomTaggable extends IConstruct {
  /** Adds the tag unless the resource already has one with this key (a tag set directly wins). */
  addTagUnlessSet(key: string, value: string): void;
}

/** True for a resource that writes its own tags. */
export function isCustomTaggable(node: IConstruct): node is ICustomTaggable {
  return typeof (node as Partial<ICustomTaggable>).addTagUnlessSet === "function";
}
