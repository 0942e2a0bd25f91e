import { IConstruct } from "constructs";
import { Aspects, IAspect, TerraformResource } from "./cdktf";
import { isCustomTaggable } from "./taggable";
import { ValidationError } from "./validation";

/** The widest limits every cloud here takes; each cloud's own (reserved prefixes, count, characters) are in its catalog's `limits.tags`. */
const KEY_MAX_LENGTH = 127;
const VALUE_MAX_LENGTH = 255;

/**
 * Tags on every taggable resource below a scope, like `Tags.of(scope).add(k, v)` in the
 * AWS CDK. Applied by an Aspect at synth, so resources added later are tagged too.
 * A tag set directly on a resource wins over one added here.
 *
 * It checks what holds on every cloud; the `Bookstore` also checks its `tags` against its
 * cloud's limits (reserved prefixes, count, characters), which need the cloud.
 */
export class Tags {
  /** The tags of every taggable resource below `scope`. */
  public static of(scope: IConstruct): Tags {
    return new Tags(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Adds a tag; refuses a key or value no cloud here would take. */
  public add(key: string, value: string): void {
    if (key.length < 1 || key.length > KEY_MAX_LENGTH) {
      throw new ValidationError(this.scope, `tags.${key}`, key, `a key of 1 to ${KEY_MAX_LENGTH} characters`);
    }
    if (value.length > VALUE_MAX_LENGTH) {
      throw new ValidationError(this.scope, `tags.${key}`, value, `a value of at most ${VALUE_MAX_LENGTH} characters`);
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
