import { admitsInternet, blocksOf, compliantIf, isTrue, PolicyLevel, PolicyRule } from "../../rule";

export const EksPrivateEndpoint: PolicyRule = {
  id: "BKS-AWS-EKS-ENDPOINT",
  mirrors: ["CKV_AWS_39", "CKV_AWS_38", "AVD-AWS-0040", "AVD-AWS-0041"],
  explanation: "The EKS API endpoint must be private, or public only to named CIDRs that do not add up to the internet (more than a /8 of public addresses).",
  level: PolicyLevel.ERROR,
  resourceTypes: ["aws_eks_cluster"],
  check: (r) =>
    compliantIf(
      blocksOf(r.config.vpc_config).every((v) => {
        const isPublic = v.endpoint_public_access === undefined || isTrue(v.endpoint_public_access);
        // EKS opens a public endpoint without CIDRs to 0.0.0.0/0.
        const cidrs: unknown[] = v.public_access_cidrs ?? ["0.0.0.0/0"];
        return !isPublic || (cidrs.length > 0 && !admitsInternet(cidrs));
      }),
    ),
};
