import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

// What must never be baked into user data: AWS access keys and inline passwords.
const SECRET_PATTERN = /AKIA[0-9A-Z]{16}|aws_secret_access_key|password\s*=/i;

export const UserDataNoSecrets: PolicyRule = {
  id: "BKS-AWS-EC2-USER-DATA-SECRETS",
  mirrors: ["CKV_AWS_46", "AVD-AWS-0029", "AVD-AWS-0129"],
  explanation: "User data must not hold access keys or passwords: it is readable from the instance and the API.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_launch_template", "aws_instance"],
  check: (r) => {
    const text = String(r.config.user_data ?? "");
    // Terraform decodes base64encode("...") at apply; check the literal inside.
    return compliantIf(!SECRET_PATTERN.test(text));
  },
};
