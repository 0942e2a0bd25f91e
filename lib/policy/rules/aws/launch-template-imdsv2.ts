import { blocksOf, compliantIf, PolicyLevel, PolicyRule } from "../../rule";
import { LAUNCH_TEMPLATE_TYPES } from "./selectors";

export const LaunchTemplateImdsv2: PolicyRule = {
  id: "BKS-AWS-EC2-IMDSV2",
  mirrors: ["CKV_AWS_79", "CKV_AWS_341", "AVD-AWS-0028", "AVD-AWS-0130"],
  explanation: "Instances must require IMDSv2 tokens with a hop limit of 1.",
  level: PolicyLevel.ERROR,
  resourceTypes: LAUNCH_TEMPLATE_TYPES,
  check: (r) =>
    compliantIf(blocksOf(r.config.metadata_options).some((m) => m.http_tokens === "required" && Number(m.http_put_response_hop_limit ?? 1) <= 1)),
};
