import { Release } from "@cdktf/provider-helm/lib/release";
import { Fn } from "../../core/cdktf";
import { podIdentityRole, PolicyStatement } from "../pod-identity";
import { AwsAddOn } from "./add-on";

/**
 * The AWS Load Balancer Controller, here only for its TargetGroupBinding: it registers the
 * bookstore's pods, by IP, into the IP target group of the load balancer Terraform owns.
 *
 * It must never create a load balancer of its own, so its role has none of the documented
 * policy's create, modify or delete rights: only the read-only Describe calls the
 * controller makes at start and while reconciling (the VPC's CIDRs for IP targets, the
 * target group's type and health), and RegisterTargets/DeregisterTargets on the pod
 * target group alone. An Ingress or a LoadBalancer Service would fail with AccessDenied
 * rather than open a second front door: the chart's default webhook hands every new
 * LoadBalancer Service to this controller (rather than to EKS's built-in cloud provider,
 * which would make a Classic Load Balancer), and it may create none. The chart also makes
 * no IngressClass, ignores the legacy class annotation and creates no shared backend
 * security group. The load balancer reaches the pods through a Terraform rule on
 * the cluster's security group, so the binding needs no `networking` and the controller
 * no security-group rights.
 * ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/targetgroupbinding/targetgroupbinding/
 * ref: https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/install/iam_policy.json
 * ref: https://github.com/aws/eks-charts/blob/master/stable/aws-load-balancer-controller/values.yaml
 */
export const LOAD_BALANCER_CONTROLLER: AwsAddOn = {
  name: "aws-load-balancer-controller",
  inCluster(scope, { cluster, clusterName, catalog, podTargetGroupArn }) {
    const chart = catalog.aws.helmAddOns.loadBalancerController;
    const statements: PolicyStatement[] = [
      {
        Sid: "ReadOnly",
        Effect: "Allow",
        // The read-only Describe calls of the documented policy, nothing else of it.
        Action: [
          "ec2:DescribeAccountAttributes",
          "ec2:DescribeAddresses",
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeInstances",
          "ec2:DescribeInternetGateways",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeRouteTables",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeTags",
          "ec2:DescribeVpcPeeringConnections",
          "ec2:DescribeVpcs",
          "elasticloadbalancing:DescribeListenerAttributes",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancerAttributes",
          "elasticloadbalancing:DescribeLoadBalancers",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTags",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetHealth",
        ],
        Resource: "*",
      },
    ];
    if (podTargetGroupArn !== undefined) {
      statements.push({
        Sid: "RegisterPodsIntoThePodTargetGroupOnly",
        Effect: "Allow",
        Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
        Resource: podTargetGroupArn,
      });
    }
    podIdentityRole(scope, "LoadBalancerControllerRole", {
      cluster,
      clusterName,
      namespace: chart.namespace,
      serviceAccount: chart.serviceAccount,
      namePrefix: `${clusterName}-lbc-`,
      statements,
    });
  },
  inAddOnsStack(scope, { clusterName, region, vpcId, catalog, charts }, version) {
    const chart = catalog.aws.helmAddOns.loadBalancerController;
    new Release(scope, "LoadBalancerController", {
      name: chart.chart,
      ...charts.locate({ repository: chart.repository, chart: chart.chart, version }),
      namespace: chart.namespace,
      values: [
        Fn.jsonencode({
          clusterName,
          region,
          // Given, so the controller asks neither the instance metadata nor the API for them.
          vpcId,
          // The Pod Identity association names this service account: no annotation needed.
          serviceAccount: { create: true, name: chart.serviceAccount },
          createIngressClassResource: false,
          disableIngressClassAnnotation: true,
          enableBackendSecurityGroup: false,
          // The webhook's certificate survives upgrades instead of being generated anew each time.
          keepTLSSecret: true,
        }),
      ],
      // Apply waits until the controller and its webhooks answer: the workloads stack's
      // TargetGroupBinding is admitted by them.
      wait: true,
    });
  },
};
