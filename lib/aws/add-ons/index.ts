import { AwsAddOn } from "./add-on";
import { CLUSTER_AUTOSCALER } from "./cluster-autoscaler";
import { EXTERNAL_SECRETS } from "./external-secrets";
import { LOAD_BALANCER_CONTROLLER } from "./load-balancer-controller";
import { METRICS_SERVER } from "./metrics-server";
import { POD_IDENTITY_AGENT } from "./pod-identity-agent";
import { VPC_CNI } from "./vpc-cni";

export type { AwsAddOn, AwsClusterContext, AwsHelmContext } from "./add-on";

/**
 * The add-ons of every EKS cluster, one per entry of the catalog's `kubernetesAddOns`; the
 * External Secrets Operator only where the pods pull with registry credentials.
 */
export const AWS_ADD_ONS: readonly AwsAddOn[] = [VPC_CNI, POD_IDENTITY_AGENT, METRICS_SERVER, LOAD_BALANCER_CONTROLLER, CLUSTER_AUTOSCALER, EXTERNAL_SECRETS];
