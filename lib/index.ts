/**
 * The constructs, clouds, catalogs and policy packs: imported as `multicloud-bookstore`.
 * @packageDocumentation
 * @module multicloud-bookstore
 */
export * from "./core/catalog";
export { requireValidCatalog } from "./core/catalog-validation";
export * from "./core/cidr";
export * from "./core/cloud";
export * from "./core/cloud-resource";
export * from "./core/network";
export * from "./core/compute-group";
export * from "./core/database";
export * from "./core/cache";
export * from "./core/load-balancer";
export * from "./core/cdn";
export * from "./core/asset-bucket";
export * from "./core/service-area";
export * from "./core/dns-catalog";
export * from "./core/dns-routing";
export * from "./core/global-domain";
export { ICP_FILING_NUMBER } from "./core/global-domain-checks";
export * from "./core/kubernetes-cluster";
export * from "./core/names";
export * from "./core/container-image";
export * from "./core/sizes";
export * from "./core/remote-state";
export * from "./core/taggable";
export * from "./core/tags";
export * from "./core/validation";
export type { PropShape } from "./core/known-props";
export * from "./core/cluster-access";
export * from "./core/chart-source";
export * from "./core/web-runtime";
export * from "./core/registry-credentials";
export * from "./core/support-window";
export * from "./core/prerequisites";
export * from "./core/application-environment";
export * from "./kubernetes/workloads-props";
export * from "./kubernetes/bookstore-workloads";
export * from "./kubernetes/cluster-target";
export * from "./bookstore/bookstore";
export * from "./bookstore/bookstore-stacks";
export * from "./bookstore/global-dns-stack";
export * from "./clouds";
export * from "./cloud-registration";
export * from "./policy";
export type { AwsCloud } from "./aws/cloud";
export type { AwsCloudProps } from "./aws/cloud";
export { AWS_CATALOG } from "./aws/catalog";
export type { AwsCatalog, AwsSpecifics, HelmAddOnChart } from "./aws/catalog";
export type { TencentcloudCloud } from "./tencentcloud/cloud";
export type { TencentcloudCloudProps } from "./tencentcloud/cloud";
export { TENCENTCLOUD_CATALOG } from "./tencentcloud/catalog";
export type { TencentcloudCatalog, TencentcloudSpecifics } from "./tencentcloud/catalog";
export type { AlicloudCloud } from "./alicloud/cloud";
export type { AlicloudCloudProps } from "./alicloud/cloud";
export { ALICLOUD_CATALOG } from "./alicloud/catalog";
export type { AlicloudCatalog, AlicloudSpecifics } from "./alicloud/catalog";
