import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { AwsAddOn } from "./add-on";
import { eksAddOnVersion } from "./eks-add-on-version";

/**
 * metrics-server, the resource metrics API (metrics.k8s.io) the bookstore's
 * HorizontalPodAutoscaler reads CPU from: EKS does not install it. As an EKS community
 * add-on, EKS installs and upgrades it (two replicas); it needs no AWS permissions.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/community-addons.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/metrics-server.html
 */
export const METRICS_SERVER: AwsAddOn = {
  name: "metrics-server",
  inCluster(scope, { cluster, kubernetesVersion, nodeGroup }, version) {
    const addonName = "metrics-server";
    new EksAddon(scope, "MetricsServer", {
      clusterName: cluster.name,
      addonName,
      addonVersion: eksAddOnVersion(scope, "MetricsServerVersion", { addonName, kubernetesVersion, version }),
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      // A Deployment: EKS reports the add-on active only once its pods run on a node.
      dependsOn: [nodeGroup],
    });
  },
};
