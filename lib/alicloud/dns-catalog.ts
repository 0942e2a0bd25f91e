import type { DnsServiceCatalog } from "../core/dns-catalog";
import { ServiceArea } from "../core/service-area";

const MAINLAND = ServiceArea.MAINLAND_CHINA;

/** Alibaba Cloud DNS, as data. */
export const ALICLOUD_DNS_CATALOG: DnsServiceCatalog = {
  service: "Alibaba Cloud DNS",
  // Minimum TTL per edition, as the pinned provider documents `alicloud_alidns_record.ttl`
  // (Free 600, Basic 120, Standard 60, Ultimate 10, Exclusive 1); the version codes are
  // `alicloud_alidns_instance.version_code`'s. An older page gives the personal edition 600
  // and the ultimate edition 1: the provider's table is followed.
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/alidns_record.html.markdown
  // ref: https://www.alibabacloud.com/help/ja/alibaba-cloud-dns-jp/latest/ttl-define
  // `alicloud_alidns_record` has no weight argument in provider 1.289.0, so no edition
  // weights records through Terraform.
  // ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/resource_alicloud_alidns_record.go
  // Name servers: the free cluster assigns dns<n>.hichina.com or ns<n>.alidns.com per
  // domain, the paid one vip<n>.alidns.com: `alicloud_alidns_domain.dns_servers` names them.
  // ref: https://alibabacloud.com/help/en/dns/instance-expiration-rule-description
  editions: {
    free: { title: "Free Edition", minimumTtlSeconds: 600, weightedRecords: false, nameServers: [] },
    personal: { title: "Personal Edition (version_personal)", minimumTtlSeconds: 120, weightedRecords: false, nameServers: [] },
    "enterprise-standard": { title: "Enterprise Standard Edition (version_enterprise_basic)", minimumTtlSeconds: 60, weightedRecords: false, nameServers: [] },
    "enterprise-ultimate": { title: "Enterprise Ultimate Edition (version_enterprise_advanced)", minimumTtlSeconds: 10, weightedRecords: false, nameServers: [] },
    exclusive: { title: "Exclusive Edition", minimumTtlSeconds: 1, weightedRecords: false, nameServers: [] },
  },
  defaultEdition: "free",
  maximumTtlSeconds: 86400,
  // The primary lines (line codes), which the provider passes on unchecked.
  // ref: https://www.alibabacloud.com/help/en/dns/pubz-resolve-line-enumeration
  lines: {
    default: { id: "default", description: "Default: every resolver no other line matches (required)", side: ServiceArea.GLOBAL },
    telecom: { id: "telecom", description: "China Telecom", side: MAINLAND },
    unicom: { id: "unicom", description: "China Unicom", side: MAINLAND },
    mobile: { id: "mobile", description: "China Mobile", side: MAINLAND },
    edu: { id: "edu", description: "China Education Network", side: MAINLAND },
    drpeng: { id: "drpeng", description: "China Dr.Peng", side: MAINLAND },
    btvn: { id: "btvn", description: "China Broadcasting Network", side: MAINLAND },
    cstnet: { id: "cstnet", description: "Science and Technology Network", side: MAINLAND },
    wexchange: { id: "wexchange", description: "ChiLink Network", side: MAINLAND },
    founder: { id: "founder", description: "Founder Broadband", side: MAINLAND },
    topway_video: { id: "topway-video", description: "Topway Video", side: MAINLAND },
    wasu: { id: "wasu", description: "Wasu Broadband", side: MAINLAND },
    ocn: { id: "ocn", description: "Oriental Cable Network", side: MAINLAND },
    cnix: { id: "cnix", description: "Haokuan Network", side: MAINLAND },
    bgctv: { id: "bgctv", description: "Gehua Cable", side: MAINLAND },
    aliyun: { id: "aliyun", description: "Alibaba Cloud's own networks", side: ServiceArea.GLOBAL },
    search: { id: "search", description: "Search engine crawlers", side: ServiceArea.GLOBAL },
    oversea: { id: "oversea", description: "Regions outside mainland China", side: ServiceArea.OUTSIDE_MAINLAND_CHINA },
    internal: { id: "internal", description: "Mainland China", side: MAINLAND },
  },
  // A geo split on the two lines every edition has: mainland China on `default` (which
  // Alibaba Cloud DNS requires anyway), everyone else on `oversea`.
  // ref: https://www.alibabacloud.com/help/en/alibaba-cloud-dns/latest/features (Default: required)
  locations: { catchAll: "default", mainlandChina: "default", outsideMainlandChina: "oversea" },
  // "Default: Required": a name's records on other lines need one on `default` beside them.
  // ref: https://www.alibabacloud.com/help/en/alibaba-cloud-dns/latest/features (Intelligent DNS resolution)
  catchAllRequired: true,
  // No health checks: plain Alibaba Cloud DNS does not take a failing address out ("use
  // Global Traffic Manager"), and GTM (`alicloud_alidns_gtm_instance`) is a paid
  // subscription this library does not build.
  // ref: https://www.alibabacloud.com/help/en/dns/pubz-intelligent-parsing-related-faq
};
