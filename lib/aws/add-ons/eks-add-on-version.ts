import { Construct } from "constructs";
import { DataAwsEksAddonVersion } from "@cdktf/provider-aws/lib/data-aws-eks-addon-version";
import { EKS_ADD_ON_MOST_RECENT } from "../catalog";

/**
 * The `addon_version` of an EKS add-on: a build the catalog names, as named; or, for the
 * catalog's `most-recent`, the newest build EKS lists for the cluster's Kubernetes version,
 * read at every plan (`aws_eks_addon_version` with `most_recent`, which takes the first of
 * DescribeAddonVersions' builds for that version). EKS itself says which builds run on which
 * Kubernetes version, so a new default version, or an upgrade, gets a build that CreateAddon
 * and UpdateAddon accept, shown in the plan; the add-on changes in place after the cluster
 * (it names the cluster), so an upgrade moves the control plane first. A build EKS publishes
 * later shows up in the next plan as an in-place update: pin a build with
 * `kubernetes.addOnVersions` to hold it. The version as configured (`1.36`), not the
 * cluster's attribute, so the plan knows it before the cluster exists.
 * ref: https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/eks/addon_version_data_source.go
 * (findAddonVersionByTwoPartKey: most_recent returns the first version listed for the Kubernetes version)
 * ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeAddonVersions.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/updating-an-add-on.html
 */
export function eksAddOnVersion(scope: Construct, id: string, props: { readonly addonName: string; readonly kubernetesVersion: string; readonly version: string }): string {
  if (props.version !== EKS_ADD_ON_MOST_RECENT) return props.version;
  return new DataAwsEksAddonVersion(scope, id, { addonName: props.addonName, kubernetesVersion: props.kubernetesVersion, mostRecent: true }).version;
}
