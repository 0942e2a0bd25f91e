import { Compliance, compliantIf, PolicyLevel, PolicyRule } from "../../rule";

/**
 * `ssl_action = "Open"` offers TLS and still accepts plain text; `force_encryption = 1`
 * refuses it (MySQL 5.7, 8.0 and 8.4 from minor engine version 20241130). No scanner checks it.
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_db_instance.go (force_encryption)
 * ref: https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-a-cloud-certificate-to-enable-ssl-encryption
 */
export const RdsForceTls: PolicyRule = {
  id: "BKS-ALI-RDS-FORCE-TLS",
  mirrors: [],
  explanation: "A MySQL RDS instance must refuse plain-text connections (force_encryption = 1), not only offer TLS.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_db_instance"],
  check: (r) => (r.config.engine === "MySQL" ? compliantIf(Number(r.config.force_encryption) === 1) : Compliance.NOT_APPLICABLE),
};
