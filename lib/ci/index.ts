/**
 * Delivery from CI: the GitHub Actions workflow, each cloud's sign-in, and the checks of a synthesized app: imported as `multicloud-bookstore/ci`.
 * @packageDocumentation
 * @module multicloud-bookstore/ci
 */
export * from "./errors";
export * from "./synthesized-stacks";
export * from "./cloud-sign-in";
export * from "./cloud-sign-ins";
export * from "./aws-sign-in";
export * from "./alicloud-sign-in";
export * from "./tencentcloud-sign-in";
export * from "./tencentcloud-web-identity";
export * from "./pinned-actions";
export * from "./delivery-plan";
export * from "./expect-stacks";
export * from "./github-actions";
export { Commented, toYaml, plainValue } from "./yaml";
export type { YamlValue } from "./yaml";
