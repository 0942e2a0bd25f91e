import { Construct } from "constructs";
import { DataTencentcloudKubernetesCharts } from "../generated/tencentcloud/data-tencentcloud-kubernetes-charts";
import { KubernetesAddon } from "../generated/tencentcloud/kubernetes-addon";
import type { ITerraformDependable } from "../core/cdktf";

/**
 * TKE's name of its NetworkPolicy add-on, as `InstallAddon` takes it: the chart name,
 * lower case, where the console shows the label "NetworkPolicy" (as it shows "NginxIngress"
 * for the chart `ingressnginx`). The add-on's own objects are named `networkpolicy`.
 * ref: https://cloud.tencent.com/document/product/457/50841 (NetworkPolicy add-on: DaemonSet, ClusterRole, ServiceAccount `networkpolicy` in kube-system)
 * ref: https://cloud.tencent.com/document/api/457/94181 (InstallAddon: AddonName is the name on the cluster's add-on page; AddonVersion, "the latest when not given")
 * ref: tccli 3.1.189.1, services/tke/v20180525/examples.json (GetTkeAppChartList: chart "ingressnginx")
 */
export const NETWORK_POLICY_ADD_ON = "networkpolicy";

/**
 * The catalog's version for "whatever TKE offers when the add-on is first installed": TKE
 * publishes no list of the add-on's versions, only the newest (GetTkeAppChartList's
 * LatestVersion), so the plan reads that and installs it, and later plans keep it.
 */
export const TKE_LATEST_AT_INSTALL = "latest-at-install";

/**
 * Installs TKE's NetworkPolicy add-on, which enforces Kubernetes NetworkPolicy on a
 * GlobalRouter cluster (its network plugin enforces none by itself): without it the
 * workloads' NetworkPolicy is accepted by the API server and ignored.
 *
 * The plan reads TKE's add-on list (`tencentcloud_kubernetes_charts`) and refuses to go on
 * when it has no chart of that name, so a renamed add-on fails the plan instead of the apply.
 * With the catalog's `latest-at-install` the version installed is that list's newest, shown
 * in the plan; `addon_version` is then left alone (a new release does not upgrade a running
 * cluster). A version the catalog names is installed as named.
 * ref: https://www.tencentcloud.com/document/product/457/31424 ("TKE provides network isolation through the Network Policy add-on")
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/resource_tc_kubernetes_addon.go (InstallAddon, then waits for Phase "Succeeded")
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/data_source_tc_kubernetes_charts.go
 */
export function installNetworkPolicyAddOn(
  scope: Construct,
  props: { clusterId: string; version: string; dependsOn: ITerraformDependable[] },
): KubernetesAddon {
  const charts = new DataTencentcloudKubernetesCharts(scope, "AddOnCharts", { clusterType: "tke", arch: "amd64" });
  const offered = `${charts.fqn}.chart_list[*].name`;
  const latest = `\${one([for chart in ${charts.fqn}.chart_list : chart.latest_version if chart.name == "${NETWORK_POLICY_ADD_ON}"])}`;
  const atInstall = props.version === TKE_LATEST_AT_INSTALL;
  return new KubernetesAddon(scope, "NetworkPolicy", {
    clusterId: props.clusterId,
    addonName: NETWORK_POLICY_ADD_ON,
    addonVersion: atInstall ? latest : props.version,
    // Its DaemonSet runs on the nodes; the resource waits until TKE reports it running.
    dependsOn: props.dependsOn,
    lifecycle: {
      ignoreChanges: atInstall ? ["addon_version"] : undefined,
      precondition: [
        {
          condition: `\${contains(${offered}, "${NETWORK_POLICY_ADD_ON}")}`,
          errorMessage: `TKE offers no add-on named ${NETWORK_POLICY_ADD_ON} (GetTkeAppChartList): without it the workloads' NetworkPolicy is not enforced. Check the add-on's name on the cluster's add-on page and report it.`,
        },
      ],
    },
  });
}
