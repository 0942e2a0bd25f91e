import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { AwsAddOn } from "./add-on";
import { eksAddOnVersion } from "./eks-add-on-version";

/**
 * An add-on EKS installs and upgrades itself (`aws_eks_addon`) at the catalog's build
 * (`eksAddOnVersion`), taking over a copy EKS or anyone installed before (OVERWRITE, on
 * create and on update).
 * @param props.name the add-on's name in EKS and in the catalog's `kubernetesAddOns`
 * @param props.id the construct ID of the `aws_eks_addon` (`<id>Version` for its version lookup)
 * @param props.configurationValues the add-on's settings, as EKS's configuration schema takes them
 * @param props.waitsForNodes true for a Deployment, which EKS reports active only once its
 *   pods run on a node; false for what the nodes need to become Ready
 */
export function eksManagedAddOn(props: {
  readonly name: string;
  readonly id: string;
  readonly configurationValues?: Readonly<Record<string, string>>;
  readonly waitsForNodes: boolean;
}): AwsAddOn {
  return {
    name: props.name,
    inCluster(scope, { cluster, kubernetesVersion, nodeGroup }, version) {
      new EksAddon(scope, props.id, {
        clusterName: cluster.name,
        addonName: props.name,
        addonVersion: eksAddOnVersion(scope, `${props.id}Version`, { addonName: props.name, kubernetesVersion, version }),
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
        configurationValues: props.configurationValues && JSON.stringify(props.configurationValues),
        dependsOn: props.waitsForNodes ? [nodeGroup] : undefined,
      });
    },
  };
}
