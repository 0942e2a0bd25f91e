import { registerCloud } from "../cloud-registration";
import { requireOptionalPeer } from "../core/optional-peer";
import { AWS_POLICY_PACK } from "../policy/packs/aws";
import { AWS_CATALOG } from "./catalog";
import type { AwsCloud, AwsCloudProps } from "./cloud";

/**
 * The version of @cdktf/provider-aws the AWS adapters are written against: an optional peer
 * dependency (package.json), installed only by shops that deploy to AWS.
 */
export const AWS_PROVIDER_BINDINGS_VERSION = "21.22.1";

/** Amazon Web Services, as the library's cloud registry lists it. */
export const AWS_REGISTRATION = registerCloud({
  name: "aws",
  title: "Amazon Web Services",
  create: (props: AwsCloudProps): AwsCloud => {
    requireOptionalPeer("@cdktf/provider-aws", AWS_PROVIDER_BINDINGS_VERSION, "Cloud.aws");
    const { AwsCloud: Aws } = require("./cloud") as typeof import("./cloud");
    return new Aws(props);
  },
  catalog: AWS_CATALOG,
  policyPacks: [AWS_POLICY_PACK],
  // random_id: the random end of the asset bucket's name; drawn again, it would rename (replace) the bucket.
  statefulResourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_elasticache_replication_group", "aws_eks_cluster", "aws_kms_key", "aws_secretsmanager_secret", "aws_s3_bucket", "aws_efs_file_system", "random_id", "aws_route53_zone"],
  example: { region: "eu-central-1" },
});
