import { PolicyPack } from "../policy-checks";
import { AWS_POLICY_PACK } from "./aws";

/** The pack each cloud's stacks are checked with, by cloud name. */
const PACKS_BY_CLOUD: Readonly<Record<string, readonly PolicyPack[]>> = {
  aws: [AWS_POLICY_PACK],
};

/** The policy packs for a cloud; none for a cloud without rules yet. */
export function policyPacksFor(cloudName: string): readonly PolicyPack[] {
  return PACKS_BY_CLOUD[cloudName] ?? [];
}
