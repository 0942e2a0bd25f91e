import { IConstruct } from "constructs";
import { RESERVED_TAG_PREFIXES } from "./clouds";
import { Aspects, IAspect, TerraformResource } from "./core/cdktf";
import { isCustomTaggable } from "./core/taggable";
import { ValidationError } from "./core/validation";

/**
 * Tags on every taggable resource below a scope, like `Tags.of(scope).add(k, v)` in the
 * AWS CDK. Applied by an Aspect at synth, so resources added later are tagged too.
 * A tag set directly on a resource wins over one added here.
 */
export class Tags {
  public static of(scope: IConstruct): Tags {
    return new Tags(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Adds a tag; refuses a key that a registered cloud reserves for itself. */
  public add(key: string, value: string): void {
    if (key.length < 1 || key.length > 127 || RESERVED_TAG_PREFIXES.some((p) => key.toLowerCase().startsWith(p))) {
      throw new ValidationError(this.scope, `tags.${key}`, key, `a key of 1 to 127 characters not starting with ${RESERVED_TAG_PREFIXES.join(", ")}`);
    }
    if (value.length > 255) {
      throw new ValidationError(this.scope, `tags.${key}`, value, "a value of at most 255 characters");
    }
    Aspects.of(this.scope).add(new TagAspect(key, value));
  }
}

interface TaggableByMap {
  tags: Record<string, string> | undefined;
}

function hasTagsMap(resource: TerraformResource): resource is TerraformResource & TaggableByMap {
  // Generated bindings expose `tagsInput` exactly when the resource has a `tags` argument.
  return "tagsInput" in resource && "tags" in resource;
}

class TagAspect implements IAspect {
  constructor(
    private readonly key: string,
    private readonly value: string,
  ) {}

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    if (isCustomTaggable(node)) {
      node.addTagUnlessSet(this.key, this.value);
    } else if (hasTagsMap(node)) {
      const current = (node as unknown as { tagsInput?: Record<string, string> }).tagsInput ?? {};
      if (!(this.key in current)) node.tags = { ...current, [this.key]: this.value };
    }
  }
}
