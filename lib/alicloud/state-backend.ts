import { OssBackend, TerraformStack } from "../core/cdktf";
import { RemoteStateProps, requireValidRemoteState } from "../core/remote-state";
import { ValidationError } from "../core/validation";

/**
 * State in OSS, encrypted, locked through a Tablestore table when one is named (the OSS
 * backend's only locking).
 * ref: https://developer.hashicorp.com/terraform/language/backend/oss
 */
export function useOssState(stack: TerraformStack, props: RemoteStateProps, defaultRegion: string): void {
  const settings = requireValidRemoteState(stack, props);
  if ((settings.lockTable === undefined) !== (settings.lockEndpoint === undefined)) {
    throw new ValidationError(
      stack,
      settings.lockTable === undefined ? "remoteState.lockEndpoint" : "remoteState.lockTable",
      settings.lockTable ?? settings.lockEndpoint,
      "both a Tablestore table and its instance endpoint (https://<instance>.<region>.ots.aliyuncs.com), or neither",
    );
  }
  new OssBackend(stack, {
    bucket: settings.bucket,
    prefix: settings.prefix,
    key: `${stack.node.id}.tfstate`,
    region: settings.region ?? defaultRegion,
    encrypt: true,
    tablestoreTable: settings.lockTable,
    tablestoreEndpoint: settings.lockEndpoint,
  });
}
