import { AlbAccessLogs } from "../rules/aws/alb-access-logs";
import { AlbDeletionProtection } from "../rules/aws/alb-deletion-protection";
import { AlbDesyncMitigation } from "../rules/aws/alb-desync-mitigation";
import { AlbDropInvalidHeaders } from "../rules/aws/alb-drop-invalid-headers";
import { AlbWebAcl } from "../rules/aws/alb-web-acl";
import { AutoscalingGroupElbHealthChecks } from "../rules/aws/autoscaling-group-elb-health-checks";
import { AutoscalingGroupLaunchTemplate } from "../rules/aws/autoscaling-group-launch-template";
import { CacheAuthToken } from "../rules/aws/cache-auth-token";
import { CacheAutomaticFailover } from "../rules/aws/cache-automatic-failover";
import { CacheCustomerManagedKey } from "../rules/aws/cache-customer-managed-key";
import { CacheEncrypted } from "../rules/aws/cache-encrypted";
import { CacheTls } from "../rules/aws/cache-tls";
import { CertificateCreateBeforeDestroy } from "../rules/aws/certificate-create-before-destroy";
import { CloudFrontDefaultRootObject } from "../rules/aws/cloudfront-default-root-object";
import { CloudFrontLogging } from "../rules/aws/cloudfront-logging";
import { CloudFrontOriginHttps } from "../rules/aws/cloudfront-origin-https";
import { CloudFrontS3OriginAccessControl } from "../rules/aws/cloudfront-s3-origin-access-control";
import { CloudFrontSecurityHeaders } from "../rules/aws/cloudfront-security-headers";
import { CloudFrontTls } from "../rules/aws/cloudfront-tls";
import { CloudFrontViewerHttps } from "../rules/aws/cloudfront-viewer-https";
import { CloudFrontWebAcl } from "../rules/aws/cloudfront-web-acl";
import { EksControlPlaneLogs } from "../rules/aws/eks-control-plane-logs";
import { EksNodeGroupNoRemoteAccess } from "../rules/aws/eks-node-group-no-remote-access";
import { EksPrivateEndpoint } from "../rules/aws/eks-private-endpoint";
import { EksSecretsEncryption } from "../rules/aws/eks-secrets-encryption";
import { IamTrustAnyone } from "../rules/aws/iam-trust-anyone";
import { IamWildcardActions } from "../rules/aws/iam-wildcard-actions";
import { KmsKeyRotation } from "../rules/aws/kms-key-rotation";
import { LaunchTemplateEncryptedVolumes } from "../rules/aws/launch-template-encrypted-volumes";
import { LaunchTemplateImdsv2 } from "../rules/aws/launch-template-imdsv2";
import { LaunchTemplateNoPublicIp } from "../rules/aws/launch-template-no-public-ip";
import { ListenerHttpsOrRedirect } from "../rules/aws/listener-https-or-redirect";
import { ListenerTlsPolicy } from "../rules/aws/listener-tls-policy";
import { NoPublicAdminPorts } from "../rules/aws/no-public-admin-ports";
import { NoPublicEgress } from "../rules/aws/no-public-egress";
import { NoPublicIngress } from "../rules/aws/no-public-ingress";
import { RdsBackupRetention } from "../rules/aws/rds-backup-retention";
import { RdsCopyTagsToSnapshot } from "../rules/aws/rds-copy-tags-to-snapshot";
import { RdsDeletionProtection } from "../rules/aws/rds-deletion-protection";
import { RdsEnhancedMonitoring } from "../rules/aws/rds-enhanced-monitoring";
import { RdsIamAuthentication } from "../rules/aws/rds-iam-authentication";
import { RdsLogExports } from "../rules/aws/rds-log-exports";
import { RdsMinorVersionUpgrades } from "../rules/aws/rds-minor-version-upgrades";
import { RdsMultiAz } from "../rules/aws/rds-multi-az";
import { RdsNotPublic } from "../rules/aws/rds-not-public";
import { RdsPerformanceInsights } from "../rules/aws/rds-performance-insights";
import { RdsRequireTls } from "../rules/aws/rds-require-tls";
import { RdsStorageEncrypted } from "../rules/aws/rds-storage-encrypted";
import { SecretCustomerManagedKey } from "../rules/aws/secret-customer-managed-key";
import { S3AccessLogs } from "../rules/aws/s3-access-logs";
import { S3AclsDisabled } from "../rules/aws/s3-acls-disabled";
import { S3KmsEncryption } from "../rules/aws/s3-kms-encryption";
import { S3Lifecycle } from "../rules/aws/s3-lifecycle";
import { S3PublicAccessBlock } from "../rules/aws/s3-public-access-block";
import { S3TlsOnly } from "../rules/aws/s3-tls-only";
import { S3Versioning } from "../rules/aws/s3-versioning";
import { Route53QueryLogs } from "../rules/aws/route53-query-logs";
import { SecurityGroupDescriptions } from "../rules/aws/security-group-descriptions";
import { TargetGroupHealthCheck } from "../rules/aws/target-group-health-check";
import { UserDataNoSecrets } from "../rules/aws/user-data-no-secrets";
import { VpcDefaultSecurityGroupClosed } from "../rules/aws/vpc-default-security-group-closed";
import { VpcFlowLogs } from "../rules/aws/vpc-flow-logs";
import { PolicyPack } from "../policy-checks";

