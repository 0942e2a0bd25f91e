import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { AwsAddOn } from "./add-on";
import { eksAddOnVersion } from "./eks-add-on-version";

/**
 * The VPC CNI, the pods' network, taken over as an EKS add-on (EKS installs a self-managed
 * copy with every cluster; OVERWRITE replaces its settings). It enforces NetworkPolicy
 * objects only when asked to, and the workloads rely on that, and on its admin network
 * policies (the data stores' fence), which need v1.21 or later: by default the newest build
 * EKS lists for the cluster's version, not the older default EKS installs. Nodes need it
 * to become Ready, so it waits for no node.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html
 */
export const VPC_CNI: AwsAddOn = {
  name: "vpc-cni",
  inCluster(scope, { cluster, kubernetesVersion }, version) {
    const addonName = "vpc-cni";
    new EksAddon(scope, "VpcCni", {
      clusterName: cluster.name,
      addonName,
      addonVersion: eksAddOnVersion(scope, "VpcCniVersion", { addonName, kubernetesVersion, version }),
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
    });
  },
};
