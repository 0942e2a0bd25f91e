import { eksManagedAddOn } from "./eks-managed-add-on";

/**
 * The VPC CNI, the pods' network, taken over as an EKS add-on (EKS installs a self-managed
 * copy with every cluster). It enforces NetworkPolicy objects only when asked to, and the
 * workloads rely on that, and on its admin network policies (the data stores' fence), which
 * need v1.21 or later: by default the newest build EKS lists for the cluster's version, not
 * the older default EKS installs. Nodes need it to become Ready, so it waits for no node.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html
 */
export const VPC_CNI = eksManagedAddOn({ name: "vpc-cni", id: "VpcCni", configurationValues: { enableNetworkPolicy: "true" }, waitsForNodes: false });
