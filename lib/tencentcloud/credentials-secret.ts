import { Construct } from "constructs";
import { SsmSecret } from "../generated/tencentcloud/ssm-secret";
import { SsmSecretVersion } from "../generated/tencentcloud/ssm-secret-version";

/**
 * The version ID under which the database and cache adapters write their credentials
 * secret (`tencentcloud_ssm_secret_version.version_id`), given to the application as
 * `DB_CREDENTIALS_SECRET_VERSION` and `CACHE_CREDENTIALS_SECRET_VERSION`. SSM's
 * `GetSecretValue` reads a user-defined secret by its name and a version ID (`SSM_Current`
 * names the current version of Tencent Cloud's own rotated secrets only), and the roles
 * that read these secrets may only `ssm:GetSecretValue`, not list the versions, so the
 * reader is told the one version there is.
 * ref: https://www.tencentcloud.com/document/product/1078/38649 (GetSecretValue: SecretName and VersionId)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/vendor/github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/ssm/v20190923/models.go (GetSecretValueRequestParams.VersionId)
 */
export const CREDENTIALS_SECRET_VERSION = "v1";

/**
 * A credentials secret of the database or the cache: an SSM secret (`id`) with its one
 * version (`<id>Version`, `CREDENTIALS_SECRET_VERSION` above).
 * ref: https://www.tencentcloud.com/document/product/1115/46060 (SSM; encrypted with SSM's own KMS key)
 */
export function credentialsSecret(scope: Construct, id: string, props: { secretName: string; description: string; recoveryWindowInDays: number; secretString: string }): SsmSecret {
  const secret = new SsmSecret(scope, id, {
    secretName: props.secretName,
    description: props.description,
    isEnabled: true,
    recoveryWindowInDays: props.recoveryWindowInDays,
  });
  new SsmSecretVersion(scope, `${id}Version`, { secretName: secret.secretName, versionId: CREDENTIALS_SECRET_VERSION, secretString: props.secretString });
  return secret;
}
