import { Construct } from "constructs";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Fn } from "../core/cdktf";

/** One statement of an IAM policy, as IAM spells it. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** The Kubernetes service account whose pods get the role. */
export interface PodServiceAccount {
  readonly cluster: EksCluster;
  /** The cluster's name as written, for the trust policy's condition. */
  readonly clusterName: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

/**
 * An IAM role the pods of one service account assume through EKS Pod Identity: the role
 * trusts the Pod Identity service only for sessions tagged with this cluster, namespace
 * and service account (the session tags EKS sets, on by default), its permissions are one
 * inline policy, and the association binds it to the service account. No OIDC provider,
 * no service-account annotation.
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html
 * ref: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html#pod-id-abac-tags
 * ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/eks_pod_identity_association
 */
export function podIdentityRole(
  scope: Construct,
  id: string,
  props: PodServiceAccount & { readonly namePrefix: string; readonly statements: readonly PolicyStatement[] },
): { readonly role: IamRole; readonly association: EksPodIdentityAssociation } {
  const role = new IamRole(scope, id, {
    namePrefix: props.namePrefix.slice(0, 38),
    description: `EKS Pod Identity of ${props.namespace}/${props.serviceAccount} on ${props.clusterName}`,
    assumeRolePolicy: Fn.jsonencode({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "EksPodIdentityOfOneServiceAccount",
          Effect: "Allow",
          Principal: { Service: "pods.eks.amazonaws.com" },
          Action: ["sts:AssumeRole", "sts:TagSession"],
          Condition: {
            StringEquals: {
              "aws:RequestTag/eks-cluster-name": props.clusterName,
              "aws:RequestTag/kubernetes-namespace": props.namespace,
              "aws:RequestTag/kubernetes-service-account": props.serviceAccount,
            },
          },
        },
      ],
    }),
  });
  // IAM refuses a policy without statements: a role that may do nothing gets none.
  const policy =
    props.statements.length > 0
      ? new IamRolePolicy(scope, `${id}Policy`, {
          role: role.id,
          name: "pod-identity",
          policy: Fn.jsonencode({ Version: "2012-10-17", Statement: props.statements }),
        })
      : undefined;
  const association = new EksPodIdentityAssociation(scope, `${id}Association`, {
    clusterName: props.cluster.name,
    namespace: props.namespace,
    serviceAccount: props.serviceAccount,
    roleArn: role.arn,
    // The pods get credentials only once the role may do its work.
    dependsOn: policy ? [policy] : undefined,
  });
  return { role, association };
}
