import { IConstruct } from "constructs";
import type { ICloud } from "./cloud";
import { isUnresolved, ValidationError } from "./validation";

/**
 * The login to a private container registry other than the cloud's own (the cloud's own
 * registry needs none: the VMs' role and the nodes pull from it). It is the name of a
 * secret in the cloud's secret store, in the stack's region and account, whose value is a
 * Docker config: `{"auths": {"<registry host>": {"auth": "<base64 of user:password>"}}}`,
 * what `docker login` writes to `~/.docker/config.json` and what a
 * `kubernetes.io/dockerconfigjson` Secret holds. The library never reads the value: the
 * VMs read it at boot with their role, and, on the cluster, an operator turns it into an
 * image pull secret that it keeps in step with the secret store. Neither Terraform's
 * configuration nor its state ever holds it.
 * ref: https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/ (the .dockerconfigjson format)
 * ref: https://docs.docker.com/reference/cli/docker/login/ (config.json's auths)
 */
export class RegistryCredentials {
  /**
   * A secret you created in the cloud's secret store (AWS Secrets Manager, KMS Secrets
   * Manager, Tencent Cloud SSM), holding the Docker config of the image's registry.
   * @param secretName the secret's name, in the cloud's form (the catalog's `limits.secretName`)
   */
  public static fromSecret(secretName: string): RegistryCredentials {
    return new RegistryCredentials(secretName);
  }

  private constructor(
    /** The secret's name in the cloud's secret store. */
    public readonly secretName: string,
  ) {}
}

/**
 * Returns the credentials, or throws when they are not `RegistryCredentials` or the
 * secret's name is not in the cloud's form.
 */
export function requireRegistryCredentials(scope: IConstruct, field: string, credentials: unknown, cloud: ICloud): RegistryCredentials | undefined {
  if (credentials === undefined) return undefined;
  const rule = cloud.catalog.limits.secretName;
  const allowed = `RegistryCredentials.fromSecret(<name>), the name of a secret in ${cloud.name}'s secret store: ${rule.description}, at most ${rule.maxLength} characters`;
  if (!(credentials instanceof RegistryCredentials)) throw new ValidationError(scope, field, credentials, allowed);
  const name = credentials.secretName;
  if (isUnresolved(name)) return credentials;
  if (typeof name !== "string" || name.length === 0 || name.length > rule.maxLength || !new RegExp(`^(?:${rule.pattern})$`).test(name)) {
    throw new ValidationError(scope, `${field}.secretName`, name, allowed);
  }
  return credentials;
}

/** Why a cloud without `IKubernetesAccess.registryPullSecret` refuses registry credentials for its pods. */
export const REGISTRY_CREDENTIALS_UNSUPPORTED =
  "its cluster has no operator here that turns a secret of the secret store into an image pull secret, and the library never puts a registry password in Terraform's configuration or state; run the web tier on VMs only (kubernetes.enabled false) or use an image the nodes can pull (public, or in the cloud's own registry where the nodes pull it)";

/**
 * Refuses registry credentials for an image in the cloud's own registry, which the VMs pull
 * with their role: the boot script pulls with the secret's Docker config alone, so the
 * role's login would not count for that pull. Called by a cloud adapter that knows the
 * image is in its registry (`registry` names it, e.g. the registry's product name).
 */
export function refuseCredentialsForOwnRegistry(scope: IConstruct, image: string, credentials: RegistryCredentials | undefined, registry: string): void {
  if (credentials === undefined) return;
  throw new ValidationError(
    scope,
    "registryCredentials",
    credentials.secretName,
    `none for ${image}: an image in ${registry} is pulled with the instances' own role, and a login read from the secret store would stand in for that role's`,
  );
}
