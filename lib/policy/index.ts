// The policy checks on their own (`multicloud-bookstore/policy`): rules, packs, the Aspect
// that applies them and the Jest matcher for users' tests. The root entry point re-exports
// the same.
export * from "./rule";
export * from "./evaluate";
export * from "./policy-checks";
export * from "./schema-validator";
export * from "./testing";
export { AWS_POLICY_PACK } from "./packs/aws";
export { KUBERNETES_POLICY_PACK } from "./packs/kubernetes";
export { ALICLOUD_POLICY_PACK } from "./packs/alicloud";
export { TENCENTCLOUD_POLICY_PACK } from "./packs/tencentcloud";
export { statefulAddresses } from "./stateful-resources";
