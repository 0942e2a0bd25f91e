import { blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";
import { LAUNCH_TEMPLATE_TYPES } from "./selectors";

export const LaunchTemplateNoPublicIp: PolicyRule = {
  id: "BKS-AWS-EC2-NO-PUBLIC-IP",
  mirrors: ["CKV_AWS_88"],
  explanation: "Instances must not get a public IP address.",
  level: PolicyLevel.ERROR,
  resourceTypes: LAUNCH_TEMPLATE_TYPES,
  check: (r) => compliantIf(blocksOf(r.config.network_interfaces).every((n) => !isTrue(n.associate_public_ip_address))),
};
