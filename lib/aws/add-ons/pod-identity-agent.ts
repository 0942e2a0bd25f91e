import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { AwsAddOn } from "./add-on";
import { eksAddOnVersion } from "./eks-add-on-version";

/**
 * The EKS Pod Identity agent (a DaemonSet on the host network, 169.254.170.23:80), which
 * hands pods the credentials of the role their service account is associated with: the
 * load balancer controller's, the cluster autoscaler's and the bookstore's own.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html
 */
export const POD_IDENTITY_AGENT: AwsAddOn = {
  name: "eks-pod-identity-agent",
  inCluster(scope, { cluster, kubernetesVersion }, version) {
    const addonName = "eks-pod-identity-agent";
    new EksAddon(scope, "PodIdentityAgent", {
      clusterName: cluster.name,
      addonName,
      addonVersion: eksAddOnVersion(scope, "PodIdentityAgentVersion", { addonName, kubernetesVersion, version }),
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
    });
  },
};
