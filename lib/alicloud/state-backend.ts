import { OssBackend, TerraformStack } from "../core/cdktf";
import { RemoteStateProps, requireValidRemoteState } from "../core/remote-state";
import { ValidationError } from "../core/validation";
import { ALICLOUD_CATALOG } from "./catalog";

// An instance name (3 to 16 letters, digits and hyphens, starting with a letter), then the region and the endpoint kind.
// ref: https://www.alibabacloud.com/help/en/tablestore/developer-reference/endpoints
const TABLESTORE_ENDPOINT = /^https:\/\/[a-z][a-z0-9-]{2,15}\.[a-z0-9-]+\.(?:ots|ots-internal|vpc\.tablestore)\.aliyuncs\.com\/?$/;

/**
 * State in OSS, encrypted, locked through a Tablestore table when one is named (the OSS
 * backend's only locking).
 * ref: https://developer.hashicorp.com/terraform/language/backend/oss
 */
export function useOssState(stack: TerraformStack, props: RemoteStateProps, defaultRegion: string): void {
  const settings = requireValidRemoteState(stack, props, ALICLOUD_CATALOG);
  if ((settings.lockTable === undefined) !== (settings.lockEndpoint === undefined)) {
    throw new ValidationError(
      stack,
      settings.lockTable === undefined ? "remoteState.lockEndpoint" : "remoteState.lockTable",
      settings.lockTable ?? settings.lockEndpoint,
      "both a Tablestore table and its instance endpoint (https://<instance>.<region>.ots.aliyuncs.com), or neither",
    );
  }
  if (settings.lockEndpoint !== undefined && !(typeof settings.lockEndpoint === "string" && TABLESTORE_ENDPOINT.test(settings.lockEndpoint))) {
    throw new ValidationError(stack, "remoteState.lockEndpoint", settings.lockEndpoint, "a Tablestore instance endpoint, https://<instance>.<region>.ots.aliyuncs.com (or its ots-internal / vpc.tablestore form)");
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
