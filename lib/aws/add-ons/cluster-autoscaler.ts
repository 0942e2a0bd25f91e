import { Release } from "@cdktf/provider-helm/lib/release";
import { Fn } from "../../core/cdktf";
import { podIdentityRole } from "../pod-identity";
import { AwsAddOn } from "./add-on";

/**
 * The Kubernetes Cluster Autoscaler, which sizes the managed node group between its
 * minimum and maximum: it finds the group by the tags EKS puts on every managed node
 * group's Auto Scaling group (`k8s.io/cluster-autoscaler/enabled` and
 * `k8s.io/cluster-autoscaler/<cluster>`, value `owned`), and may change the size of, or
 * terminate instances in, only the groups carrying both. Its image follows the cluster's
 * Kubernetes minor version, as its releases do.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html (tags for Cluster Autoscaler auto-discovery)
 * ref: https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md (IAM policy, auto-discovery)
 * ref: https://docs.aws.amazon.com/autoscaling/ec2/userguide/control-access-using-iam.html (aws:ResourceTag conditions)
 */
export const CLUSTER_AUTOSCALER: AwsAddOn = {
  name: "cluster-autoscaler",
  inCluster(scope, { cluster, clusterName, catalog, nodeGroup }) {
    const chart = catalog.aws.helmAddOns.clusterAutoscaler;
    podIdentityRole(scope, "ClusterAutoscalerRole", {
      cluster,
      clusterName,
      namespace: chart.namespace,
      serviceAccount: chart.serviceAccount,
      namePrefix: `${clusterName}-ca-`,
      statements: [
        {
          Sid: "Discover",
          Effect: "Allow",
          Action: [
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeLaunchConfigurations",
            "autoscaling:DescribeScalingActivities",
            "autoscaling:DescribeTags",
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:GetInstanceTypesFromInstanceRequirements",
          ],
          Resource: "*",
        },
        { Sid: "ReadTheNodeGroup", Effect: "Allow", Action: ["eks:DescribeNodegroup"], Resource: nodeGroup.arn },
        {
          Sid: "ScaleOnlyThisClustersGroups",
          Effect: "Allow",
          Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
          Resource: "*",
          Condition: {
            StringEquals: {
              "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": "true",
              [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned",
            },
          },
        },
      ],
    });
  },
  inAddOnsStack(scope, { clusterName, kubernetesVersion, region, catalog, charts }, version) {
    const chart = catalog.aws.helmAddOns.clusterAutoscaler;
    new Release(scope, "ClusterAutoscaler", {
      name: chart.chart,
      ...charts.locate({ repository: chart.repository, chart: chart.chart, version }),
      namespace: chart.namespace,
      values: [
        Fn.jsonencode({
          cloudProvider: "aws",
          awsRegion: region,
          autoDiscovery: { clusterName },
          // The Pod Identity association names this service account: no annotation needed.
          rbac: { serviceAccount: { create: true, name: chart.serviceAccount } },
          // One autoscaler release per Kubernetes minor; a version the catalog lacks fails the plan.
          image: { tag: Fn.lookup(chart.imageTags, kubernetesVersion) },
        }),
      ],
      wait: true,
    });
  },
};
