import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { AwsAddOn } from "./add-on";

/**
 * metrics-server, the resource metrics API (metrics.k8s.io) the bookstore's
 * HorizontalPodAutoscaler reads CPU from: EKS does not install it. As an EKS community
 * add-on, EKS installs and upgrades it (two replicas); it needs no AWS permissions.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/community-addons.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/metrics-server.html
 */
export const METRICS_SERVER: AwsAddOn = {
  name: "metrics-server",
  inCluster(scope, { cluster, nodeGroup }, version) {
    new EksAddon(scope, "MetricsServer", {
      clusterName: cluster.name,
      addonName: "metrics-server",
      addonVersion: version,
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      // A Deployment: EKS reports the add-on active only once its pods run on a node.
      dependsOn: [nodeGroup],
    });
  },
};
