import { AckNetworkPolicy } from "../rules/alicloud/ack-network-policy";
import { AckPodNetwork } from "../rules/alicloud/ack-pod-network";
import { AckPrivateApi } from "../rules/alicloud/ack-private-api";
import { AckSecretsEncryption } from "../rules/alicloud/ack-secrets-encryption";
import { CdnHttpsOnly } from "../rules/alicloud/cdn-https";
import { KmsKeyRotation } from "../rules/alicloud/kms-key-rotation";
import { NoPublicInstanceAddress } from "../rules/alicloud/no-public-instance-address";
import { NodePoolAutoRepair } from "../rules/alicloud/node-pool-auto-repair";
import { OssEncrypted } from "../rules/alicloud/oss-encrypted";
import { OssPrivate } from "../rules/alicloud/oss-private";
import { OssTlsOnly } from "../rules/alicloud/oss-tls-only";
import { OssVersioning } from "../rules/alicloud/oss-versioning";
import { RamTrustAnyone } from "../rules/alicloud/ram-trust-anyone";
import { RamWildcardActions } from "../rules/alicloud/ram-wildcard-actions";
import { RdsDeletionProtection } from "../rules/alicloud/rds-deletion-protection";
import { RdsMinorUpgrades } from "../rules/alicloud/rds-minor-upgrades";
import { RdsNoPublicWhitelist } from "../rules/alicloud/rds-security-ips";
import { RdsSqlAudit } from "../rules/alicloud/rds-sql-audit";
import { RdsForceTls } from "../rules/alicloud/rds-force-tls";
import { RdsSsl } from "../rules/alicloud/rds-ssl";
import { RdsTde } from "../rules/alicloud/rds-tde";
import { NoPublicAdminPorts } from "../rules/alicloud/security-group-admin-ports";
import { RedisPasswordRequired } from "../rules/alicloud/redis-password-required";
import { RedisReleaseProtection } from "../rules/alicloud/redis-release-protection";
import { RedisNoPublicWhitelist } from "../rules/alicloud/redis-security-ips";
import { RedisSsl } from "../rules/alicloud/redis-ssl";
import { SlbListenerAcl } from "../rules/alicloud/slb-listener-acl";
import { SlbListenerHttps } from "../rules/alicloud/slb-listener-https";
import { SlbTlsPolicy } from "../rules/alicloud/slb-tls-policy";
import { SystemDiskEncrypted } from "../rules/alicloud/system-disk-encrypted";
import { PolicyPack } from "../policy-checks";

/**
 * Every Alibaba Cloud rule: the Alibaba section of the scanner rules (checkov CKV_ALI_*,
 * KICS), plus the library's own where no scanner has one (CLB listeners, CDN, ACK API, RAM trust policies,
 * the Tair / Redis cache, OSS encryption and TLS).
 */
export const ALICLOUD_POLICY_PACK: PolicyPack = {
  name: "alicloud",
  rules: [
    AckNetworkPolicy,
    AckPodNetwork,
    AckPrivateApi,
    AckSecretsEncryption,
    CdnHttpsOnly,
    KmsKeyRotation,
    NoPublicAdminPorts,
    NoPublicInstanceAddress,
    NodePoolAutoRepair,
    OssEncrypted,
    OssPrivate,
    OssTlsOnly,
    OssVersioning,
    RamTrustAnyone,
    RamWildcardActions,
    RdsDeletionProtection,
    RdsMinorUpgrades,
    RdsNoPublicWhitelist,
    RdsSqlAudit,
    RdsSsl,
    RdsForceTls,
    RdsTde,
    RedisNoPublicWhitelist,
    RedisPasswordRequired,
    RedisReleaseProtection,
    RedisSsl,
    SlbListenerAcl,
    SlbListenerHttps,
    SlbTlsPolicy,
    SystemDiskEncrypted,
  ],
};
