import { PolicyPack } from "../policy-checks";
import { ClbAccessLogs } from "../rules/tencentcloud/clb-access-logs";
import { ClbListenerProtocol } from "../rules/tencentcloud/clb-listener-protocol";
import { CamTrustAnyone } from "../rules/tencentcloud/cam-trust-anyone";
import { CamWildcardActions } from "../rules/tencentcloud/cam-wildcard-actions";
import { CosEncrypted } from "../rules/tencentcloud/cos-encrypted";
import { CosPrivate } from "../rules/tencentcloud/cos-private";
import { CosVersioning } from "../rules/tencentcloud/cos-versioning";
import { DiskEncrypted } from "../rules/tencentcloud/disk-encrypted";
import { InstanceMonitoring } from "../rules/tencentcloud/instance-monitoring";
import { InstanceNoPublicIp } from "../rules/tencentcloud/instance-no-public-ip";
import { MysqlBackupPolicy } from "../rules/tencentcloud/mysql-backup-policy";
import { MysqlNoInternet } from "../rules/tencentcloud/mysql-no-internet";
import { MysqlNonDefaultPort } from "../rules/tencentcloud/mysql-non-default-port";
import { NoPublicIngress } from "../rules/tencentcloud/no-public-ingress";
import { NotDefaultSecurityGroup } from "../rules/tencentcloud/not-default-security-group";
import { NotDefaultVpc } from "../rules/tencentcloud/not-default-vpc";
import { RedisBackupConfig } from "../rules/tencentcloud/redis-backup-config";
import { RedisNoPublicAddress } from "../rules/tencentcloud/redis-no-public-address";
import { RedisPasswordRequired } from "../rules/tencentcloud/redis-password-required";
import { RedisSsl } from "../rules/tencentcloud/redis-ssl";
import { TkeLogAgent } from "../rules/tencentcloud/tke-log-agent";
import { TkeNetworkPolicy } from "../rules/tencentcloud/tke-network-policy";
import { TkeNoPublicIp } from "../rules/tencentcloud/tke-no-public-ip";
import { TkeSecretsEncryption } from "../rules/tencentcloud/tke-secrets-encryption";
import { UserDataNoSecrets } from "../rules/tencentcloud/user-data-no-secrets";
import { VpcFlowLogs } from "../rules/tencentcloud/vpc-flow-logs";

/**
 * Every Tencent Cloud rule; mirrors the Tencent section of the scanner rules (checkov
 * CKV_TC_*, KICS), plus the library's own where no scanner has one (CAM policies, the Redis cache, COS
 * buckets).
 */
export const TENCENTCLOUD_POLICY_PACK: PolicyPack = {
  name: "tencentcloud",
  rules: [
    ClbAccessLogs,
    ClbListenerProtocol,
    CamTrustAnyone,
    CamWildcardActions,
    CosEncrypted,
    CosPrivate,
    CosVersioning,
    DiskEncrypted,
    InstanceMonitoring,
    InstanceNoPublicIp,
    MysqlBackupPolicy,
    MysqlNoInternet,
    MysqlNonDefaultPort,
    NoPublicIngress,
    NotDefaultSecurityGroup,
    NotDefaultVpc,
    RedisBackupConfig,
    RedisNoPublicAddress,
    RedisPasswordRequired,
    RedisSsl,
    TkeLogAgent,
    TkeNetworkPolicy,
    TkeNoPublicIp,
    TkeSecretsEncryption,
    UserDataNoSecrets,
    VpcFlowLogs,
  ],
};
