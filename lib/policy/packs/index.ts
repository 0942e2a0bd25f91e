import { PolicyPack } from "../policy-checks";
import { ALICLOUD_POLICY_PACK } from "./alicloud";
import { AWS_POLICY_PACK } from "./aws";
import { KUBERNETES_POLICY_PACK } from "./kubernetes";
import { TENCENTCLOUD_POLICY_PACK } from "./tencentcloud";

/** The packs each cloud's stacks are checked with, by cloud name; `kubernetes` for workloads stacks. */
const PACKS_BY_CLOUD: Readonly<Record<string, readonly PolicyPack[]>> = {
  aws: [AWS_POLICY_PACK],
  alicloud: [ALICLOUD_POLICY_PACK],
  tencentcloud: [TENCENTCLOUD_POLICY_PACK],
  kubernetes: [KUBERNETES_POLICY_PACK],
};

/** The policy packs for a cloud; none for a cloud without rules yet. */
export function policyPacksFor(cloudName: string): readonly PolicyPack[] {
  return PACKS_BY_CLOUD[cloudName] ?? [];
}
