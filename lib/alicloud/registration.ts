import { registerCloud } from "../cloud-registration";
import { ALICLOUD_POLICY_PACK } from "../policy/packs/alicloud";
import { ALICLOUD_CATALOG } from "./catalog";
import type { AlicloudCloud, AlicloudCloudProps } from "./cloud";

/** Alibaba Cloud, as the library's cloud registry lists it. */
export const ALICLOUD_REGISTRATION = registerCloud({
  name: "alicloud",
  title: "Alibaba Cloud",
  create: (props: AlicloudCloudProps): AlicloudCloud => {
    const { AlicloudCloud: Alibaba } = require("./cloud") as typeof import("./cloud");
    return new Alibaba(props);
  },
  catalog: ALICLOUD_CATALOG,
  policyPacks: [ALICLOUD_POLICY_PACK],
  statefulResourceTypes: [
    "alicloud_db_instance",
    "alicloud_db_database",
    "alicloud_kvstore_instance",
    "alicloud_cs_managed_kubernetes",
    "alicloud_kms_key",
    "alicloud_kms_secret",
    "alicloud_oss_bucket",
    // The VPC's flow logs: a replaced project or logstore loses the year of flows it keeps.
    "alicloud_log_project",
    "alicloud_log_store",
    // The random end of the asset bucket's and the flow logs project's names; drawn again, it would rename (replace) them.
    "random_id",
    "alicloud_alidns_domain",
  ],
  // Placeholders in the format of an Alibaba Cloud Certificate Management Service ID and of a
  // KMS instance ID (the catalog's kmsInstanceId rule); use your own.
  example: { region: "cn-hangzhou", certificateId: "14368012", cloudProps: { kmsInstanceId: "kst-hzz00000000000000000" } },
});
