import { IConstruct } from "constructs";
import { TerraformStack } from "./cdktf";
import type { TerraformProvider } from "./cdktf";
import { CloudCatalog } from "./catalog";
import { requireKnownRegion } from "./placement";
import { ValidationError } from "./validation";

/** A provider configured for one region, as every cloud's provider binding is. */
export interface RegionalProvider extends TerraformProvider {
  readonly region?: string;
}

/**
 * The stack's default (un-aliased) provider of one cloud: the user's own if the stack
 * has one, else one created for the cloud's region. A user's provider in another region
 * is refused: one stack, one region per cloud.
 */
export function stackProvider<P extends RegionalProvider>(
  scope: IConstruct,
  cloud: { readonly region: string; readonly catalog: CloudCatalog },
  provider: { readonly title: string; readonly isInstance: (node: IConstruct) => node is P; readonly create: (stack: TerraformStack) => P },
): P {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.children.find((child): child is P => provider.isInstance(child) && child.alias === undefined);
  if (existing) {
    if (existing.region !== undefined && existing.region !== cloud.region) {
      throw new ValidationError(scope, "region", cloud.region, `the region of the stack's ${provider.title} provider (${existing.region}), or a stack of its own`);
    }
    return existing;
  }
  requireKnownRegion(scope, "region", cloud.region, cloud.catalog);
  return provider.create(stack);
}

/**
 * A provider of one cloud for one region in the stack holding `scope`, for data sources
 * that read another stack's resources there: the stack's default provider when it is for
 * that region (or, when the stack has none, a new default one), else one aliased by the
 * region (`<cloud>-<region>`), so that one stack reads from several regions of a cloud.
 * Undefined for the default provider, which a data source need not name.
 */
export function readingProvider<P extends RegionalProvider>(
  scope: IConstruct,
  cloud: { readonly name: string; readonly region: string; readonly catalog: CloudCatalog },
  provider: { readonly isInstance: (node: IConstruct) => node is P; readonly create: (stack: TerraformStack, id: string, alias?: string) => P },
): P | undefined {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.children.find((child): child is P => provider.isInstance(child) && child.alias === undefined);
  if (existing === undefined) {
    requireKnownRegion(scope, "region", cloud.region, cloud.catalog);
    provider.create(stack, cloud.name);
    return undefined;
  }
  if (existing.region === undefined || existing.region === cloud.region) return undefined;
  const id = `${cloud.name}-${cloud.region}`;
  const aliased = stack.node.tryFindChild(id);
  return aliased !== undefined && provider.isInstance(aliased) ? aliased : provider.create(stack, id, cloud.region);
}
