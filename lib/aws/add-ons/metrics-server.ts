import { eksManagedAddOn } from "./eks-managed-add-on";

/**
 * metrics-server, the resource metrics API (metrics.k8s.io) the bookstore's
 * HorizontalPodAutoscaler reads CPU from: EKS does not install it. As an EKS community
 * add-on, EKS installs and upgrades it (two replicas); it needs no AWS permissions. A
 * Deployment: EKS reports the add-on active only once its pods run on a node.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/community-addons.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/metrics-server.html
 */
export const METRICS_SERVER = eksManagedAddOn({ name: "metrics-server", id: "MetricsServer", waitsForNodes: true });
