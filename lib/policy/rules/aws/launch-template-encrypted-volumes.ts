import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { LAUNCH_TEMPLATE_TYPES } from "./selectors";

export const LaunchTemplateEncryptedVolumes: PolicyRule = {
  id: "BKS-AWS-EC2-ENCRYPTED-VOLUMES",
  // Not checkov's CKV_AWS_8: it reads aws_instance and aws_launch_configuration only, never a
  // launch template (checked against checkov 3.3.30 by test/scan/checkov-breakage.test.ts).
  mirrors: ["AVD-AWS-0131", "AVD-AWS-0008"],
  explanation: "Every EBS volume of an instance must be encrypted.",
  level: PolicyLevel.ERROR,
  resourceTypes: LAUNCH_TEMPLATE_TYPES,
  check: (r) => {
    const volumes = blocksOf(r.config.block_device_mappings).flatMap((m) => blocksOf(m.ebs));
    return compliantIf(volumes.length > 0 && volumes.every((v) => isTrue(v.encrypted)));
  },
};
