import { TerraformJson } from "./synth";

/**
 * The stack's JSON without what changes on every upgrade or machine: cdktf's `//`
 * metadata (versions, construct paths), provider versions and local state paths.
 * What is left is exactly what Terraform would plan from.
 */
export function forSnapshot(json: TerraformJson): unknown {
  const copy = JSON.parse(JSON.stringify(json)) as TerraformJson;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([key]) => key !== "//")
          .map(([key, inner]) => [key, strip(inner)]),
      );
    }
    return value;
  };
  const terraform = copy.terraform as { backend?: unknown; required_providers?: Record<string, { version?: string }> } | undefined;
  if (terraform) {
    delete terraform.backend;
    for (const provider of Object.values(terraform.required_providers ?? {})) delete provider.version;
  }
  // The local backend's state file is an absolute path on this machine; a remote backend's
  // settings are kept.
  for (const remote of Object.values((copy.data?.terraform_remote_state ?? {}) as Record<string, { backend?: string; config?: { path?: string } }>)) {
    if (remote.backend === "local" && remote.config?.path) remote.config.path = "<local state file>";
  }
  return strip(copy);
}
