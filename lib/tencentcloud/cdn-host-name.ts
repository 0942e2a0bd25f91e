import { Construct } from "constructs";
import { DataTencentcloudCdnDomains } from "../generated/tencentcloud/data-tencentcloud-cdn-domains";
import { TencentcloudProvider } from "../generated/tencentcloud/provider";
import type { CloudCatalog } from "../core/catalog";
import type { ICdnHostNameSource } from "../core/cdn";
import { readingProvider } from "../core/stack-provider";

/**
 * Tencent Cloud CDN's host name, read where it is needed by the domain it accelerates: a
 * CDN domain is unique across Tencent Cloud CDN, so `tencentcloud_cdn_domains` filtered by
 * it (an exact match: DescribeDomainsConfig's filters are exact unless `Fuzzy`) finds this
 * CDN's own record, whose `cname` is the CNAME target. Nothing is published: the CDN is the
 * record. The reader needs `cdn:DescribeDomainsConfig` and, because the data source also
 * reads the domain's tags, `tag:DescribeResourceTagsByResourceIds`; never the CDN stack's
 * state. A plan stops, saying why, when the domain is not (yet) on Tencent Cloud CDN.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/cdn/data_source_tc_cdn_domains.go (domain filter, domain_list[].cname, DescribeResourceTags)
 * ref: https://cloud.tencent.com/document/api/228/41117 (DescribeDomainsConfig: Filters of DomainFilter)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/vendor/github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/cdn/v20180606/models.go (DomainFilter.Fuzzy: fuzzy only when true)
 */
export function cdnDomainHostName(domain: string, cloud: { readonly name: string; readonly region: string; readonly catalog: CloudCatalog }): ICdnHostNameSource {
  return {
    readIn(scope: Construct): string {
      const provider = readingProvider(scope, cloud, {
        isInstance: (node): node is TencentcloudProvider => node instanceof TencentcloudProvider,
        create: (stack, id, alias) => new TencentcloudProvider(stack, id, { region: cloud.region, alias }),
      });
      const found = new DataTencentcloudCdnDomains(scope, "CdnDomain", {
        domain,
        provider,
        lifecycle: {
          postcondition: [
            {
              condition: "${length(self.domain_list) == 1}",
              errorMessage: `Tencent Cloud CDN has no domain ${domain} in this account: deploy the stack that creates its CDN first`,
            },
          ],
        },
      });
      return found.domainList.get(0).cname;
    },
  };
}
