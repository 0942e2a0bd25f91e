import { S3Backend, TerraformStack } from "../core/cdktf";
import { RemoteStateProps, requireValidRemoteState } from "../core/remote-state";
import { ValidationError } from "../core/validation";
import { AWS_CATALOG } from "./catalog";

/**
 * State in S3, encrypted, locked by S3's own lock file (Terraform 1.10+) or, when a
 * table is named, by DynamoDB (the older way, deprecated by Terraform 1.11).
 * ref: https://developer.hashicorp.com/terraform/language/backend/s3
 */
export function useS3State(stack: TerraformStack, props: RemoteStateProps, defaultRegion: string): void {
  const settings = requireValidRemoteState(stack, props, AWS_CATALOG);
  if (settings.lockEndpoint !== undefined) {
    throw new ValidationError(stack, "remoteState.lockEndpoint", settings.lockEndpoint, "nothing: S3 state is locked by its own lock file or a DynamoDB table (lockTable)");
  }
  new S3Backend(stack, {
    bucket: settings.bucket,
    key: `${settings.prefix}/${stack.node.id}.tfstate`,
    region: settings.region ?? defaultRegion,
    encrypt: true,
    dynamodbTable: settings.lockTable,
  });
  if (settings.lockTable === undefined) {
    // cdktf 0.21's S3BackendConfig predates `use_lockfile` (Terraform 1.10), which the
    // binding cannot say; without it the S3 backend would not lock at all.
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
  }
}
