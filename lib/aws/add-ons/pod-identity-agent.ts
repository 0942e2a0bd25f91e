import { eksManagedAddOn } from "./eks-managed-add-on";

/**
 * The EKS Pod Identity agent (a DaemonSet on the host network, 169.254.170.23:80), which
 * hands pods the credentials of the role their service account is associated with: the
 * load balancer controller's, the cluster autoscaler's and the bookstore's own.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html
 */
export const POD_IDENTITY_AGENT = eksManagedAddOn({ name: "eks-pod-identity-agent", id: "PodIdentityAgent", waitsForNodes: false });
