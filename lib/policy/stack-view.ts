import { ResourceBlock, StackView } from "./rule";

const REFERENCE = /\$\{(?:[a-z]+\()*(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)/g;

/** A StackView over one stack's synthesized JSON. */
export function stackView(stackJson: Record<string, any>): StackView {
  const resources: ResourceBlock[] = [];
  for (const [type, blocks] of Object.entries((stackJson.resource ?? {}) as Record<string, Record<string, any>>)) {
    for (const [name, block] of Object.entries(blocks)) {
      const { "//": metadata, ...config } = block;
      resources.push({ type, name, address: `${type}.${name}`, constructPath: metadata?.metadata?.path ?? `${type}.${name}`, config });
    }
  }
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const referencesOf = (value: unknown): string[] => {
    const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
    return [...text.matchAll(REFERENCE)].filter((m) => !m[1]).map((m) => `${m[2]}.${m[3]}`);
  };
  return {
    resources,
    referenced(reference: unknown): ResourceBlock | undefined {
      const [first] = referencesOf(reference);
      return first === undefined ? undefined : byAddress.get(first);
    },
    referencing(type: string, target: ResourceBlock): ResourceBlock[] {
      return resources.filter((r) => r.type === type && referencesOf(r.config).includes(target.address));
    },
  };
}
