import { Construct } from "constructs";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import type { ChartSource } from "../../core/chart-source";
import type { RegistryCredentials } from "../../core/registry-credentials";
import { AwsCatalog } from "../catalog";

/** What an add-on's part in the infrastructure stack knows of the cluster. */
export interface AwsClusterContext {
  readonly cluster: EksCluster;
  /** The cluster's name as written (for IAM condition keys, which cannot be references). */
  readonly clusterName: string;
  /** The cluster's Kubernetes version as configured (`1.36`), known at plan before the cluster exists. */
  readonly kubernetesVersion: string;
  /** Add-ons whose pods need a node to run wait for the node group. */
  readonly nodeGroup: EksNodeGroup;
  readonly catalog: AwsCatalog;
  /** The IP target group of the load balancer's pod backend, where pods are registered; undefined when no load balancer sends the pods requests. */
  readonly podTargetGroupArn?: string;
  /** The registry login the cluster's secret-sync operator may read (`workloadIdentity.registryCredentials`); undefined when the pods need none. */
  readonly registryCredentials?: RegistryCredentials;
}

/** What an add-on's Helm release knows of the cluster: read by data sources of the add-ons stack. */
export interface AwsHelmContext {
  readonly clusterName: string;
  /** The cluster's Kubernetes version (`1.33`), as the API reports it at plan time. */
  readonly kubernetesVersion: string;
  readonly vpcId: string;
  readonly region: string;
  readonly catalog: AwsCatalog;
  /** The registry login the operator turns into an image pull secret (`AddOnOptions.registryCredentials`); undefined when the pods need none. */
  readonly registryCredentials?: RegistryCredentials;
  /** Where the releases take their charts from (`AddOnOptions.charts`). */
  readonly charts: ChartSource;
}

/**
 * One add-on of the EKS cluster, named as the catalog's `kubernetesAddOns` names it. An
 * add-on has a part in the infrastructure stack (an EKS add-on, or the IAM role its pods
 * assume through EKS Pod Identity), a Helm release in the add-ons stack, or both.
 */
export interface AwsAddOn {
  readonly name: string;
  inCluster?(scope: Construct, cluster: AwsClusterContext, version: string): void;
  inAddOnsStack?(scope: Construct, cluster: AwsHelmContext, version: string): void;
}
