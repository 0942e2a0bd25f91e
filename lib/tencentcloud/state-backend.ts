import { CosBackend, TerraformStack } from "../core/cdktf";
import { RemoteStateProps, requireValidRemoteState } from "../core/remote-state";
import { ValidationError } from "../core/validation";
import { TENCENTCLOUD_CATALOG } from "./catalog";

/**
 * State in COS, encrypted; COS locks the state itself (a lock object per key), so no
 * lock table is needed. COS bucket names end in the account's APPID, e.g. `state-1250000000`.
 * ref: https://developer.hashicorp.com/terraform/language/backend/cos
 */
export function useCosState(stack: TerraformStack, props: RemoteStateProps, defaultRegion: string): void {
  // The catalog's bucket rule requires the APPID suffix; it has no lock table: COS locks by itself.
  const settings = requireValidRemoteState(stack, props, TENCENTCLOUD_CATALOG);
  if (settings.lockEndpoint !== undefined) {
    throw new ValidationError(stack, "remoteState.lockEndpoint", settings.lockEndpoint, "nothing: COS locks the state itself");
  }
  new CosBackend(stack, {
    bucket: settings.bucket,
    prefix: settings.prefix,
    key: `${stack.node.id}.tfstate`,
    region: settings.region ?? defaultRegion,
    encrypt: true,
  });
}
