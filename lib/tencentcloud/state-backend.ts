import { CosBackend, TerraformStack } from "../core/cdktf";
import { RemoteStateProps, requireValidRemoteState } from "../core/remote-state";
import { ValidationError } from "../core/validation";

/**
 * State in COS, encrypted; COS locks the state itself (a lock object per key), so no
 * lock table is needed. COS bucket names end in the account's APPID, e.g. `state-1250000000`.
 * ref: https://developer.hashicorp.com/terraform/language/backend/cos
 */
export function useCosState(stack: TerraformStack, props: RemoteStateProps, defaultRegion: string): void {
  const settings = requireValidRemoteState(stack, props);
  if (!/-\d{10}$/.test(settings.bucket)) {
    throw new ValidationError(stack, "remoteState.bucket", settings.bucket, "a COS bucket name ending in the account's APPID, e.g. terraform-state-1250000000");
  }
  if (settings.lockTable !== undefined) {
    throw new ValidationError(stack, "remoteState.lockTable", settings.lockTable, "nothing: COS locks the state itself");
  }
  new CosBackend(stack, {
    bucket: settings.bucket,
    prefix: settings.prefix,
    key: `${stack.node.id}.tfstate`,
    region: settings.region ?? defaultRegion,
    encrypt: true,
  });
}
