import { registerCloud } from "../cloud-registration";
import { TENCENTCLOUD_POLICY_PACK } from "../policy/packs/tencentcloud";
import { TENCENTCLOUD_CATALOG } from "./catalog";
import type { TencentcloudCloud, TencentcloudCloudProps } from "./cloud";

/** Tencent Cloud, as the library's cloud registry lists it. */
export const TENCENTCLOUD_REGISTRATION = registerCloud({
  name: "tencentcloud",
  title: "Tencent Cloud",
  create: (props: TencentcloudCloudProps): TencentcloudCloud => {
    const { TencentcloudCloud: Tencent } = require("./cloud") as typeof import("./cloud");
    return new Tencent(props);
  },
  catalog: TENCENTCLOUD_CATALOG,
  policyPacks: [TENCENTCLOUD_POLICY_PACK],
  statefulResourceTypes: [
    "tencentcloud_mysql_instance",
    "tencentcloud_mysql_database",
    "tencentcloud_redis_instance",
    "tencentcloud_kubernetes_cluster",
    "tencentcloud_kms_key",
    "tencentcloud_ssm_secret",
    "tencentcloud_cos_bucket",
    "tencentcloud_dnspod_domain_instance",
  ],
  // A placeholder in the format of a Tencent Cloud SSL Certificates ID; use your own.
  example: { region: "ap-guangzhou", certificateId: "Xa7dQ2mK" },
});
