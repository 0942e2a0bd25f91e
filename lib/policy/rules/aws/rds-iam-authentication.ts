import { isTrue } from "../../rule";
import { rdsSetting } from "./selectors";

export const RdsIamAuthentication = rdsSetting(
  "BKS-AWS-RDS-IAM-AUTH",
  ["CKV_AWS_161", "AVD-AWS-0176"],
  "RDS must accept IAM database authentication.",
  (c) => isTrue(c.iam_database_authentication_enabled),
);
