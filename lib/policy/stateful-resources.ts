/**
 * Resource types whose replacement loses data or breaks everything that trusts them:
 * databases, clusters, keys, buckets. A changed construct ID changes their Terraform
 * address, and Terraform then destroys the old one. Each cloud's registration lists its
 * types (`CloudRegistration.statefulResourceTypes`); the guard test keeps a manifest of
 * their addresses per stack (test/stateful-resources.json).
 */

/** The Terraform addresses of the resources of the given types in one stack's JSON, sorted. */
export function statefulAddresses(stackJson: { resource?: Record<string, Record<string, unknown>> }, statefulTypes: ReadonlySet<string>): string[] {
  return Object.entries(stackJson.resource ?? {})
    .filter(([type]) => statefulTypes.has(type))
    .flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `${type}.${name}`))
    .sort();
}
