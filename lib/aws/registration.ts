import { registerCloud } from "../cloud-registration";
import { AWS_POLICY_PACK } from "../policy/packs/aws";
import { AWS_CATALOG } from "./catalog";
import type { AwsCloud, AwsCloudProps } from "./cloud";

/** Amazon Web Services, as the library's cloud registry lists it. */
export const AWS_REGISTRATION = registerCloud({
  name: "aws",
  title: "Amazon Web Services",
  create: (props: AwsCloudProps): AwsCloud => {
    const { AwsCloud: Aws } = require("./cloud") as typeof import("./cloud");
    return new Aws(props);
  },
  catalog: AWS_CATALOG,
  policyPacks: [AWS_POLICY_PACK],
  statefulResourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_eks_cluster", "aws_kms_key", "aws_s3_bucket", "aws_efs_file_system", "aws_route53_zone"],
  example: { region: "eu-central-1" },
});