/** Every AWS rule; mirrors the AWS section of the scanner rules (checkov, trivy). */
export const AWS_POLICY_PACK: PolicyPack = {
  name: "aws",
  rules: [
    AlbAccessLogs,
    AlbDeletionProtection,
    AlbDesyncMitigation,
    AlbDropInvalidHeaders,
    AlbWebAcl,
    AutoscalingGroupElbHealthChecks,
    AutoscalingGroupLaunchTemplate,
    CacheAuthToken,
    CacheAutomaticFailover,
    CacheCustomerManagedKey,
    CacheEncrypted,
    CacheTls,
    CertificateCreateBeforeDestroy,
    CloudFrontDefaultRootObject,
    CloudFrontLogging,
    CloudFrontOriginHttps,
    CloudFrontS3OriginAccessControl,
    CloudFrontSecurityHeaders,
    CloudFrontTls,
    CloudFrontViewerHttps,
    CloudFrontWebAcl,
    EksControlPlaneLogs,
    EksNodeGroupNoRemoteAccess,
    EksPrivateEndpoint,
    EksSecretsEncryption,
    IamTrustAnyone,
    IamWildcardActions,
    KmsKeyRotation,
    LaunchTemplateEncryptedVolumes,
    LaunchTemplateImdsv2,
    LaunchTemplateNoPublicIp,
    ListenerHttpsOrRedirect,
    ListenerTlsPolicy,
    NoPublicAdminPorts,
    NoPublicEgress,
    NoPublicIngress,
    RdsBackupRetention,
    RdsCopyTagsToSnapshot,
    RdsDeletionProtection,
    RdsEnhancedMonitoring,
    RdsIamAuthentication,
    RdsLogExports,
    RdsMinorVersionUpgrades,
    RdsMultiAz,
    RdsNotPublic,
    RdsPerformanceInsights,
    RdsRequireTls,
    RdsStorageEncrypted,
    SecretCustomerManagedKey,
    S3AccessLogs,
    S3AclsDisabled,
    S3KmsEncryption,
    S3Lifecycle,
    S3PublicAccessBlock,
    S3TlsOnly,
    S3Versioning,
    Route53QueryLogs,
    SecurityGroupDescriptions,
    TargetGroupHealthCheck,
    UserDataNoSecrets,
    VpcDefaultSecurityGroupClosed,
    VpcFlowLogs,
  ],
};
