import { Construct } from "constructs";
import { KmsKey } from "../generated/alicloud/kms-key";
import { KmsSecret } from "../generated/alicloud/kms-secret";
import { ValidationError } from "../core/validation";
import { AlicloudCatalog } from "./catalog";

/** Where the stack's KMS secrets are kept: the KMS instance named by `Cloud.alicloud({ kmsInstanceId })`. */
export interface AlicloudSecretStore {
  /** The KMS instance's ID (`kst-...`); undefined when the cloud was given none. */
  readonly kmsInstanceId?: string;
  readonly region: string;
  readonly catalog: AlicloudCatalog;
}

/** A credentials secret to keep: its name, what it is, and its text value (JSON). */
export interface CredentialsSecretProps {
  readonly secretName: string;
  readonly description: string;
  readonly secretData: string;
  /** What keeps its credentials there, for the refusal without a KMS instance, e.g. "the database". */
  readonly owner: string;
}

// The key that encrypts each secret, by the secret's name as the data store hands it on
// (`connection.credentialsSecretId`, a token read once): readers of the secret need
// kms:Decrypt on it. Token strings are unique in a process, so one map serves every app.
const keyArns = new Map<string, string>();

/** The ARN of the key that encrypts a secret made by `credentialsSecret`, or undefined for any other. */
export function credentialsKeyArnOf(secretName: string): string | undefined {
  return keyArns.get(secretName);
}

/**
 * The cloud's KMS instance, or a ValidationError as `cloud.kmsInstanceId` (the setting of the
 * construct's `cloud` prop) that says why the construct needs one.
 */
export function requireKmsInstanceId(scope: Construct, store: AlicloudSecretStore, why: string): string {
  const kmsInstanceId = store.kmsInstanceId;
  if (kmsInstanceId === undefined) {
    const rule = store.catalog.alicloud.kmsInstanceId;
    throw new ValidationError(
      scope,
      "cloud.kmsInstanceId",
      undefined,
      `the ID of a KMS instance in ${store.region} (${rule.description}, e.g. ${rule.example}), given as Cloud.alicloud({ region, kmsInstanceId }): ${why}`,
    );
  }
  return kmsInstanceId;
}

/**
 * A KMS secret (`CredentialsSecret`) in the cloud's KMS instance, encrypted by a key of its
 * own in that instance (`CredentialsKey`: AES-256, rotated yearly, deletion protected). KMS
 * encrypts a secret with a symmetric key of the secret's own KMS instance, so the default key,
 * which belongs to no instance, is not enough. Without a KMS instance the secret is refused at
 * synth as `cloud.kmsInstanceId` (the setting of the construct's `cloud` prop).
 *
 * The instance and the key are read at creation only (`ignore_changes`): both arguments
 * force a new secret, and a secret created before this library asked for an instance (KMS
 * 1.0, or migrated to an instance by KMS's migration) would otherwise be replaced, which
 * fails while the old one waits out its recovery window and loses its value.
 * ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-createsecret
 *   (KMS encrypts the value with the key you specify; the key and the secret must belong to the same KMS instance,
 *   and the key must be symmetric; DKMSInstanceId, e.g. kst-bjj62d8f5e0sgtx8h****)
 * ref: https://www.alibabacloud.com/help/en/kms/getting-started/getting-started-with-secrets-manager
 * ref: https://www.alibabacloud.com/help/en/kms/key-management-service/use-cases/modify-terraform-configurations-after-migration
 *   (after KMS 1.0 is migrated to 3.0 each secret has a dkms_instance_id; without care Terraform destroys and recreates it)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_kms_secret.go
 *   (dkms_instance_id and encryption_key_id: Optional, ForceNew, sent as DKMSInstanceId and EncryptionKeyId)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_kms_key.go
 *   (dkms_instance_id: ForceNew, sent as DKMSInstanceId)
 * @returns the secret's name as a reference (read once: readers are granted the key by this
 *   very string), for `connection.credentialsSecretId`
 */
export function credentialsSecret(scope: Construct, props: CredentialsSecretProps, store: AlicloudSecretStore): string {
  const kmsInstanceId = requireKmsInstanceId(scope, store, `Alibaba Cloud's KMS keeps secrets only in a KMS instance, and ${props.owner} keeps its credentials in a KMS secret`);
  // Software key management instances rotate keys (7 to 365 days); hardware ones do not, so
  // the instance must be a software one (see docs/alicloud.md, "Before the first deploy on Alibaba Cloud").
  // ref: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-createkey
  //   (DKMSInstanceId: required to create a key in a KMS instance; RotationInterval 7 to 365 days for software keys)
  const key = new KmsKey(scope, "CredentialsKey", {
    dkmsInstanceId: kmsInstanceId,
    description: `Encrypts ${props.secretName}`,
    keySpec: "Aliyun_AES_256",
    keyUsage: "ENCRYPT/DECRYPT",
    automaticRotation: "Enabled",
    rotationInterval: "31536000s",
    pendingWindowInDays: 30,
    deletionProtection: "Enabled",
  });
  const secret = new KmsSecret(scope, "CredentialsSecret", {
    secretName: props.secretName,
    description: props.description,
    secretDataType: "text",
    secretData: props.secretData,
    versionId: "v1",
    recoveryWindowInDays: 30,
    dkmsInstanceId: kmsInstanceId,
    encryptionKeyId: key.id,
    lifecycle: { ignoreChanges: ["dkms_instance_id", "encryption_key_id"] },
  });
  const secretName = secret.secretName;
  keyArns.set(secretName, key.arn);
  return secretName;
}
