import type { DnsServiceCatalog } from "../core/dns-catalog";
import { ServiceArea } from "../core/service-area";

const MAINLAND = ServiceArea.MAINLAND_CHINA;

/** DNSPod, Tencent Cloud's authoritative DNS, as data. */
export const TENCENTCLOUD_DNS_CATALOG: DnsServiceCatalog = {
  service: "DNSPod",
  // The plans `tencentcloud_dnspod_domain_instance.grade` reports (DP_FREE, DP_PLUS,
  // DP_EXPERT, DP_ULTRA). Minimum TTLs as DNSPod's price list gives them for the free and
  // personal professional plans (600 s, 120 s), the enterprise basic plan (60 s) for the
  // enterprise plan and the enterprise flagship plan (1 s) for the ultimate plan: the
  // current plans' own table is on price.dnspod.cn, which was not at hand.
  // ref: https://github.com/tencentyun/qcloud-documents/blob/master/product/域名与网站/云解析/购买指导（新）/价格总览.md
  // Weights: "only enterprise VIP domain names", per the pinned provider's `weight`.
  // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/dnspod/resource_tc_dnspod_record.go
  // Name servers per plan; the free plan's differ per account (the console names them).
  // ref: https://github.com/tencentyun/qcloud-documents/blob/master/product/域名与网站/云解析/购买指导（新）/各套餐DNS服务器地址说明.md
  editions: {
    free: { title: "Free (DP_FREE)", minimumTtlSeconds: 600, weightedRecords: false, nameServers: [] },
    professional: { title: "Professional (DP_PLUS)", minimumTtlSeconds: 120, weightedRecords: false, nameServers: ["ns3.dnsv2.com", "ns4.dnsv2.com"] },
    enterprise: { title: "Enterprise (DP_EXPERT)", minimumTtlSeconds: 60, weightedRecords: true, nameServers: ["ns3.dnsv4.com", "ns4.dnsv4.com"] },
    ultimate: { title: "Ultimate (DP_ULTRA)", minimumTtlSeconds: 1, weightedRecords: true, nameServers: ["ns3.dnsv5.com", "ns4.dnsv5.com"] },
  },
  defaultEdition: "free",
  // ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/dnspod/resource_tc_dnspod_record.go (ttl 1-604800, weight 1-100)
  maximumTtlSeconds: 604800,
  weights: { min: 1, max: 100 },
  // The primary lines by their Chinese names, which the API and the provider take
  // (unchecked by the provider). 境内/境外 were 国内/国外 in older documents.
  // ref: https://github.com/tencentyun/qcloud-documents/blob/master/product/域名与网站/云解析/0弃用文档/用户指南/解析支持的线路.md
  lines: {
    默认: { id: "default", description: "Default: every resolver no other line matches (required)", side: ServiceArea.GLOBAL },
    境内: { id: "mainland", description: "Mainland China", side: MAINLAND },
    境外: { id: "outside-mainland", description: "Outside mainland China", side: ServiceArea.OUTSIDE_MAINLAND_CHINA },
    电信: { id: "telecom", description: "China Telecom", side: MAINLAND },
    联通: { id: "unicom", description: "China Unicom", side: MAINLAND },
    移动: { id: "mobile", description: "China Mobile", side: MAINLAND },
    教育网: { id: "edu", description: "China Education Network", side: MAINLAND },
    铁通: { id: "tietong", description: "China Tietong (enterprise plans)", side: MAINLAND },
    电信通: { id: "dianxintong", description: "Dianxintong (enterprise plans)", side: MAINLAND },
    搜索引擎: { id: "search", description: "Search engine crawlers", side: ServiceArea.GLOBAL },
    百度: { id: "baidu", description: "Baidu's crawler", side: ServiceArea.GLOBAL },
    谷歌: { id: "google", description: "Google's crawler", side: ServiceArea.GLOBAL },
    必应: { id: "bing", description: "Bing's crawler", side: ServiceArea.GLOBAL },
    有道: { id: "youdao", description: "Youdao's crawler", side: ServiceArea.GLOBAL },
    搜搜: { id: "soso", description: "Soso's crawler", side: ServiceArea.GLOBAL },
    搜狗: { id: "sogou", description: "Sogou's crawler", side: ServiceArea.GLOBAL },
    奇虎: { id: "qihoo", description: "Qihoo's crawler", side: ServiceArea.GLOBAL },
  },
  // As on Alibaba Cloud DNS: mainland China on the required default line, everyone else on 境外.
  locations: { catchAll: "默认", mainlandChina: "默认", outsideMainlandChina: "境外" },
  // "无论是否添加地区或者运营商的线路，一定需要先添加好【默认】线路的解析": a name's records on
  // other lines need one on 默认 first.
  // ref: https://docs.dnspod.cn/dns/help-line/
  catchAllRequired: true,
  // No health checks through Terraform: DNSPod's monitoring (D 监控) has no resource in the
  // pinned provider, and its own failover is a paid add-on.
};
